import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditRecord, AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { CatalogAttribute, CatalogType, CiCatalog } from './ci-catalog';
import { CiCatalogService } from './ci-catalog.service';
import { CiDbService } from './ci-db.service';
import { AttributeChange, CiHistoryService, RecordMeta, RelationChange } from './ci-history.service';
import { checkRequired, isCleared, NoAttributePolicy, ResolvedValue, resolveCiValues } from './ci-input';
import { CiPermissionsService } from './ci-permissions.service';
import { PASSWORD_MASK } from './ci-row';
import { diffValues, ExistingValue, OperateType } from './ci-value-diff';
import { CiValuesService, NewValue } from './ci-values.service';
import { CiRelation } from './entities/ci-relation.entity';
import { Ci } from './entities/ci.entity';
import { historyText, StoredValue, tableOf, ValueTable } from './value-types';

/** What a write does when a CI with its key value exists already: refuse, require it, or update it. */
export type ExistPolicy = 'reject' | 'need' | 'replace';

export interface CiWriteOptions {
  noAttributePolicy?: NoAttributePolicy;
  existPolicy?: ExistPolicy;
  ticketId?: string | null;
}

/** Most CIs one request may write (a batch is one transaction). */
export const MAX_BATCH = 2000;

/** One CI of a write, once its parameters are read. */
interface Plan {
  prefix: string;
  values: ResolvedValue[];
  /** The key value the CI is found by (creates and upserts). */
  key?: StoredValue;
  /** The CI written to; unset until a create has inserted it. */
  ciId?: number;
  creating: boolean;
}

function first(next: ResolvedValue['next']): StoredValue | undefined {
  if (next === null) return undefined;
  return Array.isArray(next) ? next[0] : next;
}

function shown(v: StoredValue): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

/**
 * Writing CIs (cmdb.md §6): each request is one transaction with one history record and one
 * audit entry per CI it changed; a refused request leaves nothing behind. Key values stay unique
 * within their type, and `is_unique` values across all CIs, also under concurrent writers: the
 * type's row (and each unique attribute's) is locked before anything is checked.
 */
@Injectable()
export class CisService {
  constructor(
    private readonly db: CiDbService,
    private readonly catalogs: CiCatalogService,
    private readonly values: CiValuesService,
    private readonly history: CiHistoryService,
    private readonly perms: CiPermissionsService,
    private readonly audit: AuditService,
  ) {}

  /** POST /ci (policy reject) and PUT /ci (replace): the CI's id. */
  async write(
    actor: Principal,
    typeKey: string | number | undefined,
    params: Record<string, unknown>,
    opts: CiWriteOptions = {},
  ): Promise<number> {
    const [id] = await this.writeMany(actor, typeKey, [params], opts, false);
    return id;
  }

  /** Several CIs of one type in one transaction; errors name the item (`cis[3].hostname`). */
  async writeMany(
    actor: Principal,
    typeKey: string | number | undefined,
    items: readonly Record<string, unknown>[],
    opts: CiWriteOptions = {},
    batch = true,
  ): Promise<number[]> {
    if (items.length > MAX_BATCH) throw new InvalidInputError('cis', `at most ${MAX_BATCH} CIs per request`);
    const catalog = await this.catalogs.load();
    const type = this.typeOf(catalog, typeKey);
    const key = this.keyAttribute(catalog, type);
    const policy = opts.existPolicy ?? 'reject';
    const plans: Plan[] = items.map((params, i) => {
      const prefix = batch ? `cis[${i}].` : '';
      const values = resolveCiValues(catalog, type, params, {
        policy: opts.noAttributePolicy ?? 'ignore',
        update: false,
        fieldPrefix: prefix,
      });
      const keyValue = first(values.find((v) => v.attr.id === key.id)?.next ?? null);
      if (keyValue === undefined || keyValue === '')
        throw new InvalidInputError(`${prefix}${key.name}`, `${key.name} missing`);
      return { prefix, values, key: keyValue, creating: true };
    });
    this.checkDuplicateKeys(key, plans);

    return this.db.write(async (em) => {
      await this.lockFor(em, type, plans);
      const holders = await this.values.holders(
        em,
        key,
        plans.map((p) => p.key as StoredValue),
        type.id,
      );
      const byKey = new Map(holders.map((h) => [this.values.matchKey(key.valueType, h.value), h.ciId]));
      for (const plan of plans) {
        const existing = byKey.get(this.values.matchKey(key.valueType, plan.key as StoredValue));
        if (existing !== undefined && policy === 'reject') {
          throw new InvalidInputError(`${plan.prefix}${key.name}`, 'CI is already existed');
        }
        if (existing === undefined && policy === 'need') throw new NotFoundError('CI', shown(plan.key as StoredValue));
        if (existing !== undefined) Object.assign(plan, { ciId: existing, creating: false });
      }
      if (plans.some((p) => p.creating)) await this.perms.assert(actor, type.name, 'add');
      if (plans.some((p) => !p.creating)) await this.perms.assert(actor, type.name, 'update');
      await this.apply(em, actor, catalog, type, plans, { ticketId: opts.ticketId });
      return plans.map((p) => p.ciId as number);
    });
  }

