import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { checkEditable, ApprovalStatus } from '../approval/approval-flow';
import { settle } from '../approval/approval-errors';
import { ApprovalRef, ApprovalsService } from '../approval/approvals.service';
import { AuditService } from '../audit/audit.service';
import { ApplicationsService } from '../cmdb/inventory/applications.service';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { Transactions } from '../database/transactions';
import { DomainRequest } from './entities/domain-request.entity';
import { HostRequest } from './entities/host-request.entity';
import { RequestColumns, ResourceRequestStatus } from './entities/request-columns';
import { SslCertificateRequest } from './entities/ssl-certificate-request.entity';
import { KINDS, RESOURCE_REQUEST_MODULE, ResourceRequestKind } from './request-kinds';

export interface RequestFilter {
  /** Username of who asked. */
  creator?: string;
  /** Created after (exclusive). */
  createdAfter?: Date;
  /** Created before (exclusive). */
  createdBefore?: Date;
  status?: ResourceRequestStatus;
}

/** A request entity class: one of the three kinds' tables. */
export type RequestEntity<E extends RequestColumns> = new () => E;

/** What a decision does: `fulfil` runs inside the approving transaction once the review is complete. */
export type Step<E, T> =
  | { action: 'approve'; reason?: string | null; fulfil?: (em: EntityManager, row: E) => Promise<T> }
  | { action: 'reject' | 'close'; reason?: string | null }
  | { action: 'delegate'; toUserId: number; reason?: string | null };

const ENTITIES: Readonly<Record<ResourceRequestKind, RequestEntity<RequestColumns>>> = {
  [ResourceRequestKind.HOST]: HostRequest,
  [ResourceRequestKind.DOMAIN]: DomainRequest,
  [ResourceRequestKind.SSL_CERTIFICATE]: SslCertificateRequest,
};

const STATUSES = Object.values(ResourceRequestStatus) as string[];

/** The request's copy of its approval's status (requests never run, so running/failed cannot occur). */
function mirror(status: ApprovalStatus): ResourceRequestStatus {
  if (!STATUSES.includes(status)) throw new Error(`a resource request cannot be ${status}`);
  return status as string as ResourceRequestStatus;
}

/**
 * What the three kinds of requests share: the module switch and permissions, who sees which
 * requests, the list filters, and the decisions through the approval flow (one transaction with
 * the request's own change and its fulfilment).
 */
