// Reading the attribute values of a CI write (cmdb.md §6.1): which keys name attributes of the type,
// and each value converted to its stored form, checked against the attribute's choices. Pure.
import { InvalidInputError } from '../../common/errors/domain-errors';
import { CatalogAttribute, CatalogType, CiCatalog } from './ci-catalog';
import { NextValue } from './ci-value-diff';
import { isEmptyInput, sameKey, StoredValue, toStored, ValueType } from './value-types';

/** What to do with a key that is not an attribute of the CI's type. */
export type NoAttributePolicy = 'ignore' | 'reject';

/** Parameters of a CI write that are not attribute values. */
export const CI_CONTROL_KEYS: ReadonlySet<string> = new Set([
  'ci_type',
  'no_attribute_policy',
  'exist_policy',
  'ticket_id',
]);

export interface ResolvedValue {
  attr: CatalogAttribute;
  /** The key the caller used (name, alias or id). */
  key: string;
  next: NextValue;
}

export interface ResolveOptions {
  policy: NoAttributePolicy;
  /**
   * Updates refuse attributes that exist but are not the type's; a create skips them unless
   * rejecting (the original only ever wrote the type's own attributes).
   */
  update: boolean;
  /** Prefix of the field names in errors, e.g. `cis[3].` for one CI of a batch. */
  fieldPrefix?: string;
}

/** A list parameter as §3 reads it: an array, a JSON array in a string, or a comma-separated string. */
export function splitList(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (typeof raw === 'string') {
    const s = raw.trim();
    if (s.startsWith('[')) {
      try {
        const parsed = JSON.parse(s) as unknown;
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // not JSON: read as a comma-separated list
      }
    }
    return s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  }
  return [raw];
}

function shown(raw: unknown): string {
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

/** One value in stored form, or a 400 naming the field: invalid for the type, or not among the choices. */
export function convertValue(attr: CatalogAttribute, raw: unknown, field: string): StoredValue {
  const stored = toStored(attr.valueType, raw);
  if (stored === undefined) throw new InvalidInputError(field, `attribute value ${shown(raw)} is invalid`);
  if (attr.choices.length > 0) {
    const key = sameKey(attr.valueType, stored);
    if (!attr.choices.some((c) => sameKey(attr.valueType, c) === key)) {
      throw new InvalidInputError(field, `${shown(raw)} does not existed in choice values`);
    }
  }
  return stored;
}

/**
 * What one input sets an attribute to. Empty input clears it, except that text may be set to "";
 * a multi-value attribute takes a list (see splitList), a single-value one exactly one value.
 */
export function nextValue(attr: CatalogAttribute, raw: unknown, field: string): NextValue {
  if (attr.isList) {
    if (isEmptyInput(raw)) return [];
    return splitList(raw)
      .filter((v) => !isEmptyInput(v))
      .map((v) => convertValue(attr, v, field));
  }
  if (Array.isArray(raw)) {
    if (raw.length > 1) throw new InvalidInputError(field, `attribute ${attr.name} takes one value, not a list`);
    raw = raw[0];
  }
  if (isEmptyInput(raw)) {
    return attr.valueType === ValueType.TEXT && typeof raw === 'string' ? '' : null;
  }
  return convertValue(attr, raw, field);
}

/** Whether a write leaves the attribute without a value. */
export function isCleared(next: NextValue): boolean {
  return next === null || (Array.isArray(next) && next.length === 0);
}

/**
 * The attribute values in a CI write's parameters: keys starting with `_` and the control keys are
 * not values; every other key names an attribute of the type by name, id or alias.
 */
export function resolveCiValues(
  catalog: CiCatalog,
  type: CatalogType,
  params: Record<string, unknown>,
  opts: ResolveOptions,
): ResolvedValue[] {
  const prefix = opts.fieldPrefix ?? '';
  const byAttr = new Map<number, ResolvedValue>();
  for (const [key, raw] of Object.entries(params)) {
    if (key.startsWith('_') || CI_CONTROL_KEYS.has(key)) continue;
    const field = `${prefix}${key}`;
    const attr = catalog.typeAttribute(type, key);
    if (!attr) {
      const elsewhere = catalog.attribute(key);
      if (elsewhere && (opts.update || opts.policy === 'reject')) {
        throw new InvalidInputError(field, `attribute ${elsewhere.name} is not an attribute of CIType ${type.name}`);
      }
      if (!elsewhere && opts.policy === 'reject') throw new InvalidInputError(field, `attribute ${key} does not exist`);
      continue;
    }
    const earlier = byAttr.get(attr.id);
    if (earlier) {
      throw new InvalidInputError(field, `attribute ${attr.name} is given twice (as ${earlier.key} and ${key})`);
    }
    byAttr.set(attr.id, { attr, key, next: nextValue(attr, raw, field) });
  }
  return [...byAttr.values()];
}

/** The required attributes of the type a write would leave without a value, for a 400. */
export function checkRequired(
  catalog: CiCatalog,
  type: CatalogType,
  values: readonly ResolvedValue[],
  opts: { creating: boolean; fieldPrefix?: string },
): void {
  const given = new Map(values.map((v) => [v.attr.id, v]));
  for (const ta of type.attributes) {
    if (!ta.isRequired) continue;
    const v = given.get(ta.attrId);
    const attr = catalog.attributeById(ta.attrId);
    if (!attr) continue;
    const missing = v ? isCleared(v.next) || v.next === '' : opts.creating;
    if (missing) {
      throw new InvalidInputError(
        `${opts.fieldPrefix ?? ''}${v?.key ?? attr.name}`,
        `attribute ${attr.alias} value is required`,
      );
    }
  }
}

/** Keys of the CI row itself that a field list may name; they are always in the row anyway. */
const META_FIELDS = new Set(['_id', '_type', 'ci_id', 'type_id', 'ci_type', '_unique', 'unique']);

/**
 * The attributes a field list (`fl`, `fields`) names, by name, id or alias; an unknown one is a 400
 * naming the parameter. Undefined (every attribute of each CI's type) when the list is empty.
 */
export function resolveFields(
  catalog: CiCatalog,
  keys: readonly (string | number)[] | undefined,
  field: string,
): CatalogAttribute[] | undefined {
  if (!keys || keys.length === 0) return undefined;
  const attrs: CatalogAttribute[] = [];
  for (const key of keys) {
    if (typeof key === 'string' && META_FIELDS.has(key.trim())) continue;
    const attr = catalog.attribute(key);
    if (!attr) throw new InvalidInputError(field, `${String(key)} is not existed`);
    if (!attrs.includes(attr)) attrs.push(attr);
  }
  return attrs;
}
