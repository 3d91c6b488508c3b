/**
 * SQL pieces both search compilers share: parameterised fragments, the
 * left-to-right fold of terms into one WHERE, and the value conditions (text
 * LIKE with `*`, numbers, dates) with their literal checks.
 */
import { escapeLike, ESCAPE } from '../../database/like';
import { dbDatetime } from '../ci/value-types';
import type { SearchQuery, Term, TermValue } from './query-parser';
import { termError } from './query-parser';

export type SqlParam = string | number;

/** A piece of SQL with its `?` parameters, in text order. */
export interface Sql {
  readonly text: string;
  readonly params: readonly SqlParam[];
}

export type Dialect = 'mysql' | 'sqlite';

/** SQL text written by us (table and column names), never from input. */
export function raw(text: string): Sql {
  return { text, params: [] };
}

/**
 * Tagged template: a value that is Sql is spliced in, a list becomes `?, ?, …`,
 * anything else one `?`. Input only ever reaches the database as a parameter.
 */
export function sql(strings: TemplateStringsArray, ...values: (Sql | SqlParam | readonly SqlParam[])[]): Sql {
  let text = strings[0];
  const params: SqlParam[] = [];
  values.forEach((v, i) => {
    if (Array.isArray(v)) {
      if (v.length === 0) throw new Error('an empty list cannot be a SQL parameter list');
      text += v.map(() => '?').join(', ');
      params.push(...(v as SqlParam[]));
    } else if (typeof v === 'object') {
      text += (v as Sql).text;
      params.push(...(v as Sql).params);
    } else {
      text += '?';
      params.push(v as SqlParam);
    }
    text += strings[i + 1];
  });
  return { text, params };
}

export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), params: parts.flatMap((p) => p.params) };
}

export const TRUE = raw('1=1');
export const FALSE = raw('1=0');

/** `match`: has a value meeting the condition; `mismatch`: has a value failing it (for `-~`). */
export type Match = 'match' | 'mismatch';

/**
 * The fold of §4.4 as one boolean expression: none/`+` AND, `-` OR, `~` AND NOT,
 * `-~` OR "has a value that does not match". `predicate` must never yield NULL.
 * No terms at all → FALSE (an empty query finds nothing).
 */
export function foldWhere(query: SearchQuery, predicate: (term: Term, match: Match) => Sql): Sql {
  if (!query.startsWithAll && query.steps.length === 0) return FALSE;
  let acc: Sql | 'all' = 'all';
  query.steps.forEach((term, i) => {
    // Without a type base the first term's set is the start: its own operator is ignored.
    const op = i === 0 && !query.startsWithAll ? 'and' : term.op;
    const p = predicate(term, op === 'orNot' ? 'mismatch' : 'match');
    if (acc === 'all') {
      // every ∪ x = every; every ∩ x = x.
      if (op === 'and') acc = p;
      else if (op === 'not') acc = sql`NOT (${p})`;
      return;
    }
    if (op === 'and') acc = sql`(${acc}) AND (${p})`;
    else if (op === 'not') acc = sql`(${acc}) AND NOT (${p})`;
    else acc = sql`(${acc}) OR (${p})`;
  });
  return acc === 'all' ? TRUE : acc;
}

/** AND of the parts, each parenthesised; TRUE parts left out. */
export function allOf(parts: readonly Sql[]): Sql {
  const kept = parts.filter((p) => p !== TRUE);
  if (kept.length === 0) return TRUE;
  if (kept.length === 1) return kept[0];
  return joinSql(
    kept.map((p) => sql`(${p})`),
    ' AND ',
  );
}

export function anyOf(parts: readonly Sql[]): Sql {
  if (parts.length === 0) return FALSE;
  if (parts.length === 1) return parts[0];
  return joinSql(
    parts.map((p) => sql`(${p})`),
    ' OR ',
  );
}

/** Length of `value_key`, the indexed head of a text value. */
export const VALUE_KEY_LENGTH = 191;

/** The first 191 characters (code points, as MySQL counts them) of a text value: what `value_key` holds. */
export function valueKey(value: string): string {
  const chars = Array.from(value);
  return chars.length <= VALUE_KEY_LENGTH ? value : chars.slice(0, VALUE_KEY_LENGTH).join('');
}

/** `*` → `%`, everything else literal. */
export function wildcardLike(pattern: string): string {
  return pattern.split('*').map(escapeLike).join('%');
}

/** Where a text value lives: its column, and the indexed key column of the CI value tables. */
export interface TextColumns {
  value: Sql;
  key?: Sql;
}

/**
 * Case-insensitive equality or `*` pattern. The key column gets the pattern's
 * literal prefix (cut to the key length) so the (attr_id, value_key) index is
 * used, the value column the exact condition. When the key alone decides (an
 * equality or a trailing-`*` prefix shorter than the key: the key then holds all
 * of the value that matters), the value is not read, which keeps the index
 * scan covering. null: `*` alone, any value.
 */
export function textPattern(pattern: string, cols: TextColumns): Sql | null {
  if (/^\*+$/.test(pattern)) return null;
  const star = pattern.indexOf('*');
  const exact = sql`${cols.value} LIKE ${wildcardLike(pattern)} ${raw(ESCAPE)}`;
  if (!cols.key || star === 0) return exact;
  const literal = star < 0 ? pattern : pattern.slice(0, star);
  const key = sql`${cols.key} LIKE ${escapeLike(valueKey(literal)) + (star < 0 ? '' : '%')} ${raw(ESCAPE)}`;
  const keyDecides = Array.from(literal).length < VALUE_KEY_LENGTH && (star < 0 || /^\*+$/.test(pattern.slice(star)));
  return keyDecides ? key : sql`${key} AND ${exact}`;
}

