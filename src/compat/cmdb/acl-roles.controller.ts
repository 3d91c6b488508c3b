import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GrantsService } from '../../acl/grants.service';
import { RolesService } from '../../acl/roles.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { pageKeys, roleDict } from './acl-wire';
import { CmdbAppParams, CmdbIdPipe, CmdbParams, CmdbStrictParams } from './cmdb-params';
import {
  CreateRoleParams,
  ListRolesParams,
  PermsParams,
  UpdateRoleParams,
  RoleParentParams,
} from './dto/acl-params.dto';

/** CMDB roles are our roles; `is_app_admin` is the role's admin flag. */
@ApiTags('cmdb')
@Controller('api/v1/acl/roles')
export class AclRolesController {
  constructor(
    private readonly roles: RolesService,
    private readonly grants: GrantsService,
  ) {}

  /** Every role, with its direct parents in `id2parents`. `user_role` changes nothing: there are no personal roles. */
  @Get()
  async list(@CmdbParams() p: ListRolesParams) {
    const [rows, total] = await this.roles.list(p.q, p.offset, p.page_size);
    const parents = await this.roles.parentsOf(rows.map((r) => r.id));
    return {
      ...pageKeys(total, p.page, p.page_size),
      id2parents: Object.fromEntries([...parents].map(([id, ps]) => [id, ps.map(roleDict)])),
      roles: rows.map(roleDict),
    };
  }

  @Post()
  @HttpCode(200)
  async create(@CurrentPrincipal() actor: Principal, @CmdbStrictParams() p: CreateRoleParams) {
    const role = await this.roles.create(actor, {
      name: p.name,
      description: p.description,
      isAdmin: p.is_app_admin,
    });
    return roleDict(role);
  }

  @Put(':rid')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('rid', CmdbIdPipe) rid: number,
    @CmdbStrictParams() p: UpdateRoleParams,
  ) {
    const role = await this.roles.update(actor, rid, {
      name: p.name,
      description: p.description,
      isAdmin: p.is_app_admin,
    });
    return roleDict(role);
  }

  /** Also drops the role's parent links, memberships and grants. */
  @Delete(':rid')
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('rid', CmdbIdPipe) rid: number,
    @CmdbParams() _p: CmdbAppParams,
  ) {
    await this.roles.remove(actor, rid);
    return { rid };
  }

  /** The relation has no id of its own here: it is the (parent, child) pair. */
  @Post(':childId/parents')
  @HttpCode(200)
  async addParent(
    @CurrentPrincipal() actor: Principal,
    @Param('childId', CmdbIdPipe) childId: number,
    @CmdbParams() p: RoleParentParams,
  ) {
    await this.roles.addParent(actor, childId, p.parent_id);
    return { parent_id: p.parent_id, child_id: childId };
  }

  @Delete(':childId/parents')
  async removeParent(
    @CurrentPrincipal() actor: Principal,
    @Param('childId', CmdbIdPipe) childId: number,
    @CmdbParams() p: RoleParentParams,
  ) {
    await this.roles.removeParent(actor, childId, p.parent_id);
    return { parent_id: p.parent_id, child_id: childId };
  }

  @Post(':rid/resources/:resourceId/grant')
  @HttpCode(200)
  grantOnResource(
    @CurrentPrincipal() actor: Principal,
    @Param('rid', CmdbIdPipe) rid: number,
    @Param('resourceId', CmdbIdPipe) resourceId: number,
    @CmdbParams() p: PermsParams,
  ) {
    return this.change(actor, rid, { resourceId }, p.perms, true);
  }

  @Post(':rid/resources/:resourceId/revoke')
  @HttpCode(200)
  revokeOnResource(
    @CurrentPrincipal() actor: Principal,
    @Param('rid', CmdbIdPipe) rid: number,
    @Param('resourceId', CmdbIdPipe) resourceId: number,
    @CmdbParams() p: PermsParams,
  ) {
    return this.change(actor, rid, { resourceId }, p.perms, false);
  }

  @Post(':rid/resource_groups/:groupId/grant')
  @HttpCode(200)
  grantOnGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('rid', CmdbIdPipe) rid: number,
    @Param('groupId', CmdbIdPipe) groupId: number,
    @CmdbParams() p: PermsParams,
  ) {
    return this.change(actor, rid, { groupId }, p.perms, true);
  }

  @Post(':rid/resource_groups/:groupId/revoke')
  @HttpCode(200)
  revokeOnGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('rid', CmdbIdPipe) rid: number,
    @Param('groupId', CmdbIdPipe) groupId: number,
    @CmdbParams() p: PermsParams,
  ) {
    return this.change(actor, rid, { groupId }, p.perms, false);
  }

  /** Permission names are those of the resource's type; any other is a 400. */
  private async change(
    actor: Principal,
    rid: number,
    target: { resourceId?: number; groupId?: number },
    perms: string[],
    on: boolean,
  ) {
    const ref =
      target.resourceId !== undefined
        ? { type: 'acl_resource', id: target.resourceId }
        : { type: 'acl_resource_group', id: target.groupId ?? 0 };
    const names = [...new Set(perms)];
    await this.grants.setAclResourcePermissions(
      actor,
      { type: 'role', id: rid },
      ref,
      Object.fromEntries(names.map((n) => [n, on])),
    );
    return { rid, resource_id: target.resourceId ?? null, group_id: target.groupId ?? null, perms: names };
  }
}