  /** PUT /ci/<id>: writes the given attributes of one CI, which keeps its type. */
  async update(
    actor: Principal,
    ciId: number,
    params: Record<string, unknown>,
    opts: CiWriteOptions & { typeKey?: string | number } = {},
  ): Promise<number> {
    const catalog = await this.catalogs.load();
    const ci = await this.db.dataSource.getRepository(Ci).findOneBy({ id: ciId });
    if (!ci) throw new NotFoundError('CI', ciId);
    const type = catalog.typeById(ci.typeId);
    if (!type) throw new NotFoundError('CIType', ci.typeId);
    if (opts.typeKey !== undefined && opts.typeKey !== '') {
      const asked = this.typeOf(catalog, opts.typeKey);
      if (asked.id !== type.id) {
        throw new InvalidInputError(
          'ci_type',
          `CI ${ciId} is a ${type.name}; a CI cannot move to CIType ${asked.name}`,
        );
      }
    }
    await this.perms.assert(actor, type.name, 'update');
    const values = resolveCiValues(catalog, type, params, { policy: opts.noAttributePolicy ?? 'ignore', update: true });
    const key = this.keyAttribute(catalog, type);
    const plan: Plan = { prefix: '', values, ciId, creating: false };
    return this.db.write(async (em) => {
      await this.lockFor(em, type, [plan]);
      const newKey = values.find((v) => v.attr.id === key.id);
      const keyValue = newKey && first(newKey.next);
      if (newKey && keyValue !== undefined && keyValue !== '') {
        const taken = (await this.values.holders(em, key, [keyValue], type.id)).filter((h) => h.ciId !== ciId);
        if (taken.length > 0) {
          throw new InvalidInputError(newKey.key, `attribute ${key.alias} value ${shown(keyValue)} must be unique`);
        }
      }
      // The CI may have gone since it was read: a deleted CI takes no values.
      if (!(await em.existsBy(Ci, { id: ciId }))) throw new NotFoundError('CI', ciId);
      await this.apply(em, actor, catalog, type, [plan], { ticketId: opts.ticketId });
      return ciId;
    });
  }

