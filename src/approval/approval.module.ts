// The one approval flow deploy tasks, resource requests and DNS changes share: review by holders of
// a permission, two approvers for critical levels, delegation, planned times, every decision kept.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AclModule } from '../acl/acl.module';
import { AuditModule } from '../audit/audit.module';
import { ApprovalsResolver } from './approvals.resolver';
import { ApprovalsService } from './approvals.service';
import { ApprovalDecision } from './entities/approval-decision.entity';
import { Approval } from './entities/approval.entity';

/**
 * How an owner uses it (see ApprovalsService for each method):
 *
 * - On create, inside its transaction: `approvals.openIn(em, { resourceType: 'deploy_task',
 *   resourceId, reviewPermission: 'review_app_deploy_task', scope: { type: 'application', id },
 *   level, plannedExecTime, requester: actor })`; `checkSpec` validates level and planned time first.
 * - On each action, inside its transaction: `approveIn`, `rejectIn`, `delegateIn(…, toUserId)`,
 *   `closeIn`, then `startIn` (refused before the planned time), `finishIn`, `failIn`, or
 *   `noteErrorIn` for approved work that could not finish yet. Each answers `{ approval, previous }`;
 *   `approval.status` is approved only once the required distinct approvers approved. A refused step
 *   throws InvalidStateError (or ForbiddenError for the requester / a delegated review) whose
 *   `reason` (`already_approved`, `already_closed`, `already_finished`, `own_request`...) the
 *   owner's family maps to its codes.
 * - Batches: `eachOnItsOwn(ids, id => this.approve(actor, id))` (approval-batch.ts), one
 *   transaction per item; GraphQL answers `ApprovalBatchItem`s.
 * - Reads: `ofResources(type, ids)`, `decisionsOf(approvalIds)`, `canReview(actor, approval)`,
 *   `dueToStart(type, now)` for a scheduler; GraphQL: expose `Approval` on the owner's object with
 *   `loadApproval(ctx, approvals, type, id)`; its `decisions` field resolves here.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Approval, ApprovalDecision]), AclModule, AuditModule],
  providers: [ApprovalsService, ApprovalsResolver],
  exports: [ApprovalsService],
})
export class ApprovalModule {}
