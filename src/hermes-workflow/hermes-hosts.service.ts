import { Injectable } from '@nestjs/common';
import { AclService, moduleRef } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import { HostsService } from '../cmdb/inventory/hosts.service';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { HermesEvent } from './entities/hermes-event.entity';
import { HermesLabor } from './entities/hermes-labor.entity';
import { HermesQuest } from './entities/hermes-quest.entity';
import { HermesHostQuery } from './hermes-host-query';
import { DataSource } from 'typeorm';
import { HermesPage } from './hermes-page';
import { Transactions } from '../database/transactions';

export interface HermesHost {
  id: number;
  hostname: string;
}

const ALL_ROWS = 2 ** 31 - 1;

/** Hermes's view of the shared inventory hosts: id and name, created by events and quests. */
@Injectable()
export class HermesHostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly hosts: HostsService,
    private readonly hostQuery: HermesHostQuery,
  ) {}

  /**
   * The hostnames a request names: its own list, the hosts matching `hostQuery`, and the hosts of
   * every labor of `questId` (open or closed), each once, in that order.
   */
  async resolveNames(target: { hostnames: string[]; hostQuery?: string; questId?: number }): Promise<string[]> {
    const names = [...target.hostnames];
    if (target.hostQuery !== undefined) {
      const ids = await this.hostQuery.hostIds(target.hostQuery);
      names.push(...(await this.hosts.namesOf(ids)).values());
    }
    if (target.questId !== undefined) {
      if (!(await this.dataSource.getRepository(HermesQuest).existsBy({ id: target.questId }))) {
        throw new NotFoundError('quest', target.questId, 'questId');
      }
      const rows = await this.dataSource
        .getRepository(HermesLabor)
        .createQueryBuilder('l')
        .select('DISTINCT l.hostId', 'hostId')
        .where('l.questId = :questId', { questId: target.questId })
        .getRawMany<{ hostId: number }>();
      const byId = await this.hosts.namesOf(rows.map((r) => Number(r.hostId)));
      names.push(...[...byId.entries()].sort(([a], [b]) => a - b).map(([, name]) => name));
    }
    return [...new Set(names)];
  }

  async list(filter: { hostname?: string; hostIds?: number[] }, page: HermesPage): Promise<[HermesHost[], number]> {
    const [rows, total] = await this.hosts.list(
      { name: filter.hostname, ids: filter.hostIds },
      page.offset,
      page.limit ?? ALL_ROWS,
    );
    return [rows.map(view), total];
  }

  async getByName(hostname: string): Promise<HermesHost> {
    try {
      return view(await this.hosts.getByName(hostname));
    } catch (e) {
      if (e instanceof NotFoundError) throw new NotFoundError('host', hostname, 'hostname');
      throw e;
    }
  }

  /** Ids of existing hosts by name (unknown names are left out). */
  async idsOf(hostnames: readonly string[]): Promise<number[]> {
    const rows = await this.hosts.page({ names: [...hostnames] }, 0, ALL_ROWS);
    return rows.map((h) => h.id);
  }

  /** The id of a host named in a filter; an unknown name is a 400 (the original's "No host X found"). */
  async filterId(hostname: string, field = 'hostname'): Promise<number> {
    const [id] = await this.idsOf([hostname]);
    if (id === undefined) throw new InvalidInputError(field, `No host ${hostname} found`);
    return id;
  }

  async namesOf(ids: readonly number[]): Promise<Map<number, string>> {
    return this.hosts.namesOf(ids);
  }

  /** Creates every host or none: a name taken or given twice is a 409. */
  async create(actor: Principal, hostnames: string[]): Promise<HermesHost[]> {
    await this.acl.assert(actor, 'throw_event', moduleRef('hermes'));
    const created = await this.tx.run((em) => this.hosts.createNamed(em, actor, hostnames));
    return created.map((h) => ({ id: h.id, hostname: h.name }));
  }

  /**
   * Renames a host; when the new name is another host's, merges instead: this host's events and
   * labors move to that host, which is answered, and the emptied row stays.
   */
  async rename(actor: Principal, hostname: string, newName: string): Promise<HermesHost> {
    await this.acl.assert(actor, 'throw_event', moduleRef('hermes'));
    return this.tx.run(async (em) => {
      const [host, target] = await Promise.all([
        this.hosts.findByNameIn(em, hostname),
        this.hosts.findByNameIn(em, newName),
      ]);
      if (!host) throw new NotFoundError('host', hostname, 'hostname');
      if (!target) {
        await this.hosts.renameIn(em, actor, host.id, newName);
        return { id: host.id, hostname: newName };
      }
      if (target.id === host.id) return view(host);
      await this.hosts.lockRows(em, [host.id, target.id]);
      await em.update(HermesEvent, { hostId: host.id }, { hostId: target.id });
      await em.update(HermesLabor, { hostId: host.id }, { hostId: target.id });
      await this.audit.record(em, {
        operator: actor,
        module: 'hermes',
        targetType: 'host',
        targetId: target.id,
        targetName: target.name,
        operation: 'merge',
        before: { id: host.id, hostname: host.name },
        after: { id: target.id, hostname: target.name },
      });
      return view(target);
    });
  }
}

function view(h: { id: number; name: string }): HermesHost {
  return { id: h.id, hostname: h.name };
}
