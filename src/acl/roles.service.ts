import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Transactions } from '../database/transactions';
import { AuditService } from '../audit/audit.service';
import { containing, ESCAPE } from '../database/like';
import type { Principal } from '../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { AclService } from './acl.service';
import { Grant } from './entities/grant.entity';
import { Role } from './entities/role.entity';
import { User } from './entities/user.entity';
import { wouldCycle } from '../common/graph';

export interface RoleInput {
  name?: string;
  description?: string | null;
  isAdmin?: boolean;
}

const ROLE_NAME = /^[^\s/][^/]{0,63}$/;

/** Roles, their parents (inheritance) and their members. */
@Injectable()
export class RolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    @InjectRepository(Role) private readonly roles: Repository<Role>,
    private readonly acl: AclService,
    private readonly audit: AuditService,
  ) {}

  async get(id: number): Promise<Role> {
    const role = await this.roles.findOneBy({ id });
    if (!role) throw new NotFoundError('role', id);
    return role;
  }

  /** Roles by id, in one query; ids that do not exist are left out. */
  findByIds(ids: readonly number[]): Promise<Role[]> {
    return ids.length ? this.roles.find({ where: { id: In([...ids]) }, order: { id: 'ASC' } }) : Promise.resolve([]);
  }

  async list(search: string | undefined, offset: number, limit: number): Promise<[Role[], number]> {
    const qb = this.roles.createQueryBuilder('r');
    if (search) {
      qb.where(`r.name LIKE :like ${ESCAPE}`, { like: containing(search) });
    }
    return qb.orderBy('r.id').skip(offset).take(limit).getManyAndCount();
  }

  /** Direct parents of each role, for lists. */
  async parentsOf(roleIds: number[]): Promise<Map<number, Role[]>> {
    const result = new Map(roleIds.map((id) => [id, [] as Role[]]));
    if (roleIds.length === 0) return result;
    const edges = (await this.acl.roleEdges()).filter((e) => result.has(e.from));
    const parents = edges.length ? await this.roles.findBy({ id: In(edges.map((e) => e.to)) }) : [];
    for (const e of edges) {
      const p = parents.find((r) => r.id === e.to);
      if (p) result.get(e.from)?.push(p);
    }
    return result;
  }

  async members(roleId: number, offset: number, limit: number): Promise<[User[], number]> {
    await this.get(roleId);
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin('user_roles', 'ur', 'ur.user_id = u.id AND ur.role_id = :roleId', { roleId })
      .orderBy('u.id')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
  }

  async create(actor: Principal, input: RoleInput & { name: string }): Promise<Role> {
    this.acl.assertAdmin(actor, 'Managing roles');
    this.checkName(input.name);
    return this.tx.run(async (em) => {
      if (await em.existsBy(Role, { name: input.name })) {
        throw new ConflictError(`role "${input.name}" already exists`, 'name');
      }
      const role = await em.save(
        em.create(Role, { name: input.name, description: input.description ?? null, isAdmin: input.isAdmin ?? false }),
      );
      await this.record(em, actor, role, 'create', null, { name: role.name, isAdmin: role.isAdmin });
      return role;
    });
  }

  async update(actor: Principal, id: number, input: RoleInput): Promise<Role> {
    this.acl.assertAdmin(actor, 'Managing roles');
    if (input.name !== undefined) this.checkName(input.name);
    return this.tx.run(async (em) => {
      const role = await this.lock(em, id);
      const before = { name: role.name, description: role.description, isAdmin: role.isAdmin };
      if (input.name !== undefined && input.name !== role.name && (await em.existsBy(Role, { name: input.name }))) {
        throw new ConflictError(`role "${input.name}" already exists`, 'name');
      }
      Object.assign(role, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.isAdmin !== undefined ? { isAdmin: input.isAdmin } : {}),
      });
      const saved = await em.save(role);
      await this.record(em, actor, saved, 'update', before, {
        name: saved.name,
        description: saved.description,
        isAdmin: saved.isAdmin,
      });
      return saved;
    });
  }

  /** Deletes the role with its memberships, parent links and grants. */
  async remove(actor: Principal, id: number): Promise<void> {
    this.acl.assertAdmin(actor, 'Managing roles');
    await this.tx.run(async (em) => {
      const role = await this.lock(em, id);
      await em.delete(Grant, { subjectType: 'role', subjectId: id });
      await em.remove(role);
      await this.record(em, actor, { ...role, id }, 'delete', { name: role.name }, null);
    });
  }

  /** Makes `parentId` a parent of `childId`: the child inherits the parent's grants. */
  async addParent(actor: Principal, childId: number, parentId: number): Promise<void> {
    this.acl.assertAdmin(actor, 'Managing roles');
    await this.tx.run(async (em) => {
      const child = await this.lock(em, childId);
      const parent = await this.lock(em, parentId, 'parent_id');
      const edges = await this.acl.roleEdges();
      if (edges.some((e) => e.from === childId && e.to === parentId)) {
        throw new ConflictError(`role "${parent.name}" is already a parent of "${child.name}"`, 'parent_id');
      }
      if (wouldCycle(childId, parentId, edges)) {
        throw new InvalidInputError(
          'parent_id',
          `making "${parent.name}" a parent of "${child.name}" would create a cycle`,
        );
      }
      await em
        .createQueryBuilder()
        .insert()
        .into('role_parents')
        .values({ child_id: childId, parent_id: parentId })
        .execute();
      await this.record(em, actor, child, 'add_parent', null, { parent: parent.name });
    });
  }

  async removeParent(actor: Principal, childId: number, parentId: number): Promise<void> {
    this.acl.assertAdmin(actor, 'Managing roles');
    await this.tx.run(async (em) => {
      const child = await this.lock(em, childId);
      const parent = await this.lock(em, parentId, 'parent_id');
      const result = await em
        .createQueryBuilder()
        .delete()
        .from('role_parents')
        .where('child_id = :childId AND parent_id = :parentId', { childId, parentId })
        .execute();
      if (!result.affected) {
        throw new InvalidInputError('parent_id', `role "${parent.name}" is not a parent of "${child.name}"`);
      }
      await this.record(em, actor, child, 'remove_parent', { parent: parent.name }, null);
    });
  }

  /** Adds or removes members of a role. */
  async changeMembers(actor: Principal, roleId: number, userIds: number[], mode: 'add' | 'remove'): Promise<void> {
    this.acl.assertAdmin(actor, 'Managing roles');
    await this.tx.run(async (em) => {
      const role = await this.lock(em, roleId);
      const users = userIds.length ? await em.findBy(User, { id: In(userIds) }) : [];
      const missing = userIds.find((u) => !users.some((x) => x.id === u));
      if (missing !== undefined) throw new NotFoundError('user', missing, 'users');
      const relation = em.createQueryBuilder().relation(Role, 'users').of(role);
      const current = new Set((await relation.loadMany<User>()).map((u) => u.id));
      if (mode === 'add') await relation.add(userIds.filter((u) => !current.has(u)));
      else await relation.remove(userIds.filter((u) => current.has(u)));
      await this.record(em, actor, role, mode === 'add' ? 'add_members' : 'remove_members', null, {
        users: users.map((u) => u.username),
      });
    });
  }

  private checkName(name: string): void {
    if (typeof name !== 'string' || !ROLE_NAME.test(name)) {
      throw new InvalidInputError('name', 'must be 1-64 characters, without slashes');
    }
  }

  private async lock(em: EntityManager, id: number, field = 'id'): Promise<Role> {
    const role = await em.findOneBy(Role, { id });
    if (!role) throw new NotFoundError('role', id, field);
    return role;
  }

  private record(em: EntityManager, actor: Principal, role: Role, operation: string, before: unknown, after: unknown) {
    return this.audit.record(em, {
      operator: actor,
      module: 'acl',
      targetType: 'role',
      targetId: role.id,
      targetName: role.name,
      operation,
      before,
      after,
    });
  }
}
