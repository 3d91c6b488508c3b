/**
 * The search language over the inventory's hosts (Hermes `hostQuery`): the same
 * terms, operators and fold as the CI search, on the `hosts` columns, their
 * addresses and the applications with an instance on them.
 *
 *   compileHostQuery(parseQuery(q, 'hostQuery'), enums) → SELECT id, name … ORDER BY id
 *
 * Keys (case-insensitive): hostname|name, host_type, status, os_status, os_type,
 * cpu, memory, location, usage, description, is_initialized, ip (any address),
 * private_ip, public_ip, application (full name), _id|id. A bare word matches the
 * hostname or any address; `_type` may only name `host`/`hosts`.
 */
import type { SearchQuery, Term } from './query-parser';
import { termError } from './query-parser';
import {
  anyOf,
  allOf,
  FALSE,
  foldWhere,
  Match,
  numberCondition,
  parseInteger,
  raw,
  sql,
  Sql,
  textCondition,
  TRUE,
} from './search-sql';

/** The values of the hosts' enum columns (from the entity), to refuse a value no host can have. */
export interface HostEnums {
  hostType: readonly string[];
  status: readonly string[];
  osStatus: readonly string[];
}

type HostField =
  | { kind: 'text'; column: string; nullable: boolean }
  | { kind: 'enum'; column: string; values: keyof HostEnums; nullable: boolean }
  | { kind: 'int'; column: string; nullable: boolean }
  | { kind: 'bool'; column: string }
  | { kind: 'ip'; addrType?: 'PRIVATE' | 'PUBLIC' }
  | { kind: 'application' };

const NAME: HostField = { kind: 'text', column: 'h.name', nullable: false };

const FIELDS: Record<string, HostField> = {
  hostname: NAME,
  name: NAME,
  host_type: { kind: 'enum', column: 'h.host_type', values: 'hostType', nullable: false },
  status: { kind: 'enum', column: 'h.status', values: 'status', nullable: false },
  os_status: { kind: 'enum', column: 'h.os_status', values: 'osStatus', nullable: true },
  os_type: { kind: 'text', column: 'h.os_type', nullable: true },
  cpu: { kind: 'int', column: 'h.cpu', nullable: true },
  memory: { kind: 'int', column: 'h.memory', nullable: true },
  location: { kind: 'text', column: 'h.location', nullable: true },
  usage: { kind: 'text', column: 'h.usage', nullable: true },
  description: { kind: 'text', column: 'h.description', nullable: true },
  is_initialized: { kind: 'bool', column: 'h.is_initialized' },
  ip: { kind: 'ip' },
  private_ip: { kind: 'ip', addrType: 'PRIVATE' },
  public_ip: { kind: 'ip', addrType: 'PUBLIC' },
  application: { kind: 'application' },
};

/** The keys a host query knows, for messages and docs. */
export const HOST_QUERY_KEYS = [...Object.keys(FIELDS), '_id', 'id'];

const HOST_TYPES = ['host', 'hosts'];
const BOOLEANS: Record<string, number> = { true: 1, false: 0, '1': 1, '0': 0, yes: 1, no: 0 };

/** `SELECT h.id, h.name FROM hosts h WHERE … ORDER BY h.id`: the hosts the query matches. */
export function compileHostQuery(query: SearchQuery, enums: HostEnums): Sql {
  for (const t of query.types) {
    const names = t.value.form === 'in' ? t.value.items : t.value.form === 'eq' ? [t.value.pattern] : [];
    const other = names.find((n) => !HOST_TYPES.includes(n.trim().toLowerCase()));
    if (other !== undefined) {
      throw termError(query, t, `hosts are the only type here: "${other}" is unknown`, t.valueAt).because(
        'unknown_type',
      );
    }
  }
  const where = foldWhere(query, (term, match) => predicate(query, term, match, enums));
  return sql`SELECT h.id AS id, h.name AS name FROM hosts h WHERE ${where} ORDER BY h.id`;
}

