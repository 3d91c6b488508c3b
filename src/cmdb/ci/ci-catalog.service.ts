import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogAttribute, CatalogType, CiCatalog } from './ci-catalog';
import { CiAttributeChoice } from './entities/ci-attribute-choice.entity';
import { CiAttribute } from './entities/ci-attribute.entity';
import { CiTypeAttribute } from './entities/ci-type-attribute.entity';
import { CiType } from './entities/ci-type.entity';
import { parseValueType, StoredValue, toStored, ValueType } from './value-types';

/** A catalog with the rows it was built from, for answers that show whole attributes and types. */
export interface CatalogBundle {
  catalog: CiCatalog;
  attributes: ReadonlyMap<number, CiAttribute>;
  types: ReadonlyMap<number, CiType>;
}

/** Reads the live attributes and CI types into a CiCatalog: four small queries per request. */
@Injectable()
export class CiCatalogService {
  constructor(private readonly dataSource: DataSource) {}

  async load(em: EntityManager = this.dataSource.manager): Promise<CiCatalog> {
    return (await this.loadBundle(em)).catalog;
  }

  async loadBundle(em: EntityManager = this.dataSource.manager): Promise<CatalogBundle> {
    const [attrs, choices, types, typeAttrs] = await Promise.all([
      em.find(CiAttribute, { where: { deleted: false }, order: { id: 'ASC' } }),
      em.find(CiAttributeChoice, { order: { attrId: 'ASC', position: 'ASC', id: 'ASC' } }),
      em.find(CiType, { where: { deleted: false }, order: { position: 'ASC', id: 'ASC' } }),
      em.find(CiTypeAttribute, { order: { typeId: 'ASC', position: 'ASC', id: 'ASC' } }),
    ]);
    const choicesOf = new Map<number, CiAttributeChoice[]>();
    for (const c of choices) choicesOf.set(c.attrId, [...(choicesOf.get(c.attrId) ?? []), c]);
    const catalog = new CiCatalog(
      attrs.map((a) => catalogAttribute(a, choicesOf.get(a.id) ?? [])),
      types.map((t) => catalogType(t, typeAttrs)),
    );
    return {
      catalog,
      attributes: new Map(attrs.map((a) => [a.id, a])),
      types: new Map(types.map((t) => [t.id, t])),
    };
  }
}

export function catalogAttribute(a: CiAttribute, choices: readonly CiAttributeChoice[]): CatalogAttribute {
  const valueType = parseValueType(a.valueType) ?? ValueType.TEXT;
  return {
    id: a.id,
    name: a.name,
    alias: a.alias,
    valueType,
    isList: a.isList,
    isUnique: a.isUnique,
    isIndex: a.isIndex,
    isLink: a.isLink,
    isPassword: a.isPassword,
    isSortable: a.isSortable,
    choices: choices.map((c) => toStored(valueType, c.value)).filter((v): v is StoredValue => v !== undefined),
  };
}

function catalogType(t: CiType, typeAttrs: readonly CiTypeAttribute[]): CatalogType {
  return {
    id: t.id,
    name: t.name,
    alias: t.alias,
    uniqueId: t.uniqueId,
    enabled: t.enabled,
    attributes: typeAttrs
      .filter((ta) => ta.typeId === t.id)
      .map((ta) => ({
        attrId: ta.attrId,
        position: ta.position,
        isRequired: ta.isRequired,
        defaultShow: ta.defaultShow,
      })),
  };
}
