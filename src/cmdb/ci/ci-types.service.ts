import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { containing, ESCAPE } from '../../database/like';
import { catalogAttribute } from './ci-catalog.service';
import { auditCmdb } from './cmdb-audit';
import { findLiveByKey, nameTaken } from './named-rows';
import { CiDbService } from './ci-db.service';
import { aliasProblem, nameProblem } from './ci-names';
import { CiPermissionsService } from './ci-permissions.service';
import { CiValuesService } from './ci-values.service';
import { CiAttribute } from './entities/ci-attribute.entity';
import { CiPreferenceAttribute } from './entities/ci-preference-attribute.entity';
import { CiPreferenceTreeView } from './entities/ci-preference-tree-view.entity';
import { CiTypeAttributeGroupItem } from './entities/ci-type-attribute-group-item.entity';
import { CiTypeAttributeGroup } from './entities/ci-type-attribute-group.entity';
import { CiTypeAttribute } from './entities/ci-type-attribute.entity';
import { CiTypeGroupItem } from './entities/ci-type-group-item.entity';
import { CiTypeRelation } from './entities/ci-type-relation.entity';
import { CiType } from './entities/ci-type.entity';
import { Ci } from './entities/ci.entity';

export interface TypeFields {
  name?: string;
  alias?: string | null;
  /** The key attribute, by name, id or alias. */
  uniqueKey?: string | number;
  iconUrl?: string | null;
  enabled?: boolean;
  isAttached?: boolean;
  position?: number;
}

export interface TypeAttributeFlags {
  isRequired?: boolean;
  defaultShow?: boolean;
  position?: number;
}

/** An attribute as a type carries it. */
export interface TypeAttributeView {
  attribute: CiAttribute;
  link: CiTypeAttribute;
}

function snapshot(t: CiType) {
  const { id, name, alias, uniqueId, iconUrl, enabled, isAttached, position } = t;
  return { id, name, alias, uniqueId, iconUrl, enabled, isAttached, position };
}

/**
 * CI types and the attributes they carry. Administrators configure them; anyone signed in may
 * read them. A type's ACL resource is created, renamed and removed with it.
 */
