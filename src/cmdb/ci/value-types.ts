// CI attribute value types: their codes and names, where each is stored, how input is converted
// to the stored form and how a stored value is shown. Pure: no database, no Nest.

/** The value type codes of the original, as stored in `ci_attributes.value_type`. */
export const ValueType = {
  INT: '0',
  FLOAT: '1',
  TEXT: '2',
  DATETIME: '3',
  DATE: '4',
  TIME: '5',
  JSON: '6',
} as const;
export type ValueType = (typeof ValueType)[keyof typeof ValueType];

const NAMES: Record<ValueType, string> = {
  '0': 'int',
  '1': 'float',
  '2': 'text',
  '3': 'datetime',
  '4': 'date',
  '5': 'time',
  '6': 'json',
};

const BY_NAME: Record<string, ValueType> = {
  ...Object.fromEntries(Object.entries(NAMES).map(([code, name]) => [name, code as ValueType])),
  // The 2016 document and other clients spell some of them differently.
  integer: ValueType.INT,
  string: ValueType.TEXT,
};

/** A value type given as its code (`"0"`…`"6"`, or the number) or its name (`int`, `text`…). */
export function parseValueType(input: unknown): ValueType | undefined {
  if (typeof input === 'number' && Number.isInteger(input)) input = String(input);
  if (typeof input !== 'string') return undefined;
  const v = input.trim().toLowerCase();
  if (Object.hasOwn(NAMES, v)) return v as ValueType;
  return Object.hasOwn(BY_NAME, v) ? BY_NAME[v] : undefined;
}

export function valueTypeName(vt: ValueType): string {
  return NAMES[vt];
}

/** The value tables, by the kind of value they hold. */
export type ValueTable = 'int' | 'float' | 'text' | 'datetime' | 'json';

export const VALUE_TABLE_NAMES: Readonly<Record<ValueTable, string>> = {
  int: 'ci_values_int',
  float: 'ci_values_float',
  text: 'ci_values_text',
  datetime: 'ci_values_datetime',
  json: 'ci_values_json',
};

export function tableOf(vt: ValueType): ValueTable {
  switch (vt) {
    case ValueType.INT:
      return 'int';
    case ValueType.FLOAT:
      return 'float';
    case ValueType.DATETIME:
    case ValueType.DATE:
      return 'datetime';
    case ValueType.JSON:
      return 'json';
    default:
      return 'text';
  }
}

/** Only int, float and text attributes may have a choice list (as in the original). */
export function canHaveChoices(vt: ValueType): boolean {
  return vt === ValueType.INT || vt === ValueType.FLOAT || vt === ValueType.TEXT;
}

/** A value as it is kept: numbers, strings (text, time, JSON text) or UTC dates. */
export type StoredValue = number | string | Date;

/** Longest text value accepted (a MySQL TEXT column holds 65,535 bytes; 4 bytes per character at worst). */
export const MAX_TEXT_LENGTH = 16000;

const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]00:?00)?$/;
const TIME_RE = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]` (also with `T`), read as UTC; undefined when not a real date. */
export function parseDatetime(input: string): Date | undefined {
  const m = DATE_RE.exec(input.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2021-02-30 over to March: a real date and time read back the same.
  const back = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return back.every((v, i) => v === [y, mo, d, h, mi, s][i]) ? date : undefined;
}

/** Whether an input means "no value": null, undefined, or a string of only whitespace. */
export function isEmptyInput(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

function numeric(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const n = Number(raw.trim());
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The stored form of one input value, or undefined when the input is not a value of the type.
 * An int is truncated as the original does (`"4.7"` → 4); text is trimmed, never escaped; a date
 * is kept at midnight UTC. Call only for non-empty input (see isEmptyInput), except text, where
 * an empty string is a value.
 */
export function toStored(vt: ValueType, raw: unknown): StoredValue | undefined {
  switch (vt) {
    case ValueType.INT: {
      const n = numeric(raw);
      if (n === undefined) return undefined;
      const i = Math.trunc(n);
      return Number.isSafeInteger(i) ? i : undefined;
    }
    case ValueType.FLOAT:
      return numeric(raw);
    case ValueType.TEXT: {
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      if (typeof raw !== 'string') return undefined;
      const s = raw.trim();
      return s.length <= MAX_TEXT_LENGTH ? s : undefined;
    }
    case ValueType.TIME: {
      if (typeof raw !== 'string') return undefined;
      const m = TIME_RE.exec(raw.trim());
      if (!m) return undefined;
      return `${m[1].padStart(2, '0')}:${m[2]}${m[3] !== undefined ? `:${m[3]}` : ''}`;
    }
    case ValueType.DATETIME:
    case ValueType.DATE: {
      if (typeof raw !== 'string') return undefined;
      const d = parseDatetime(raw);
      if (!d) return undefined;
      return vt === ValueType.DATE ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())) : d;
    }
    case ValueType.JSON: {
      if (typeof raw === 'string') {
        try {
          return JSON.stringify(JSON.parse(raw) as unknown);
        } catch {
          return undefined;
        }
      }
      const text = JSON.stringify(raw);
      return text === undefined ? undefined : text;
    }
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD HH:MM:SS` (UTC). */
export function formatDatetime(d: Date): string {
  return `${formatDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `YYYY-MM-DD` (UTC). */
export function formatDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A stored value as rows and facets show it: numbers as numbers, dates formatted, JSON parsed. */
export function formatValue(vt: ValueType, v: StoredValue): unknown {
  switch (vt) {
    case ValueType.INT:
    case ValueType.FLOAT:
      return Number(v);
    case ValueType.DATETIME:
      return formatDatetime(v as Date);
    case ValueType.DATE:
      return formatDate(v as Date);
    case ValueType.JSON:
      return JSON.parse(v as string) as unknown;
    default:
      return v;
  }
}

/** A stored value as history keeps it: text (numbers in decimal, dates formatted, JSON as its text). */
export function historyText(vt: ValueType, v: StoredValue): string {
  const shown = formatValue(vt, v);
  return vt === ValueType.JSON ? (v as string) : String(shown);
}

/** What makes two stored values of one attribute the same value (text compares exactly). */
export function sameKey(vt: ValueType, v: StoredValue): string {
  if (v instanceof Date) return String(v.getTime());
  if (vt === ValueType.INT || vt === ValueType.FLOAT) return String(Number(v));
  return String(v);
}

/**
 * A value read back from a value table: MySQL answers bigint as a string and datetime as a Date,
 * SQLite answers datetime as TypeORM's UTC text `YYYY-MM-DD HH:MM:SS.SSS`.
 */
export function fromDb(table: ValueTable, raw: unknown): StoredValue {
  switch (table) {
    case 'int':
    case 'float':
      return Number(raw);
    case 'datetime':
      if (raw instanceof Date) return raw;
      return new Date(`${String(raw).replace(' ', 'T')}Z`);
    default:
      return String(raw);
  }
}

/** A datetime as a query parameter: MySQL `YYYY-MM-DD HH:MM:SS`, SQLite TypeORM's `YYYY-MM-DD HH:MM:SS.SSS`. */
export function dbDatetime(d: Date, dialect: 'mysql' | 'sqlite'): string {
  const base = formatDatetime(d);
  return dialect === 'sqlite' ? `${base}.${pad(d.getUTCMilliseconds(), 3)}` : base;
}
