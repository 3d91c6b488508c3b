import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, In, Repository } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError } from '../common/errors/domain-errors';
import { Grant } from './entities/grant.entity';
import { Role } from './entities/role.entity';
import { User, UserStatus } from './entities/user.entity';
import { managePermissionOf, moduleOfResource } from './permission-catalog';
import { Edge, reachable } from '../common/graph';

/** The part of a user authentication reads. */
export type AuthUser = Pick<User, 'id' | 'username' | 'status' | 'isAdmin'>;

// One row per direct role (or one with a null role): a GROUP_CONCAT would be cut at MySQL's
// group_concat_max_len for users with many roles.
const LOAD_USER_SQL =
  'SELECT u.`id`, u.`username`, u.`status`, u.`is_admin`, ur.`role_id`, ' +
  '(SELECT COUNT(1) FROM `revoked_tokens` rt WHERE rt.`token_id` = ?) AS revoked ' +
  'FROM `users` u LEFT JOIN `user_roles` ur ON ur.`user_id` = u.`id` WHERE u.`id` = ?';

/** What a permission is checked on: a module (`module`/`dns`), a host, an application, a CMDB ACL resource. */
export interface ResourceRef {
  type: string;
  id: string | number;
}

export const moduleRef = (name: string): ResourceRef => ({ type: 'module', id: name });

/**
 * The one place permissions are decided. Every service calls it, so GraphQL
 * and each REST family enforce the same rules. Nothing is cached: a revoke
 * takes effect on the next request.
 */
