import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AclService } from '../../acl/acl.service';
import { AUTHORIZE_MODULE, AUTHORIZE_RESOURCE } from '../../acl/grants.service';
import { RolesService } from '../../acl/roles.service';
import { UsersService } from '../../acl/users.service';
import { AuditFilter, AuditService } from '../../audit/audit.service';
import type { AuditEntry } from '../../audit/entities/audit-entry.entity';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { MAX_PAGE_SIZE } from '../../common/pagination/page.args';
import { offsetOf } from './dto/platform-page.query';
import {
  PlatformModuleOperationsQuery,
  PlatformResourceOperationsQuery,
} from './dto/platform-authorize-operations.query';
import { requestUrl, toModuleOperation, toResourceOperation } from './platform-acl-mapping';
import { PlatformEnvelope } from './platform-envelope';

type OperationsQuery = PlatformModuleOperationsQuery | PlatformResourceOperationsQuery;

/**
 * The permission detail (module, resource, permission, on/off) lives in each audit entry's
 * snapshot, which the audit log does not query into: filters on it are refused, not ignored.
 */
function refuseSnapshotFilters(q: object, fields: readonly string[]): void {
  const given = fields.find((f) => (q as Record<string, unknown>)[f] !== undefined);
  if (given) throw new InvalidInputError(given, 'filtering by this field is not supported');
}

/** /audit/authorize-operations/: who granted or revoked which permission, for administrators. */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('audit/authorize-operations')
export class PlatformAuthorizeOperationsController {
  constructor(
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly roles: RolesService,
  ) {}

  @Get('modules')
  modules(@CurrentPrincipal() actor: Principal, @Query() q: PlatformModuleOperationsQuery, @Req() req: Request) {
    refuseSnapshotFilters(q, ['module_name', 'perm_name', 'action']);
    return this.page(actor, AUTHORIZE_MODULE, q, req, toModuleOperation);
  }

  @Get('resources')
  resources(@CurrentPrincipal() actor: Principal, @Query() q: PlatformResourceOperationsQuery, @Req() req: Request) {
    refuseSnapshotFilters(q, ['resource_type', 'resource_id', 'perm_name', 'action']);
    return this.page(actor, AUTHORIZE_RESOURCE, q, req, toResourceOperation);
  }

  private async page<T>(
    actor: Principal,
    operation: string,
    q: OperationsQuery,
    req: Request,
    map: (e: AuditEntry) => T,
  ) {
    this.acl.assertAdmin(actor, 'Reading authorization records');
    const targetId = await this.targetId(q);
    if (targetId === null) return PlatformEnvelope.page<T>([], 0, q.page, q.page_size, requestUrl(req));
    const filter: AuditFilter = {
      module: 'acl',
      operation,
      operator: q.operator,
      targetType: q.authorized_target_type,
      targetId,
      since: q.op_time__gt,
      // The seed's op_time__lt is "at or before"; the audit filter's upper bound is exclusive.
      until: q.op_time__lt ? new Date(q.op_time__lt.getTime() + 1) : undefined,
    };
    const [entries, total] = await this.audit.list(filter, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(entries.map(map), total, q.page, q.page_size, requestUrl(req));
  }

  /** The id of the named user or role (entries are found by id); null when there is none by that name. */
  private async targetId(q: OperationsQuery): Promise<string | undefined | null> {
    const name = q.authorized_target_name;
    if (name === undefined) return undefined;
    if (q.authorized_target_type === undefined) {
      throw new InvalidInputError('authorized_target_name', 'needs authorized_target_type (user or role)');
    }
    if (q.authorized_target_type === 'user') {
      const user = await this.users.findByUsername(name);
      return user ? String(user.id) : null;
    }
    const [roles] = await this.roles.list(name, 0, MAX_PAGE_SIZE);
    const role = roles.find((r) => r.name === name);
    return role ? String(role.id) : null;
  }
}
