import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, In } from 'typeorm';
import { AuditRecord, AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { CiCatalog } from './ci-catalog';
import { CiCatalogService } from './ci-catalog.service';
import { CiDbService } from './ci-db.service';
import { CiHistoryService, RelationChange } from './ci-history.service';
import { convertValue } from './ci-input';
import { CiPermissionsService } from './ci-permissions.service';
import { CiQueriesService } from './ci-queries.service';
import { OperateType } from './ci-value-diff';
import { CiValuesService } from './ci-values.service';
import { CiRelationType } from './entities/ci-relation-type.entity';
import { CiRelation } from './entities/ci-relation.entity';
import { CiTypeRelation } from './entities/ci-type-relation.entity';
import { Ci } from './entities/ci.entity';

export interface RelationOptions {
  /** The relation type the caller expects (id or name); it must be the type relation's. */
  relationType?: string | number;
  more?: number | null;
}

/** Parents for a batch: by the value one of their attributes holds, or by id. */
export type BatchParents = Record<string, unknown> | number[];

/** How deep a relation walk may go. */
export const MAX_LEVEL = 10;

/**
 * Relations between CIs: a parent (first) holds a child (second) with the relation type of the
 * relation between their types. Changing a CI's relations needs `update` on the parent's type;
 * every change is history (one record per request) and audit.
 */
@Injectable()
export class CiRelationsService {
  constructor(
    private readonly db: CiDbService,
    private readonly catalogs: CiCatalogService,
    private readonly values: CiValuesService,
    private readonly queries: CiQueriesService,
    private readonly history: CiHistoryService,
    private readonly perms: CiPermissionsService,
    private readonly audit: AuditService,
  ) {}

  /** Relates two CIs; an existing pair answers its id unchanged. */
  async add(actor: Principal, firstId: number, secondId: number, opts: RelationOptions = {}): Promise<number> {
    const catalog = await this.catalogs.load();
    const [first, second] = await this.twoCis(firstId, secondId);
    await this.perms.assert(actor, this.typeName(catalog, first), 'update');
    const expected = opts.relationType !== undefined ? await this.relationType(opts.relationType) : undefined;
    return this.db.write(async (em) => {
      const changes: RelationChange[] = [];
      const id = await this.link(em, catalog, first, second, { ...opts, expected, changes });
      await this.finish(em, actor, changes);
      return id;
    });
  }

  async removePair(actor: Principal, firstId: number, secondId: number): Promise<void> {
    await this.removeWhere(actor, { firstCiId: firstId, secondCiId: secondId }, `${firstId} -> ${secondId}`);
  }

  async removeById(actor: Principal, id: number): Promise<void> {
    await this.removeWhere(actor, { id }, id);
  }

  /**
   * Many children under parents at once. Parents named by an attribute value (`{hostname: "web-1"}`)
   * replace each child's parent of that relation type (many to one); parents given by id are added.
   */
  async batch(actor: Principal, ciIds: readonly number[], parents: BatchParents): Promise<void> {
    const catalog = await this.catalogs.load();
    const children = await this.cisById(ciIds, 'ci_ids');
    let parentCis: Ci[];
    const manyToOne = !Array.isArray(parents);
    if (Array.isArray(parents)) {
      parentCis = await this.cisById(parents, 'parents');
    } else {
      parentCis = [];
      for (const [key, raw] of Object.entries(parents)) {
        if (raw === null || raw === undefined || raw === '') continue;
        const attr = catalog.attribute(key);
        if (!attr) throw new NotFoundError('attribute', key, 'parents');
        const [holder] = await this.values.holders(this.db.dataSource.manager, attr, [
          convertValue(attr, raw, `parents.${key}`),
        ]);
        if (!holder) throw new NotFoundError(`CI with ${key}`, String(raw), 'parents');
        parentCis.push(...(await this.cisById([holder.ciId], 'parents')));
      }
    }
    for (const parent of parentCis) await this.perms.assert(actor, this.typeName(catalog, parent), 'update');
    await this.db.write(async (em) => {
      const changes: RelationChange[] = [];
      for (const parent of parentCis) {
        for (const child of children) await this.link(em, catalog, parent, child, { changes, manyToOne });
      }
      await this.finish(em, actor, changes);
    });
  }

  /** A CI's children (or parents), a page at a time, optionally of one relation type (by name). */
  async related(
    actor: Principal,
    ciId: number,
    direction: 'children' | 'parents',
    relationTypeName: string | undefined,
    offset: number,
    limit: number,
  ): Promise<{ numfound: number; cis: Ci[] }> {
    await this.queries.get(actor, ciId);
    const catalog = await this.catalogs.load();
    const readable = await this.queries.readableTypeIds(actor, catalog);
    const [self, other] = direction === 'children' ? ['first_ci_id', 'second_ci_id'] : ['second_ci_id', 'first_ci_id'];
    const qb = this.db.dataSource
      .getRepository(Ci)
      .createQueryBuilder('c')
      .innerJoin(CiRelation, 'r', `r.${other} = c.id AND r.${self} = :ciId`, { ciId });
    if (relationTypeName !== undefined && relationTypeName !== '') {
      const type = await this.relationType(relationTypeName).catch(() => {
        throw new InvalidInputError('relation_type', `relation type ${relationTypeName} does not exist`);
      });
      qb.andWhere('r.relation_type_id = :rt', { rt: type.id });
    }
    if (readable) {
      if (readable.size === 0) return { numfound: 0, cis: [] };
      qb.andWhere('c.typeId IN (:...readable)', { readable: [...readable] });
    }
    const [cis, numfound] = await qb.orderBy('c.id').skip(offset).take(limit).getManyAndCount();
    return { numfound, cis };
  }

  /** Relations of CIs (both directions), for GraphQL. */
  async ofCis(ciIds: readonly number[]): Promise<CiRelation[]> {
    if (ciIds.length === 0) return [];
    return this.db.dataSource.getRepository(CiRelation).find({
      where: [{ firstCiId: In([...ciIds]) }, { secondCiId: In([...ciIds]) }],
      order: { id: 'ASC' },
    });
  }

  async relationTypesById(ids: readonly number[]): Promise<CiRelationType[]> {
    if (ids.length === 0) return [];
    return this.db.dataSource.getRepository(CiRelationType).findBy({ id: In([...ids]) });
  }

  /**
   * The CIs exactly `level` steps below each root (parent → child), restricted at the last step to
   * `typeIds` when given: how many, per root.
   */
  async countAtLevel(
    actor: Principal,
    rootIds: readonly number[],
    level: number,
    typeIds?: readonly number[],
  ): Promise<Map<number, number>> {
    // Counts reveal what lies under a CI: its type must be readable. Unknown roots count 0.
    const catalog = await this.catalogs.load();
    const roots = await this.db.dataSource.getRepository(Ci).findBy({ id: In([...new Set(rootIds)]) });
    for (const typeId of new Set(roots.map((r) => r.typeId))) {
      await this.perms.assert(actor, catalog.typeById(typeId)?.name ?? String(typeId), 'read');
    }
    const result = new Map<number, number>();
    for (const root of rootIds) {
      const ids = await this.descendants(root, [level]);
      if (typeIds && typeIds.length > 0 && ids.size > 0) {
        const typed = await this.db.dataSource
          .getRepository(Ci)
          .count({ where: { id: In([...ids]), typeId: In([...typeIds]) } });
        result.set(root, typed);
      } else {
        result.set(root, ids.size);
      }
    }
    return result;
  }

  /** The CIs reached from `root` in exactly each of `levels` steps, united (one query per step). */
  async descendants(root: number, levels: readonly number[]): Promise<Set<number>> {
    const wanted = new Set(levels.filter((l) => l >= 1 && l <= MAX_LEVEL));
    const deepest = Math.max(0, ...wanted);
    const out = new Set<number>();
    let frontier = [root];
    for (let depth = 1; depth <= deepest && frontier.length > 0; depth++) {
      const next = new Set<number>();
      for (let i = 0; i < frontier.length; i += 1000) {
        const rows = await this.db.dataSource
          .getRepository(CiRelation)
          .find({ select: { secondCiId: true }, where: { firstCiId: In(frontier.slice(i, i + 1000)) } });
        rows.forEach((r) => next.add(r.secondCiId));
      }
      frontier = [...next];
      if (wanted.has(depth)) frontier.forEach((id) => out.add(id));
    }
    return out;
  }

  /** The CI types reached from `typeId` in exactly each of `levels` steps along type relations. */
  async typesAtLevels(typeId: number, levels: readonly number[]): Promise<Set<number>> {
    const edges = await this.db.dataSource.getRepository(CiTypeRelation).find();
    const wanted = new Set(levels);
    const out = new Set<number>();
    let frontier = new Set([typeId]);
    for (let depth = 1; depth <= Math.max(0, ...wanted) && depth <= MAX_LEVEL; depth++) {
      frontier = new Set(edges.filter((e) => frontier.has(e.parentId)).map((e) => e.childId));
      if (wanted.has(depth)) frontier.forEach((t) => out.add(t));
    }
    return out;
  }

  private async removeWhere(
    actor: Principal,
    where: FindOptionsWhere<CiRelation>,
    label: string | number,
  ): Promise<void> {
    const catalog = await this.catalogs.load();
    const found = await this.db.dataSource.getRepository(CiRelation).findOneBy(where);
    if (!found) throw new NotFoundError('CI relation', label);
    const parent = await this.db.dataSource.getRepository(Ci).findOneBy({ id: found.firstCiId });
    if (parent) await this.perms.assert(actor, this.typeName(catalog, parent), 'update');
    await this.db.write(async (em) => {
      const relation = await em.findOneBy(CiRelation, { id: found.id });
      if (!relation) throw new NotFoundError('CI relation', label);
      await em.delete(CiRelation, { id: relation.id });
      await this.finish(em, actor, [change(relation, OperateType.DELETE)]);
    });
  }

  /**
   * Relates `first` → `second` inside a transaction, recording what changed into `changes`. With
   * `manyToOne`, the child's other parents of that relation type are let go first.
   */
  private async link(
    em: EntityManager,
    catalog: CiCatalog,
    first: Ci,
    second: Ci,
    opts: RelationOptions & { expected?: CiRelationType; changes: RelationChange[]; manyToOne?: boolean },
  ): Promise<number> {
    if (first.id === second.id) throw new InvalidInputError('second_ci_id', 'a CI cannot be related to itself');
    const typeRelation = await em.findOneBy(CiTypeRelation, { parentId: first.typeId, childId: second.typeId });
    if (!typeRelation) {
      throw new NotFoundError(
        'Relation',
        `${catalog.typeById(first.typeId)?.name ?? first.typeId} <-> ${catalog.typeById(second.typeId)?.name ?? second.typeId}`,
      );
    }
    if (opts.expected && opts.expected.id !== typeRelation.relationTypeId) {
      throw new InvalidInputError(
        'relation_type',
        `the relation between these CI types is not of relation type ${opts.expected.name}`,
      );
    }
    const existing = await em.findOneBy(CiRelation, { firstCiId: first.id, secondCiId: second.id });
    if (existing) return existing.id;
    if (opts.manyToOne) {
      const others = await em.findBy(CiRelation, {
        secondCiId: second.id,
        relationTypeId: typeRelation.relationTypeId,
      });
      for (const other of others) {
        await em.delete(CiRelation, { id: other.id });
        opts.changes.push(change(other, OperateType.DELETE));
      }
    }
    const [id] = await this.db.insertReturningIds(em, CiRelation, [
      em.create(CiRelation, {
        firstCiId: first.id,
        secondCiId: second.id,
        relationTypeId: typeRelation.relationTypeId,
        more: opts.more ?? null,
      }),
    ]);
    opts.changes.push({
      relationId: id,
      firstCiId: first.id,
      secondCiId: second.id,
      relationTypeId: typeRelation.relationTypeId,
      operateType: OperateType.ADD,
    });
    return id;
  }

  private async finish(em: EntityManager, actor: Principal, changes: readonly RelationChange[]): Promise<void> {
    await this.history.write(em, actor, [], changes);
    const audits: AuditRecord[] = changes.map((c) => ({
      operator: actor,
      module: 'cmdb',
      targetType: 'ci_relation',
      targetId: c.relationId,
      targetName: `${c.firstCiId} -> ${c.secondCiId}`,
      operation: c.operateType === OperateType.ADD ? 'create' : 'delete',
      after: c.operateType === OperateType.ADD ? { ...c } : null,
      before: c.operateType === OperateType.DELETE ? { ...c } : null,
    }));
    await this.audit.recordMany(em, audits);
  }

  private async relationType(key: string | number): Promise<CiRelationType> {
    const repo = this.db.dataSource.getRepository(CiRelationType);
    const found =
      typeof key === 'number' || /^\d+$/.test(key)
        ? await repo.findOneBy({ id: Number(key) })
        : await repo.createQueryBuilder('r').where('LOWER(r.name) = :n', { n: key.trim().toLowerCase() }).getOne();
    if (!found) throw new InvalidInputError('relation_type', `relation type ${key} does not exist`);
    return found;
  }

  private async twoCis(firstId: number, secondId: number): Promise<[Ci, Ci]> {
    const cis = await this.db.dataSource.getRepository(Ci).findBy({ id: In([firstId, secondId]) });
    const first = cis.find((c) => c.id === firstId);
    if (!first) throw new NotFoundError('CI', firstId);
    const second = cis.find((c) => c.id === secondId);
    if (!second) throw new NotFoundError('CI', secondId);
    return [first, second];
  }

  private async cisById(ids: readonly number[], field: string): Promise<Ci[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) throw new InvalidInputError(field, `Argument ${field} is required`);
    const cis = await this.db.dataSource.getRepository(Ci).findBy({ id: In(unique) });
    const missing = unique.find((id) => !cis.some((c) => c.id === id));
    if (missing !== undefined) throw new NotFoundError('CI', missing, field);
    return unique.map((id) => cis.find((c) => c.id === id) as Ci);
  }

  private typeName(catalog: CiCatalog, ci: Ci): string {
    return catalog.typeById(ci.typeId)?.name ?? String(ci.typeId);
  }
}

function change(r: CiRelation, operateType: RelationChange['operateType']): RelationChange {
  return {
    relationId: r.id,
    firstCiId: r.firstCiId,
    secondCiId: r.secondCiId,
    relationTypeId: r.relationTypeId,
    operateType,
  };
}