@Injectable()
export class ResourceRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly approvals: ApprovalsService,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly apps: ApplicationsService,
  ) {}

  /** The module switch: without enable_resource_req nothing of the module is open to the caller. */
  assertEnabled(actor: Principal): Promise<void> {
    return this.acl.assert(actor, 'enable_resource_req', moduleRef(RESOURCE_REQUEST_MODULE));
  }

  async assertCanCreate(actor: Principal): Promise<void> {
    await this.assertEnabled(actor);
    await this.acl.assert(actor, 'create_resource_req', moduleRef(RESOURCE_REQUEST_MODULE));
  }

  /** Reviewers of a kind see every request of it; others see their own. */
  canReview(actor: Principal, kind: ResourceRequestKind): Promise<boolean> {
    return this.acl.can(actor, KINDS[kind].reviewPermission, moduleRef(RESOURCE_REQUEST_MODULE));
  }

  assertReviewer(actor: Principal, kind: ResourceRequestKind): Promise<void> {
    return this.acl.assert(actor, KINDS[kind].reviewPermission, moduleRef(RESOURCE_REQUEST_MODULE));
  }

  /** Applications a request names must exist (404 naming `field[i].id`). */
  async checkApps(ids: readonly number[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const [found] = await this.apps.list({ ids: [...ids] }, 0, ids.length);
    const known = new Set(found.map((a) => a.id));
    const missing = ids.findIndex((id) => !known.has(id));
    if (missing >= 0) throw new NotFoundError('application', ids[missing], `${field}[${missing}].id`);
  }

  refOf(kind: ResourceRequestKind, id: number): ApprovalRef {
    return { resourceType: KINDS[kind].resourceType, resourceId: id };
  }

  /** Newest first, the requests the caller may see that match the filter. */
  async list<E extends RequestColumns>(
    entity: RequestEntity<E>,
    kind: ResourceRequestKind,
    actor: Principal,
    filter: RequestFilter,
    offset: number,
    limit: number,
    narrow?: (qb: SelectQueryBuilder<E>) => void,
  ): Promise<[E[], number]> {
    await this.assertEnabled(actor);
    if (filter.status !== undefined && !STATUSES.includes(filter.status)) {
      throw new InvalidInputError('status', `must be one of ${STATUSES.join(', ')}`);
    }
    const qb = this.dataSource.getRepository(entity).createQueryBuilder('r');
    if (!(await this.canReview(actor, kind))) qb.andWhere('r.creatorId = :me', { me: actor.userId });
    if (filter.creator !== undefined) qb.andWhere('r.creatorName = :creator', { creator: filter.creator });
    if (filter.createdAfter) qb.andWhere('r.createdAt > :after', { after: filter.createdAfter });
    if (filter.createdBefore) qb.andWhere('r.createdAt < :before', { before: filter.createdBefore });
    if (filter.status !== undefined) qb.andWhere('r.status = :status', { status: filter.status });
    narrow?.(qb);
    return qb.orderBy('r.id', 'DESC').skip(offset).take(limit).getManyAndCount();
  }

  /** One request, for its creator or a reviewer of its kind (403 for others). */
  async get<E extends RequestColumns>(
    entity: RequestEntity<E>,
    kind: ResourceRequestKind,
    actor: Principal,
    id: number,
  ) {
    await this.assertEnabled(actor);
    const row = await this.dataSource.getRepository(entity).findOneBy({ id } as never);
    if (!row) throw new NotFoundError(KINDS[kind].label, id);
    if (row.creatorId !== actor.userId && !(await this.canReview(actor, kind))) {
      throw new ForbiddenError(
        `${KINDS[kind].label} ${id} is someone else's; reviewing it needs ${KINDS[kind].reviewPermission}`,
      );
    }
    return row;
  }

  /** Stores a new request and opens its review, in the caller's transaction. */
  async createIn<E extends RequestColumns>(
    em: EntityManager,
    entity: RequestEntity<E>,
    kind: ResourceRequestKind,
    actor: Principal,
    values: Partial<E>,
    snapshot: (row: E) => unknown,
  ): Promise<E> {
    const row = em.create(entity, {
      ...values,
      creatorId: actor.userId,
      creatorName: actor.username,
      status: ResourceRequestStatus.WAIT_REVIEW,
      finishedAt: null,
    } as E);
    const saved = await em.save(row);
    await this.approvals.openIn(em, {
      ...this.refOf(kind, saved.id),
      reviewPermission: KINDS[kind].reviewPermission,
      scope: moduleRef(RESOURCE_REQUEST_MODULE),
      requester: actor,
    });
    await this.record(em, actor, kind, saved.id, 'add', null, snapshot(saved));
    return saved;
  }

  /**
   * Changes a request while it waits for review: its creator or an administrator may. The
   * approval is locked first so no decision slips in between.
   */
  async updateIn<E extends RequestColumns>(
    em: EntityManager,
    entity: RequestEntity<E>,
    kind: ResourceRequestKind,
    actor: Principal,
    id: number,
    change: (row: E) => Promise<void>,
    snapshot: (row: E) => unknown,
  ): Promise<E> {
    await this.assertEnabled(actor);
    const row = await em.findOneBy(entity, { id } as never);
    if (!row) throw new NotFoundError(KINDS[kind].label, id);
    if (row.creatorId !== actor.userId && !actor.isAdmin) {
      throw new ForbiddenError(`only its creator changes ${KINDS[kind].label} ${id}`);
    }
    const approval = await this.approvals.lockedIn(em, this.refOf(kind, id));
    settle(checkEditable(approval.status));
    const before = snapshot(row);
    await change(row);
    const saved = await em.save(row);
    await this.record(em, actor, kind, id, 'update', before, snapshot(saved));
    return saved;
  }

  /**
   * One decision on a request in one transaction: the approval step, the request's status, and
   * on a completed approval the fulfilment (`fulfil`) after which the request is finished. A
   * refused step or a failed fulfilment leaves nothing written.
   */
  async decide<E extends RequestColumns, T = void>(
    entity: RequestEntity<E>,
    kind: ResourceRequestKind,
    actor: Principal,
    id: number,
    step: Step<E, T>,
  ): Promise<{ row: E; fulfilled?: T }> {
    await this.assertEnabled(actor);
    const ref = this.refOf(kind, id);
    return this.tx.run(async (em) => {
      const row = await em.findOneBy(entity, { id } as never);
      if (!row) throw new NotFoundError(KINDS[kind].label, id);
      const reason = step.reason ?? null;
      let outcome;
      if (step.action === 'approve') outcome = await this.approvals.approveIn(em, actor, ref, reason);
      else if (step.action === 'delegate')
        outcome = await this.approvals.delegateIn(em, actor, ref, step.toUserId, reason);
      else if (step.action === 'reject') outcome = await this.approvals.rejectIn(em, actor, ref, reason);
      else outcome = await this.approvals.closeIn(em, actor, ref, reason);
      row.status = mirror(outcome.approval.status);
      let fulfilled: T | undefined;
      if (step.action === 'approve' && step.fulfil && outcome.approval.status === ApprovalStatus.APPROVED) {
        fulfilled = await step.fulfil(em, row);
        await this.finishIn(em, kind, actor, row);
      }
      return { row: await em.save(row), fulfilled };
    });
  }

  /** Rejects a request waiting for review: a reviewer of its kind (or its assignee) may. */
  async reject(kind: ResourceRequestKind, actor: Principal, id: number, reason?: string | null) {
    return (await this.decide(ENTITIES[kind], kind, actor, id, { action: 'reject', reason })).row;
  }

  /** Closes an open request: its creator or a reviewer may. */
  async close(kind: ResourceRequestKind, actor: Principal, id: number, reason?: string | null) {
    return (await this.decide(ENTITIES[kind], kind, actor, id, { action: 'close', reason })).row;
  }

  /** Hands the review to another reviewer of the kind. */
  async delegate(kind: ResourceRequestKind, actor: Principal, id: number, toUserId: number, reason?: string | null) {
    return (await this.decide(ENTITIES[kind], kind, actor, id, { action: 'delegate', toUserId, reason })).row;
  }

  /** Marks the request's work done: finished, with the time. */
  async finishIn<E extends RequestColumns>(
    em: EntityManager,
    kind: ResourceRequestKind,
    actor: Principal | null,
    row: E,
  ) {
    const { approval } = await this.approvals.finishIn(em, actor, this.refOf(kind, row.id));
    row.status = mirror(approval.status);
    row.finishedAt = new Date();
  }

  record(
    em: EntityManager,
    actor: Principal | null,
    kind: ResourceRequestKind,
    id: number,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: RESOURCE_REQUEST_MODULE,
      targetType: KINDS[kind].resourceType,
      targetId: id,
      operation,
      before,
      after,
    });
  }
}
