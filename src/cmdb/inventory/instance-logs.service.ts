import { Injectable } from '@nestjs/common';
import { AclService } from '../../acl/acl.service';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { LogChunk, LogReadOptions } from '../../execution/log-window';
import { RemoteFiles } from '../../execution/remote-files.service';
import { ApplicationInstancesService } from './application-instances.service';
import { HostsService } from './hosts.service';

export type LogType = 'stdout' | 'error';

/** Reads an application instance's log file on its host, a window at a time. */
@Injectable()
export class InstanceLogsService {
  constructor(
    private readonly acl: AclService,
    private readonly instances: ApplicationInstancesService,
    private readonly hosts: HostsService,
    private readonly files: RemoteFiles,
  ) {}

  async read(
    actor: Principal,
    appId: number,
    instanceId: number,
    logType: LogType,
    options: LogReadOptions,
  ): Promise<LogChunk> {
    await this.acl.assert(actor, 'view_app_log', { type: 'application', id: appId });
    const instance = await this.instances.getInstance(appId, instanceId);
    const app = instance.application;
    const path = logType === 'error' ? app?.stderrPath : app?.stdoutPath;
    if (!path) throw new InvalidInputError('log_type', `the application has no ${logType} log path configured`);
    return this.files.read(await this.hosts.sshTargetOf(instance.hostId), path, options);
  }
}
