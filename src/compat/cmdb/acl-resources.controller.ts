import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AclResourcesService } from '../../acl/acl-resources.service';
import type { ResourceRef } from '../../acl/acl.service';
import { GrantsService } from '../../acl/grants.service';
import { RolesService } from '../../acl/roles.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { groupDict, pageKeys, permDicts, resourceDict, resourceTypeDict } from './acl-wire';
import { CMDB_APP_ID, CmdbAppParams, CmdbIdPipe, CmdbParams } from './cmdb-params';
import {
  CreateResourceParams,
  CreateResourceTypeParams,
  GroupItemsParams,
  ListResourcesParams,
  ListResourceTypesParams,
  RenameResourceParams,
  UpdateResourceTypeParams,
} from './dto/acl-params.dto';

/** Resource types (with their permission names), resources and resource groups of the CMDB ACL. */
@ApiTags('cmdb')
@Controller('api/v1/acl')
export class AclResourcesController {
  constructor(
    private readonly resources: AclResourcesService,
    private readonly grants: GrantsService,
    private readonly roles: RolesService,
  ) {}

  // --- resource types

  /** The list key really is `groups` in the original. */
  @Get('resource_types')
  async listTypes(@CmdbParams() p: ListResourceTypesParams) {
    const [rows, total] = await this.resources.listTypes(p.q, p.offset, p.page_size);
    return {
      ...pageKeys(total, p.page, p.page_size),
      groups: rows.map(resourceTypeDict),
      id2perms: Object.fromEntries(rows.map((t) => [t.id, permDicts(t)])),
    };
  }

  @Post('resource_types')
  @HttpCode(200)
  async createType(@CurrentPrincipal() actor: Principal, @CmdbParams() p: CreateResourceTypeParams) {
    return resourceTypeDict(await this.resources.createType(actor, p.name, p.perms ?? [], p.description));
  }

  /** Permission names left out of a new `perms` lose their grants. */
  @Put('resource_types/:id')
  async updateType(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: UpdateResourceTypeParams,
  ) {
    const type = await this.resources.updateType(actor, id, {
      name: p.name,
      perms: p.perms,
      description: p.description,
    });
    return resourceTypeDict(type);
  }

  /** Refused (400) while the type still has resources. */
  @Delete('resource_types/:id')
  async removeType(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbAppParams,
  ) {
    await this.resources.removeType(actor, id);
    return { type_id: id };
  }

  @Get('resource_types/:id/perms')
  async typePerms(@Param('id', CmdbIdPipe) id: number, @CmdbParams() _p: CmdbAppParams) {
    return permDicts(await this.resources.getType(id));
  }

  // --- resources

  @Get('resources')
  async listResources(@CmdbParams() p: ListResourcesParams) {
    const typeId = p.resource_type_id ?? p.type_id;
    const [rows, total] = await this.resources.listResources({ search: p.q, typeId }, p.offset, p.page_size);
    return { ...pageKeys(total, p.page, p.page_size), resources: rows.map(resourceDict) };
  }

  @Post('resources')
  @HttpCode(200)
  async createResource(@CurrentPrincipal() actor: Principal, @CmdbParams() p: CreateResourceParams) {
    return resourceDict(await this.resources.createResource(actor, p.name, p.type_id));
  }

  @Put('resources/:id')
  async renameResource(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: RenameResourceParams,
  ) {
    return resourceDict(await this.resources.renameResource(actor, id, p.name));
  }

  /** Also drops the grants on the resource. */
  @Delete('resources/:id')
  async removeResource(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbAppParams,
  ) {
    await this.resources.removeResource(actor, id);
    return { resource_id: id };
  }

  @Get('resources/:id/permissions')
  async resourcePermissions(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbAppParams,
  ) {
    const resource = await this.resources.getResource(id);
    return this.permissionsOn(actor, { type: 'acl_resource', id }, resource.typeId);
  }

  // --- resource groups

  @Get('resource_groups')
  async listGroups(@CmdbParams() p: ListResourcesParams) {
    const typeId = p.resource_type_id ?? p.type_id;
    const [rows, total] = await this.resources.listGroups({ search: p.q, typeId }, p.offset, p.page_size);
    return { ...pageKeys(total, p.page, p.page_size), groups: rows.map(groupDict) };
  }

  @Post('resource_groups')
  @HttpCode(200)
  async createGroup(@CurrentPrincipal() actor: Principal, @CmdbParams() p: CreateResourceParams) {
    return groupDict(await this.resources.createGroup(actor, p.name, p.type_id));
  }

  /** Replaces the group's members; answers the resources now in it. */
  @Put('resource_groups/:id')
  async setItems(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: GroupItemsParams,
  ) {
    return (await this.resources.setGroupItems(actor, id, [...new Set(p.items)])).map(resourceDict);
  }

  @Get('resource_groups/:id/items')
  async items(@Param('id', CmdbIdPipe) id: number, @CmdbParams() _p: CmdbAppParams) {
    return (await this.resources.groupItems(id)).map(resourceDict);
  }

  /** Also drops the grants on the group. */
  @Delete('resource_groups/:id')
  async removeGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbAppParams,
  ) {
    await this.resources.removeGroup(actor, id);
    return { group_id: id };
  }

  @Get('resource_groups/:id/permissions')
  async groupPermissions(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbAppParams,
  ) {
    const group = await this.resources.getGroup(id);
    return this.permissionsOn(actor, { type: 'acl_resource_group', id }, group.typeId);
  }

  /** `{<role name>: [perm + rid]}`: the roles granted something directly on the resource or group. */
  private async permissionsOn(actor: Principal, ref: ResourceRef, typeId: number) {
    const grants = await this.grants.listForResourceAs(actor, ref, 'role');
    const result: Record<string, { name: string; resource_type_id: number; app_id: number; rid: number }[]> = {};
    const names = new Map<number, string>();
    for (const g of grants) {
      if (!names.has(g.subjectId)) names.set(g.subjectId, (await this.roles.get(g.subjectId)).name);
      (result[names.get(g.subjectId) as string] ??= []).push({
        name: g.permission,
        resource_type_id: typeId,
        app_id: CMDB_APP_ID,
        rid: g.subjectId,
      });
    }
    return result;
  }
}
