import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { SecretBox } from '../../common/crypto/secret-box';
import { AppConfig } from '../../config/app-config';
import { valueKey } from '../search/search-sql';
import { CatalogAttribute } from './ci-catalog';
import { CiDbService } from './ci-db.service';
import { ExistingValue } from './ci-value-diff';
import { CiValueDatetime } from './entities/ci-value-datetime.entity';
import { CiValueFloat } from './entities/ci-value-float.entity';
import { CiValueInt } from './entities/ci-value-int.entity';
import { CiValueJson } from './entities/ci-value-json.entity';
import { CiValueText } from './entities/ci-value-text.entity';
import { dbDatetime, fromDb, StoredValue, tableOf, VALUE_TABLE_NAMES, ValueTable, ValueType } from './value-types';

export const VALUE_ENTITIES = {
  int: CiValueInt,
  float: CiValueFloat,
  text: CiValueText,
  datetime: CiValueDatetime,
  json: CiValueJson,
} as const;

const TABLES = Object.keys(VALUE_ENTITIES) as ValueTable[];

/** CI ids per IN list: keeps statements well inside every driver's parameter limit. */
const ID_CHUNK = 1000;

export interface NewValue {
  ciId: number;
  attr: CatalogAttribute;
  value: StoredValue;
}

/** Values of some CIs: CI id → attribute id → values in stored order (with their row ids). */
export type CiValueMap = Map<number, Map<number, ExistingValue[]>>;

function chunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupByTable(attrs: readonly CatalogAttribute[]): Map<ValueTable, CatalogAttribute[]> {
  const out = new Map<ValueTable, CatalogAttribute[]>();
  for (const a of attrs) out.set(tableOf(a.valueType), [...(out.get(tableOf(a.valueType)) ?? []), a]);
  return out;
}

/**
 * Reads and writes the value tables. Password attributes are sealed before they are stored and
 * opened when read back; nothing outside this service sees the sealed form.
 */
@Injectable()
export class CiValuesService {
  private readonly box: SecretBox;

  constructor(
    config: AppConfig,
    private readonly db: CiDbService,
  ) {
    this.box = new SecretBox(config.secretKey);
  }

  /** The values of these attributes on these CIs: one query per value table involved. */
  async load(em: EntityManager, ciIds: readonly number[], attrs: readonly CatalogAttribute[]): Promise<CiValueMap> {
    const result: CiValueMap = new Map(ciIds.map((id) => [id, new Map()]));
    if (ciIds.length === 0 || attrs.length === 0) return result;
    const byId = new Map(attrs.map((a) => [a.id, a]));
    for (const [table, tableAttrs] of groupByTable(attrs)) {
      for (const ids of chunks(ciIds)) {
        const rows = await em
          .createQueryBuilder()
          .select(['v.id AS id', 'v.ci_id AS ciId', 'v.attr_id AS attrId', 'v.value AS value'])
          .from(VALUE_TABLE_NAMES[table], 'v')
          .where('v.ci_id IN (:...ids)', { ids })
          .andWhere('v.attr_id IN (:...attrIds)', { attrIds: tableAttrs.map((a) => a.id) })
          .orderBy('v.id')
          .getRawMany<{ id: number; ciId: number; attrId: number; value: unknown }>();
        for (const r of rows) {
          const attr = byId.get(Number(r.attrId));
          const perCi = result.get(Number(r.ciId));
          if (!attr || !perCi) continue;
          let value = fromDb(table, r.value);
          if (attr.isPassword) value = this.box.open(String(value));
          const list = perCi.get(attr.id) ?? [];
          list.push({ id: Number(r.id), value });
          perCi.set(attr.id, list);
        }
      }
    }
    return result;
  }

  /** Stores values in one multi-row INSERT per value table. */
  async insert(em: EntityManager, values: readonly NewValue[]): Promise<void> {
    const byTable = new Map<ValueTable, Record<string, unknown>[]>();
    for (const v of values) {
      const table = tableOf(v.attr.valueType);
      let value: StoredValue = v.value;
      if (v.attr.isPassword) value = this.box.seal(String(value));
      const row: Record<string, unknown> = { ciId: v.ciId, attrId: v.attr.id, value };
      if (table === 'text') row.valueKey = valueKey(String(value));
      byTable.set(table, [...(byTable.get(table) ?? []), row]);
    }
    for (const [table, rows] of byTable) await this.db.insertMany(em, VALUE_ENTITIES[table], rows);
  }

