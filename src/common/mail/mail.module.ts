// The mail outbox other modules queue messages into (password resets, quest mail) in their own
// transactions, and its delivery over SMTP when SMTP_URL is set (pending until then).
import { Global, Module } from '@nestjs/common';
import { MailDeliveryService } from './mail-delivery.service';
import { MailService } from './mail.service';

@Global()
@Module({ providers: [MailService, MailDeliveryService], exports: [MailService] })
export class MailModule {}
