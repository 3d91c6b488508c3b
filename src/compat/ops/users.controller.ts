import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role } from '../../acl/entities/role.entity';
import { User } from '../../acl/entities/user.entity';
import { UsersService } from '../../acl/users.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { OpsPageQuery } from './dto/ops-page.query';
import { OpsAddUsers, OpsDeleteUserArgs, OpsUpdateUser, OpsUserActionBody } from './dto/ops-user.dto';
import { parseCodes, parseData, validateBody } from './ops-body';
import { OpsEnvelope } from './ops-envelope';
import { withWireFields } from '../wire-fields';

/** An ops user: `permissions` holds the codes (role ids) of the user's permission groups (roles). */
function toOpsUser(user: User, roles: Role[]) {
  return {
    id: user.id,
    mail: user.email ?? '',
    username: user.username,
    nickname: user.nickname ?? '',
    department: user.department ?? '',
    permissions: roles
      .map((r) => r.id)
      .sort((a, b) => a - b)
      .join(','),
  };
}

/** /api/user: accounts; permission groups are roles, set through `permissions`. */
@ApiTags('ops')
@Controller('api/user')
export class OpsUsersController {
  constructor(private readonly users: UsersService) {}

  /** With `username`, that user (start and count are not read); else a page of `{data, count}`. */
  @Get()
  async list(@Query() query: OpsPageQuery) {
    if (query.username !== undefined) {
      const user = await this.users.getByUsername(query.username);
      return OpsEnvelope.ok(toOpsUser(user, await this.users.rolesOf(user.id)));
    }
    const [users, total] = await this.users.list({}, query.start ?? 0, query.count ?? 10);
    return OpsEnvelope.list(
      users.map((u) => toOpsUser(u, u.roles ?? [])),
      total,
    );
  }

  @Post()
  @HttpCode(200)
  async change(@CurrentPrincipal() actor: Principal, @Body() body: OpsUserActionBody) {
    const data = parseData(body.data);
    if (body.action === 'add') {
      // The seed sends a list; a single object is read as a list of one.
      const add = await validateBody(OpsAddUsers, { action: 'add', data: Array.isArray(data) ? data : [data] });
      await withWireFields({ password: 'passwd', email: 'mail', roles: 'permissions' }, () =>
        this.users.createMany(
          actor,
          add.data.map((u) => ({
            username: u.username,
            password: u.passwd,
            email: u.mail,
            department: u.department,
            nickname: u.nickname,
            roleIds: parseCodes(u.permissions),
          })),
        ),
      );
      return OpsEnvelope.ok('add user ok');
    }
    if (Array.isArray(data)) throw new InvalidInputError('data', 'must be one user object for update');
    const { data: changes } = await validateBody(OpsUpdateUser, { action: 'update', data });
    const user = await this.users.getByUsername(changes.username);
    const password =
      changes.new_passwd !== undefined ? { original: changes.old_passwd, next: changes.new_passwd } : undefined;
    await withWireFields(
      { new_password: 'new_passwd', original_password: 'old_passwd', email: 'mail', roles: 'permissions' },
      () =>
        this.users.updateAccount(
          actor,
          user.id,
          { email: changes.mail, department: changes.department, nickname: changes.nickname },
          password,
          changes.permissions !== undefined ? { ids: parseCodes(changes.permissions), mode: 'set' } : undefined,
        ),
    );
    return OpsEnvelope.ok('update user ok');
  }

  @Delete()
  @HttpCode(200)
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Query() query: OpsDeleteUserArgs,
    @Body() body: OpsDeleteUserArgs,
  ) {
    const username = query.username ?? body.username;
    if (username === undefined) throw new InvalidInputError('username', 'is required');
    const user = await this.users.getByUsername(username);
    await this.users.remove(actor, user.id);
    return OpsEnvelope.ok('delete user ok');
  }
}
