import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AclService, ResourceRef } from '../acl/acl.service';
import { UsersService } from '../acl/users.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { groupBy } from '../common/group-by';
import { APPROVAL_LEVELS, AppConfig, ApprovalLevel } from '../config/app-config';
import {
  approve,
  ApprovalAction,
  ApprovalStatus,
  delegate,
  reject,
  requiredApprovals,
  ReviewState,
  start,
  transition,
} from './approval-flow';
import { settle } from './approval-errors';
import { ApprovalDecision } from './entities/approval-decision.entity';
import { Approval } from './entities/approval.entity';

/** Which resource an approval reviews. */
export interface ApprovalRef {
  resourceType: string;
  resourceId: string | number;
}

export interface OpenApproval extends ApprovalRef {
  /** The permission whose holders review it, held on `scope` (e.g. `approve_host_req` on module resource_request). */
  reviewPermission: string;
  scope: ResourceRef;
  /** S and A (configurable) need two distinct approvers; null: one. */
  level?: ApprovalLevel | null;
  /** The work may not start before it; must not lie in the past. */
  plannedExecTime?: Date | null;
  requester: Pick<Principal, 'userId' | 'username'>;
}

export interface ApprovalOutcome {
  approval: Approval;
  /** The status before this call. */
  previous: ApprovalStatus;
}

/** A planned time this far in the past still counts as "now": the client's clock and the trip differ. */
const PLANNED_TIME_SLACK_MS = 60_000;

/**
 * The one approval flow. Owners call the `…In(em, …)` methods inside their own transaction, so
 * their change and the decision commit together; each method locks the approval row, asks the
 * pure flow (approval-flow.ts), records the decision (who, when, why) and one audit entry.
 * A refused step throws a domain error whose `reason` is the refusal (`already_approved`...), for
 * the owner's wire codes. Reviewers are the holders of the review permission on the scope, as the
 * ACL answers; starting, finishing and failing are the owner's calls and are not checked here.
 */
@Injectable()
export class ApprovalsService {
  private readonly twoPersonLevels: readonly string[];

