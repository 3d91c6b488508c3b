import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { MailMessage } from './mail-message.entity';

/** Attempts before a message is given up as failed. */
export const MAX_ATTEMPTS = 5;
const BATCH = 20;
const POLL_MS = 1000;
/** How long a claim holds: past it, a message a node was sending when it died is sent again. */
export const CLAIM_MS = 15 * 60_000;

/** Wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min. */
export function backoffMs(attempts: number): number {
  return 30_000 * 2 ** (attempts - 1);
}

/**
 * Delivers the outbox over SMTP when SMTP_URL is set (on nodes that run background work): pending
 * messages are claimed one by one (so several nodes never send one twice), sent with nodemailer
 * and marked sent, or retried with backoff and finally marked failed. A claim lapses after
 * CLAIM_MS, so a message is not stuck in `sending` when its node died. Logs never carry a body.
 */
@Injectable()
export class MailDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailDeliveryService.name);
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.smtpUrl || this.config.role === 'api') return;
    this.transport = createTransport(this.config.smtpUrl);
    this.timer = setInterval(() => {
      this.running ??= this.deliverDue().finally(() => (this.running = undefined));
    }, POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** One pass over the messages due now; answers how many were sent. */
  async deliverDue(): Promise<number> {
    if (!this.transport) return 0;
    const repo = this.dataSource.getRepository(MailMessage);
    const now = new Date();
    const due = await repo.find({
      where: [
        { status: 'pending', nextAttemptAt: IsNull() },
        { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
        { status: 'sending', nextAttemptAt: LessThanOrEqual(now) },
      ],
      order: { id: 'ASC' },
      take: BATCH,
    });
    let sent = 0;
    for (const mail of due) {
      const attempts = mail.attempts + 1;
      // Compare-and-set on the attempt count: of several nodes, one claims the message.
      const claimed = await repo.update(
        { id: mail.id, status: mail.status, attempts: mail.attempts },
        { status: 'sending', attempts, nextAttemptAt: new Date(Date.now() + CLAIM_MS) },
      );
      if (claimed.affected !== 1) continue;
      try {
        await this.transport.sendMail({
          from: this.config.mailFrom,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.body,
        });
        await repo.update(
          { id: mail.id },
          { status: 'sent', sentAt: new Date(), nextAttemptAt: null, lastError: null },
        );
        sent += 1;
      } catch (e) {
        const reason = (e instanceof Error ? e.message : String(e)).slice(0, 512);
        const failed = attempts >= MAX_ATTEMPTS;
        await repo.update(
          { id: mail.id },
          {
            status: failed ? 'failed' : 'pending',
            lastError: reason,
            nextAttemptAt: failed ? null : new Date(Date.now() + backoffMs(attempts)),
          },
        );
        this.logger.warn({ mailId: mail.id, attempts, failed, reason }, 'mail delivery failed');
      }
    }
    return sent;
  }
}
