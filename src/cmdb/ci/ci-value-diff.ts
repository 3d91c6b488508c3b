// What writing one attribute of one CI changes: value rows to insert and delete, and the history
// lines that describe it (cmdb.md §6.2). Pure.
import { sameKey, StoredValue, ValueType } from './value-types';

/** History operate types: the original's codes. */
export const OperateType = { ADD: '0', DELETE: '1', UPDATE: '2' } as const;
export type OperateType = (typeof OperateType)[keyof typeof OperateType];

export interface ExistingValue {
  id: number;
  value: StoredValue;
}

export interface HistoryChange {
  operateType: OperateType;
  old: string | null;
  new: string | null;
}

export interface ValueDiff {
  insert: StoredValue[];
  deleteIds: number[];
  history: HistoryChange[];
}

/** The values a request sets: null clears the attribute, a list replaces a multi-value attribute's set. */
export type NextValue = StoredValue | StoredValue[] | null;

/**
 * Single value: absent → insert (add); different → replace (update old → new); cleared → delete
 * (update old → ""). Multi-value: the new list replaces the set, one add per new element and one
 * delete per dropped one; unchanged elements are left alone. `text` renders a value for history.
 */
export function diffValues(
  attr: { valueType: ValueType; isList: boolean },
  existing: readonly ExistingValue[],
  next: NextValue,
  text: (v: StoredValue) => string,
): ValueDiff {
  const key = (v: StoredValue) => sameKey(attr.valueType, v);
  const diff: ValueDiff = { insert: [], deleteIds: [], history: [] };

  if (attr.isList) {
    const wanted = dedupe(next === null ? [] : Array.isArray(next) ? next : [next], key);
    const have = new Map(existing.map((e) => [key(e.value), e]));
    const wantedKeys = new Set(wanted.map(key));
    for (const e of existing) {
      if (wantedKeys.has(key(e.value))) continue;
      diff.deleteIds.push(e.id);
      diff.history.push({ operateType: OperateType.DELETE, old: text(e.value), new: null });
    }
    for (const v of wanted) {
      if (have.has(key(v))) continue;
      diff.insert.push(v);
      diff.history.push({ operateType: OperateType.ADD, old: null, new: text(v) });
    }
    return diff;
  }

  const value = Array.isArray(next) ? (next[0] ?? null) : next;
  if (existing.length === 0) {
    if (value === null) return diff;
    diff.insert.push(value);
    diff.history.push({ operateType: OperateType.ADD, old: null, new: text(value) });
    return diff;
  }
  const old = existing[0].value;
  if (value !== null && existing.length === 1 && key(old) === key(value)) return diff;
  diff.deleteIds.push(...existing.map((e) => e.id));
  if (value !== null) diff.insert.push(value);
  diff.history.push({ operateType: OperateType.UPDATE, old: text(old), new: value === null ? '' : text(value) });
  return diff;
}

function dedupe(values: StoredValue[], key: (v: StoredValue) => string): StoredValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