  constructor(
    config: AppConfig,
    @InjectRepository(Approval) private readonly approvals: Repository<Approval>,
    @InjectRepository(ApprovalDecision) private readonly decisions: Repository<ApprovalDecision>,
    private readonly acl: AclService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {
    this.twoPersonLevels = config.approval.twoPersonLevels;
  }

  /** Checks an approval's level and planned time before an owner writes anything (`field` names them). */
  checkSpec(spec: Pick<OpenApproval, 'level' | 'plannedExecTime'>, now = new Date()): void {
    if (spec.level !== undefined && spec.level !== null && !APPROVAL_LEVELS.includes(spec.level)) {
      throw new InvalidInputError('level', `must be one of ${APPROVAL_LEVELS.join(', ')}`);
    }
    const planned = spec.plannedExecTime;
    if (planned !== undefined && planned !== null) {
      if (Number.isNaN(planned.getTime())) throw new InvalidInputError('planned_exec_time', 'must be a time');
      if (planned.getTime() < now.getTime() - PLANNED_TIME_SLACK_MS) {
        throw new InvalidInputError('planned_exec_time', 'must not lie in the past');
      }
    }
  }

  /** Starts the review of a resource (one per resource), in wait_review. */
  async openIn(em: EntityManager, spec: OpenApproval): Promise<Approval> {
    this.checkSpec(spec);
    const where = { resourceType: spec.resourceType, resourceId: String(spec.resourceId) };
    if (await em.existsBy(Approval, where)) {
      throw new ConflictError(`${spec.resourceType} ${spec.resourceId} is under review already`);
    }
    const level = spec.level ?? null;
    return em.save(
      em.create(Approval, {
        ...where,
        reviewPermission: spec.reviewPermission,
        scopeType: spec.scope.type,
        scopeId: String(spec.scope.id),
        level,
        requiredApprovals: requiredApprovals(level, this.twoPersonLevels),
        status: ApprovalStatus.WAIT_REVIEW,
        requesterId: spec.requester.userId,
        requesterName: spec.requester.username,
        assigneeId: null,
        plannedExecTime: spec.plannedExecTime ?? null,
        error: null,
      }),
    );
  }

  /** One reviewer's approval; the status moves to approved once enough distinct reviewers approved. */
  async approveIn(em: EntityManager, actor: Principal, ref: ApprovalRef, reason?: string | null) {
    const approval = await this.lockedIn(em, ref);
    await this.assertReviewer(actor, approval);
    const state = await this.reviewState(em, approval);
    const next = settle(approve(state, actor.userId, actor.isAdmin));
    return this.moveIn(em, actor, approval, ApprovalAction.APPROVE, next, { reason });
  }

  async rejectIn(em: EntityManager, actor: Principal, ref: ApprovalRef, reason?: string | null) {
    const approval = await this.lockedIn(em, ref);
    await this.assertReviewer(actor, approval);
    const next = settle(reject(await this.reviewState(em, approval), actor.userId, actor.isAdmin));
    return this.moveIn(em, actor, approval, ApprovalAction.REJECT, next, { reason });
  }

  /**
   * Hands the review to `toUserId`, who must hold the review permission (400 naming `field`
   * otherwise); from then on only they, or an administrator, decide it.
   */
  async delegateIn(
    em: EntityManager,
    actor: Principal,
    ref: ApprovalRef,
    toUserId: number,
    reason?: string | null,
    field = 'user_id',
  ) {
    const approval = await this.lockedIn(em, ref);
    if (approval.assigneeId !== actor.userId) await this.assertReviewer(actor, approval);
    const [to] = await this.users.findByIdsIn(em, [toUserId]);
    if (!to) throw new NotFoundError('user', toUserId, field);
    const next = settle(delegate(await this.reviewState(em, approval), actor.userId, toUserId, actor.isAdmin));
    if (!(await this.acl.userCan(toUserId, approval.reviewPermission, scopeOf(approval)))) {
      throw new InvalidInputError(field, `user "${to.username}" does not hold ${approval.reviewPermission}`);
    }
    approval.assigneeId = toUserId;
    return this.moveIn(em, actor, approval, ApprovalAction.DELEGATE, next, {
      reason,
      to: { userId: to.id, username: to.username },
    });
  }

  /** Closes an open approval: the requester or a reviewer may. */
  async closeIn(em: EntityManager, actor: Principal, ref: ApprovalRef, reason?: string | null) {
    const approval = await this.lockedIn(em, ref);
    if (approval.requesterId !== actor.userId) await this.assertReviewer(actor, approval);
    const next = settle(transition(approval.status, ApprovalAction.CLOSE));
    return this.moveIn(em, actor, approval, ApprovalAction.CLOSE, next, { reason });
  }

  /** approved → running, not before the planned time. The owner checked who may start. */
  async startIn(em: EntityManager, actor: Principal | null, ref: ApprovalRef, now = new Date()) {
    const approval = await this.lockedIn(em, ref);
    const next = settle(start(approval.status, approval.plannedExecTime, now));
    return this.moveIn(em, actor, approval, ApprovalAction.START, next, {});
  }

  /** approved | running → finished: the work is done. Clears a noted error. */
  async finishIn(em: EntityManager, actor: Principal | null, ref: ApprovalRef, note?: string | null) {
    const approval = await this.lockedIn(em, ref);
    const next = settle(transition(approval.status, ApprovalAction.FINISH));
    approval.error = null;
    return this.moveIn(em, actor, approval, ApprovalAction.FINISH, next, { reason: note });
  }

  /** running → failed, with why. */
  async failIn(em: EntityManager, actor: Principal | null, ref: ApprovalRef, error: string) {
    const approval = await this.lockedIn(em, ref);
    const next = settle(transition(approval.status, ApprovalAction.FAIL));
    approval.error = error;
    return this.moveIn(em, actor, approval, ApprovalAction.FAIL, next, { reason: error });
  }

  /**
   * Notes why approved work is not finished yet (a server that is down), or clears the note; the
   * status stays. Not a decision, so no decision row; audited as `error`.
   */
  async noteErrorIn(em: EntityManager, actor: Principal | null, ref: ApprovalRef, error: string | null) {
    const approval = await this.lockedIn(em, ref);
    approval.error = error;
    const saved = await em.save(approval);
    await this.audit.record(em, {
      operator: actor,
      module: 'approval',
      targetType: approval.resourceType,
      targetId: approval.resourceId,
      operation: 'error',
      detail: error,
    });
    return saved;
  }

  async get(ref: ApprovalRef): Promise<Approval> {
    const approval = await this.approvals.findOneBy(whereOf(ref));
    if (!approval) throw new NotFoundError('approval of', `${ref.resourceType} ${ref.resourceId}`);
    return approval;
  }

  /** The approvals of these resources of one type, in one query: keyed by resource id. */
  async ofResources(resourceType: string, resourceIds: readonly (string | number)[]): Promise<Map<string, Approval>> {
    if (resourceIds.length === 0) return new Map();
    const rows = await this.approvals.findBy({ resourceType, resourceId: In(resourceIds.map(String)) });
    return new Map(rows.map((a) => [a.resourceId, a]));
  }

  /** The decisions of each approval, oldest first, in one query. */
  async decisionsOf(approvalIds: readonly number[]): Promise<ApprovalDecision[][]> {
    const rows = approvalIds.length
      ? await this.decisions.find({ where: { approvalId: In([...approvalIds]) }, order: { id: 'ASC' } })
      : [];
    return groupBy(approvalIds, rows, (d) => d.approvalId);
  }

  /** Approved work of a type whose planned time has come: what the owner's scheduler starts. */
  dueToStart(resourceType: string, now = new Date(), limit = 100): Promise<Approval[]> {
    return this.approvals
      .createQueryBuilder('a')
      .where('a.resourceType = :resourceType AND a.status = :status', {
        resourceType,
        status: ApprovalStatus.APPROVED,
      })
      .andWhere('(a.plannedExecTime IS NULL OR a.plannedExecTime <= :now)', { now })
      .orderBy('a.plannedExecTime')
      .addOrderBy('a.id')
      .limit(limit)
      .getMany();
  }

  /** Whether the principal may review it (holds its review permission on its scope). */
  canReview(actor: Principal, approval: Pick<Approval, 'reviewPermission' | 'scopeType' | 'scopeId'>) {
    return this.acl.can(actor, approval.reviewPermission, scopeOf(approval));
  }

  private async assertReviewer(actor: Principal, approval: Approval): Promise<void> {
    await this.acl.assert(actor, approval.reviewPermission, scopeOf(approval));
  }

  /**
   * The approval, locked until the caller's transaction ends (MySQL; SQLite has one writer at a
   * time): an owner changing its resource takes it first, so no decision slips in between.
   */
  async lockedIn(em: EntityManager, ref: ApprovalRef): Promise<Approval> {
    const qb = em.createQueryBuilder(Approval, 'a').where(whereOf(ref));
    if (em.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
    const approval = await qb.getOne();
    if (!approval) throw new NotFoundError('approval of', `${ref.resourceType} ${ref.resourceId}`);
    return approval;
  }

  private async reviewState(em: EntityManager, approval: Approval): Promise<ReviewState> {
    const approvers = await em.find(ApprovalDecision, {
      select: { userId: true },
      where: { approvalId: approval.id, action: ApprovalAction.APPROVE },
      order: { id: 'ASC' },
    });
    return {
      status: approval.status,
      requiredApprovals: approval.requiredApprovals,
      requesterId: approval.requesterId,
      approverIds: approvers.map((d) => Number(d.userId)),
      assigneeId: approval.assigneeId,
    };
  }

  private async moveIn(
    em: EntityManager,
    actor: Principal | null,
    approval: Approval,
    action: ApprovalAction,
    next: ApprovalStatus,
    extra: { reason?: string | null; to?: { userId: number; username: string } },
  ): Promise<ApprovalOutcome> {
    const previous = approval.status;
    approval.status = next;
    // An approval completes the review; the next one (a second level's) starts unassigned.
    if (action === ApprovalAction.APPROVE) approval.assigneeId = null;
    const saved = await em.save(approval);
    await em.insert(ApprovalDecision, {
      approvalId: approval.id,
      action,
      userId: actor?.userId ?? null,
      username: actor?.username ?? null,
      reason: extra.reason ?? null,
      toUserId: extra.to?.userId ?? null,
      toUsername: extra.to?.username ?? null,
    });
    await this.audit.record(em, {
      operator: actor,
      module: 'approval',
      targetType: approval.resourceType,
      targetId: approval.resourceId,
      operation: action,
      detail: extra.reason ?? null,
      before: { status: previous },
      after: { status: next, ...(extra.to ? { assignee: extra.to.username } : {}) },
    });
    return { approval: saved, previous };
  }
}

function whereOf(ref: ApprovalRef): { resourceType: string; resourceId: string } {
  return { resourceType: ref.resourceType, resourceId: String(ref.resourceId) };
}

function scopeOf(a: Pick<Approval, 'scopeType' | 'scopeId'>): ResourceRef {
  return { type: a.scopeType, id: a.scopeId };
}
