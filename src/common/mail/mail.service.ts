import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailMessage } from './mail-message.entity';

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/**
 * Queues mail in the outbox table inside the caller's transaction, so a mail
 * exists exactly when the change that sends it commits.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);

  async queue(em: EntityManager, mail: Mail): Promise<MailMessage> {
    const saved = await em.save(em.create(MailMessage, { recipient: mail.to, subject: mail.subject, body: mail.body }));
    this.logger.log({ mailId: saved.id, to: mail.to, subject: mail.subject }, 'mail queued');
    return saved;
  }
}
