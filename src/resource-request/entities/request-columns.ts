import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A request's state, as the approval flow moves it (the seed's five values). */
export enum ResourceRequestStatus {
  WAIT_REVIEW = 'wait_review',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  CLOSED = 'closed',
  FINISHED = 'finished',
}
registerEnumType(ResourceRequestStatus, { name: 'ResourceRequestStatus' });

/**
 * What every kind of request has: who asked, when, and its state. The approval keeps the state;
 * this copy is written in the same transaction so lists filter on it.
 */
@ObjectType({ isAbstract: true })
export abstract class RequestColumns {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Index()
  @Column({ type: 'int' })
  creatorId: number;

  /** Kept as text so the request outlives a renamed or removed user, as audit entries do. */
  @Field({ description: 'Username of who asked' })
  @Index()
  @Column({ type: 'varchar', length: 64 })
  creatorName: string;

  @Field(() => ResourceRequestStatus)
  @Index()
  @Column({ type: 'simple-enum', enum: ResourceRequestStatus, default: ResourceRequestStatus.WAIT_REVIEW })
  status: ResourceRequestStatus;

  @Field(() => GraphQLISODateTime)
  @Index()
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;
}
