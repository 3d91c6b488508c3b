import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn } from '../../database/column-types';
import { CdnProvider, RefreshMode } from '../cdn-refresh-input';

export enum CdnTaskStatus {
  RUNNING = 'running',
  FINISHED = 'finished',
  FAILED = 'failed',
}
registerEnumType(CdnTaskStatus, { name: 'CdnTaskStatus' });
registerEnumType(CdnProvider, { name: 'CdnProvider' });
registerEnumType(RefreshMode, { name: 'CdnRefreshMode' });

/** URLs a CDN provider is asked to drop from its caches: a job on the queue, retried on transient errors. */
@ObjectType()
@Entity('cdn_refresh_tasks')
export class CdnRefreshTask {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => [String])
  @JsonColumn()
  urls: string[];

  @Field(() => CdnProvider)
  @Index()
  @Column({ type: 'simple-enum', enum: CdnProvider })
  provider: CdnProvider;

  @Field(() => RefreshMode)
  @Column({ type: 'simple-enum', enum: RefreshMode })
  refreshMode: RefreshMode;

  @Field(() => CdnTaskStatus)
  @Index()
  @Column({ type: 'simple-enum', enum: CdnTaskStatus, default: CdnTaskStatus.RUNNING })
  status: CdnTaskStatus;

  /** The provider's answer when it failed (the last one while it is retried). */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Field(() => String, { nullable: true, description: "The provider's id of the refresh" })
  @Column({ type: 'varchar', length: 128, nullable: true })
  providerTaskId: string | null;

  @Field(() => Int, { description: 'Calls made to the provider' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  creatorId: number;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 64 })
  creatorName: string;

  @Field(() => GraphQLISODateTime)
  @Index()
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;
}