@Injectable()
export class AclService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Grant) private readonly grants: Repository<Grant>,
  ) {}

  /**
   * What authenticating a request needs, in one query: the user, whether the token was
   * logged out, and the user's own roles. It runs on every request, so its SQL is written once
   * (backquotes suit both dialects) and only the columns a principal needs are read.
   */
  async loadUser(
    userId: number,
    tokenId?: string,
  ): Promise<{ user: AuthUser | null; revoked: boolean; roleIds: number[] }> {
    const rows = (await this.dataSource.query(LOAD_USER_SQL, [tokenId ?? null, userId])) as {
      id: number | string;
      username: string;
      status: UserStatus;
      is_admin: number | string | boolean;
      role_id: number | string | null;
      revoked: number | string;
    }[];
    const row = rows[0];
    return {
      user: row
        ? { id: Number(row.id), username: row.username, status: row.status, isAdmin: Boolean(Number(row.is_admin)) }
        : null,
      revoked: Number(row?.revoked ?? 0) > 0,
      roleIds: rows.filter((r) => r.role_id !== null).map((r) => Number(r.role_id)),
    };
  }

  /** The principal for an authenticated user: its roles with their ancestors, and whether any is admin. */
  async principalOf(
    user: AuthUser,
    token?: { id: string; expiresAt: Date },
    directRoleIds?: number[],
  ): Promise<Principal> {
    const direct = directRoleIds ?? (await this.loadUser(user.id)).roleIds;
    // Most requests come from users without roles: they cost no more queries.
    const roleIds = direct.length ? [...reachable(direct, await this.roleEdges())] : [];
    const adminRole =
      !user.isAdmin &&
      roleIds.length > 0 &&
      (await this.dataSource.getRepository(Role).exists({ where: { id: In(roleIds), isAdmin: true } }));
    return {
      userId: user.id,
      username: user.username,
      isAdmin: user.isAdmin || adminRole,
      roleIds,
      tokenId: token?.id,
      tokenExpiresAt: token?.expiresAt,
    };
  }

  /** Every child → parent link between roles. */
  async roleEdges(): Promise<Edge[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(['rp.child_id AS childId', 'rp.parent_id AS parentId'])
      .from('role_parents', 'rp')
      .getRawMany<{ childId: number; parentId: number }>();
    return rows.map((r) => ({ from: Number(r.childId), to: Number(r.parentId) }));
  }

  /** Whether the principal holds `permission` on `resource` (or, without one, anywhere). */
  async can(principal: Principal, permission: string, resource?: ResourceRef): Promise<boolean> {
    if (principal.isAdmin) return true;
    const qb = this.grants.createQueryBuilder('g').where(this.subjectFilter(principal));
    if (!resource) return (await qb.andWhere('g.permission = :permission', { permission }).getExists()) === true;
    const targets = await this.targetsOf(resource);
    const module = moduleOfResource(resource.type);
    const manage = managePermissionOf(resource.type);
    qb.andWhere(
      new Brackets((or) => {
        targets.forEach((t, i) =>
          or.orWhere(`(g.permission = :permission AND g.resourceType = :t${i} AND g.resourceId = :i${i})`, {
            permission,
            [`t${i}`]: t.type,
            [`i${i}`]: String(t.id),
          }),
        );
        // The module's "manage" permission covers every permission on every resource of the type.
        if (module && manage) {
          or.orWhere("(g.permission = :manage AND g.resourceType = 'module' AND g.resourceId = :module)", {
            manage,
            module,
          });
        }
      }),
    );
    return (await qb.getExists()) === true;
  }

  /**
   * Whether user `userId` holds `permission` on `resource`, as `can` answers for that user signed
   * in: for a decision about someone else (handing them a review). Unknown or disabled: false.
   */
  async userCan(userId: number, permission: string, resource?: ResourceRef): Promise<boolean> {
    const { user, roleIds } = await this.loadUser(userId);
    if (!user || user.status !== UserStatus.ENABLED) return false;
    return this.can(await this.principalOf(user, undefined, roleIds), permission, resource);
  }

  /** Like `can`, but refuses with 403 naming what is missing. */
  async assert(principal: Principal, permission: string, resource?: ResourceRef): Promise<void> {
    if (await this.can(principal, permission, resource)) return;
    const on = resource ? ` on ${resource.type} ${resource.id}` : '';
    throw new ForbiddenError(`Permission ${permission}${on} required`);
  }

  assertAdmin(principal: Principal, what: string): void {
    if (!principal.isAdmin) throw new ForbiddenError(`${what} requires an administrator`);
  }

  /** For lists: the permissions (among `permissions`) the principal holds on each resource, in 2 queries. */
  async availableActions(
    principal: Principal,
    type: string,
    ids: readonly (string | number)[],
    permissions: readonly string[],
  ): Promise<Map<string, string[]>> {
    const result = new Map(ids.map((id) => [String(id), principal.isAdmin ? [...permissions] : []]));
    if (principal.isAdmin || ids.length === 0) return result;
    const module = moduleOfResource(type);
    const manage = managePermissionOf(type);
    const rows = await this.grants
      .createQueryBuilder('g')
      .select(['g.permission', 'g.resourceType', 'g.resourceId'])
      .where('g.permission IN (:...permissions)', { permissions: manage ? [...permissions, manage] : permissions })
      .andWhere(this.subjectFilter(principal))
      .andWhere(
        new Brackets((or) => {
          or.where('g.resourceType = :type AND g.resourceId IN (:...ids)', { type, ids: ids.map(String) });
          if (module) or.orWhere("g.resourceType = 'module' AND g.resourceId = :module", { module });
        }),
      )
      .getMany();
    const everywhere = new Set(rows.filter((r) => r.resourceType === 'module').map((r) => r.permission));
    if (manage && everywhere.has(manage)) permissions.forEach((p) => everywhere.add(p));
    for (const [id, actions] of result) {
      const here = new Set(rows.filter((r) => r.resourceType === type && r.resourceId === id).map((r) => r.permission));
      actions.push(...permissions.filter((p) => everywhere.has(p) || here.has(p)));
    }
    return result;
  }

  /**
   * Which of these CMDB ACL resources the principal holds `permission` on, directly or through a
   * resource group, itself or through its roles: two queries whatever the number of resources.
   */
  async grantedAclResources(
    principal: Principal,
    permission: string,
    resourceIds: readonly number[],
  ): Promise<Set<number>> {
    if (principal.isAdmin) return new Set(resourceIds);
    if (resourceIds.length === 0) return new Set();
    const grants = await this.grants
      .createQueryBuilder('g')
      .select(['g.resourceType', 'g.resourceId'])
      .where('g.permission = :permission', { permission })
      .andWhere("g.resourceType IN ('acl_resource', 'acl_resource_group')")
      .andWhere(this.subjectFilter(principal))
      .getMany();
    const granted = new Set(grants.filter((g) => g.resourceType === 'acl_resource').map((g) => Number(g.resourceId)));
    const groupIds = grants.filter((g) => g.resourceType === 'acl_resource_group').map((g) => Number(g.resourceId));
    if (groupIds.length > 0) {
      const items = await this.dataSource
        .createQueryBuilder()
        .select('i.resource_id', 'resourceId')
        .from('acl_resource_group_items', 'i')
        .where('i.group_id IN (:...groupIds)', { groupIds })
        .getRawMany<{ resourceId: number }>();
      items.forEach((i) => granted.add(Number(i.resourceId)));
    }
    return new Set(resourceIds.filter((id) => granted.has(id)));
  }

  /** Every grant that applies to the principal (its own and its roles'), for `myPermissions`. */
  effectiveGrants(principal: Principal): Promise<Grant[]> {
    return this.grants
      .createQueryBuilder('g')
      .where(this.subjectFilter(principal))
      .orderBy('g.resourceType')
      .addOrderBy('g.resourceId')
      .addOrderBy('g.permission')
      .getMany();
  }

  private subjectFilter(principal: Principal): Brackets {
    return new Brackets((or) => {
      or.where("(g.subjectType = 'user' AND g.subjectId = :uid)", { uid: principal.userId });
      if (principal.roleIds.length > 0) {
        or.orWhere("(g.subjectType = 'role' AND g.subjectId IN (:...rids))", { rids: principal.roleIds });
      }
    });
  }

  /** A grant on any of these covers the resource: itself, its module, the ACL groups holding it. */
  private async targetsOf(resource: ResourceRef): Promise<ResourceRef[]> {
    const targets = [resource];
    const module = moduleOfResource(resource.type);
    if (module) targets.push(moduleRef(module));
    if (resource.type === 'acl_resource') {
      const groups = await this.dataSource
        .createQueryBuilder()
        .select('i.group_id', 'groupId')
        .from('acl_resource_group_items', 'i')
        .where('i.resource_id = :id', { id: Number(resource.id) })
        .getRawMany<{ groupId: number }>();
      targets.push(...groups.map((g) => ({ type: 'acl_resource_group', id: g.groupId })));
    }
    return targets;
  }
}
