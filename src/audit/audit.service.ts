import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Principal } from '../common/auth/principal';
import { currentRequest } from '../common/request/request-context';
import { AuditEntry } from './entities/audit-entry.entity';

export interface AuditRecord {
  /** Null for the system itself (start-up, jobs) and for anonymous callers. */
  operator: Pick<Principal, 'userId' | 'username'> | null;
  /** Used when there is no authenticated operator, e.g. the name tried at a failed login. */
  operatorName?: string;
  module: string;
  targetType: string;
  targetId?: string | number | null;
  targetName?: string | null;
  operation: string;
  detail?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditFilter {
  module?: string;
  targetType?: string;
  targetId?: string;
  /** Any of these targets (of `targetType`). */
  targetIds?: string[];
  operator?: string;
  operation?: string;
  since?: Date;
  until?: Date;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /**
   * Writes the entry with the caller's EntityManager, so it commits or rolls
   * back with the change it describes.
   */
  async record(em: EntityManager, r: AuditRecord): Promise<AuditEntry> {
    return em.save(this.entry(em, r));
  }

  /** Many entries in one multi-row insert (bulk changes: thousands of hosts, batched events). */
  async recordMany(em: EntityManager, records: readonly AuditRecord[]): Promise<void> {
    const CHUNK = 500;
    for (let i = 0; i < records.length; i += CHUNK) {
      const rows = records.slice(i, i + CHUNK).map((r) => this.entry(em, r));
      await em
        .createQueryBuilder()
        .insert()
        .into(AuditEntry)
        .values(rows as QueryDeepPartialEntity<AuditEntry>[])
        .updateEntity(false)
        .execute();
    }
  }

  private entry(em: EntityManager, r: AuditRecord): AuditEntry {
    const req = currentRequest();
    return em.create(AuditEntry, {
      operatorId: r.operator?.userId ?? null,
      operatorName: r.operator?.username ?? r.operatorName ?? null,
      module: r.module,
      targetType: r.targetType,
      targetId: r.targetId === undefined || r.targetId === null ? null : String(r.targetId),
      targetName: r.targetName ?? null,
      operation: r.operation,
      detail: r.detail ?? null,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: req?.requestId ?? null,
      clientIp: req?.clientIp ?? null,
    });
  }

  /** Newest first. */
  async list(filter: AuditFilter, offset: number, limit: number): Promise<[AuditEntry[], number]> {
    const qb = this.entries.createQueryBuilder('e');
    const eq: [keyof AuditFilter, string][] = [
      ['module', 'module'],
      ['targetType', 'targetType'],
      ['targetId', 'targetId'],
      ['operator', 'operatorName'],
      ['operation', 'operation'],
    ];
    for (const [key, column] of eq) {
      if (filter[key] !== undefined) qb.andWhere(`e.${column} = :${key}`, { [key]: filter[key] });
    }
    if (filter.targetIds !== undefined) {
      if (filter.targetIds.length === 0) return [[], 0];
      qb.andWhere('e.targetId IN (:...targetIds)', { targetIds: filter.targetIds });
    }
    if (filter.since) qb.andWhere('e.createdAt >= :since', { since: filter.since });
    if (filter.until) qb.andWhere('e.createdAt < :until', { until: filter.until });
    return qb.orderBy('e.id', 'DESC').skip(offset).take(limit).getManyAndCount();
  }
}
