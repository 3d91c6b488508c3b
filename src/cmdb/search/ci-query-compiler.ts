/**
 * The CI search (`/ci/s`, `/ci_relations/s`, GraphQL `ciSearch`) as SQL.
 *
 *   const catalog = buildCatalog(liveAttributes, liveTypes);
 *   const c = compileCiSearch(parseQuery(q), catalog, 'mysql', { page, count, sort, fl, facet, retKey });
 *   numfound = Number((await ds.query(c.countSql.text, c.countSql.params))[0].numfound)
 *   ids      = await ds.query(c.pageSql.text, c.pageSql.params)       // [{ id, type_id }] in order
 *   facet    = numfound ? each of c.facets: rows [{ value, ci_count }] → [formatValue(…), n, key] : {}
 *   counter  = per type name, from the page rows' type_id
 *
 * Relation search: `ciIds` = the descendants collected; a query naming no type
 * gets the reachable types first with `withTypeFilter(parseQuery(q), typeIds)`.
 *
 * One boolean WHERE over `cis c`: each term is `c.id [NOT] IN (SELECT v.ci_id FROM
 * <value table> v WHERE v.attr_id = ? AND <condition>)`, the fold's AND/OR/NOT
 * around them, then the type filter, the permitted types and (relation search)
 * the descendant ids. Text conditions constrain `value_key` (indexed) and
 * `value` (exact). Nothing is loaded into memory; input reaches SQL only as
 * parameters. Errors: InvalidInputError on `q` (naming the term), `sort`, `fl`,
 * `facet`, `page`, `count`.
 */
import { InvalidInputError } from '../../common/errors/domain-errors';
import { MAX_PAGE_SIZE } from '../../common/pagination/page.args';
import { formatValue, fromDb, tableOf, VALUE_TABLE_NAMES, ValueType } from '../ci/value-types';
import type { SearchQuery, Term } from './query-parser';
import { termError } from './query-parser';
import {
  allOf,
  anyOf,
  Dialect,
  FALSE,
  foldWhere,
  Match,
  numberCondition,
  parseDecimal,
  parseInteger,
  parseTimeSpan,
  raw,
  sql,
  Sql,
  textCondition,
  timeCondition,
  TRUE,
} from './search-sql';

export interface CatalogAttribute {
  id: number;
  name: string;
  alias: string;
  valueType: ValueType;
  isList: boolean;
  /** Searched by bare words. */
  isIndex: boolean;
}

export interface CatalogType {
  id: number;
  name: string;
  alias: string;
}

/** The live attributes and CI types a search can name. */
export interface SearchCatalog {
  /** By name, then id, then alias, case-insensitive. */
  attribute(key: string): CatalogAttribute | undefined;
  type(key: string): CatalogType | undefined;
  /** The attributes bare words search. */
  readonly indexed: readonly CatalogAttribute[];
}

/** A catalog over lists of live attributes and types. */
export function buildCatalog(attributes: readonly CatalogAttribute[], types: readonly CatalogType[]): SearchCatalog {
  const lookup = <T extends { id: number; name: string; alias: string }>(rows: readonly T[]) => {
    const byName = new Map(rows.map((r) => [r.name.toLowerCase(), r]));
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const byAlias = new Map(rows.map((r) => [r.alias.toLowerCase(), r]));
    return (key: string): T | undefined => {
      const k = key.trim().toLowerCase();
      return byName.get(k) ?? (/^\d+$/.test(k) ? byId.get(String(Number(k))) : undefined) ?? byAlias.get(k);
    };
  };
  return { attribute: lookup(attributes), type: lookup(types), indexed: attributes.filter((a) => a.isIndex) };
}

export type RetKey = 'name' | 'alias' | 'id';

