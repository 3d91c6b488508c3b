import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Host } from '../../cmdb/inventory/entities/host.entity';
import { HermesEvent } from './hermes-event.entity';
import { HermesFate } from './hermes-fate.entity';
import { HermesQuest } from './hermes-quest.entity';
import { HermesTimeColumn } from './hermes-time.column';

/**
 * A task on one host, opened by a fate's event and closed by a follower fate's event. Only the
 * fate engine creates and closes labors.
 */
@ObjectType('HermesLabor')
@Entity('hermes_labors')
// Open labors of a host: what every event batch loads.
@Index(['hostId', 'completionEventId'])
export class HermesLabor {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  /** The first labor of the chain (null for that first labor itself); not a foreign key. */
  @Field(() => Int, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  startingLaborId: number | null;

  @Field(() => Int)
  @Index()
  @Column({ type: 'int' })
  fateId: number;

  @ManyToOne(() => HermesFate)
  @JoinColumn({ name: 'fate_id' })
  fate?: HermesFate;

  @Field(() => Int, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  closingFateId: number | null;

  @ManyToOne(() => HermesFate)
  @JoinColumn({ name: 'closing_fate_id' })
  closingFate?: HermesFate | null;

  @Field(() => Int, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  questId: number | null;

  @ManyToOne(() => HermesQuest)
  @JoinColumn({ name: 'quest_id' })
  quest?: HermesQuest | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  hostId: number;

  @ManyToOne(() => Host, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'host_id' })
  host?: Host;

  @Field()
  @Column({ type: 'boolean', default: false })
  forCreator: boolean;

  @Field()
  @Column({ type: 'boolean', default: true })
  forOwner: boolean;

  @Field()
  @Index()
  @HermesTimeColumn()
  creationTime: string;

  @Field(() => String, { nullable: true })
  @HermesTimeColumn({ nullable: true })
  ackTime: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  ackUser: string | null;

  @Field(() => String, { nullable: true })
  @HermesTimeColumn({ nullable: true })
  completionTime: string | null;

  @Field(() => Int)
  @Index()
  @Column({ type: 'int' })
  creationEventId: number;

  @ManyToOne(() => HermesEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'creation_event_id' })
  creationEvent?: HermesEvent;

  @Field(() => Int, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  completionEventId: number | null;

  @ManyToOne(() => HermesEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'completion_event_id' })
  completionEvent?: HermesEvent | null;
}
