import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError, InvalidStateError, NotFoundError } from '../common/errors/domain-errors';
import { Transactions } from '../database/transactions';
import {
  CertificateType,
  certificateNames,
  checkDeliveredCertificate,
  checkDomain,
  checkNames,
  generateKeyPair,
  parseCsr,
} from './certificates';
import { KeySource, SslCertificateRequest } from './entities/ssl-certificate-request.entity';
import { checkIds, parseDeliveryDays } from './host-request-input';
import { InternalCaService } from './internal-ca.service';
import { RequestFilter, ResourceRequestsService } from './resource-requests.service';
import { ResourceRequestKind } from './request-kinds';

const KIND = ResourceRequestKind.SSL_CERTIFICATE;
const TYPES = Object.values(CertificateType) as string[];

export interface SslRequestInput {
  domain?: string;
  certificateType?: string;
  purpose?: string | null;
  expectDeliveryDays?: string | number | null;
  associatedAppIds?: number[];
  /** PEM certificate signing request; null drops one sent before. */
  csr?: string | null;
}

export interface SslRequestFilter extends RequestFilter {
  domain?: string;
  certificateType?: string;
}

/** What an approver may deliver instead of having the internal CA issue. */
export interface DeliveredCertificate {
  certificate: string;
  chain?: string | null;
}

export interface SslApproval {
  row: SslCertificateRequest;
  /** The generated private key (PEM): in this answer only, never stored. */
  privateKey: string | null;
}

function snapshot(r: SslCertificateRequest): Record<string, unknown> {
  const { domain, certificateType, purpose, expectDeliveryDays, associatedAppIds, keySource, serialNumber, notAfter } =
    r;
  return {
    ...{ domain, certificateType, purpose, expectDeliveryDays, associatedAppIds, keySource, serialNumber, notAfter },
    csr: r.csr !== null,
    status: r.status,
  };
}

/**
 * SSL certificate requests: approved, the internal CA issues a certificate for the requester's
 * CSR, or for a key generated here and handed out once in the approval's answer; or the approver
 * delivers one obtained elsewhere, which is checked. Certificate and chain stay readable, a key never.
 */
@Injectable()
export class SslCertificateRequestsService {
  constructor(
    private readonly tx: Transactions,
    private readonly requests: ResourceRequestsService,
    private readonly ca: InternalCaService,
  ) {}

  list(actor: Principal, filter: SslRequestFilter, offset: number, limit: number) {
    if (filter.certificateType !== undefined) checkType(filter.certificateType);
    return this.requests.list(SslCertificateRequest, KIND, actor, filter, offset, limit, (qb) => {
      if (filter.domain !== undefined) qb.andWhere('r.domain = :domain', { domain: filter.domain.toLowerCase() });
      if (filter.certificateType !== undefined)
        qb.andWhere('r.certificateType = :type', { type: filter.certificateType });
    });
  }

  get(actor: Principal, id: number): Promise<SslCertificateRequest> {
    return this.requests.get(SslCertificateRequest, KIND, actor, id);
  }

  /** The certificate and its chain, once there is one: whoever may read the request may download it. */
  async certificateOf(actor: Principal, id: number): Promise<SslCertificateRequest & { certificate: string }> {
    const row = await this.get(actor, id);
    if (row.certificate === null) throw new NotFoundError('certificate of SSL certificate request', id);
    return row as SslCertificateRequest & { certificate: string };
  }

  async create(actor: Principal, input: SslRequestInput): Promise<SslCertificateRequest> {
    await this.requests.assertCanCreate(actor);
    if (input.domain === undefined) throw new InvalidInputError('domain', 'is required');
    if (input.certificateType === undefined) throw new InvalidInputError('certificate_type', 'is required');
    const values = await this.checked(input, null);
    return this.tx.run((em) =>
      this.requests.createIn(
        em,
        SslCertificateRequest,
        KIND,
        actor,
        { associatedAppIds: [], purpose: null, csr: null, ...values } as SslCertificateRequest,
        snapshot,
      ),
    );
  }

  async update(actor: Principal, id: number, input: SslRequestInput): Promise<SslCertificateRequest> {
    return this.tx.run((em) =>
      this.requests.updateIn(
        em,
        SslCertificateRequest,
        KIND,
        actor,
        id,
        async (row) => void Object.assign(row, await this.checked(input, row)),
        snapshot,
      ),
    );
  }

