/**
 * The CMDB search language (`q` of `/ci/s`, Hermes `hostQuery`), read into terms.
 *
 *   q     ::= term { "," term }          -- or a JSON array of term strings
 *   term  ::= [op] key ":" value | [op] word
 *   op    ::= "+" AND | "-" OR | "~" NOT | "-~" OR NOT
 *   value ::= "(" a ";" b ")" | "[" low "_TO_" high "]" | (">" | ">=" | "<" | "<=") v | pattern ("*" = any run)
 *
 * `parseQuery` is pure: it knows no attributes. It applies the combination rules
 * that need no catalog (which term starts the fold, which terms only filter types),
 * so the CI and host compilers only turn terms into SQL. Errors are
 * `InvalidInputError(field, 'position N (1-based): …')`, N counting characters of
 * the string as sent (for a JSON-array string, of the JSON text).
 */
import { InvalidInputError } from '../../common/errors/domain-errors';

export type TermOp = 'and' | 'or' | 'not' | 'orNot';
export type CompareOp = '>' | '>=' | '<' | '<=';

export type TermKey =
  /** `_type`, `type`, `ci_type`: filters CI types; never a set of its own in the fold. */
  | { kind: 'type'; written: string }
  /** `_id`, `id`, `ci_id`: the CI's own id. */
  | { kind: 'id'; written: string }
  /** An attribute by name, id or alias, as written (the compiler resolves it). */
  | { kind: 'attribute'; name: string }
  /** A term without a colon: free text over the searchable values. */
  | { kind: 'word' };

export type TermValue =
  /** Equal (case-insensitive on text); `*` matches any run of characters, nothing else is special. */
  | { form: 'eq'; pattern: string }
  /** Equal to any item; items keep their spaces, as written. */
  | { form: 'in'; items: readonly string[] }
  /** low ≤ value ≤ high. */
  | { form: 'range'; low: string; high: string }
  | { form: 'compare'; op: CompareOp; value: string };

export interface Term {
  op: TermOp;
  key: TermKey;
  value: TermValue;
  /** The term as written (after unescaping), for messages. */
  text: string;
  /** Where the term starts, e.g. `position 14 (1-based)`. */
  at: string;
  /** Where its value starts. */
  valueAt: string;
}

export interface SearchQuery {
  /** The request field the query came in (`q`, `hostQuery`): errors name it. */
  field: string;
  /** Every term, in the order the fold reads them (the first `_type` term moved to the front). */
  terms: readonly Term[];
  /** The type terms: together they filter the result, whatever else the query says. */
  types: readonly Term[];
  /**
   * True when the fold starts from "every CI" (of the filtered types): a leading
   * `_type` term followed by nothing, an OR or a NOT term, or a query of type terms only.
   * Otherwise the first step's set is the start and its operator is ignored.
   */
  startsWithAll: boolean;
  /** The non-type terms, folded left to right without precedence. */
  steps: readonly Term[];
}

/** One term's text, with where each of its characters came from. */
interface RawTerm {
  text: string;
  /** Location label of character i (i = text.length: just past the end). */
  at(i: number): string;
}

const TYPE_KEYS = ['_type', 'type', 'ci_type'];
const ID_KEYS = ['_id', 'id', 'ci_id'];

function position(n: number): string {
  return `position ${n + 1} (1-based)`;
}

/**
 * Reads `q`: a comma-separated string (`\,` is a comma inside a value, `\\` a
 * backslash), a string starting with `[` holding a JSON array of term strings,
 * or an array of term strings. Empty terms are dropped; no terms → no steps and
 * no types (the search then finds nothing).
 */
export function parseQuery(q: string | readonly string[], field = 'q'): SearchQuery {
  const raw =
    typeof q !== 'string'
      ? q.map((text, k) => arrayItem(text, k, field))
      : q.trimStart().startsWith('[')
        ? splitJsonArray(q, field)
        : splitCommas(q);
  const terms: Term[] = [];
  for (const r of raw) {
    const term = parseTerm(r, field);
    if (term) terms.push(term);
  }
  return arrange(field, terms);
}

