import { Injectable } from '@nestjs/common';
import { BatchItem, eachOnItsOwn } from '../approval/approval-batch';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError } from '../common/errors/domain-errors';
import { DomainRequestsService } from './domain-requests.service';
import { ResourceRequestStatus } from './entities/request-columns';
import { HostRequestsService } from './host-requests.service';
import { ResourceRequestKind } from './request-kinds';
import { SslCertificateRequestsService } from './ssl-certificate-requests.service';

/** Items of one batch call: each is a transaction of its own. */
const MAX_BATCH = 100;

/** Approving several requests of a kind in one call: each on its own, with its own checks and transaction. */
@Injectable()
export class ResourceRequestBatchService {
  constructor(
    private readonly hosts: HostRequestsService,
    private readonly domains: DomainRequestsService,
    private readonly certificates: SslCertificateRequestsService,
  ) {}

  approveMany(
    kind: ResourceRequestKind,
    actor: Principal,
    ids: readonly number[],
    reason?: string | null,
  ): Promise<BatchItem<number, ResourceRequestStatus>[]> {
    if (ids.length > MAX_BATCH) throw new InvalidInputError('ids', `must hold at most ${MAX_BATCH} ids`);
    return eachOnItsOwn(ids, async (id) => {
      if (kind === ResourceRequestKind.HOST) return (await this.hosts.approve(actor, id, reason)).status;
      if (kind === ResourceRequestKind.DOMAIN) return (await this.domains.approve(actor, id, reason)).status;
      // A generated key could not be handed out in a batch answer: such requests are refused.
      return (await this.certificates.approve(actor, id, { reason, generatedKey: false })).row.status;
    });
  }
}