  /**
   * Approves; once the review is complete the certificate is issued or recorded. `generatedKey`
   * false refuses a request that would need a generated key (a batch answer cannot hand it out).
   */
  async approve(
    actor: Principal,
    id: number,
    options: { reason?: string | null; delivered?: DeliveredCertificate | null; generatedKey?: boolean } = {},
  ): Promise<SslApproval> {
    const { row, fulfilled } = await this.requests.decide<SslCertificateRequest, string | null>(
      SslCertificateRequest,
      KIND,
      actor,
      id,
      {
        action: 'approve',
        reason: options.reason,
        fulfil: (em, r) => this.fulfilIn(em, r, options.delivered ?? null, options.generatedKey ?? true),
      },
    );
    return { row, privateKey: fulfilled ?? null };
  }

  /** Fills in the certificate; answers a generated private key, if one was made. */
  private async fulfilIn(
    em: EntityManager,
    row: SslCertificateRequest,
    delivered: DeliveredCertificate | null,
    generatedKey: boolean,
  ): Promise<string | null> {
    const expected = certificateNames(row.domain, row.certificateType);
    const csr = row.csr === null ? null : await parseCsr(row.csr);
    let privateKey: string | null = null;
    let issued;
    if (delivered) {
      issued = await checkDeliveredCertificate(delivered, expected, csr?.publicKey ?? null);
      row.keySource = KeySource.MANUAL;
    } else if (csr) {
      const names = [expected.primary, ...csr.names.filter((n) => n !== expected.primary)];
      issued = await this.ca.issueIn(em, csr.publicKey, names);
      row.keySource = KeySource.CSR;
    } else {
      if (!generatedKey) {
        throw new InvalidStateError(
          `SSL certificate request ${row.id} has no CSR: approve it alone to receive its key`,
        );
      }
      const key = await generateKeyPair();
      issued = await this.ca.issueIn(em, key.publicKey, [expected.primary]);
      privateKey = key.privateKey;
      row.keySource = KeySource.GENERATED;
    }
    Object.assign(row, {
      certificate: issued.certificate,
      chain: issued.chain,
      serialNumber: issued.serialNumber,
      notBefore: issued.notBefore,
      notAfter: issued.notAfter,
    });
    return privateKey;
  }

  /** Checks the fields given; the CSR's names must fit the (new) domain and type. */
  private async checked(
    input: SslRequestInput,
    current: SslCertificateRequest | null,
  ): Promise<Partial<SslCertificateRequest>> {
    const out: Partial<SslCertificateRequest> = {};
    const type = input.certificateType === undefined ? current?.certificateType : checkType(input.certificateType);
    if (input.certificateType !== undefined) out.certificateType = type;
    if (input.domain !== undefined || input.certificateType !== undefined) {
      out.domain = checkDomain(input.domain ?? (current?.domain as string), type as CertificateType);
    }
    if (input.purpose !== undefined) {
      if (input.purpose !== null && (typeof input.purpose !== 'string' || input.purpose.length > 1000)) {
        throw new InvalidInputError('purpose', 'must be a text of at most 1000 characters');
      }
      out.purpose = input.purpose;
    }
    if (input.expectDeliveryDays !== undefined) out.expectDeliveryDays = parseDeliveryDays(input.expectDeliveryDays);
    if (input.associatedAppIds !== undefined) {
      out.associatedAppIds = checkIds(input.associatedAppIds, 'associate_app');
      await this.requests.checkApps(out.associatedAppIds, 'associate_app');
    }
    const csr = input.csr === undefined ? (current?.csr ?? null) : input.csr;
    if (csr !== null) {
      const parsed = await parseCsr(csr);
      const names = certificateNames(out.domain ?? (current?.domain as string), type as CertificateType);
      checkNames(parsed.names, names, 'csr');
      if (input.csr !== undefined) out.csr = parsed.csr;
    } else if (input.csr === null) out.csr = null;
    return out;
  }
}

function checkType(type: string): CertificateType {
  if (!TYPES.includes(type)) throw new InvalidInputError('certificate_type', `must be one of ${TYPES.join(', ')}`);
  return type as CertificateType;
}
