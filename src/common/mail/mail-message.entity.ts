import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MailStatus = 'pending' | 'sent' | 'failed';

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
}
