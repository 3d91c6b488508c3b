import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { UserStatus } from '../../acl/entities/user.entity';
import { UsersService } from '../../acl/users.service';
import { CurrentPrincipal, Public } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { offsetOf } from './dto/platform-page.query';
import { PlatformIdRef } from './dto/platform-id-ref.dto';
import {
  PlatformChangePasswordBody,
  PlatformForgetPasswordBody,
  PlatformUpdateUserBody,
  PlatformUserListQuery,
} from './dto/platform-user.dto';
import { PlatformUser, requestUrl, toPlatformUser } from './platform-acl-mapping';
import { arrayBody } from './platform-body';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/** /users/: accounts, their roles, enabling and passwords (seed 003). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('users')
export class PlatformUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(@Query() q: PlatformUserListQuery, @Req() req: Request) {
    const filter = { username: q.username, email: q.email, phone: q.phone, status: q.status };
    const [rows, total] = await this.users.list(filter, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(
      rows.map((u) => toPlatformUser(u)),
      total,
      q.page,
      q.page_size,
      requestUrl(req),
    );
  }

  @Get(':id')
  async get(@Param('id', PlatformIdPipe) id: number): Promise<PlatformUser> {
    return toPlatformUser(await this.users.get(id), await this.users.rolesOf(id));
  }

  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformUpdateUserBody,
  ): Promise<PlatformUser> {
    const user = await this.users.update(actor, id, {
      email: body.email,
      phone: body.phone,
      nickname: body.name,
      department: body.department,
    });
    return toPlatformUser(user, await this.users.rolesOf(id));
  }

  @Post(':id/roles')
  @HttpCode(200)
  async addRoles(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) roles: PlatformIdRef[],
  ) {
    await this.users.changeRoles(
      actor,
      id,
      roles.map((r) => r.id),
      'add',
    );
    return PlatformEnvelope.success();
  }

  @Delete(':id/roles')
  async removeRoles(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) roles: PlatformIdRef[],
  ) {
    await this.users.changeRoles(
      actor,
      id,
      roles.map((r) => r.id),
      'remove',
    );
    return PlatformEnvelope.success();
  }

  @Post(':id/actions/disable')
  @HttpCode(200)
  async disable(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    await this.users.setStatus(actor, id, UserStatus.DISABLED);
    return PlatformEnvelope.success();
  }

  @Post(':id/actions/enable')
  @HttpCode(200)
  async enable(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    await this.users.setStatus(actor, id, UserStatus.ENABLED);
    return PlatformEnvelope.success();
  }

  /** A wrong original password is error_code 300001 (the envelope maps the service's reason). */
  @Post(':id/actions/change-password')
  @HttpCode(200)
  async changePassword(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformChangePasswordBody,
  ) {
    await this.users.changePassword(actor, id, body.original_password, body.new_password);
    return PlatformEnvelope.success();
  }

  /** For someone who cannot log in: the same answer whether or not the address matched. */
  @Public()
  @Post(':id/actions/forget-password')
  @HttpCode(200)
  async forgetPassword(@Param('id', PlatformIdPipe) id: number, @Body() body: PlatformForgetPasswordBody) {
    await this.users.forgetPassword(id, body.email);
    return PlatformEnvelope.success();
  }
}