/** A text condition for any value form; ranges and comparisons bound the key monotonically too. */
export function textCondition(value: TermValue, cols: TextColumns): Sql | null {
  const bound = (op: string, v: string): Sql =>
    cols.key
      ? sql`${cols.key} ${raw(op.replace(/^([<>])$/, '$1='))} ${valueKey(v)} AND ${cols.value} ${raw(op)} ${v}`
      : sql`${cols.value} ${raw(op)} ${v}`;
  switch (value.form) {
    case 'eq':
      return textPattern(value.pattern, cols);
    case 'in': {
      const items = value.items.map((item) => textPattern(item, cols));
      if (items.includes(null)) return null;
      return anyOf(items as Sql[]);
    }
    case 'range':
      return sql`${bound('>=', value.low)} AND ${bound('<=', value.high)}`;
    case 'compare':
      return bound(value.op, value.value);
  }
}

/** A whole number that survives the trip through a JS number. */
export function parseInteger(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** A condition on a numeric column; `parse` turns a literal into a number or says what it should be. */
export function numberCondition(
  query: SearchQuery,
  term: Term,
  column: Sql,
  parse: (text: string) => number | undefined,
  expected: string,
): Sql | null {
  const num = (text: string): number => {
    const n = parse(text);
    if (n === undefined) throw termError(query, term, `"${text}" is not ${expected}`, term.valueAt);
    return n;
  };
  const v = term.value;
  const any = (text: string) => /^\*+$/.test(text.trim());
  const noWildcard = (text: string) => {
    if (text.includes('*')) throw termError(query, term, `${expected} takes no wildcard but "*" alone`, term.valueAt);
  };
  switch (v.form) {
    case 'eq':
      if (any(v.pattern)) return null;
      noWildcard(v.pattern);
      return sql`${column} = ${num(v.pattern)}`;
    case 'in':
      if (v.items.some(any)) return null;
      v.items.forEach(noWildcard);
      return sql`${column} IN (${v.items.map(num)})`;
    case 'range':
      return sql`${column} BETWEEN ${num(v.low)} AND ${num(v.high)}`;
    case 'compare':
      return sql`${column} ${raw(v.op)} ${num(v.value)}`;
  }
}

/** A half-open span of time [start, end) in UTC milliseconds, and how precisely it was written. */
export interface TimeSpan {
  start: number;
  end: number;
  /** Written down to the day only (`YYYY-MM-DD` or coarser). */
  dateOnly: boolean;
}

const DATE_PARTS = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[ T](\d{2})(?::(\d{2})(?::(\d{2}))?)?)?)?)?$/;

/**
 * `YYYY-MM-DD[ HH:MM[:SS]]` (or, with `prefix`, any leading part of it such as
 * `2020` or `2020-05`) as the span it names: a day, a minute, a second…
 */
export function parseTimeSpan(text: string, prefix = false): TimeSpan | undefined {
  const t = text.trim();
  const m = DATE_PARTS.exec(prefix ? t.replace(/[-: T]$/, '') : t);
  if (!m) return undefined;
  const given = m.slice(1).filter((p) => p !== undefined).length;
  if (!prefix && given !== 3 && given < 5) return undefined;
  const [y, mo = 1, d = 1, h = 0, mi = 0, s = 0] = m
    .slice(1)
    .filter((p) => p !== undefined)
    .map(Number);
  const start = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(start);
  if (
    y < 1000 ||
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return undefined;
  }
  const parts = [y, mo - 1, d, h, mi, s];
  parts[given - 1] += 1;
  const end = Date.UTC(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
  return { start, end, dateOnly: given <= 3 };
}

/**
 * A condition on a datetime column. Equality (and `2020-05*` prefixes) match the
 * whole span written (a day, a minute…); ranges and comparisons use the span's
 * start, so `[2020-01-01 _TO_ 2020-12-31]` ends at midnight of the 31st.
 */
export function timeCondition(
  query: SearchQuery,
  term: Term,
  column: Sql,
  dialect: Dialect,
  dateOnly: boolean,
): Sql | null {
  const expected = dateOnly ? 'a date (YYYY-MM-DD)' : 'a date or time (YYYY-MM-DD[ HH:MM:SS])';
  const span = (text: string, prefix = false): TimeSpan => {
    const s = parseTimeSpan(text, prefix);
    if (!s || (dateOnly && !s.dateOnly)) throw termError(query, term, `"${text}" is not ${expected}`, term.valueAt);
    return s;
  };
  const at = (ms: number) => dbDatetime(new Date(ms), dialect);
  const equal = (text: string): Sql | null => {
    if (/^\*+$/.test(text.trim())) return null;
    const star = text.indexOf('*');
    if (star >= 0 && star !== text.length - 1) {
      throw termError(query, term, `a date takes "*" only at the end of a leading part (2020-05*)`, term.valueAt);
    }
    const s = span(star >= 0 ? text.slice(0, -1) : text, star >= 0);
    return sql`${column} >= ${at(s.start)} AND ${column} < ${at(s.end)}`;
  };
  const v = term.value;
  switch (v.form) {
    case 'eq':
      return equal(v.pattern);
    case 'in': {
      const items = v.items.map(equal);
      if (items.includes(null)) return null;
      return anyOf(items as Sql[]);
    }
    case 'range':
      return sql`${column} >= ${at(span(v.low).start)} AND ${column} <= ${at(span(v.high).start)}`;
    case 'compare':
      return sql`${column} ${raw(v.op)} ${at(span(v.value).start)}`;
  }
}
