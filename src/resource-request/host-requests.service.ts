import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GrantsService } from '../acl/grants.service';
import { UsersService } from '../acl/users.service';
import { HostsService } from '../cmdb/inventory/hosts.service';
import type { Principal } from '../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { Transactions } from '../database/transactions';
import { HostRequest } from './entities/host-request.entity';
import {
  checkIds,
  checkRequiredHosts,
  parseDeliveryDays,
  parseExpiration,
  RequiredHostInput,
} from './host-request-input';
import { RequestFilter, ResourceRequestsService } from './resource-requests.service';
import { ResourceRequestKind } from './request-kinds';

const KIND = ResourceRequestKind.HOST;

export interface HostRequestInput {
  purpose?: string;
  expectDeliveryDays?: string | number | null;
  /** `never` or a number of days. */
  expiration?: string | number | null;
  loginUserIds?: number[];
  shippedPackageIds?: number[];
  requiredHosts?: RequiredHostInput[];
}

function snapshot(r: HostRequest): Record<string, unknown> {
  const { purpose, expectDeliveryDays, expirationDays, loginUserIds, shippedPackageIds, requiredHosts, hostIds } = r;
  return {
    purpose,
    expectDeliveryDays,
    expirationDays,
    loginUserIds,
    shippedPackageIds,
    requiredHosts,
    hostIds,
    status: r.status,
  };
}

const hostField = (i: number) => `required_hosts[${i}].name`;

/**
 * Host requests: approved, each required host becomes a raw host of the inventory and every
 * login user gets login_host on it, in the approving transaction.
 */
@Injectable()
export class HostRequestsService {
  constructor(
    private readonly tx: Transactions,
    private readonly requests: ResourceRequestsService,
    private readonly hosts: HostsService,
    private readonly grants: GrantsService,
    private readonly users: UsersService,
  ) {}

  list(actor: Principal, filter: RequestFilter, offset: number, limit: number) {
    return this.requests.list(HostRequest, KIND, actor, filter, offset, limit);
  }

  get(actor: Principal, id: number): Promise<HostRequest> {
    return this.requests.get(HostRequest, KIND, actor, id);
  }

  async create(actor: Principal, input: HostRequestInput): Promise<HostRequest> {
    await this.requests.assertCanCreate(actor);
    if (input.purpose === undefined) throw new InvalidInputError('purpose', 'is required');
    const values = this.checked(input);
    return this.tx.run(async (em) => {
      await this.checkAgainstData(em, values);
      const row = {
        hostIds: [],
        loginUserIds: [],
        shippedPackageIds: [],
        requiredHosts: [],
        expirationDays: null,
        ...values,
      };
      return this.requests.createIn(em, HostRequest, KIND, actor, row as Partial<HostRequest>, snapshot);
    });
  }

  async update(actor: Principal, id: number, input: HostRequestInput): Promise<HostRequest> {
    const values = this.checked(input);
    return this.tx.run((em) =>
      this.requests.updateIn(
        em,
        HostRequest,
        KIND,
        actor,
        id,
        async (row) => {
          await this.checkAgainstData(em, values);
          Object.assign(row, values);
        },
        snapshot,
      ),
    );
  }

  approve(actor: Principal, id: number, reason?: string | null): Promise<HostRequest> {
    return this.requests
      .decide(HostRequest, KIND, actor, id, {
        action: 'approve',
        reason,
        fulfil: (em, row) => this.fulfilIn(em, actor, row),
      })
      .then((d) => d.row);
  }

  /** The hosts, and login on each of them for each login user. */
  private async fulfilIn(em: EntityManager, actor: Principal, row: HostRequest): Promise<void> {
    const created = await this.hosts.createRawIn(
      em,
      actor,
      row.requiredHosts.map((h) => ({
        name: h.name,
        hostType: h.type ?? undefined,
        osType: h.os,
        cpu: h.cpuCores,
        memory: h.mem,
        description: `host request #${row.id}`,
      })),
      hostField,
    );
    for (const userId of row.loginUserIds) {
      for (const host of created) {
        await this.grants.grantIn(em, actor, { type: 'user', id: userId }, { type: 'host', id: host.id }, [
          'login_host',
        ]);
      }
    }
    row.hostIds = created.map((h) => h.id);
  }

  /** Shape and value checks that need no database, naming the wire's fields. */
  private checked(input: HostRequestInput): Partial<HostRequest> {
    const out: Partial<HostRequest> = {};
    if (input.purpose !== undefined) {
      if (typeof input.purpose !== 'string' || input.purpose.trim() === '' || input.purpose.length > 1000) {
        throw new InvalidInputError('purpose', 'must be a text of 1 to 1000 characters');
      }
      out.purpose = input.purpose;
    }
    if (input.expectDeliveryDays !== undefined) out.expectDeliveryDays = parseDeliveryDays(input.expectDeliveryDays);
    if (input.expiration !== undefined) out.expirationDays = parseExpiration(input.expiration);
    if (input.loginUserIds !== undefined) out.loginUserIds = checkIds(input.loginUserIds, 'login_users');
    if (input.shippedPackageIds !== undefined) {
      out.shippedPackageIds = checkIds(input.shippedPackageIds, 'shipped_packages');
    }
    if (input.requiredHosts !== undefined) {
      out.requiredHosts = checkRequiredHosts(input.requiredHosts);
      this.hosts.checkNewNames(
        out.requiredHosts.map((h) => h.name),
        hostField,
      );
    }
    return out;
  }

  /** Login users must exist; required hosts must not exist yet (the approval would refuse them). */
  private async checkAgainstData(em: EntityManager, values: Partial<HostRequest>): Promise<void> {
    if (values.loginUserIds?.length) {
      const found = new Set((await this.users.findByIdsIn(em, values.loginUserIds)).map((u) => u.id));
      const missing = values.loginUserIds.findIndex((id) => !found.has(id));
      if (missing >= 0) throw new NotFoundError('user', values.loginUserIds[missing], `login_users[${missing}].id`);
    }
    if (values.requiredHosts?.length) {
      const names = values.requiredHosts.map((h) => h.name);
      const taken = await this.hosts.idsByNamesIn(em, names);
      const first = names.findIndex((n) => taken.has(n));
      if (first >= 0) throw new ConflictError(`host "${names[first]}" already exists`, hostField(first));
    }
  }
}
