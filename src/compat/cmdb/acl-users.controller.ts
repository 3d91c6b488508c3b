import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { randomBytes } from 'node:crypto';
import { UserStatus } from '../../acl/entities/user.entity';
import { RolesService } from '../../acl/roles.service';
import { UsersService } from '../../acl/users.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { pageKeys, roleDict, userDict } from './acl-wire';
import { CmdbAppParams, CmdbIdPipe, CmdbParams, CmdbStrictParams } from './cmdb-params';
import { CreateUserParams, ListUsersParams, UpdateUserParams } from './dto/acl-params.dto';

/** CMDB users are our users; their `id2parents` are the roles they belong to. */
@ApiTags('cmdb')
@Controller('api/v1/acl/users')
export class AclUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly roles: RolesService,
  ) {}

  // The fixed paths come before `:uid` so they are not read as ids.

  /** `role.permissions` names the caller's roles and their ancestors, plus `admin` for administrators. */
  @Get('info')
  async info(@CurrentPrincipal() principal: Principal, @CmdbParams() _p: CmdbAppParams) {
    const user = await this.users.get(principal.userId);
    const names = (await this.roles.findByIds(principal.roleIds)).map((r) => r.name);
    if (principal.isAdmin && !names.includes('admin')) names.unshift('admin');
    return { result: { name: user.nickname ?? user.username, role: { permissions: names }, avatar: null } };
  }

  /** The caller's new pair; the only answer that ever carries a secret. */
  @Post('reset_key_secret')
  @HttpCode(200)
  resetKeySecret(@CurrentPrincipal() principal: Principal, @CmdbParams() _p: CmdbAppParams) {
    return this.users.resetKeySecret(principal);
  }

  @Put('reset_key_secret')
  resetKeySecretPut(@CurrentPrincipal() principal: Principal, @CmdbParams() _p: CmdbAppParams) {
    return this.users.resetKeySecret(principal);
  }

  @Get()
  async list(@CmdbParams() p: ListUsersParams) {
    const [rows, total] = await this.users.list({ search: p.q }, p.offset, p.page_size);
    return {
      ...pageKeys(total, p.page, p.page_size),
      id2parents: Object.fromEntries(rows.map((u) => [u.id, (u.roles ?? []).map(roleDict)])),
      users: rows.map(userDict),
    };
  }

  /** Unlike the original, the answer carries no key or secret: those come from `reset_key_secret` only. */
  @Post()
  @HttpCode(200)
  async create(@CurrentPrincipal() actor: Principal, @CmdbStrictParams() p: CreateUserParams) {
    const user = await this.users.create(actor, {
      username: p.username,
      email: p.email,
      // Without a password the account cannot log in until one is set or reset by mail.
      password: p.password ?? randomBytes(24).toString('base64url'),
      nickname: p.nickname,
      phone: p.mobile,
      department: p.department,
      isAdmin: p.is_admin,
    });
    return userDict(user);
  }

  /** `block` disables (true) or enables (false) the account; the other fields are the profile. */
  @Put(':uid')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('uid', CmdbIdPipe) uid: number,
    @CmdbStrictParams() p: UpdateUserParams,
  ) {
    const user = await this.users.update(actor, uid, {
      username: p.username,
      email: p.email,
      nickname: p.nickname,
      phone: p.mobile,
      department: p.department,
      isAdmin: p.is_admin,
      status: p.block === undefined ? undefined : p.block ? UserStatus.DISABLED : UserStatus.ENABLED,
    });
    return userDict(user);
  }

  @Delete(':uid')
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('uid', CmdbIdPipe) uid: number,
    @CmdbParams() _p: CmdbAppParams,
  ) {
    await this.users.remove(actor, uid);
    return { uid };
  }
}