export interface CiSearchOptions {
  /** 1-based; default 1. */
  page?: number;
  /** Page size; default 50, at most MAX_PAGE_SIZE. */
  count?: number;
  /** `attr`/`+attr` ascending, `-attr` descending; ``, `_id`, `ci_id` → CI id. */
  sort?: string;
  /** Attributes to return (name, id or alias); `_id`/`_type` are accepted and ignored. */
  fl?: readonly string[];
  /** Attributes to count the values of over the whole match. */
  facet?: readonly string[];
  /** How attributes are keyed in rows and facets; anything else → name. */
  retKey?: string;
  /** Relation search: only these CIs (the descendants collected). */
  ciIds?: readonly number[];
  /** Permissions: only CIs of these types. */
  allowedTypeIds?: readonly number[];
}

export interface CompiledFacet {
  /** The facet's key in the response, per ret_key. */
  key: string;
  attribute: CatalogAttribute;
  /**
   * Rows `{ value, ci_count }`, by value. Text values are grouped by their first
   * 191 characters (the indexed key): longer values sharing those count as one.
   */
  sql: Sql;
}

export interface CompiledCiSearch {
  /** One row `{ numfound }`: distinct matching CIs. */
  countSql: Sql;
  /** Rows `{ id, type_id }` of the page, in the requested order. */
  pageSql: Sql;
  facets: CompiledFacet[];
  /** The attributes `fl` asked for; null: every attribute of each CI's type. */
  fields: CatalogAttribute[] | null;
  retKey: RetKey;
  page: number;
  count: number;
}

const DEFAULT_PAGE_SIZE = 50;

/** The value table of a value type. */
const tableName = (vt: ValueType): string => VALUE_TABLE_NAMES[tableOf(vt)];

/** The key of an attribute in rows and facets. */
export function attributeKey(attr: CatalogAttribute, retKey: RetKey): string {
  return retKey === 'id' ? String(attr.id) : retKey === 'alias' ? attr.alias : attr.name;
}

