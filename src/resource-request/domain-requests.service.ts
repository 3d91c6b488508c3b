import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { settle } from '../approval/approval-errors';
import { ApprovalAction, ApprovalStatus, transition } from '../approval/approval-flow';
import { ApprovalsService } from '../approval/approvals.service';
import type { Principal } from '../common/auth/principal';
import { DomainError, InvalidInputError } from '../common/errors/domain-errors';
import { loggableError } from '../common/errors/problem';
import { Transactions } from '../database/transactions';
import { DOMAIN_RECORD_WRITER, DomainRecordWriter } from './domain-record-writer';
import { checkRecords, RecordInput, RequestedRecord } from './domain-records';
import { DomainRequest } from './entities/domain-request.entity';
import { ResourceRequestStatus } from './entities/request-columns';
import { checkIds } from './host-request-input';
import { RequestFilter, ResourceRequestsService } from './resource-requests.service';
import { KINDS, ResourceRequestKind } from './request-kinds';

const KIND = ResourceRequestKind.DOMAIN;

/** Why an approved domain request is not finished while no DNS module is wired in. */
export const NO_DNS_WRITER = 'no DNS writer configured';

export interface DomainRequestInput {
  records?: RecordInput[];
  associatedAppIds?: number[];
}

function snapshot(r: DomainRequest): Record<string, unknown> {
  return { records: r.records, associatedAppIds: r.associatedAppIds, status: r.status };
}

/**
 * Domain requests: records checked by shape (and, with a DNS writer, against the managed zones);
 * approved, the records go to DNS after the approving transaction, and the request is finished
 * once the servers have them. A failed write leaves it approved with the error; `retry` tries again.
 */
@Injectable()
export class DomainRequestsService {
  private readonly logger = new Logger(DomainRequestsService.name);

  constructor(
    private readonly tx: Transactions,
    private readonly requests: ResourceRequestsService,
    private readonly approvals: ApprovalsService,
    @Optional() @Inject(DOMAIN_RECORD_WRITER) private readonly writer: DomainRecordWriter | null,
  ) {}

  list(actor: Principal, filter: RequestFilter, offset: number, limit: number) {
    return this.requests.list(DomainRequest, KIND, actor, filter, offset, limit);
  }

  get(actor: Principal, id: number): Promise<DomainRequest> {
    return this.requests.get(DomainRequest, KIND, actor, id);
  }

  /** Why each approved request is not finished yet (null: nothing noted), in one query. */
  async errorsOf(ids: readonly number[]): Promise<Map<number, string | null>> {
    const approvals = await this.approvals.ofResources(KINDS[KIND].resourceType, ids);
    return new Map(ids.map((id) => [id, approvals.get(String(id))?.error ?? null]));
  }

  async create(actor: Principal, input: DomainRequestInput): Promise<DomainRequest> {
    await this.requests.assertCanCreate(actor);
    if (input.records === undefined) throw new InvalidInputError('records', 'is required');
    const values = await this.checked(input);
    return this.tx.run(async (em) =>
      this.requests.createIn(
        em,
        DomainRequest,
        KIND,
        actor,
        { associatedAppIds: [], ...values } as DomainRequest,
        snapshot,
      ),
    );
  }

  async update(actor: Principal, id: number, input: DomainRequestInput): Promise<DomainRequest> {
    const values = await this.checked(input);
    return this.tx.run((em) =>
      this.requests.updateIn(
        em,
        DomainRequest,
        KIND,
        actor,
        id,
        async (row) => void Object.assign(row, values),
        snapshot,
      ),
    );
  }

  /** Approves; once the review is complete the records are written. */
  async approve(actor: Principal, id: number, reason?: string | null): Promise<DomainRequest> {
    const { row } = await this.requests.decide(DomainRequest, KIND, actor, id, { action: 'approve', reason });
    return row.status === ResourceRequestStatus.APPROVED ? this.deliver(actor, row) : row;
  }

  /** Writes the records of an approved, unfinished request again: a reviewer of domain requests may. */
  async retry(actor: Principal, id: number): Promise<DomainRequest> {
    await this.requests.assertReviewer(actor, KIND);
    const row = await this.get(actor, id);
    const approval = await this.approvals.get(this.requests.refOf(KIND, id));
    // Only approved work is delivered: anything else refuses as its state says.
    if (approval.status !== ApprovalStatus.APPROVED) settle(transition(approval.status, ApprovalAction.FINISH));
    return this.deliver(actor, row);
  }

  /** Puts the records on the servers, then finishes the request; a failure is noted on its approval. */
  private async deliver(actor: Principal, row: DomainRequest): Promise<DomainRequest> {
    const ref = this.requests.refOf(KIND, row.id);
    let error: string | null = null;
    if (!this.writer) error = NO_DNS_WRITER;
    else {
      try {
        await this.writer.apply(row.records, { requestId: row.id, actor });
      } catch (e) {
        if (!(e instanceof DomainError)) this.logger.error({ err: loggableError(e) }, 'DNS write failed');
        error = e instanceof DomainError ? e.message : 'the DNS write failed';
      }
    }
    return this.tx.run(async (em) => {
      const current = await em.findOneByOrFail(DomainRequest, { id: row.id });
      const approval = await this.approvals.lockedIn(em, ref);
      // A concurrent retry finished it, or someone closed it meanwhile: nothing left to note.
      if (approval.status !== ApprovalStatus.APPROVED) return current;
      if (error !== null) {
        await this.approvals.noteErrorIn(em, actor, ref, error);
        return current;
      }
      await this.requests.finishIn(em, KIND, actor, current);
      return em.save(current);
    });
  }

  private async checked(input: DomainRequestInput): Promise<Partial<DomainRequest>> {
    const out: Partial<DomainRequest> = {};
    if (input.records !== undefined) {
      out.records = checkRecords(input.records);
      await this.checkZones(out.records);
    }
    if (input.associatedAppIds !== undefined) {
      out.associatedAppIds = checkIds(input.associatedAppIds, 'associated_app');
      await this.requests.checkApps(out.associatedAppIds, 'associated_app');
    }
    return out;
  }

  /** With a DNS writer, each record's name must fall in a managed zone (400 naming the record). */
  private async checkZones(records: readonly RequestedRecord[]): Promise<void> {
    if (!this.writer) return;
    for (const [i, r] of records.entries()) {
      if ((await this.writer.zoneFor(r.name)) === null) {
        throw new InvalidInputError(`records[${i}].record`, `no managed zone holds ${r.name}`);
      }
    }
  }
}
