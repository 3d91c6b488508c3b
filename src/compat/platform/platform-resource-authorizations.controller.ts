import { Body, Controller, Get, Param, Patch, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ResourceRef } from '../../acl/acl.service';
import type { SubjectType } from '../../acl/entities/grant.entity';
import { GrantsService } from '../../acl/grants.service';
import { RESOURCE_PERMISSIONS } from '../../acl/permission-catalog';
import { RolesService } from '../../acl/roles.service';
import { UsersService } from '../../acl/users.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';

import { PlatformPageQuery } from './dto/platform-page.query';
import { PlatformRoleAuthorizationChange, PlatformUserAuthorizationChange } from './dto/platform-perms.dto';
import { changesFrom, groupGrants, pageOf, permissionObject, requestUrl } from './platform-acl-mapping';
import { arrayBody } from './platform-body';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

type ResourceType = 'application' | 'host';

interface Change {
  subjectId: number;
  action: 'update' | 'delete';
  permission?: Record<string, boolean> | string[];
}

const app = (id: number): ResourceRef => ({ type: 'application', id });
const host = (id: number): ResourceRef => ({ type: 'host', id });

/**
 * Who may do what on one application or host, seen from the resource. The seed writes both
 * `/hosts/` and `/host/` for these paths, so both are served.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller()
export class PlatformResourceAuthorizationsController {
  constructor(
    private readonly grants: GrantsService,
    private readonly users: UsersService,
    private readonly roles: RolesService,
  ) {}

  @Get('applications/:id/authorization/users')
  appUsers(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformPageQuery,
    @Req() req: Request,
  ) {
    return this.list(actor, app(id), 'user', q, req);
  }

  @Get('applications/:id/authorization/roles')
  appRoles(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformPageQuery,
    @Req() req: Request,
  ) {
    return this.list(actor, app(id), 'role', q, req);
  }

  @Get(['hosts/:id/authorization/users', 'host/:id/authorization/users'])
  hostUsers(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformPageQuery,
    @Req() req: Request,
  ) {
    return this.list(actor, host(id), 'user', q, req);
  }

  @Get(['hosts/:id/authorization/roles', 'host/:id/authorization/roles'])
  hostRoles(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformPageQuery,
    @Req() req: Request,
  ) {
    return this.list(actor, host(id), 'role', q, req);
  }

  @Patch('applications/:id/authorization/users')
  @ApiBody({ type: [PlatformUserAuthorizationChange] })
  updateAppUsers(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformUserAuthorizationChange)) body: PlatformUserAuthorizationChange[],
  ) {
    return this.update(
      actor,
      app(id),
      'user',
      body.map((c) => ({ ...c, subjectId: c.user.id })),
    );
  }

  @Patch('applications/:id/authorization/roles')
  @ApiBody({ type: [PlatformRoleAuthorizationChange] })
  updateAppRoles(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformRoleAuthorizationChange)) body: PlatformRoleAuthorizationChange[],
  ) {
    return this.update(
      actor,
      app(id),
      'role',
      body.map((c) => ({ ...c, subjectId: c.role.id })),
    );
  }

  @Patch(['hosts/:id/authorization/users', 'host/:id/authorization/users'])
  @ApiBody({ type: [PlatformUserAuthorizationChange] })
  updateHostUsers(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformUserAuthorizationChange)) body: PlatformUserAuthorizationChange[],
  ) {
    return this.update(
      actor,
      host(id),
      'user',
      body.map((c) => ({ ...c, subjectId: c.user.id })),
    );
  }

  @Patch(['hosts/:id/authorization/roles', 'host/:id/authorization/roles'])
  @ApiBody({ type: [PlatformRoleAuthorizationChange] })
  updateHostRoles(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformRoleAuthorizationChange)) body: PlatformRoleAuthorizationChange[],
  ) {
    return this.update(
      actor,
      host(id),
      'role',
      body.map((c) => ({ ...c, subjectId: c.role.id })),
    );
  }

  private async list(actor: Principal, ref: ResourceRef, subjectType: SubjectType, q: PlatformPageQuery, req: Request) {
    const grants = await this.grants.listForResourceAs(actor, ref, subjectType);
    const catalog = RESOURCE_PERMISSIONS[ref.type];
    const groups = [...groupGrants(grants, (g) => g.subjectId)];
    const page = pageOf(groups, q.page, q.page_size);
    const ids = page.map(([subjectId]) => subjectId);
    const names = new Map<number, string>(
      subjectType === 'user'
        ? (await this.users.findByIds(ids)).map((u) => [u.id, u.username])
        : (await this.roles.findByIds(ids)).map((r) => [r.id, r.name]),
    );
    const results = page.map(([subjectId, held]) => {
      const permission = permissionObject(catalog, held);
      const name = names.get(subjectId) ?? null;
      return subjectType === 'user'
        ? { user: { id: subjectId, username: name }, permission }
        : { role: { id: subjectId, name }, permission };
    });
    return PlatformEnvelope.page(results, groups.length, q.page, q.page_size, requestUrl(req));
  }

  /** `update` changes what its permission names; `delete` revokes everything the subject holds there. */
  private async update(actor: Principal, ref: ResourceRef, subjectType: SubjectType, changes: Change[]) {
    const catalog = RESOURCE_PERMISSIONS[ref.type as ResourceType];
    await this.grants.setPermissionsMany(
      actor,
      changes.map((c) => ({
        subject: { type: subjectType, id: c.subjectId },
        ref,
        changes: c.action === 'delete' ? changesFrom([], catalog) : changesFrom(c.permission ?? {}, catalog),
      })),
    );
    return PlatformEnvelope.success();
  }
}
