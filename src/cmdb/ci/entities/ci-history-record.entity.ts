import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One request that changed CIs: every attribute and relation change it made hangs under it. */
@Entity('ci_history_records')
@Index(['createdAt'])
@Index(['operatorName'])
export class CiHistoryRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  operatorId: number | null;

  /** Kept as text so the record outlives the user it names. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  operatorName: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  origin: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ticketId: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  reason: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
