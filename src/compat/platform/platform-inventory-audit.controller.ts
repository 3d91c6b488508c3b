import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AclService } from '../../acl/acl.service';
import { AuditFilter, AuditService } from '../../audit/audit.service';
import type { AuditEntry } from '../../audit/entities/audit-entry.entity';
import { ApplicationsService } from '../../cmdb/inventory/applications.service';
import { HostsService } from '../../cmdb/inventory/hosts.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { PlatformAppOperationsQuery, PlatformHostOperationsQuery } from './dto/platform-inventory.dto';
import { toAppOperation, toHostOperation } from './dto/platform-inventory-objects.dto';
import { offsetOf } from './dto/platform-page.query';
import { requestUrl } from './platform-acl-mapping';
import { PlatformEnvelope } from './platform-envelope';

type OperationsQuery = PlatformHostOperationsQuery | PlatformAppOperationsQuery;

/**
 * /audit/host-operations/ and /audit/app-operations/: the inventory's changes, from the audit log,
 * for administrators. Entries are found by their target's id, so a name filter finds the entries
 * of the host or application that has that name now.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('audit')
export class PlatformInventoryAuditController {
  constructor(
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly hosts: HostsService,
    private readonly apps: ApplicationsService,
  ) {}

  @Get('host-operations')
  async hostOperations(
    @CurrentPrincipal() actor: Principal,
    @Query() q: PlatformHostOperationsQuery,
    @Req() req: Request,
  ) {
    this.acl.assertAdmin(actor, 'Reading host operations');
    let targetId: string | null | undefined;
    if (q.hostname !== undefined) {
      const [host] = await this.hosts.page({ name: q.hostname }, 0, 1);
      targetId = host ? String(host.id) : null;
    }
    return this.page({ module: 'host', targetType: 'host' }, targetId, q, req, toHostOperation);
  }

  @Get('app-operations')
  async appOperations(
    @CurrentPrincipal() actor: Principal,
    @Query() q: PlatformAppOperationsQuery,
    @Req() req: Request,
  ) {
    this.acl.assertAdmin(actor, 'Reading application operations');
    let targetId: string | null | undefined;
    if (q.app_name !== undefined) {
      // The full-name filter also matches descendants; the name itself sorts first.
      const [[app]] = await this.apps.list({ fullName: q.app_name }, 0, 1);
      targetId = app?.fullName === q.app_name ? String(app.id) : null;
    }
    return this.page({ module: 'application', targetType: 'application' }, targetId, q, req, toAppOperation);
  }

  /** `targetId` null: the named target does not exist, so nothing matches. */
  private async page<T>(
    base: AuditFilter,
    targetId: string | null | undefined,
    q: OperationsQuery,
    req: Request,
    map: (e: AuditEntry) => T,
  ) {
    // Details are composed from each entry's snapshot, which the audit log does not search.
    if (q.op_detail !== undefined) throw new InvalidInputError('op_detail', 'filtering by this field is not supported');
    if (targetId === null) return PlatformEnvelope.page<T>([], 0, q.page, q.page_size, requestUrl(req));
    const filter: AuditFilter = {
      ...base,
      targetId,
      operation: q.op_type,
      operator: q.operator,
      since: q.op_time__gt,
      // The seed's op_time__lt is "at or before"; the audit filter's upper bound is exclusive.
      until: q.op_time__lt ? new Date(q.op_time__lt.getTime() + 1) : undefined,
    };
    const [entries, total] = await this.audit.list(filter, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(entries.map(map), total, q.page, q.page_size, requestUrl(req));
  }
}