  /** DELETE /ci/<id>: its values, every relation it is part of, and the CI; history keeps one line for it. */
  async remove(actor: Principal, ciId: number, meta: RecordMeta = {}): Promise<void> {
    const catalog = await this.catalogs.load();
    const ci = await this.db.dataSource.getRepository(Ci).findOneBy({ id: ciId });
    if (!ci) throw new NotFoundError('CI', ciId);
    const type = catalog.typeById(ci.typeId);
    await this.perms.assert(actor, type?.name ?? String(ci.typeId), 'delete');
    await this.db.write(async (em) => {
      await this.db.lock(em, 'cis', [ciId]);
      if (!(await em.existsBy(Ci, { id: ciId }))) throw new NotFoundError('CI', ciId);
      const attrs = type ? catalog.typeAttributes(type) : [];
      const before = (await this.values.load(em, [ciId], attrs)).get(ciId) ?? new Map();
      const relations = await em.find(CiRelation, { where: [{ firstCiId: ciId }, { secondCiId: ciId }] });
      if (relations.length) await em.delete(CiRelation, { id: In(relations.map((r) => r.id)) });
      await this.values.deleteOfCis(em, [ciId]);
      await em.delete(Ci, { id: ciId });
      const relationLines: RelationChange[] = relations.map((r) => ({
        relationId: r.id,
        firstCiId: r.firstCiId,
        secondCiId: r.secondCiId,
        relationTypeId: r.relationTypeId,
        operateType: OperateType.DELETE,
      }));
      const deletion: AttributeChange = { ciId, attrId: null, operateType: OperateType.DELETE, old: null, new: null };
      await this.history.write(em, actor, [deletion], relationLines, meta);
      const snapshot = Object.fromEntries(
        attrs
          .filter((a) => before.has(a.id))
          .map((a) => [a.name, (before.get(a.id) ?? []).map((v: ExistingValue) => this.historyValue(a, v.value))]),
      );
      await this.audit.record(em, {
        operator: actor,
        module: 'cmdb',
        targetType: 'ci',
        targetId: ciId,
        targetName: type?.name ?? null,
        operation: 'delete',
        before: { ci_type: type?.name ?? null, values: snapshot, relations: relations.length },
        after: null,
      });
    });
  }

  /** An agent reports in: the CI of the type with this key value gets `heartbeat` = now. */
  async heartbeat(actor: Principal, typeKey: string, unique: string): Promise<number> {
    const catalog = await this.catalogs.load();
    const type = this.typeOf(catalog, typeKey);
    await this.perms.assert(actor, type.name, 'update');
    const key = this.keyAttribute(catalog, type);
    let value: StoredValue;
    try {
      value = first(
        resolveCiValues(catalog, type, { [key.name]: unique }, { policy: 'ignore', update: true })[0].next,
      ) as StoredValue;
    } catch {
      throw new NotFoundError('CI', unique);
    }
    const [holder] =
      value === undefined ? [] : await this.values.holders(this.db.dataSource.manager, key, [value], type.id);
    if (!holder) throw new NotFoundError('CI', unique);
    await this.db.dataSource.getRepository(Ci).update({ id: holder.ciId }, { heartbeat: new Date() });
    return holder.ciId;
  }

  private typeOf(catalog: CiCatalog, typeKey: string | number | undefined): CatalogType {
    const type = typeKey === undefined ? undefined : catalog.type(typeKey);
    if (!type) throw new NotFoundError('CIType', typeKey ?? '', 'ci_type');
    return type;
  }

  private keyAttribute(catalog: CiCatalog, type: CatalogType): CatalogAttribute {
    const key = catalog.uniqueAttribute(type);
    if (!key) throw new InvalidInputError('ci_type', `CIType ${type.name} has no unique key attribute`);
    return key;
  }

  private checkDuplicateKeys(key: CatalogAttribute, plans: readonly Plan[]): void {
    const seen = new Map<string, Plan>();
    for (const plan of plans) {
      const k = this.values.matchKey(key.valueType, plan.key as StoredValue);
      const earlier = seen.get(k);
      if (earlier) {
        throw new InvalidInputError(
          `${plan.prefix}${key.name}`,
          `${shown(plan.key as StoredValue)} is given twice (also at ${earlier.prefix.slice(0, -1)})`,
        );
      }
      seen.set(k, plan);
    }
  }

  /** The type's row and every unique attribute written, in one fixed order so writers never deadlock. */
  private async lockFor(em: EntityManager, type: CatalogType, plans: readonly Plan[]): Promise<void> {
    await this.db.lock(em, 'ci_types', [type.id]);
    const unique = new Set(plans.flatMap((p) => p.values.filter((v) => v.attr.isUnique).map((v) => v.attr.id)));
    await this.db.lock(em, 'ci_attributes', [...unique]);
  }

