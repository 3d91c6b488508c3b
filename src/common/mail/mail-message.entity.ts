import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** pending → sending → sent; a failed attempt goes back to pending until the last one, then failed. */
export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** The outbox: mail is written here in the sender's transaction and delivered afterwards. */
@Entity('mail_messages')
export class MailMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  recipient: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  /** May carry a one-time link: never logged. */
  @Column({ type: 'text' })
  body: string;

  @Index()
  @Column({ type: 'varchar', length: 8, default: 'pending' })
  status: MailStatus;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  /** Delivery attempts so far (SMTP). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Not before this time after a failed attempt (backoff); null: as soon as possible. */
  @Column({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null;

  /** Why the last attempt failed: the SMTP server's answer, never the message. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  lastError: string | null;
}