function predicate(query: SearchQuery, term: Term, match: Match, enums: HostEnums): Sql {
  const key = term.key;
  if (key.kind === 'word') {
    return anyOf([
      scalar(raw('h.name'), false, textCondition(term.value, { value: raw('h.name') }), match),
      addresses(undefined, textCondition(term.value, { value: raw('ip.address') }), match),
    ]);
  }
  if (key.kind === 'id') {
    return scalar(raw('h.id'), false, numberCondition(query, term, raw('h.id'), parseInteger, 'a host id'), match);
  }
  if (key.kind === 'type') throw new Error('type terms are filters, not fold steps');
  const field = FIELDS[key.name.toLowerCase()];
  if (!field) {
    throw termError(query, term, `unknown host attribute "${key.name}" (known: ${HOST_QUERY_KEYS.join(', ')})`).because(
      'unknown_attribute',
    );
  }
  switch (field.kind) {
    case 'text':
      return scalar(raw(field.column), field.nullable, textCondition(term.value, { value: raw(field.column) }), match);
    case 'enum':
      checkEnum(query, term, enums[field.values]);
      return scalar(raw(field.column), field.nullable, textCondition(term.value, { value: raw(field.column) }), match);
    case 'int': {
      const cond = numberCondition(query, term, raw(field.column), parseInteger, 'a whole number');
      return scalar(raw(field.column), field.nullable, cond, match);
    }
    case 'bool':
      return scalar(raw(field.column), false, booleanCondition(query, term, raw(field.column)), match);
    case 'ip':
      return addresses(field.addrType, textCondition(term.value, { value: raw('ip.address') }), match);
    case 'application': {
      const cond = textCondition(term.value, { value: raw('a.full_name') });
      const where = cond === null ? TRUE : match === 'match' ? cond : sql`NOT (${cond})`;
      if (cond === null && match === 'mismatch') return FALSE;
      return sql`h.id IN (SELECT ai.host_id FROM application_instances ai JOIN applications a ON a.id = ai.application_id WHERE ${where})`;
    }
  }
}

/**
 * A condition on one column of the host row. A host lacking the value never
 * matches, so `~os_type:linux` keeps hosts without an OS type (as a CI lacking
 * an attribute): the IS NOT NULL guard keeps the predicate from being NULL.
 */
function scalar(column: Sql, nullable: boolean, cond: Sql | null, match: Match): Sql {
  if (cond === null) {
    if (match === 'mismatch') return FALSE;
    return nullable ? sql`${column} IS NOT NULL` : TRUE;
  }
  const test = match === 'match' ? cond : sql`NOT (${cond})`;
  return nullable ? sql`${column} IS NOT NULL AND (${test})` : test;
}

function addresses(addrType: string | undefined, cond: Sql | null, match: Match): Sql {
  if (cond === null && match === 'mismatch') return FALSE;
  const test = cond === null ? null : match === 'match' ? cond : sql`NOT (${cond})`;
  const where = allOf([addrType ? sql`ip.addr_type = ${addrType}` : TRUE, test ?? TRUE]);
  return sql`h.id IN (SELECT ip.host_id FROM ip_addresses ip WHERE ${where})`;
}

function checkEnum(query: SearchQuery, term: Term, values: readonly string[]): void {
  const v = term.value;
  if (v.form === 'range' || v.form === 'compare') {
    throw termError(query, term, `takes one of ${values.join(', ')}, not a range or comparison`, term.valueAt);
  }
  const written = v.form === 'in' ? v.items : [v.pattern];
  const known = values.map((x) => x.toLowerCase());
  const bad = written.find((w) => !w.includes('*') && !known.includes(w.toLowerCase()));
  if (bad !== undefined) throw termError(query, term, `"${bad}" is not one of ${values.join(', ')}`, term.valueAt);
}

function booleanCondition(query: SearchQuery, term: Term, column: Sql): Sql | null {
  const v = term.value;
  const flag = (text: string): number => {
    const b = BOOLEANS[text.trim().toLowerCase()];
    if (b === undefined) throw termError(query, term, `"${text}" is not true or false`, term.valueAt);
    return b;
  };
  if (v.form === 'eq') return /^\*+$/.test(v.pattern) ? null : sql`${column} = ${flag(v.pattern)}`;
  if (v.form === 'in') return sql`${column} IN (${v.items.map(flag)})`;
  throw termError(query, term, 'takes true or false, not a range or comparison', term.valueAt);
}
