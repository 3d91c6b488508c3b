import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Role } from '../../acl/entities/role.entity';
import { RolesService } from '../../acl/roles.service';
import { AuditService } from '../../audit/audit.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { offsetOf } from './dto/platform-page.query';
import { PlatformIdRef } from './dto/platform-id-ref.dto';
import {
  PlatformCreateRoleBody,
  PlatformRoleListQuery,
  PlatformRoleMembersQuery,
  PlatformUpdateRoleBody,
} from './dto/platform-role.dto';
import { PlatformRole, PlatformUser, requestUrl, toPlatformRole, toPlatformUser } from './platform-acl-mapping';
import { arrayBody } from './platform-body';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/** /roles/: roles and their members (seed 003). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('roles')
export class PlatformRolesController {
  constructor(
    private readonly roles: RolesService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async list(@Query() q: PlatformRoleListQuery, @Req() req: Request) {
    const [rows, total] = await this.roles.list(q.name, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(await this.withCreators(rows), total, q.page, q.page_size, requestUrl(req));
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformCreateRoleBody): Promise<PlatformRole> {
    const role = await this.roles.create(actor, { name: body.name, description: body.description });
    return toPlatformRole(role, actor.username);
  }

  @Get(':id')
  async get(@Param('id', PlatformIdPipe) id: number): Promise<PlatformRole> {
    const [role] = await this.withCreators([await this.roles.get(id)]);
    return role;
  }

  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformUpdateRoleBody,
  ): Promise<PlatformRole> {
    const [role] = await this.withCreators([
      await this.roles.update(actor, id, { name: body.name, description: body.description }),
    ]);
    return role;
  }

  @Delete(':id')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    await this.roles.remove(actor, id);
    return PlatformEnvelope.success();
  }

  /** The seed answers a bare array of user objects here, not a page. */
  @Get(':id/users')
  async members(
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformRoleMembersQuery,
  ): Promise<PlatformUser[]> {
    const [users] = await this.roles.members(id, offsetOf(q), q.page_size);
    return users.map((u) => toPlatformUser(u));
  }

  @Post(':id/users')
  @HttpCode(200)
  async addMembers(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) users: PlatformIdRef[],
  ) {
    await this.roles.changeMembers(
      actor,
      id,
      users.map((u) => u.id),
      'add',
    );
    return PlatformEnvelope.success();
  }

  @Delete(':id/users')
  async removeMembers(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) users: PlatformIdRef[],
  ) {
    await this.roles.changeMembers(
      actor,
      id,
      users.map((u) => u.id),
      'remove',
    );
    return PlatformEnvelope.success();
  }

  /** The seed's `creator`: who created each role, from its audit entry (none for roles made at start-up). */
  private async withCreators(roles: Role[]): Promise<PlatformRole[]> {
    const filter = {
      module: 'acl',
      targetType: 'role',
      operation: 'create',
      targetIds: roles.map((r) => String(r.id)),
    };
    const [created] = await this.audit.list(filter, 0, Math.max(roles.length, 1));
    const creator = new Map(created.map((e) => [e.targetId, e.operatorName]));
    return roles.map((role) => toPlatformRole(role, creator.get(String(role.id)) ?? null));
  }
}