export function compileCiSearch(
  query: SearchQuery,
  catalog: SearchCatalog,
  dialect: Dialect,
  options: CiSearchOptions = {},
): CompiledCiSearch {
  const page = options.page ?? 1;
  const count = options.count ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(page) || page < 1) throw new InvalidInputError('page', 'must be a whole number from 1');
  if (!Number.isInteger(count) || count < 1 || count > MAX_PAGE_SIZE) {
    throw new InvalidInputError('count', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  const retKey: RetKey = options.retKey === 'alias' || options.retKey === 'id' ? options.retKey : 'name';

  const where = allOf([
    foldWhere(query, (term, match) => predicate(query, catalog, dialect, term, match)),
    typeFilter(query, catalog),
    options.allowedTypeIds ? idList(raw('c.type_id'), options.allowedTypeIds) : TRUE,
    options.ciIds ? idList(raw('c.id'), options.ciIds) : TRUE,
  ]);

  const countSql = sql`SELECT COUNT(*) AS numfound FROM cis c WHERE ${where}`;
  const limit = sql`LIMIT ${count} OFFSET ${(page - 1) * count}`;
  const sort = sortOf(options.sort ?? '', catalog);
  let pageSql: Sql;
  if (sort.attribute) {
    // Smallest value ascending, largest descending (one value per CI for multi-value attributes); CIs lacking it last.
    const agg = raw(sort.desc ? 'MAX' : 'MIN');
    const table = raw(tableName(sort.attribute.valueType));
    pageSql = sql`SELECT c.id AS id, c.type_id AS type_id, (SELECT ${agg}(s.value) FROM ${table} s WHERE s.ci_id = c.id AND s.attr_id = ${sort.attribute.id}) AS sort_value FROM cis c WHERE ${where} ORDER BY sort_value IS NULL, sort_value ${raw(sort.desc ? 'DESC' : 'ASC')}, c.id ASC ${limit}`;
  } else {
    pageSql = sql`SELECT c.id AS id, c.type_id AS type_id FROM cis c WHERE ${where} ORDER BY c.id ${raw(sort.desc ? 'DESC' : 'ASC')} ${limit}`;
  }

  const facets = uniqueAttributes(options.facet ?? [], catalog, 'facet').map((attribute) => {
    if (attribute.valueType === ValueType.JSON)
      throw new InvalidInputError('facet', `${attribute.name} holds JSON: no facet`);
    const table = raw(tableName(attribute.valueType));
    // Text groups by the indexed key: the scan stays on the (attr_id, value_key, ci_id) index.
    const value = raw(tableOf(attribute.valueType) === 'text' ? 'f.value_key' : 'f.value');
    // One row per CI and value unless the attribute holds a list (which may repeat a value).
    const cis = raw(attribute.isList ? 'COUNT(DISTINCT f.ci_id)' : 'COUNT(*)');
    return {
      key: attributeKey(attribute, retKey),
      attribute,
      sql: sql`SELECT ${value} AS value, ${cis} AS ci_count FROM ${table} f WHERE f.attr_id = ${attribute.id} AND f.ci_id IN (SELECT c.id FROM cis c WHERE ${where}) GROUP BY ${value} ORDER BY ${value}`,
    };
  });
  const fields =
    options.fl === undefined || options.fl.length === 0 ? null : uniqueAttributes(options.fl, catalog, 'fl');
  return { countSql, pageSql, facets, fields, retKey, page, count };
}

const META_FIELDS = ['_id', '_type', 'ci_id', 'ci_type', 'type_id'];

function uniqueAttributes(keys: readonly string[], catalog: SearchCatalog, field: string): CatalogAttribute[] {
  const out: CatalogAttribute[] = [];
  for (const key of keys) {
    if (field === 'fl' && META_FIELDS.includes(key.trim().toLowerCase())) continue;
    const attr = catalog.attribute(key);
    if (!attr) throw new InvalidInputError(field, `unknown attribute "${key}"`).because('unknown_attribute');
    if (!out.includes(attr)) out.push(attr);
  }
  return out;
}

function sortOf(sort: string, catalog: SearchCatalog): { attribute?: CatalogAttribute; desc: boolean } {
  let s = sort.trim();
  const desc = s.startsWith('-');
  if (desc || s.startsWith('+')) s = s.slice(1).trim();
  if (s === '' || ['_id', 'ci_id'].includes(s.toLowerCase())) return { desc };
  const attribute = catalog.attribute(s);
  if (!attribute) throw new InvalidInputError('sort', `unknown attribute "${s}"`).because('unknown_attribute');
  if (attribute.valueType === ValueType.JSON)
    throw new InvalidInputError('sort', `${attribute.name} holds JSON: no order`);
  return { attribute, desc };
}

function idList(column: Sql, ids: readonly number[]): Sql {
  return ids.length === 0 ? FALSE : sql`${column} IN (${ids})`;
}

/** The union of the types every type term names, or TRUE when none does. */
function typeFilter(query: SearchQuery, catalog: SearchCatalog): Sql {
  if (query.types.length === 0) return TRUE;
  const ids = new Set<number>();
  for (const t of query.types) {
    const names = t.value.form === 'in' ? t.value.items : t.value.form === 'eq' ? [t.value.pattern] : [];
    for (const name of names) {
      const type = catalog.type(name);
      if (!type) throw termError(query, t, `unknown CI type "${name}"`, t.valueAt).because('unknown_type');
      ids.add(type.id);
    }
  }
  return sql`c.type_id IN (${[...ids]})`;
}

/** `c.id IN (SELECT v.ci_id FROM <table> v WHERE v.attr_id … AND [NOT] <condition>)`; never NULL. */
function membership(table: string, attrIds: Sql, cond: Sql | null, match: Match): Sql {
  if (cond === null && match === 'mismatch') return FALSE;
  const test = cond === null ? null : match === 'match' ? cond : sql`NOT (${cond})`;
  return sql`c.id IN (SELECT v.ci_id FROM ${raw(table)} v WHERE v.attr_id ${attrIds}${test ? sql` AND ${test}` : raw('')})`;
}

function predicate(query: SearchQuery, catalog: SearchCatalog, dialect: Dialect, term: Term, match: Match): Sql {
  const key = term.key;
  if (key.kind === 'type') throw new Error('type terms are filters, not fold steps');
  if (key.kind === 'id') {
    const cond = numberCondition(query, term, raw('c.id'), parseInteger, 'a CI id');
    if (cond === null) return match === 'match' ? TRUE : FALSE;
    return match === 'match' ? cond : sql`NOT (${cond})`;
  }
  if (key.kind === 'word') return wordPredicate(query, catalog, dialect, term, match);
  const attr = catalog.attribute(key.name);
  if (!attr) throw termError(query, term, `unknown attribute "${key.name}"`).because('unknown_attribute');
  return membership(tableName(attr.valueType), sql`= ${attr.id}`, valueCondition(query, dialect, term, attr), match);
}

function valueCondition(query: SearchQuery, dialect: Dialect, term: Term, attr: CatalogAttribute): Sql | null {
  const value = raw('v.value');
  switch (attr.valueType) {
    case ValueType.INT:
      return numberCondition(query, term, value, parseInteger, `a whole number (${attr.name} is int)`);
    case ValueType.FLOAT:
      return numberCondition(query, term, value, parseDecimal, `a number (${attr.name} is float)`);
    case ValueType.DATETIME:
    case ValueType.DATE:
      return timeCondition(query, term, value, dialect, attr.valueType === ValueType.DATE);
    case ValueType.TIME:
      checkTimes(query, term);
      return textCondition(term.value, { value, key: raw('v.value_key') });
    case ValueType.TEXT:
      return textCondition(term.value, { value, key: raw('v.value_key') });
    case ValueType.JSON:
      if (term.value.form === 'eq' && /^\*+$/.test(term.value.pattern)) return null;
      throw termError(query, term, `${attr.name} holds JSON: only ${attr.name}:* (has a value) can search it`);
  }
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** A time attribute's literals (not its `*` patterns) must be times, or string order would mislead. */
function checkTimes(query: SearchQuery, term: Term): void {
  const v = term.value;
  const literals =
    v.form === 'eq' ? [v.pattern] : v.form === 'in' ? v.items : v.form === 'range' ? [v.low, v.high] : [v.value];
  const bad = literals.find((l) => !l.includes('*') && !TIME.test(l));
  if (bad !== undefined) throw termError(query, term, `"${bad}" is not a time (HH:MM[:SS])`, term.valueAt);
}

/**
 * A bare word: any indexed attribute's value matches it. Text (and time) values
 * by pattern; numbers when the word is one; dates when it is one.
 */
function wordPredicate(query: SearchQuery, catalog: SearchCatalog, dialect: Dialect, term: Term, match: Match): Sql {
  const word = term.value.form === 'eq' ? term.value.pattern : '';
  const any = /^\*+$/.test(word);
  const of = (types: ValueType[]) => catalog.indexed.filter((a) => types.includes(a.valueType)).map((a) => a.id);
  const parts: Sql[] = [];
  const add = (table: string, ids: number[], cond: Sql | null) => {
    if (ids.length) parts.push(membership(table, sql`IN (${ids})`, cond, match));
  };
  add(
    VALUE_TABLE_NAMES.text,
    of([ValueType.TEXT, ValueType.TIME]),
    textCondition(term.value, { value: raw('v.value'), key: raw('v.value_key') }),
  );
  const int = parseInteger(word);
  if (any || int !== undefined)
    add(VALUE_TABLE_NAMES.int, of([ValueType.INT]), any ? null : sql`v.value = ${int as number}`);
  const dec = parseDecimal(word);
  if (any || dec !== undefined)
    add(VALUE_TABLE_NAMES.float, of([ValueType.FLOAT]), any ? null : sql`v.value = ${dec as number}`);
  const dateIds = of([ValueType.DATETIME, ValueType.DATE]);
  if (dateIds.length && (any || parseTimeSpan(word))) {
    add(VALUE_TABLE_NAMES.datetime, dateIds, timeCondition(query, term, raw('v.value'), dialect, false));
  }
  return anyOf(parts);
}

/** A facet's value, as the database answered it, shown like row values. */
export function facetValue(valueType: ValueType, stored: unknown): unknown {
  if (stored === null || stored === undefined) return null;
  return formatValue(valueType, fromDb(tableOf(valueType), stored));
}
