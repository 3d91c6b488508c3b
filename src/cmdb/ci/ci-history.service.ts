import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { UsersService } from '../../acl/users.service';
import type { Principal } from '../../common/auth/principal';
import { NotFoundError } from '../../common/errors/domain-errors';
import { CiCatalogService } from './ci-catalog.service';
import { CiDbService } from './ci-db.service';
import { CiPermissionsService } from './ci-permissions.service';
import { OperateType } from './ci-value-diff';
import { CiAttributeHistory } from './entities/ci-attribute-history.entity';
import { CiAttribute } from './entities/ci-attribute.entity';
import { CiHistoryRecord } from './entities/ci-history-record.entity';
import { CiRelationHistory } from './entities/ci-relation-history.entity';
import { CiRelationType } from './entities/ci-relation-type.entity';
import { Ci } from './entities/ci.entity';

export interface AttributeChange {
  ciId: number;
  /** Null for the CI's own deletion. */
  attrId: number | null;
  operateType: OperateType;
  old: string | null;
  new: string | null;
}

export interface RelationChange {
  relationId: number;
  firstCiId: number;
  secondCiId: number;
  relationTypeId: number;
  operateType: typeof OperateType.ADD | typeof OperateType.DELETE;
}

/** What a request may say about why it changed things. */
export interface RecordMeta {
  ticketId?: string | null;
  origin?: string | null;
  reason?: string | null;
}

/** One attribute change as history lists it, with the attribute's names (deleted attributes included). */
export interface AttributeChangeView extends AttributeChange {
  id: number;
  recordId: number;
  attrName: string | null;
  attrAlias: string | null;
  valueType: string | null;
  operatorName: string | null;
  createdAt: Date;
}

export interface RelationChangeView extends RelationChange {
  id: number;
  recordId: number;
  relationType: string | null;
}

export interface RecordFilter {
  start?: Date;
  end?: Date;
  username?: string;
}

export interface RecordSummary {
  record: CiHistoryRecord;
  /** Aliases of the attributes it changed, in first-change order. */
  attributes: string[];
  relationsAdded: number;
  relationsDeleted: number;
}

/**
 * CI history: every request that changes CIs gets one record, written in the same transaction as
 * the change, with one line per attribute value and per relation it added, changed or deleted.
 */
