// The mail outbox other modules queue messages into (password resets, quest
// mail), in their own transactions; messages wait there with status pending.
import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';

@Global()
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
