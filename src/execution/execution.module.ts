// Work on remote hosts over SSH: connections with ssh2 and, on top of them, reading part of a
// remote file (log windows by bytes or by lines) without transferring the whole file.
import { Module } from '@nestjs/common';
import { RemoteFiles } from './remote-files.service';
import { SshClient } from './ssh-client';

@Module({
  providers: [SshClient, RemoteFiles],
  exports: [SshClient, RemoteFiles],
})
export class ExecutionModule {}
