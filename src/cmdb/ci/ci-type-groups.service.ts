import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { CiDbService } from './ci-db.service';
import { auditCmdb } from './cmdb-audit';
import { nameTaken, pickByKey } from './named-rows';
import { CiPermissionsService } from './ci-permissions.service';
import { CiAttribute } from './entities/ci-attribute.entity';
import { CiTypeAttributeGroupItem } from './entities/ci-type-attribute-group-item.entity';
import { CiTypeAttributeGroup } from './entities/ci-type-attribute-group.entity';
import { CiTypeAttribute } from './entities/ci-type-attribute.entity';
import { CiTypeGroupItem } from './entities/ci-type-group-item.entity';
import { CiTypeGroup } from './entities/ci-type-group.entity';
import { CiType } from './entities/ci-type.entity';

export interface TypeGroupView {
  group: CiTypeGroup;
  typeIds: number[];
}

export interface AttributeGroupView {
  group: CiTypeAttributeGroup;
  attrIds: number[];
}

/** A reference to an attribute group: by id, or by name within the type. */
export type GroupRef = number | string;

/** UI grouping only: shelves of CI types, and sections of a type's attributes. Administrators arrange them. */
@Injectable()
export class CiTypeGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: CiDbService,
    private readonly perms: CiPermissionsService,
    private readonly audit: AuditService,
  ) {}

  // --- type groups

  async typeGroups(): Promise<TypeGroupView[]> {
    const groups = await this.dataSource.getRepository(CiTypeGroup).find({ order: { position: 'ASC', id: 'ASC' } });
    const items = await this.dataSource.getRepository(CiTypeGroupItem).find({ order: { position: 'ASC', id: 'ASC' } });
    return groups.map((group) => ({
      group,
      typeIds: items.filter((i) => i.groupId === group.id).map((i) => i.typeId),
    }));
  }

  async createTypeGroup(actor: Principal, name: string, position = 0): Promise<CiTypeGroup> {
    this.perms.assertConfig(actor, 'Managing CI type groups');
    const clean = this.groupName(name);
    return this.db.write(async (em) => {
      if (await em.existsBy(CiTypeGroup, { name: clean }))
        throw new ConflictError(`group ${clean} already exists`, 'name');
      const group = await em.save(em.create(CiTypeGroup, { name: clean, position }));
      await auditCmdb(this.audit, em, actor, { type: 'ci_type_group', id: group.id, name: clean }, 'create', {
        after: { name: clean },
      });
      return group;
    });
  }

  /** Renames the group; `typeIds`, when given, replaces its types (in that order). */
  async updateTypeGroup(actor: Principal, id: number, name: string, typeIds?: readonly number[]): Promise<void> {
    this.perms.assertConfig(actor, 'Managing CI type groups');
    const clean = this.groupName(name);
    await this.db.write(async (em) => {
      const group = await em.findOneBy(CiTypeGroup, { id });
      if (!group) throw new NotFoundError('CIType group', id);
      await this.checkFree(em, CiTypeGroup, clean, {}, id);
      group.name = clean;
      await em.save(group);
      if (typeIds !== undefined) {
        const ids = [...new Set(typeIds)];
        const types = ids.length ? await em.findBy(CiType, { id: In(ids), deleted: false }) : [];
        const missing = ids.find((t) => !types.some((x) => x.id === t));
        if (missing !== undefined) throw new NotFoundError('CIType', missing, 'type_ids');
        await em.delete(CiTypeGroupItem, { groupId: id });
        await this.db.insertMany(
          em,
          CiTypeGroupItem,
          ids.map((typeId, position) => ({ groupId: id, typeId, position })),
        );
      }
      await auditCmdb(this.audit, em, actor, { type: 'ci_type_group', id, name: clean }, 'update', {
        after: { name: clean, typeIds },
      });
    });
  }

  async deleteTypeGroup(actor: Principal, id: number): Promise<void> {
    this.perms.assertConfig(actor, 'Managing CI type groups');
    await this.db.write(async (em) => {
      const group = await em.findOneBy(CiTypeGroup, { id });
      if (!group) throw new NotFoundError('CIType group', id);
      await em.delete(CiTypeGroupItem, { groupId: id });
      await em.delete(CiTypeGroup, { id });
      await auditCmdb(this.audit, em, actor, { type: 'ci_type_group', id, name: group.name }, 'delete', {
        after: null,
      });
    });
  }

  // --- attribute groups of a type

  async attributeGroups(typeId: number): Promise<AttributeGroupView[]> {
    const groups = await this.dataSource
      .getRepository(CiTypeAttributeGroup)
      .find({ where: { typeId }, order: { position: 'ASC', id: 'ASC' } });
    const items = groups.length
      ? await this.dataSource
          .getRepository(CiTypeAttributeGroupItem)
          .find({ where: { groupId: In(groups.map((g) => g.id)) }, order: { position: 'ASC', id: 'ASC' } })
      : [];
    return groups.map((group) => ({
      group,
      attrIds: items.filter((i) => i.groupId === group.id).map((i) => i.attrId),
    }));
  }

  /** Creates the group, or updates the type's group of that name. `attrKeys` names attributes of the type. */
  async saveAttributeGroup(
    actor: Principal,
    typeId: number,
    name: string,
    position: number,
    attrKeys: readonly (string | number)[],
  ): Promise<CiTypeAttributeGroup> {
    this.perms.assertConfig(actor, 'Managing CI types');
    const clean = this.groupName(name);
    return this.db.write(async (em) => {
      const type = await em.findOneBy(CiType, { id: typeId, deleted: false });
      if (!type) throw new NotFoundError('CIType', typeId);
      const group =
        (await em
          .getRepository(CiTypeAttributeGroup)
          .createQueryBuilder('g')
          .where('g.type_id = :typeId AND LOWER(g.name) = :name', { typeId, name: clean.toLowerCase() })
          .getOne()) ?? em.create(CiTypeAttributeGroup, { typeId, name: clean, position });
      group.position = position;
      const saved = await em.save(group);
      await this.setItems(em, saved, attrKeys);
      await auditCmdb(this.audit, em, actor, { type: 'ci_type_attribute_group', id: saved.id, name: clean }, 'save', {
        after: { typeId, attrKeys },
      });
      return saved;
    });
  }

  async updateAttributeGroup(
    actor: Principal,
    id: number,
    name: string,
    position: number,
    attrKeys: readonly (string | number)[],
  ): Promise<void> {
    this.perms.assertConfig(actor, 'Managing CI types');
    const clean = this.groupName(name);
    await this.db.write(async (em) => {
      const group = await em.findOneBy(CiTypeAttributeGroup, { id });
      if (!group) throw new NotFoundError('attribute group', id);
      await this.checkFree(em, CiTypeAttributeGroup, clean, { typeId: group.typeId }, id);
      Object.assign(group, { name: clean, position });
      await em.save(group);
      await this.setItems(em, group, attrKeys);
      await auditCmdb(this.audit, em, actor, { type: 'ci_type_attribute_group', id, name: clean }, 'update', {
        after: { attrKeys },
      });
    });
  }

  async deleteAttributeGroup(actor: Principal, id: number): Promise<void> {
    this.perms.assertConfig(actor, 'Managing CI types');
    await this.db.write(async (em) => {
      const group = await em.findOneBy(CiTypeAttributeGroup, { id });
      if (!group) throw new NotFoundError('attribute group', id);
      await em.delete(CiTypeAttributeGroupItem, { groupId: id });
      await em.delete(CiTypeAttributeGroup, { id });
      await auditCmdb(this.audit, em, actor, { type: 'ci_type_attribute_group', id, name: group.name }, 'delete', {
        after: null,
      });
    });
  }

  /** Moves an attribute into a group (out of any other group of the type), at `position` in it. */
  async moveAttribute(
    actor: Principal,
    typeId: number,
    attrId: number,
    to: GroupRef,
    position: number | undefined,
  ): Promise<void> {
    this.perms.assertConfig(actor, 'Managing CI types');
    await this.db.write(async (em) => {
      if (!(await em.existsBy(CiTypeAttribute, { typeId, attrId }))) {
        throw new NotFoundError('attribute of the CIType', attrId, 'from');
      }
      const target = await this.groupOf(em, typeId, to, 'to');
      const groups = await em.findBy(CiTypeAttributeGroup, { typeId });
      await em.delete(CiTypeAttributeGroupItem, { groupId: In(groups.map((g) => g.id)), attrId });
      const items = await em.find(CiTypeAttributeGroupItem, {
        where: { groupId: target.id },
        order: { position: 'ASC', id: 'ASC' },
      });
      const ids = items.map((i) => i.attrId);
      ids.splice(Math.min(Math.max(position ?? ids.length, 0), ids.length), 0, attrId);
      await em.delete(CiTypeAttributeGroupItem, { groupId: target.id });
      await this.db.insertMany(
        em,
        CiTypeAttributeGroupItem,
        ids.map((a, i) => ({ groupId: target.id, attrId: a, position: i })),
      );
      await auditCmdb(
        this.audit,
        em,
        actor,
        { type: 'ci_type_attribute_group', id: target.id, name: target.name },
        'move_attribute',
        { after: { attrId } },
      );
    });
  }

  /** Puts group `from` where group `to` is in the type's order; the groups in between shift by one. */
  async moveGroup(actor: Principal, typeId: number, from: GroupRef, to: GroupRef): Promise<void> {
    this.perms.assertConfig(actor, 'Managing CI types');
    await this.db.write(async (em) => {
      const source = await this.groupOf(em, typeId, from, 'from');
      const target = await this.groupOf(em, typeId, to, 'to');
      const groups = await em.find(CiTypeAttributeGroup, { where: { typeId }, order: { position: 'ASC', id: 'ASC' } });
      const order = groups.filter((g) => g.id !== source.id);
      order.splice(order.findIndex((g) => g.id === target.id) + (source.position < target.position ? 1 : 0), 0, source);
      for (const [i, g] of order.entries()) {
        if (g.position !== i) await em.update(CiTypeAttributeGroup, { id: g.id }, { position: i });
      }
      await auditCmdb(
        this.audit,
        em,
        actor,
        { type: 'ci_type_attribute_group', id: source.id, name: source.name },
        'move',
        { after: { to: target.id } },
      );
    });
  }

  private async groupOf(em: EntityManager, typeId: number, ref: GroupRef, field: string) {
    const group =
      typeof ref === 'number'
        ? await em.findOneBy(CiTypeAttributeGroup, { id: ref, typeId })
        : await em.findOneBy(CiTypeAttributeGroup, { name: ref, typeId });
    if (!group) throw new NotFoundError('attribute group', ref, field);
    return group;
  }

  private async setItems(em: EntityManager, group: CiTypeAttributeGroup, keys: readonly (string | number)[]) {
    const links = await em.findBy(CiTypeAttribute, { typeId: group.typeId });
    const attrs = links.length
      ? await em.findBy(CiAttribute, { id: In(links.map((l) => l.attrId)), deleted: false })
      : [];
    const ids = keys.map((key) => {
      const attr = pickByKey(attrs, key);
      if (!attr) throw new NotFoundError('attribute of the CIType', key, 'attributes');
      return attr.id;
    });
    const unique = [...new Set(ids)];
    // An attribute sits in one group of its type at a time.
    const siblings = await em.findBy(CiTypeAttributeGroup, { typeId: group.typeId });
    if (unique.length) {
      await em.delete(CiTypeAttributeGroupItem, { groupId: In(siblings.map((g) => g.id)), attrId: In(unique) });
    }
    await em.delete(CiTypeAttributeGroupItem, { groupId: group.id });
    await this.db.insertMany(
      em,
      CiTypeAttributeGroupItem,
      unique.map((attrId, position) => ({ groupId: group.id, attrId, position })),
    );
  }

  /** Group names are unique (ignoring case), within the type for attribute groups. */
  private async checkFree(
    em: EntityManager,
    entity: typeof CiTypeGroup | typeof CiTypeAttributeGroup,
    name: string,
    where: { typeId?: number },
    exceptId?: number,
  ): Promise<void> {
    if (await nameTaken(em, entity, 'name', name, { where, exceptId })) {
      throw new ConflictError(`group ${name} already exists`, 'name');
    }
  }

  private groupName(name: string): string {
    const clean = typeof name === 'string' ? name.trim() : '';
    if (clean.length === 0 || clean.length > 64) throw new InvalidInputError('name', 'must be 1-64 characters');
    return clean;
  }
}
