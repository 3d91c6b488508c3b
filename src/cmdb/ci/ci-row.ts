// A CI as the CMDB answers it (cmdb.md §4.6, "Ours"): one shape carrying both generations' meta
// keys, then the attributes keyed by name, alias or id. Pure.
import { CatalogAttribute, CiCatalog } from './ci-catalog';
import { formatValue, StoredValue } from './value-types';

export type RetKey = 'name' | 'alias' | 'id';

/** What is shown in place of a password attribute's value. */
export const PASSWORD_MASK = '******';

/** A CI with its values, by attribute id, each attribute's values in stored order. */
export interface CiWithValues {
  id: number;
  typeId: number;
  values: ReadonlyMap<number, readonly StoredValue[]>;
}

export function attributeKey(attr: CatalogAttribute, retKey: RetKey): string {
  if (retKey === 'alias') return attr.alias;
  if (retKey === 'id') return String(attr.id);
  return attr.name;
}

/** One attribute's value as a row shows it: null when unset, an array for a multi-value attribute. */
export function shownValue(attr: CatalogAttribute, values: readonly StoredValue[] | undefined): unknown {
  if (!values || values.length === 0) return null;
  const one = (v: StoredValue) => (attr.isPassword ? PASSWORD_MASK : formatValue(attr.valueType, v));
  return attr.isList ? values.map(one) : one(values[0]);
}

/**
 * `ci_id`/`_id`, `type_id`/`_type`, `ci_type`, `ci_type_alias`, `unique`, `unique_alias`, `_unique`,
 * then every attribute of the CI's type (or only `fields`), unset ones as null.
 */
export function ciRow(
  catalog: CiCatalog,
  ci: CiWithValues,
  opts: { retKey?: RetKey; fields?: readonly CatalogAttribute[] } = {},
): Record<string, unknown> {
  const type = catalog.typeById(ci.typeId);
  const unique = type ? catalog.uniqueAttribute(type) : undefined;
  const row: Record<string, unknown> = {
    ci_id: ci.id,
    _id: ci.id,
    type_id: ci.typeId,
    _type: ci.typeId,
    ci_type: type?.name ?? null,
    ci_type_alias: type?.alias ?? null,
    unique: unique?.name ?? null,
    unique_alias: unique?.alias ?? null,
    _unique: unique ? shownValue(unique, ci.values.get(unique.id)) : null,
  };
  const attrs = opts.fields ?? (type ? catalog.typeAttributes(type) : []);
  for (const attr of attrs) row[attributeKey(attr, opts.retKey ?? 'name')] = shownValue(attr, ci.values.get(attr.id));
  return row;
}
