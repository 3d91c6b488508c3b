// The mail outbox other modules queue messages into (password resets, quest
// mail); delivery reads it back.
import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';

@Global()
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