@Injectable()
export class CiHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: CiDbService,
    private readonly users: UsersService,
    private readonly catalogs: CiCatalogService,
    private readonly perms: CiPermissionsService,
  ) {}

  /** Writes the request's record and its lines; a request that changed nothing writes nothing. */
  async write(
    em: EntityManager,
    actor: Principal,
    attrs: readonly AttributeChange[],
    relations: readonly RelationChange[],
    meta: RecordMeta = {},
  ): Promise<number | null> {
    if (attrs.length === 0 && relations.length === 0) return null;
    const [recordId] = await this.db.insertReturningIds(em, CiHistoryRecord, [
      em.create(CiHistoryRecord, {
        operatorId: actor.userId,
        operatorName: actor.username,
        origin: meta.origin ?? null,
        ticketId: meta.ticketId ?? null,
        reason: meta.reason ?? null,
      }),
    ]);
    await this.db.insertMany(
      em,
      CiAttributeHistory,
      attrs.map((a) => ({ ...a, recordId })),
    );
    await this.db.insertMany(
      em,
      CiRelationHistory,
      relations.map((r) => ({ ...r, recordId })),
    );
    return recordId;
  }

  /**
   * A CI's attribute changes, newest first (its deletion line is not listed). A CI that does not
   * exist and never did is a 404; a deleted CI keeps its history.
   */
  async ofCi(actor: Principal, ciId: number): Promise<AttributeChangeView[]> {
    const ci = await this.dataSource.getRepository(Ci).findOneBy({ id: ciId });
    const lines = await this.dataSource.getRepository(CiAttributeHistory).find({
      where: { ciId },
      order: { id: 'DESC' },
    });
    if (lines.length === 0 && !ci) throw new NotFoundError('CI', ciId);
    // A live CI's history is as readable as the CI; a deleted one's stays with administrators.
    if (ci) {
      const type = (await this.catalogs.load()).typeById(ci.typeId);
      await this.perms.assert(actor, type?.name ?? String(ci.typeId), 'read');
    } else {
      this.perms.assertConfig(actor, "Reading a deleted CI's history");
    }
    return this.attributeViews(lines.filter((l) => l.attrId !== null));
  }

  /** Records newest first, with what each changed in brief. */
  async records(
    actor: Principal,
    filter: RecordFilter,
    offset: number,
    limit: number,
  ): Promise<[RecordSummary[], number]> {
    // Records span every CI type: they are for administrators.
    this.perms.assertConfig(actor, 'Reading CMDB history records');
    const qb = this.dataSource.getRepository(CiHistoryRecord).createQueryBuilder('r');
    if (filter.start) qb.andWhere('r.createdAt >= :start', { start: filter.start });
    if (filter.end) qb.andWhere('r.createdAt <= :end', { end: filter.end });
    if (filter.username !== undefined) qb.andWhere('r.operatorName = :username', { username: filter.username });
    const [records, total] = await qb.orderBy('r.id', 'DESC').skip(offset).take(limit).getManyAndCount();
    // A user that never existed is a 404; one deleted since keeps the records it made.
    if (filter.username !== undefined && total === 0) {
      const [found] = await this.users.list({ username: filter.username }, 0, 1);
      if (found.length === 0) throw new NotFoundError('user', filter.username, 'username');
    }
    if (records.length === 0) return [[], total];
    const ids = records.map((r) => r.id);
    const attrLines = await this.dataSource
      .getRepository(CiAttributeHistory)
      .find({ where: { recordId: In(ids) }, order: { id: 'ASC' } });
    const relCounts = await this.dataSource
      .getRepository(CiRelationHistory)
      .createQueryBuilder('h')
      .select(['h.record_id AS recordId', 'h.operate_type AS operateType', 'COUNT(1) AS n'])
      .where('h.record_id IN (:...ids)', { ids })
      .groupBy('h.record_id')
      .addGroupBy('h.operate_type')
      .getRawMany<{ recordId: number; operateType: string; n: number | string }>();
    const names = await this.attributeNames(attrLines.map((l) => l.attrId));
    const summaries = records.map((record) => {
      const aliases = attrLines
        .filter((l) => l.recordId === record.id && l.attrId !== null)
        .map((l) => names.get(l.attrId as number)?.alias ?? String(l.attrId));
      const count = (op: string) =>
        Number(relCounts.find((c) => Number(c.recordId) === record.id && c.operateType === op)?.n ?? 0);
      return {
        record,
        attributes: [...new Set(aliases)],
        relationsAdded: count(OperateType.ADD),
        relationsDeleted: count(OperateType.DELETE),
      };
    });
    return [summaries, total];
  }

  /** One record with every line under it. */
  async record(
    actor: Principal,
    id: number,
  ): Promise<{ record: CiHistoryRecord; attributes: AttributeChangeView[]; relations: RelationChangeView[] }> {
    this.perms.assertConfig(actor, 'Reading CMDB history records');
    const record = await this.dataSource.getRepository(CiHistoryRecord).findOneBy({ id });
    if (!record) throw new NotFoundError('history record', id);
    const [attrLines, relLines] = await Promise.all([
      this.dataSource.getRepository(CiAttributeHistory).find({ where: { recordId: id }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(CiRelationHistory).find({ where: { recordId: id }, order: { id: 'ASC' } }),
    ]);
    const typeIds = [...new Set(relLines.map((l) => l.relationTypeId))];
    const relTypes = typeIds.length
      ? await this.dataSource.getRepository(CiRelationType).findBy({ id: In(typeIds) })
      : [];
    return {
      record,
      attributes: await this.attributeViews(attrLines, [record]),
      relations: relLines.map((l) => ({
        id: l.id,
        recordId: l.recordId,
        relationId: l.relationId,
        firstCiId: l.firstCiId,
        secondCiId: l.secondCiId,
        relationTypeId: l.relationTypeId,
        operateType: l.operateType as RelationChange['operateType'],
        relationType: relTypes.find((t) => t.id === l.relationTypeId)?.name ?? null,
      })),
    };
  }

  private async attributeViews(
    lines: readonly CiAttributeHistory[],
    knownRecords: readonly CiHistoryRecord[] = [],
  ): Promise<AttributeChangeView[]> {
    const names = await this.attributeNames(lines.map((l) => l.attrId));
    const missing = [...new Set(lines.map((l) => l.recordId))].filter((r) => !knownRecords.some((k) => k.id === r));
    const records = [
      ...knownRecords,
      ...(missing.length ? await this.dataSource.getRepository(CiHistoryRecord).findBy({ id: In(missing) }) : []),
    ];
    const byId = new Map(records.map((r) => [r.id, r]));
    return lines.map((l) => {
      const attr = l.attrId === null ? undefined : names.get(l.attrId);
      const record = byId.get(l.recordId);
      return {
        id: l.id,
        recordId: l.recordId,
        ciId: l.ciId,
        attrId: l.attrId,
        operateType: l.operateType as OperateType,
        old: l.old,
        new: l.new,
        attrName: attr?.name ?? null,
        attrAlias: attr?.alias ?? null,
        valueType: attr?.valueType ?? null,
        operatorName: record?.operatorName ?? null,
        createdAt: record?.createdAt ?? new Date(0),
      };
    });
  }

  private async attributeNames(ids: readonly (number | null)[]): Promise<Map<number, CiAttribute>> {
    const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
    if (wanted.length === 0) return new Map();
    // Deleted attributes included: history outlives them.
    const attrs = await this.dataSource.getRepository(CiAttribute).findBy({ id: In(wanted) });
    return new Map(attrs.map((a) => [a.id, a]));
  }
}
