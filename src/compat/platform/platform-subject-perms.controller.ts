import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { moduleRef } from '../../acl/acl.service';
import { GrantsService, Subject } from '../../acl/grants.service';
import { MODULE_PERMISSIONS, RESOURCE_PERMISSIONS } from '../../acl/permission-catalog';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import {
  PlatformAppPermsBody,
  PlatformAppPermsQuery,
  PlatformHostPermsBody,
  PlatformHostPermsQuery,
  PlatformModulePerms,
} from './dto/platform-perms.dto';
import type { PlatformPageQuery } from './dto/platform-page.query';
import {
  changesFrom,
  groupGrants,
  pageOf,
  permissionObject,
  PermissionSet,
  requestUrl,
  wireId,
} from './platform-acl-mapping';
import { oneOrMany } from './platform-body';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

type ResourceType = 'application' | 'host';

/** The field naming the resource in an authorization entry. */
const NAME_FIELD: Record<ResourceType, string> = { application: 'app_name', host: 'hostname' };

interface EntryInput {
  id: number;
  permission?: PermissionSet;
  permissions?: PermissionSet;
}

const user = (id: number): Subject => ({ type: 'user', id });
const role = (id: number): Subject => ({ type: 'role', id });

/**
 * What a user or a role may do: on applications, on hosts, and in modules ("system").
 * An application or host is its plain id until the inventory gives it a name.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller()
export class PlatformSubjectPermsController {
  constructor(private readonly grants: GrantsService) {}

  @Get('users/:id/application/perms')
  userAppPerms(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformAppPermsQuery,
    @Req() req: Request,
  ) {
    return this.list(actor, user(id), 'application', q.app_name, q, req);
  }

  @Get('roles/:id/application/perms')
  roleAppPerms(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformAppPermsQuery,
    @Req() req: Request,
  ) {
    return this.list(actor, role(id), 'application', q.app_name, q, req);
  }

  @Post('users/:id/application/perms')
  @HttpCode(200)
  grantUserApps(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformAppPermsBody,
  ) {
    return this.grant(actor, user(id), 'application', body.authorizations);
  }

  @Post('roles/:id/application/perms')
  @HttpCode(200)
  grantRoleApps(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformAppPermsBody,
  ) {
    return this.grant(actor, role(id), 'application', body.authorizations);
  }

  @Get('users/:id/host/perms')
  userHostPerms(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformHostPermsQuery,
    @Req() req: Request,
  ) {
    return this.list(actor, user(id), 'host', q.hostname, q, req);
  }

  @Get('roles/:id/host/perms')
  roleHostPerms(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformHostPermsQuery,
    @Req() req: Request,
  ) {
    return this.list(actor, role(id), 'host', q.hostname, q, req);
  }

  @Post('users/:id/host/perms')
  @HttpCode(200)
  grantUserHosts(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformHostPermsBody,
  ) {
    return this.grant(actor, user(id), 'host', body.authorizations);
  }

  @Post('roles/:id/host/perms')
  @HttpCode(200)
  grantRoleHosts(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformHostPermsBody,
  ) {
    return this.grant(actor, role(id), 'host', body.authorizations);
  }

  /** Body: `{module_name, permissions}` or a list of them. Unknown names: 400, error_code 30001. */
  @Post('users/:id/system/perms')
  @HttpCode(200)
  @ApiBody({ type: PlatformModulePerms })
  grantUserModules(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: unknown,
  ) {
    return this.grantModules(actor, user(id), body);
  }

  @Post('roles/:id/system/perms')
  @HttpCode(200)
  @ApiBody({ type: PlatformModulePerms })
  grantRoleModules(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: unknown,
  ) {
    return this.grantModules(actor, role(id), body);
  }

  private async list(
    actor: Principal,
    subject: Subject,
    type: ResourceType,
    name: string | undefined,
    q: PlatformPageQuery,
    req: Request,
  ) {
    const grants = await this.grants.listForSubjectAs(actor, subject, type);
    const catalog = RESOURCE_PERMISSIONS[type];
    const entries = [...groupGrants(grants, (g) => g.resourceId)]
      .map(([id, held]) => ({ id: wireId(id), [NAME_FIELD[type]]: null, permission: permissionObject(catalog, held) }))
      .sort((a, b) => Number(a.id) - Number(b.id));
    // Names come with the inventory; until then no resource has one, so a name filter matches none.
    const matching = name ? [] : entries;
    return PlatformEnvelope.page(
      pageOf(matching, q.page, q.page_size),
      matching.length,
      q.page,
      q.page_size,
      requestUrl(req),
    );
  }

  private async grant(actor: Principal, subject: Subject, type: ResourceType, entries: EntryInput[] = []) {
    const catalog = RESOURCE_PERMISSIONS[type];
    await this.grants.setPermissionsMany(
      actor,
      entries.map((e) => ({
        subject,
        ref: { type, id: e.id },
        changes: changesFrom(e.permission ?? e.permissions ?? {}, catalog),
      })),
    );
    return PlatformEnvelope.success();
  }

  private async grantModules(actor: Principal, subject: Subject, body: unknown) {
    const items = await oneOrMany(PlatformModulePerms, body);
    await this.grants.setPermissionsMany(
      actor,
      items.map((i) => ({
        subject,
        ref: moduleRef(i.module_name),
        changes: changesFrom(
          i.permissions,
          Object.hasOwn(MODULE_PERMISSIONS, i.module_name) ? MODULE_PERMISSIONS[i.module_name] : [],
        ),
      })),
    );
    return PlatformEnvelope.success();
  }
}