  async deleteRows(em: EntityManager, table: ValueTable, ids: readonly number[]): Promise<void> {
    for (const part of chunks(ids)) await em.delete(VALUE_ENTITIES[table], { id: In(part) });
  }

  /** Every value of these CIs (of these attributes only, when given). */
  async deleteOfCis(em: EntityManager, ciIds: readonly number[], attrs?: readonly CatalogAttribute[]): Promise<void> {
    const tables = attrs ? groupByTable(attrs) : new Map(TABLES.map((t) => [t, undefined]));
    for (const [table, tableAttrs] of tables) {
      for (const part of chunks(ciIds)) {
        await em.delete(VALUE_ENTITIES[table], {
          ciId: In(part),
          ...(tableAttrs ? { attrId: In(tableAttrs.map((a) => a.id)) } : {}),
        });
      }
    }
  }

  /** Every value of an attribute, on CIs of these types only when given. */
  async deleteOfAttribute(em: EntityManager, attr: CatalogAttribute, typeIds?: readonly number[]): Promise<void> {
    const table = VALUE_TABLE_NAMES[tableOf(attr.valueType)];
    const qb = em.createQueryBuilder().delete().from(table).where('attr_id = :attrId', { attrId: attr.id });
    if (typeIds) {
      if (typeIds.length === 0) return;
      qb.andWhere(`ci_id IN (SELECT c.id FROM cis c WHERE c.type_id IN (:...typeIds))`, { typeIds });
    }
    await qb.execute();
  }

  /** Whether any CI holds a value of the attribute. */
  async attributeInUse(em: EntityManager, attr: CatalogAttribute): Promise<boolean> {
    const row = await em
      .createQueryBuilder()
      .select('1', 'one')
      .from(VALUE_TABLE_NAMES[tableOf(attr.valueType)], 'v')
      .where('v.attr_id = :attrId', { attrId: attr.id })
      .limit(1)
      .getRawOne();
    return row !== undefined;
  }

  /**
   * Which CIs hold any of these values of the attribute (within one type when given). Text compares
   * ignoring case, as MySQL's collation does, so `Web-1` and `web-1` are the same key.
   */
  async holders(
    em: EntityManager,
    attr: CatalogAttribute,
    values: readonly StoredValue[],
    typeId?: number,
  ): Promise<{ ciId: number; value: StoredValue }[]> {
    if (values.length === 0) return [];
    const table = tableOf(attr.valueType);
    const out: { ciId: number; value: StoredValue }[] = [];
    for (const part of chunks(values)) {
      const qb = em
        .createQueryBuilder()
        .select(['v.ci_id AS ciId', 'v.value AS value'])
        .from(VALUE_TABLE_NAMES[table], 'v')
        .where('v.attr_id = :attrId', { attrId: attr.id });
      if (table === 'text') {
        const keys = [...new Set(part.map((v) => valueKey(String(v))))];
        if (this.db.dialect === 'mysql') qb.andWhere('v.value_key IN (:...keys)', { keys });
        else qb.andWhere('LOWER(v.value_key) IN (:...keys)', { keys: keys.map((k) => k.toLowerCase()) });
      } else {
        qb.andWhere('v.value IN (:...values)', { values: part.map((v) => this.param(v)) });
      }
      if (typeId !== undefined) qb.innerJoin('cis', 'c', 'c.id = v.ci_id AND c.type_id = :typeId', { typeId });
      const rows = await qb.getRawMany<{ ciId: number; value: unknown }>();
      const wanted = new Set(part.map((v) => this.matchKey(attr.valueType, v)));
      for (const r of rows) {
        const value = fromDb(table, r.value);
        if (wanted.has(this.matchKey(attr.valueType, value))) out.push({ ciId: Number(r.ciId), value });
      }
    }
    return out;
  }

  /** The key two values of one attribute collide on for uniqueness: text ignores case. */
  matchKey(vt: ValueType, v: StoredValue): string {
    if (v instanceof Date) return String(v.getTime());
    if (tableOf(vt) === 'text') return String(v).toLowerCase();
    if (tableOf(vt) === 'int' || tableOf(vt) === 'float') return String(Number(v));
    return String(v);
  }

  private param(v: StoredValue): string | number {
    return v instanceof Date ? dbDatetime(v, this.db.dialect) : v;
  }
}