  /**
   * Required and unique checks, then the CI rows, value rows, history and audit, for plans whose
   * CI is known (updates) or to be inserted (creates).
   */
  private async apply(
    em: EntityManager,
    actor: Principal,
    catalog: CiCatalog,
    type: CatalogType,
    plans: Plan[],
    meta: RecordMeta,
  ): Promise<void> {
    for (const plan of plans)
      checkRequired(catalog, type, plan.values, { creating: plan.creating, fieldPrefix: plan.prefix });
    const updating = plans.filter((p) => !p.creating).map((p) => p.ciId as number);
    const written = [...new Map(plans.flatMap((p) => p.values.map((v) => [v.attr.id, v.attr]))).values()];
    const current = await this.values.load(em, updating, written);
    await this.checkUnique(em, plans);

    const created = plans.filter((p) => p.creating);
    const ids = await this.db.insertReturningIds(
      em,
      Ci,
      created.map(() => em.create(Ci, { typeId: type.id, status: null, heartbeat: null })),
    );
    created.forEach((p, i) => (p.ciId = ids[i]));

    const inserts: NewValue[] = [];
    const deletes = new Map<ValueTable, number[]>();
    const lines: AttributeChange[] = [];
    const audits: AuditRecord[] = [];
    const changed: number[] = [];
    for (const plan of plans) {
      const ciId = plan.ciId as number;
      const summary: Record<string, string[]> = {};
      for (const { attr, next } of plan.values) {
        const existing = current.get(ciId)?.get(attr.id) ?? [];
        const diff = diffValues(attr, existing, next, (v) => this.historyValue(attr, v));
        for (const value of diff.insert) inserts.push({ ciId, attr, value });
        if (diff.deleteIds.length) {
          const table = tableOf(attr.valueType);
          deletes.set(table, [...(deletes.get(table) ?? []), ...diff.deleteIds]);
        }
        for (const h of diff.history) lines.push({ ciId, attrId: attr.id, ...h });
        if (diff.history.length) summary[attr.name] = diff.history.map((h) => h.new ?? '');
      }
      if (!plan.creating && Object.keys(summary).length === 0) continue;
      if (!plan.creating) changed.push(ciId);
      audits.push({
        operator: actor,
        module: 'cmdb',
        targetType: 'ci',
        targetId: ciId,
        targetName: plan.key !== undefined ? shown(plan.key) : null,
        operation: plan.creating ? 'create' : 'update',
        after: { ci_type: type.name, values: summary },
      });
    }
    for (const [table, rowIds] of deletes) await this.values.deleteRows(em, table, rowIds);
    await this.values.insert(em, inserts);
    if (changed.length) await em.update(Ci, { id: In(changed) }, { updatedAt: new Date() });
    await this.history.write(em, actor, lines, [], meta);
    await this.audit.recordMany(em, audits);
  }

  /**
   * `is_unique` values: no two CIs (of any type) may share one, counting the values this request
   * writes among themselves.
   */
  private async checkUnique(em: EntityManager, plans: readonly Plan[]): Promise<void> {
    const byAttr = new Map<
      number,
      { attr: CatalogAttribute; entries: { plan: Plan; value: StoredValue; field: string }[] }
    >();
    for (const plan of plans) {
      for (const v of plan.values) {
        if (!v.attr.isUnique || isCleared(v.next)) continue;
        const list = Array.isArray(v.next) ? v.next : [v.next as StoredValue];
        const group = byAttr.get(v.attr.id) ?? { attr: v.attr, entries: [] };
        list.forEach((value) => group.entries.push({ plan, value, field: `${plan.prefix}${v.key}` }));
        byAttr.set(v.attr.id, group);
      }
    }
    for (const { attr, entries } of byAttr.values()) {
      const refuse = (e: (typeof entries)[number]) =>
        new InvalidInputError(e.field, `attribute ${attr.alias} value ${shown(e.value)} must be unique`);
      const seen = new Map<string, Plan>();
      for (const e of entries) {
        const k = this.values.matchKey(attr.valueType, e.value);
        const other = seen.get(k);
        if (other && other !== e.plan) throw refuse(e);
        seen.set(k, e.plan);
      }
      const holders = await this.values.holders(
        em,
        attr,
        entries.map((e) => e.value),
      );
      for (const h of holders) {
        const k = this.values.matchKey(attr.valueType, h.value);
        const e = entries.find((x) => this.values.matchKey(attr.valueType, x.value) === k);
        if (e && e.plan.ciId !== h.ciId) throw refuse(e);
      }
    }
  }

  private historyValue(attr: CatalogAttribute, v: StoredValue): string {
    return attr.isPassword ? PASSWORD_MASK : historyText(attr.valueType, v);
  }
}
