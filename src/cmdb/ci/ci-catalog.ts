// The configuration a CI request works against: live attributes, CI types and which attributes each
// type carries. Built once per request from a few small queries, then looked up in memory.
import { StoredValue, ValueType } from './value-types';

export interface CatalogAttribute {
  id: number;
  name: string;
  alias: string;
  valueType: ValueType;
  isList: boolean;
  isUnique: boolean;
  isIndex: boolean;
  isLink: boolean;
  isPassword: boolean;
  isSortable: boolean;
  /** Allowed values in list order (stored form); empty when the attribute takes any value. */
  choices: StoredValue[];
}

export interface CatalogTypeAttribute {
  attrId: number;
  position: number;
  isRequired: boolean;
  defaultShow: boolean;
}

export interface CatalogType {
  id: number;
  name: string;
  alias: string;
  /** The key attribute's id. */
  uniqueId: number;
  enabled: boolean;
  /** In display order. */
  attributes: CatalogTypeAttribute[];
}

function lower(s: string): string {
  return s.toLowerCase();
}

/**
 * Lookups as the original does them: a key names an attribute (or type) by name, then id, then
 * alias, ignoring case, so `HOSTNAME`, `7` and `Host name` can all mean one attribute.
 */
export class CiCatalog {
  private readonly attrsById = new Map<number, CatalogAttribute>();
  private readonly attrsByName = new Map<string, CatalogAttribute>();
  private readonly attrsByAlias = new Map<string, CatalogAttribute>();
  private readonly typesById = new Map<number, CatalogType>();
  private readonly typesByName = new Map<string, CatalogType>();
  private readonly typesByAlias = new Map<string, CatalogType>();

  constructor(
    readonly attributes: readonly CatalogAttribute[],
    readonly types: readonly CatalogType[],
  ) {
    for (const a of attributes) {
      this.attrsById.set(a.id, a);
      this.attrsByName.set(lower(a.name), a);
      if (!this.attrsByAlias.has(lower(a.alias))) this.attrsByAlias.set(lower(a.alias), a);
    }
    for (const t of types) {
      this.typesById.set(t.id, t);
      this.typesByName.set(lower(t.name), t);
      if (!this.typesByAlias.has(lower(t.alias))) this.typesByAlias.set(lower(t.alias), t);
    }
  }

  attribute(key: string | number): CatalogAttribute | undefined {
    return lookup(key, this.attrsByName, this.attrsById, this.attrsByAlias);
  }

  attributeById(id: number): CatalogAttribute | undefined {
    return this.attrsById.get(id);
  }

  type(key: string | number): CatalogType | undefined {
    return lookup(key, this.typesByName, this.typesById, this.typesByAlias);
  }

  typeById(id: number): CatalogType | undefined {
    return this.typesById.get(id);
  }

  /** The attributes a type carries, in its display order. */
  typeAttributes(type: CatalogType): CatalogAttribute[] {
    return type.attributes.map((ta) => this.attrsById.get(ta.attrId)).filter((a): a is CatalogAttribute => !!a);
  }

  /** The attribute a type carries under this key (name, id or alias), if it carries one. */
  typeAttribute(type: CatalogType, key: string | number): CatalogAttribute | undefined {
    const attr = this.attribute(key);
    if (attr && type.attributes.some((ta) => ta.attrId === attr.id)) return attr;
    // A key may name one attribute globally and alias another that the type carries.
    const byAlias = typeof key === 'string' ? this.attrsByAlias.get(lower(key)) : undefined;
    return byAlias && type.attributes.some((ta) => ta.attrId === byAlias.id) ? byAlias : undefined;
  }

  uniqueAttribute(type: CatalogType): CatalogAttribute | undefined {
    return this.attrsById.get(type.uniqueId);
  }
}

function lookup<T>(
  key: string | number,
  byName: Map<string, T>,
  byId: Map<number, T>,
  byAlias: Map<string, T>,
): T | undefined {
  if (typeof key === 'number') return Number.isInteger(key) ? byId.get(key) : undefined;
  const k = key.trim();
  if (k === '') return undefined;
  return byName.get(lower(k)) ?? (/^\d+$/.test(k) ? byId.get(Number(k)) : undefined) ?? byAlias.get(lower(k));
}
