import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Transactions } from '../database/transactions';
import { AuditService } from '../audit/audit.service';
import { containing, ESCAPE } from '../database/like';
import type { Principal } from '../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { AclService } from './acl.service';
import { AclResourceGroup } from './entities/acl-resource-group.entity';
import { AclResourceType } from './entities/acl-resource-type.entity';
import { AclResource } from './entities/acl-resource.entity';
import { Grant } from './entities/grant.entity';

const NAME = /^\S.{0,127}$/;
const PERM = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The CMDB's ACL objects: resource types (with their permission names),
 * resources and resource groups. Administrators manage them.
 */
@Injectable()
export class AclResourcesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
  ) {}

  // --- resource types

  listTypes(search: string | undefined, offset: number, limit: number): Promise<[AclResourceType[], number]> {
    const qb = this.dataSource.getRepository(AclResourceType).createQueryBuilder('t');
    if (search) qb.where(`t.name LIKE :like ${ESCAPE}`, { like: containing(search) });
    return qb.orderBy('t.id').skip(offset).take(limit).getManyAndCount();
  }

  async getType(id: number): Promise<AclResourceType> {
    const type = await this.dataSource.getRepository(AclResourceType).findOneBy({ id });
    if (!type) throw new NotFoundError('resource type', id);
    return type;
  }

  async createType(actor: Principal, name: string, perms: string[], description?: string | null) {
    this.acl.assertAdmin(actor, 'Managing ACL resources');
    this.checkName('name', name);
    this.checkPerms(perms);
    return this.tx.run(async (em) => {
      if (await em.existsBy(AclResourceType, { name }))
        throw new ConflictError(`resource type "${name}" already exists`, 'name');
      const type = await em.save(
        em.create(AclResourceType, { name, perms: [...new Set(perms)], description: description ?? null }),
      );
      await this.record(em, actor, 'resource_type', type.id, type.name, 'create', { perms: type.perms });
      return type;
    });
  }

  /** Replacing `perms` drops the grants of permissions no longer listed. */
  async updateType(
    actor: Principal,
    id: number,
    changes: { name?: string; perms?: string[]; description?: string | null },
  ) {
    this.acl.assertAdmin(actor, 'Managing ACL resources');
    if (changes.name !== undefined) this.checkName('name', changes.name);
    if (changes.perms !== undefined) this.checkPerms(changes.perms);
    return this.tx.run(async (em) => {
      const type = await em.findOneBy(AclResourceType, { id });
      if (!type) throw new NotFoundError('resource type', id);
      if (
        changes.name !== undefined &&
        changes.name !== type.name &&
        (await em.existsBy(AclResourceType, { name: changes.name }))
      ) {
        throw new ConflictError(`resource type "${changes.name}" already exists`, 'name');
      }
      const before = { name: type.name, perms: type.perms };
      if (changes.name !== undefined) type.name = changes.name;
      if (changes.description !== undefined) type.description = changes.description;
      if (changes.perms !== undefined) {
        const dropped = type.perms.filter((p) => !changes.perms?.includes(p));
        type.perms = [...new Set(changes.perms)];
        if (dropped.length > 0) await this.dropGrants(em, id, dropped);
      }
      const saved = await em.save(type);
      await this.record(em, actor, 'resource_type', id, saved.name, 'update', { perms: saved.perms }, before);
      return saved;
    });
  }

  async removeType(actor: Principal, id: number): Promise<void> {
    this.acl.assertAdmin(actor, 'Managing ACL resources');
    await this.tx.run(async (em) => {
      const type = await em.findOneBy(AclResourceType, { id });
      if (!type) throw new NotFoundError('resource type', id);
      if (await em.existsBy(AclResource, { typeId: id })) {
        throw new InvalidInputError('type_id', `resource type "${type.name}" still has resources`);
      }
      await em.delete(AclResourceGroup, { typeId: id });
      await em.delete(AclResourceType, { id });
      await this.record(em, actor, 'resource_type', id, type.name, 'delete', null, { perms: type.perms });
    });
  }

  // --- resources

  listResources(filter: { search?: string; typeId?: number }, offset: number, limit: number) {
    const qb = this.dataSource.getRepository(AclResource).createQueryBuilder('r');
    if (filter.search) qb.andWhere(`r.name LIKE :like ${ESCAPE}`, { like: containing(filter.search) });
    if (filter.typeId !== undefined) qb.andWhere('r.typeId = :typeId', { typeId: filter.typeId });
    return qb.orderBy('r.id').skip(offset).take(limit).getManyAndCount();
  }

  async getResource(id: number): Promise<AclResource> {
    const resource = await this.dataSource.getRepository(AclResource).findOneBy({ id });
    if (!resource) throw new NotFoundError('resource', id);
    return resource;
  }

  /** The resource of a type by name, as the CMDB's own checks look it up. */
  async findResource(typeName: string, name: string): Promise<AclResource | null> {
    const type = await this.dataSource.getRepository(AclResourceType).findOneBy({ name: typeName });
    return type ? this.dataSource.getRepository(AclResource).findOneBy({ typeId: type.id, name }) : null;
  }

  async createResource(actor: Principal, name: string, typeId: number): Promise<AclResource> {
    this.acl.assertAdmin(actor, 'Managing ACL resources');
    this.checkName('name', name);
    return this.tx.run(async (em) => {
      if (!(await em.existsBy(AclResourceType, { id: typeId })))
        throw new NotFoundError('resource type', typeId, 'type_id');
      if (await em.existsBy(AclResource, { typeId, name }))
        throw new ConflictError(`resource "${name}" already exists`, 'name');
      const resource = await em.save(em.create(AclResource, { name, typeId }));
      await this.record(em, actor, 'resource', resource.id, name, 'create', { typeId });
      return resource;
    });
  }

  async renameResource(actor: Principal, id: number, name: string): Promise<AclResource> {
    this.acl.assertAdmin(actor, 'Managing ACL resources');
    this.checkName('name', name);
    return this.tx.run(async (em) => {
      const resource = await em.findOneBy(AclResource, { id });
      if (!resource) throw new NotFoundError('resource', id);
      if (name !== resource.name && (await em.existsBy(AclResource, { typeId: resource.typeId, name }))) {
        throw new ConflictError(`resource "${name}" already exists`, 'name');
      }
      const before = { name: resource.name };
      resource.name = name;
      const saved = await em.save(resource);
      await this.record(em, actor, 'resource', id, name, 'update', { name }, before);
      return saved;
    });
  }

  async removeResource(actor: Principal, id: number): Promise<void> {
    this.acl.assertAdmin(actor, 'Managing ACL resources');
    await this.tx.run(async (em) => {
      const resource = await em.findOneBy(AclResource, { id });
      if (!resource) throw new NotFoundError('resource', id);
      await em.delete(Grant, { resourceType: 'acl_resource', resourceId: String(id) });
      await em.delete(AclResource, { id });
      await this.record(em, actor, 'resource', id, resource.name, 'delete', null, { typeId: resource.typeId });
    });
  }

  // --- resources other modules keep in step with their own objects (a CMDB CI type is one)

  /** The resource type `name` with at least these permissions, created or extended in the caller's transaction. */
  async ensureTypeIn(em: EntityManager, name: string, perms: readonly string[]): Promise<AclResourceType> {
    const type = await em.findOneBy(AclResourceType, { name });
    if (!type) return em.save(em.create(AclResourceType, { name, perms: [...perms], description: null }));
    const missing = perms.filter((p) => !type.perms.includes(p));
    if (missing.length === 0) return type;
    type.perms = [...type.perms, ...missing];
    return em.save(type);
  }

  /** Creates the resource `name` of type `typeName` (and the type) unless it exists. */
  async ensureResourceIn(em: EntityManager, typeName: string, name: string, perms: readonly string[]): Promise<void> {
    const type = await this.ensureTypeIn(em, typeName, perms);
    if (await em.existsBy(AclResource, { typeId: type.id, name })) return;
    await em.save(em.create(AclResource, { typeId: type.id, name }));
  }

  /** Renames the resource with the object it stands for; its grants stay. */
  async renameResourceIn(em: EntityManager, typeName: string, from: string, to: string): Promise<void> {
    const type = await em.findOneBy(AclResourceType, { name: typeName });
    if (!type || from === to) return;
    // A resource already named `to` (made by hand before the object existed) is the one that counts.
    if (await em.existsBy(AclResource, { typeId: type.id, name: to })) {
      await this.removeResourceIn(em, typeName, from);
      return;
    }
    await em.update(AclResource, { typeId: type.id, name: from }, { name: to });
  }

  /** Removes the resource with the object it stands for, and every grant on it. */
  async removeResourceIn(em: EntityManager, typeName: string, name: string): Promise<void> {
    const type = await em.findOneBy(AclResourceType, { name: typeName });
    const resource = type && (await em.findOneBy(AclResource, { typeId: type.id, name }));
    if (!resource) return;
    await em.delete(Grant, { resourceType: 'acl_resource', resourceId: String(resource.id) });
    await em.delete(AclResource, { id: resource.id });
  }

  /** Every resource of a type, by name. */
  async resourcesOfType(typeName: string): Promise<AclResource[]> {
    const type = await this.dataSource.getRepository(AclResourceType).findOneBy({ name: typeName });
    return type ? this.dataSource.getRepository(AclResource).findBy({ typeId: type.id }) : [];
  }

  // --- resource groups

  listGroups(filter: { search?: string; typeId?: number }, offset: number, limit: number) {
    const qb = this.dataSource.getRepository(AclResourceGroup).createQueryBuilder('g');
    if (filter.search) qb.andWhere(`g.name LIKE :like ${ESCAPE}`, { like: containing(filter.search) });
    if (filter.typeId !== undefined) qb.andWhere('g.typeId = :typeId', { typeId: filter.typeId });
    return qb.orderBy('g.id').skip(offset).take(limit).getManyAndCount();
  }

  async createGroup(actor: Principal, name: string, typeId: number): Promise<AclResourceGroup> {
    this.acl.assertAdmin(actor, 'Managing ACL resources');
    this.checkName('name', name);
    return this.tx.run(async (em) => {
      if (!(await em.existsBy(AclResourceType, { id: typeId })))
        throw new NotFoundError('resource type', typeId, 'type_id');
      if (await em.existsBy(AclResourceGroup, { typeId, name })) {
        throw new ConflictError(`resource group "${name}" already exists`, 'name');
      }
      const group = await em.save(em.create(AclResourceGroup, { name, typeId }));
      await this.record(em, actor, 'resource_group', group.id, name, 'create', { typeId });
      return group;
    });
  }

  async groupItems(id: number): Promise<AclResource[]> {
    const group = await this.dataSource
      .getRepository(AclResourceGroup)
      .findOne({ where: { id }, relations: { items: true } });
    if (!group) throw new NotFoundError('resource group', id);
    return (group.items ?? []).sort((a, b) => a.id - b.id);
  }

  /** Replaces the group's members; each must be a resource of the group's type. */
  async setGroupItems(actor: Principal, id: number, resourceIds: number[]): Promise<AclResource[]> {
    this.acl.assertAdmin(actor, 'Managing ACL resources');
    return this.tx.run(async (em) => {
      const group = await em.findOneBy(AclResourceGroup, { id });
      if (!group) throw new NotFoundError('resource group', id);
      const items = resourceIds.length ? await em.findBy(AclResource, { id: In(resourceIds) }) : [];
      const bad = resourceIds.find((r) => !items.some((i) => i.id === r && i.typeId === group.typeId));
      if (bad !== undefined)
        throw new InvalidInputError('items', `resource ${bad} is not a resource of this group's type`);
      group.items = items;
      await em.save(group);
      await this.record(em, actor, 'resource_group', id, group.name, 'set_items', { items: items.map((i) => i.name) });
      return items.sort((a, b) => a.id - b.id);
    });
  }

  async removeGroup(actor: Principal, id: number): Promise<void> {
    this.acl.assertAdmin(actor, 'Managing ACL resources');
    await this.tx.run(async (em) => {
      const group = await em.findOneBy(AclResourceGroup, { id });
      if (!group) throw new NotFoundError('resource group', id);
      await em.delete(Grant, { resourceType: 'acl_resource_group', resourceId: String(id) });
      await em.delete(AclResourceGroup, { id });
      await this.record(em, actor, 'resource_group', id, group.name, 'delete', null, { typeId: group.typeId });
    });
  }

  private async dropGrants(em: EntityManager, typeId: number, perms: string[]): Promise<void> {
    const resources = await em.findBy(AclResource, { typeId });
    const groups = await em.findBy(AclResourceGroup, { typeId });
    for (const [type, ids] of [
      ['acl_resource', resources.map((r) => String(r.id))],
      ['acl_resource_group', groups.map((g) => String(g.id))],
    ] as const) {
      if (ids.length) await em.delete(Grant, { resourceType: type, resourceId: In(ids), permission: In(perms) });
    }
  }

  private checkName(field: string, name: string): void {
    if (typeof name !== 'string' || !NAME.test(name)) throw new InvalidInputError(field, 'must be 1-128 characters');
  }

  private checkPerms(perms: string[]): void {
    if (!Array.isArray(perms) || perms.some((p) => typeof p !== 'string' || !PERM.test(p))) {
      throw new InvalidInputError('perms', 'must be a list of permission names (letters, digits, _.:-)');
    }
  }

  private record(
    em: EntityManager,
    actor: Principal,
    targetType: string,
    targetId: number,
    targetName: string,
    operation: string,
    after: unknown,
    before: unknown = null,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: 'acl',
      targetType,
      targetId,
      targetName,
      operation,
      before,
      after,
    });
  }

  async getGroup(id: number): Promise<AclResourceGroup> {
    const group = await this.dataSource.getRepository(AclResourceGroup).findOneBy({ id });
    if (!group) throw new NotFoundError('resource group', id);
    return group;
  }
}
