import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ApprovalAction } from '../approval-flow';

registerEnumType(ApprovalAction, { name: 'ApprovalAction' });

/** One step of a review or of the work after it: who, when, why. Append-only. */
@ObjectType()
@Entity('approval_decisions')
export class ApprovalDecision {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Index()
  @Column({ type: 'int' })
  approvalId: number;

  @Field(() => ApprovalAction)
  @Column({ type: 'varchar', length: 16 })
  action: ApprovalAction;

  /** Null when the service itself acted (a scheduled start, a job finishing). */
  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The user a delegation handed the review to. */
  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  toUserId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  toUsername: string | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;
}
