import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role } from '../../acl/entities/role.entity';
import { RolesService } from '../../acl/roles.service';
import { UsersService } from '../../acl/users.service';
import { OpsPageQuery } from './dto/ops-page.query';
import { OpsEnvelope } from './ops-envelope';

/** An ops permission is one of our roles: its code is the role id, the code a user's `permissions` lists. */
function toOpsPermission(role: Role) {
  return { permission: role.name, permission_desc: role.description ?? '', permission_code: role.id };
}

/** /api/permission: the permission groups (roles) there are, or those of one user. */
@ApiTags('ops')
@Controller('api/permission')
export class OpsPermissionsController {
  constructor(
    private readonly roles: RolesService,
    private readonly users: UsersService,
  ) {}

  @Get()
  async list(@Query() query: OpsPageQuery) {
    const start = query.start ?? 0;
    const count = query.count ?? 10;
    if (query.username !== undefined) {
      const user = await this.users.getByUsername(query.username);
      const roles = await this.users.rolesOf(user.id);
      return OpsEnvelope.list(roles.slice(start, start + count).map(toOpsPermission), roles.length);
    }
    const [roles, total] = await this.roles.list(undefined, start, count);
    return OpsEnvelope.list(roles.map(toOpsPermission), total);
  }
}
