import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ApprovalStatus } from '../approval-flow';

registerEnumType(ApprovalStatus, { name: 'ApprovalStatus' });

/**
 * The review of one owner's resource (a deploy task, a resource request, a DNS change). The
 * approval module knows the resource only as (resourceType, resourceId) and the permission that
 * reviews it, checked on `scope` (a module, an application...).
 */
@ObjectType()
@Entity('approvals')
@Index(['resourceType', 'resourceId'], { unique: true })
@Index(['status', 'plannedExecTime'])
export class Approval {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 32 })
  resourceType: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  resourceId: string;

  @Field({ description: 'The permission its reviewers hold on the scope' })
  @Column({ type: 'varchar', length: 64 })
  reviewPermission: string;

  @Field({ description: 'What the review permission is held on: module, application...' })
  @Column({ type: 'varchar', length: 32 })
  scopeType: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  scopeId: string;

  @Field(() => String, { nullable: true, description: 'Environment level S, A, B, C or I' })
  @Column({ type: 'varchar', length: 1, nullable: true })
  level: string | null;

  @Field(() => Int, { description: 'Distinct approvers needed' })
  @Column({ type: 'int', default: 1 })
  requiredApprovals: number;

  @Field(() => ApprovalStatus)
  @Column({ type: 'simple-enum', enum: ApprovalStatus, default: ApprovalStatus.WAIT_REVIEW })
  status: ApprovalStatus;

  @Field(() => Int)
  @Column({ type: 'int' })
  requesterId: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  requesterName: string;

  /** Who the review was delegated to: only they (or an administrator) decide it then. */
  @Field(() => Int, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  assigneeId: number | null;

  /** The work may not start before this time; the owner's scheduler starts it then. */
  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  plannedExecTime: Date | null;

  /** Why the work failed, or why an approved resource is not finished yet (kept until it is). */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
