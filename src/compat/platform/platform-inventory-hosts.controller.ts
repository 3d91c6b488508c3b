import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApplicationsService } from '../../cmdb/inventory/applications.service';
import { HostsService } from '../../cmdb/inventory/hosts.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { PlatformHostListQuery } from './dto/platform-inventory.dto';
import { platformApps, platformHosts } from './dto/platform-inventory-objects.dto';
import { offsetOf, PlatformPageQuery } from './dto/platform-page.query';
import { pageOf, requestUrl } from './platform-acl-mapping';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/**
 * /hosts/: the host list with addresses, and the applications on a host (seed 003). No GET
 * /hosts/{id}/: it would shadow /hosts/init-tasks/ and the other task lists.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('hosts')
export class PlatformInventoryHostsController {
  constructor(
    private readonly hosts: HostsService,
    private readonly apps: ApplicationsService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: PlatformHostListQuery, @Req() req: Request) {
    const [rows, total] = await this.hosts.list({ name: q.name, hostType: q.host_type }, offsetOf(q), q.page_size);
    const items = await platformHosts(this.hosts, actor, rows);
    return PlatformEnvelope.page(items, total, q.page, q.page_size, requestUrl(req));
  }

  @Get(':id/applications')
  async applications(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformPageQuery,
    @Req() req: Request,
  ) {
    await this.hosts.get(id);
    const [rows] = await this.apps.appsOnHosts([id]);
    const items = await platformApps(this.apps, actor, pageOf(rows, q.page, q.page_size));
    return PlatformEnvelope.page(items, rows.length, q.page, q.page_size, requestUrl(req));
  }
}
