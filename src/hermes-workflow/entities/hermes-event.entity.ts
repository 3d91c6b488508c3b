import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Host } from '../../cmdb/inventory/entities/host.entity';
import { HermesTimeColumn } from './hermes-time.column';
import { HermesEventType } from './hermes-event-type.entity';

/** Something that happened to a host; events are what the fate engine reacts to. */
@ObjectType('HermesEvent')
@Entity('hermes_events')
@Index(['hostId', 'timestamp'])
export class HermesEvent {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  hostId: number;

  @ManyToOne(() => Host, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'host_id' })
  host?: Host;

  @Field({ description: 'Naive UTC, YYYY-MM-DD HH:MM:SS.ffffff' })
  @Index()
  @HermesTimeColumn()
  timestamp: string;

  @Field()
  @Column({ type: 'varchar', length: 255 })
  user: string;

  @Field(() => Int)
  @Index()
  @Column({ type: 'int' })
  eventTypeId: number;

  @ManyToOne(() => HermesEventType)
  @JoinColumn({ name: 'event_type_id' })
  eventType?: HermesEventType;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Tag shared by the rows of one multi-row insert, to read their ids back on either dialect. */
  @Index()
  @Column({ type: 'bigint', nullable: true })
  tx: string | null;
}