@Injectable()
export class CiTypesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: CiDbService,
    private readonly values: CiValuesService,
    private readonly perms: CiPermissionsService,
    private readonly audit: AuditService,
  ) {}

  /** Live types in display order; `name` matches part of the name or alias. */
  list(name?: string): Promise<CiType[]> {
    const qb = this.dataSource.getRepository(CiType).createQueryBuilder('t').where('t.deleted = :no', { no: false });
    if (name) {
      qb.andWhere(`(LOWER(t.name) LIKE :like ${ESCAPE} OR LOWER(t.alias) LIKE :like ${ESCAPE})`, {
        like: containing(name.toLowerCase()),
      });
    }
    return qb.orderBy('t.position').addOrderBy('t.id').getMany();
  }

  /** A live type by name, id or alias. */
  async get(key: string | number): Promise<CiType> {
    const found = await this.find(this.dataSource.manager, key);
    if (!found) throw new NotFoundError('CIType', key);
    return found;
  }

  async getMany(ids: readonly number[]): Promise<CiType[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(CiType).findBy({ id: In([...ids]), deleted: false });
  }

  /** The name of each type's key attribute. */
  async uniqueKeys(types: readonly CiType[]): Promise<Map<number, string | null>> {
    const attrIds = [...new Set(types.map((t) => t.uniqueId))];
    const attrs = attrIds.length ? await this.dataSource.getRepository(CiAttribute).findBy({ id: In(attrIds) }) : [];
    return new Map(types.map((t) => [t.id, attrs.find((a) => a.id === t.uniqueId)?.name ?? null]));
  }

  async create(actor: Principal, input: TypeFields): Promise<CiType> {
    this.perms.assertConfig(actor, 'Managing CI types');
    if (input.name === undefined) throw new InvalidInputError('name', 'Argument name is required');
    // As in the original, a missing key attribute is one that is not defined: 404.
    if (input.uniqueKey === undefined || input.uniqueKey === '') {
      throw new NotFoundError('Unique key attribute', '', 'unique_key');
    }
    const name = input.name;
    const alias = input.alias || name;
    this.checkNames(name, alias);
    return this.db.write(
      async (em) => {
        await this.checkUnique(em, name, alias);
        const key = await this.keyAttribute(em, input.uniqueKey as string | number);
        const type = await em.save(
          em.create(CiType, {
            name,
            alias,
            uniqueId: key.id,
            iconUrl: input.iconUrl ?? null,
            enabled: input.enabled ?? true,
            isAttached: input.isAttached ?? false,
            position: input.position ?? 0,
            deleted: false,
            deletedAt: null,
          }),
        );
        await em.save(
          em.create(CiTypeAttribute, {
            typeId: type.id,
            attrId: key.id,
            position: 0,
            isRequired: true,
            defaultShow: true,
          }),
        );
        await this.perms.typeCreated(em, type.name);
        await auditCmdb(this.audit, em, actor, { type: 'ci_type', id: type.id, name: type.name }, 'create', {
          after: snapshot(type),
        });
        return type;
      },
      { names: true },
    );
  }

  /** A new key attribute is attached (required) if the type does not carry it yet. */
  async update(actor: Principal, id: number, input: TypeFields): Promise<CiType> {
    this.perms.assertConfig(actor, 'Managing CI types');
    return this.db.write(
      async (em) => {
        const type = await this.lockedType(em, id);
        const before = snapshot(type);
        const name = input.name ?? type.name;
        const alias = input.alias === null || input.alias === '' ? name : (input.alias ?? type.alias);
        this.checkNames(name, alias);
        await this.checkUnique(em, name, alias, id);
        if (input.uniqueKey !== undefined && input.uniqueKey !== '') {
          const key = await this.keyAttribute(em, input.uniqueKey);
          type.uniqueId = key.id;
          await this.attach(em, id, [key.id], { isRequired: true });
        }
        if (name !== type.name) await this.perms.typeRenamed(em, type.name, name);
        Object.assign(type, { name, alias });
        if (input.iconUrl !== undefined) type.iconUrl = input.iconUrl;
        if (input.enabled !== undefined) type.enabled = input.enabled;
        if (input.isAttached !== undefined) type.isAttached = input.isAttached;
        if (input.position !== undefined) type.position = input.position;
        const saved = await em.save(type);
        await auditCmdb(this.audit, em, actor, { type: 'ci_type', id: saved.id, name: saved.name }, 'update', {
          before,
          after: snapshot(saved),
        });
        return saved;
      },
      { names: true },
    );
  }

  setEnabled(actor: Principal, id: number, enabled: boolean): Promise<CiType> {
    return this.update(actor, id, { enabled });
  }

  /** Refused (400) while CIs of the type exist; otherwise flagged deleted with its configuration dropped. */
  async remove(actor: Principal, id: number): Promise<void> {
    this.perms.assertConfig(actor, 'Managing CI types');
    await this.db.write(async (em) => {
      const type = await this.lockedType(em, id);
      if (await em.existsBy(Ci, { typeId: id })) {
        throw new InvalidInputError('type_id', `cannot delete, because CI instance exists`);
      }
      const before = snapshot(type);
      const groups = await em.findBy(CiTypeAttributeGroup, { typeId: id });
      if (groups.length) await em.delete(CiTypeAttributeGroupItem, { groupId: In(groups.map((g) => g.id)) });
      await em.delete(CiTypeAttributeGroup, { typeId: id });
      await em.delete(CiTypeAttribute, { typeId: id });
      await em.delete(CiTypeRelation, { parentId: id });
      await em.delete(CiTypeRelation, { childId: id });
      await em.delete(CiTypeGroupItem, { typeId: id });
      await em.delete(CiPreferenceAttribute, { typeId: id });
      await em.delete(CiPreferenceTreeView, { typeId: id });
      await this.perms.typeDeleted(em, type.name);
      type.deleted = true;
      type.deletedAt = new Date();
      await em.save(type);
      await auditCmdb(this.audit, em, actor, { type: 'ci_type', id: type.id, name: type.name }, 'delete', {
        before,
        after: null,
      });
    });
  }

  // --- the attributes a type carries

  /** The type's attributes in display order, with how the type carries each. */
  async attributesOf(typeId: number): Promise<TypeAttributeView[]> {
    return (await this.attributesOfTypes([typeId])).get(typeId) ?? [];
  }

  /** For several types at once (two queries). */
  async attributesOfTypes(typeIds: readonly number[]): Promise<Map<number, TypeAttributeView[]>> {
    const result = new Map<number, TypeAttributeView[]>(typeIds.map((id) => [id, []]));
    if (typeIds.length === 0) return result;
    const links = await this.dataSource
      .getRepository(CiTypeAttribute)
      .find({ where: { typeId: In([...typeIds]) }, order: { position: 'ASC', id: 'ASC' } });
    const attrIds = [...new Set(links.map((l) => l.attrId))];
    const attrs = attrIds.length
      ? await this.dataSource.getRepository(CiAttribute).findBy({ id: In(attrIds), deleted: false })
      : [];
    for (const link of links) {
      const attribute = attrs.find((a) => a.id === link.attrId);
      if (attribute) result.get(link.typeId)?.push({ attribute, link });
    }
    return result;
  }

  /** Attaches attributes (already attached ones are left as they are); unknown attributes are a 404. */
  async addAttributes(actor: Principal, typeId: number, attrIds: readonly number[], flags: TypeAttributeFlags) {
    this.perms.assertConfig(actor, 'Managing CI types');
    if (attrIds.length === 0) throw new InvalidInputError('attr_id', 'Attributes are required');
    await this.db.write(async (em) => {
      const type = await this.lockedType(em, typeId);
      const added = await this.attach(em, typeId, attrIds, flags);
      if (added.length)
        await auditCmdb(this.audit, em, actor, { type: 'ci_type', id: type.id, name: type.name }, 'add_attributes', {
          after: { attrIds: added, ...flags },
        });
    });
  }

  /** Changes how the type carries attributes it already carries (404 for one it does not). */
  async updateAttributes(
    actor: Principal,
    typeId: number,
    items: readonly (TypeAttributeFlags & { attrId: number })[],
  ): Promise<void> {
    this.perms.assertConfig(actor, 'Managing CI types');
    await this.db.write(async (em) => {
      const type = await this.lockedType(em, typeId);
      for (const item of items) {
        const link = await em.findOneBy(CiTypeAttribute, { typeId, attrId: item.attrId });
        if (!link) throw new NotFoundError(`attribute of CIType ${type.name}`, item.attrId, 'attr_id');
        if (item.isRequired !== undefined) link.isRequired = item.isRequired;
        if (item.defaultShow !== undefined) link.defaultShow = item.defaultShow;
        if (item.position !== undefined) link.position = item.position;
        await em.save(link);
      }
      await auditCmdb(this.audit, em, actor, { type: 'ci_type', id: type.id, name: type.name }, 'update_attributes', {
        after: { items },
      });
    });
  }

  /** Detaches attributes and drops their values from the type's CIs; the key attribute stays. */
  async removeAttributes(actor: Principal, typeId: number, attrIds: readonly number[]): Promise<void> {
    this.perms.assertConfig(actor, 'Managing CI types');
    if (attrIds.length === 0) throw new InvalidInputError('attr_id', 'Attributes are required');
    await this.db.write(async (em) => {
      const type = await this.lockedType(em, typeId);
      if (attrIds.includes(type.uniqueId)) {
        throw new InvalidInputError('attr_id', `the unique key of CIType ${type.name} cannot be removed`);
      }
      const links = await em.findBy(CiTypeAttribute, { typeId, attrId: In([...attrIds]) });
      const missing = attrIds.find((id) => !links.some((l) => l.attrId === id));
      if (missing !== undefined) throw new NotFoundError(`attribute of CIType ${type.name}`, missing, 'attr_id');
      const attrs = await em.findBy(CiAttribute, { id: In([...attrIds]) });
      for (const attr of attrs) await this.values.deleteOfAttribute(em, catalogAttribute(attr, []), [typeId]);
      await em.delete(CiTypeAttribute, { typeId, attrId: In([...attrIds]) });
      const groups = await em.findBy(CiTypeAttributeGroup, { typeId });
      if (groups.length) {
        await em.delete(CiTypeAttributeGroupItem, { groupId: In(groups.map((g) => g.id)), attrId: In([...attrIds]) });
      }
      await em.delete(CiPreferenceAttribute, { typeId, attrId: In([...attrIds]) });
      await auditCmdb(this.audit, em, actor, { type: 'ci_type', id: type.id, name: type.name }, 'remove_attributes', {
        before: { attrIds },
        after: null,
      });
    });
  }

  private async attach(em: EntityManager, typeId: number, attrIds: readonly number[], flags: TypeAttributeFlags) {
    const ids = [...new Set(attrIds)];
    const attrs = await em.findBy(CiAttribute, { id: In(ids), deleted: false });
    const missing = ids.find((id) => !attrs.some((a) => a.id === id));
    if (missing !== undefined) throw new NotFoundError('attribute', missing, 'attr_id');
    const existing = await em.findBy(CiTypeAttribute, { typeId, attrId: In(ids) });
    const last = await em
      .getRepository(CiTypeAttribute)
      .createQueryBuilder('ta')
      .select('MAX(ta.position)', 'max')
      .where('ta.typeId = :typeId', { typeId })
      .getRawOne<{ max: number | null }>();
    let position = flags.position ?? Number(last?.max ?? -1) + 1;
    const added: number[] = [];
    for (const id of ids) {
      if (existing.some((e) => e.attrId === id)) continue;
      await em.save(
        em.create(CiTypeAttribute, {
          typeId,
          attrId: id,
          position: position++,
          isRequired: flags.isRequired ?? false,
          defaultShow: flags.defaultShow ?? true,
        }),
      );
      added.push(id);
    }
    return added;
  }

  private async keyAttribute(em: EntityManager, key: string | number): Promise<CiAttribute> {
    const found = await findLiveByKey(em, CiAttribute, key);
    if (!found) throw new NotFoundError('Unique key attribute', key, 'unique_key');
    if (found.isPassword) throw new InvalidInputError('unique_key', 'a password attribute cannot be a key');
    return found;
  }

  private find(em: EntityManager, key: string | number): Promise<CiType | null> {
    return findLiveByKey(em, CiType, key);
  }

  private async lockedType(em: EntityManager, id: number): Promise<CiType> {
    await this.db.lock(em, 'ci_types', [id]);
    const type = await em.findOneBy(CiType, { id, deleted: false });
    if (!type) throw new NotFoundError('CIType', id);
    return type;
  }

  private checkNames(name: string, alias: string): void {
    const nameIssue = nameProblem(name, 'type');
    if (nameIssue) throw new InvalidInputError('name', nameIssue);
    const aliasIssue = aliasProblem(alias);
    if (aliasIssue) throw new InvalidInputError('alias', aliasIssue);
  }

  private async checkUnique(em: EntityManager, name: string, alias: string, exceptId?: number): Promise<void> {
    for (const [column, value] of [
      ['name', name],
      ['alias', alias],
    ] as const) {
      if (await nameTaken(em, CiType, column, value, { where: { deleted: false }, exceptId })) {
        throw new ConflictError(`CIType ${column} ${value} is duplicated`, column);
      }
    }
  }
}