/**
 * The query with a leading `_type:(…)` term, as the relation search prefixes a
 * query that names no type with the types reachable from the root (§5.3).
 * Type keys are names, ids or aliases, like those written in a query.
 */
export function withTypeFilter(query: SearchQuery, typeKeys: readonly string[]): SearchQuery {
  const text = `_type:(${typeKeys.join(';')})`;
  const at = 'the reachable types';
  const lead: Term = {
    op: 'and',
    key: { kind: 'type', written: '_type' },
    value: { form: 'in', items: [...typeKeys] },
    text,
    at,
    valueAt: at,
  };
  return arrange(query.field, [lead, ...query.terms]);
}

function arrange(field: string, written: readonly Term[]): SearchQuery {
  const terms = [...written];
  // The first `_type` term leads: it may make the base "every CI of those types".
  const lead = terms.findIndex((t) => t.key.kind === 'type' && t.key.written === '_type');
  if (lead > 0) terms.unshift(...terms.splice(lead, 1));
  const types = terms.filter((t) => t.key.kind === 'type');
  const steps = terms.filter((t) => t.key.kind !== 'type');
  const typeBase = lead >= 0 && (terms.length === 1 || terms[1].op !== 'and');
  return { field, terms, types, steps, startsWithAll: typeBase || (steps.length === 0 && types.length > 0) };
}

function splitCommas(q: string): RawTerm[] {
  const out: RawTerm[] = [];
  let text = '';
  let from: number[] = [];
  const flush = (end: number) => {
    const f = from;
    out.push({ text, at: (i) => position(i < f.length ? f[i] : end) });
    text = '';
    from = [];
  };
  for (let i = 0; i < q.length; i++) {
    const c = q[i];
    if (c === '\\' && (q[i + 1] === ',' || q[i + 1] === '\\')) {
      text += q[i + 1];
      from.push(i);
      i++;
    } else if (c === ',') {
      flush(i);
    } else {
      text += c;
      from.push(i);
    }
  }
  flush(q.length);
  return out;
}

function arrayItem(text: unknown, k: number, field: string): RawTerm {
  if (typeof text !== 'string') throw new InvalidInputError(field, `item ${k + 1}: must be a string`);
  return { text, at: (i) => `item ${k + 1}, position ${i + 1} (1-based)` };
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** A JSON array of strings, read by hand so each character keeps its place in `q`. */
function splitJsonArray(q: string, field: string): RawTerm[] {
  let i = 0;
  const fail = (detail: string): never => {
    throw new InvalidInputError(field, `${position(i)}: ${detail}`);
  };
  const ws = () => {
    while (i < q.length && /\s/.test(q[i])) i++;
  };
  const str = (): RawTerm => {
    if (q[i] !== '"') fail('a JSON-array q holds only strings');
    i++;
    let text = '';
    const from: number[] = [];
    for (;;) {
      if (i >= q.length) fail('the string is not closed');
      const c = q[i];
      if (c === '"') break;
      if (c.charCodeAt(0) < 0x20) fail('a control character must be escaped in a JSON string');
      from.push(i);
      if (c !== '\\') {
        text += c;
        i++;
        continue;
      }
      const e = q[i + 1];
      if (e === 'u') {
        const hex = q.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('\\u needs four hex digits');
        text += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e !== undefined && e in JSON_ESCAPES) {
        text += JSON_ESCAPES[e];
        i += 2;
      } else {
        fail('unknown escape in a JSON string');
      }
    }
    const end = i;
    i++;
    return { text, at: (k) => position(k < from.length ? from[k] : end) };
  };
  const out: RawTerm[] = [];
  ws();
  i++; // '['
  ws();
  if (q[i] === ']') {
    i++;
  } else {
    for (;;) {
      ws();
      out.push(str());
      ws();
      if (q[i] === ',') {
        i++;
        continue;
      }
      if (q[i] === ']') {
        i++;
        break;
      }
      fail('expected "," or "]" in the JSON array');
    }
  }
  ws();
  if (i < q.length) fail('nothing may follow the JSON array');
  return out;
}

function parseTerm(raw: RawTerm, field: string): Term | undefined {
  const s = raw.text;
  let start = 0;
  let end = s.length;
  while (start < end && /\s/.test(s[start])) start++;
  while (end > start && /\s/.test(s[end - 1])) end--;
  if (start === end) return undefined;
  const text = s.slice(start, end);
  const at = raw.at(start);
  const fail = (where: string, detail: string): never => {
    throw new InvalidInputError(field, `${where}: ${detail}`);
  };

  const colon = s.indexOf(':', start);
  const head = colon >= 0 && colon < end ? colon : end;
  // The operator is read from the start of the key (or of the bare word).
  let op: TermOp = 'and';
  let k = start;
  if (s.startsWith('-~', k)) {
    op = 'orNot';
    k += 2;
  } else if (s[k] === '-') {
    op = 'or';
    k++;
  } else if (s[k] === '~') {
    op = 'not';
    k++;
  } else if (s[k] === '+') {
    k++;
  }
  while (k < head && /\s/.test(s[k])) k++;

  if (head === end) {
    const word = s.slice(k, end);
    if (!word) fail(at, 'an operator needs a term after it');
    return { op, key: { kind: 'word' }, value: { form: 'eq', pattern: word }, text, at, valueAt: raw.at(k) };
  }

  const name = s.slice(k, head).trim();
  if (!name) fail(at, 'a key is missing before ":"');
  let v = head + 1;
  while (v < end && /\s/.test(s[v])) v++;
  const valueAt = raw.at(v);
  const valueText = s.slice(v, end);
  if (!valueText) fail(valueAt, `${name} needs a value after ":"`);

  const lower = name.toLowerCase();
  const key: TermKey = TYPE_KEYS.includes(lower)
    ? { kind: 'type', written: lower }
    : ID_KEYS.includes(lower)
      ? { kind: 'id', written: lower }
      : { kind: 'attribute', name };
  const value = parseValue(valueText, (offset, detail) => fail(raw.at(v + offset), detail));

  if (key.kind === 'type') {
    if (op !== 'and') fail(at, 'a type filter cannot be OR-ed or negated: it always applies');
    const names = value.form === 'in' ? value.items : value.form === 'eq' ? [value.pattern] : undefined;
    if (!names) return fail(valueAt, `${name} takes a type or (type;type)`);
    if (names.some((n) => n.includes('*'))) fail(valueAt, 'type names take no wildcard');
  }
  return { op, key, value, text, at, valueAt };
}

function parseValue(text: string, fail: (offset: number, detail: string) => never): TermValue {
  if (text.startsWith('(') && text.endsWith(')') && text.length >= 2) {
    const items = text
      .slice(1, -1)
      .split(';')
      .filter((item) => item !== '');
    if (items.length === 0) fail(0, 'an IN list needs at least one item: (a;b)');
    return { form: 'in', items };
  }
  if (text.startsWith('[') && text.endsWith(']') && text.includes('_TO_')) {
    const parts = text.slice(1, -1).split('_TO_');
    if (parts.length !== 2) fail(text.indexOf('_TO_', text.indexOf('_TO_') + 1), 'a range takes exactly one "_TO_"');
    const [low, high] = parts.map((p) => p.trim());
    if (!low || !high) fail(0, 'a range needs a value on both sides of "_TO_"');
    if (low.includes('*') || high.includes('*')) fail(0, 'a range bound cannot hold a wildcard');
    return { form: 'range', low, high };
  }
  const cmp = (['>=', '<=', '>', '<'] as const).find((o) => text.startsWith(o));
  if (cmp) {
    const value = text.slice(cmp.length).trim();
    if (!value) fail(0, `a comparison needs a value after "${cmp}"`);
    if (value.includes('*')) fail(cmp.length, 'a comparison cannot hold a wildcard');
    return { form: 'compare', op: cmp, value };
  }
  return { form: 'eq', pattern: text };
}

/** Where a term came from, for a compiler's error about it. */
export function termError(query: SearchQuery, term: Term, detail: string, where: string = term.at): InvalidInputError {
  return new InvalidInputError(query.field, `${where}: ${term.text}: ${detail}`);
}
