import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApplicationsService } from '../../cmdb/inventory/applications.service';
import { ProductionsService } from '../../cmdb/inventory/productions.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { PlatformIdRef } from './dto/platform-id-ref.dto';
import { pageOfQuery, PlatformProductionAppsQuery, PlatformProductionListQuery } from './dto/platform-inventory.dto';
import { platformApps, PlatformProduction, toPlatformProduction } from './dto/platform-inventory-objects.dto';
import { offsetOf } from './dto/platform-page.query';
import { requestUrl } from './platform-acl-mapping';
import { arrayBody } from './platform-body';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/** /productions/: product lines and which applications belong to each (seed 003). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('productions')
export class PlatformInventoryProductionsController {
  constructor(
    private readonly productions: ProductionsService,
    private readonly apps: ApplicationsService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: PlatformProductionListQuery, @Req() req: Request) {
    const [[rows, total], held] = await Promise.all([
      this.productions.list(q.name, offsetOf(q), q.page_size),
      this.productions.availableActions(actor),
    ]);
    const items = rows.map((p) => toPlatformProduction(p, held));
    return PlatformEnvelope.page(items, total, q.page, q.page_size, requestUrl(req));
  }

  @Get(':id')
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
  ): Promise<PlatformProduction> {
    const [p, held] = await Promise.all([this.productions.get(id), this.productions.availableActions(actor)]);
    return toPlatformProduction(p, held);
  }

  @Get(':id/applications')
  async applications(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformProductionAppsQuery,
    @Req() req: Request,
  ) {
    await this.productions.get(id);
    const p = pageOfQuery(q);
    const [rows, total] = await this.apps.list({ productionId: id, name: q.name }, p.offset, p.pageSize);
    const items = await platformApps(this.apps, actor, rows);
    return PlatformEnvelope.page(items, total, p.page, p.pageSize, requestUrl(req), p.param);
  }

  /** Puts applications in this product line (each moves out of the one it was in). */
  @Post(':id/applications')
  @HttpCode(200)
  async addApps(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) body: PlatformIdRef[],
  ) {
    await this.apps.setProduction(
      actor,
      body.map((r) => r.id),
      id,
      undefined,
      (i) => `[${i}].id`,
    );
    return PlatformEnvelope.success();
  }

  /** Takes applications out of this product line; an application not in it is refused. */
  @Delete(':id/applications')
  async removeApps(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) body: PlatformIdRef[],
  ) {
    await this.apps.setProduction(
      actor,
      body.map((r) => r.id),
      null,
      id,
      (i) => `[${i}].id`,
    );
    return PlatformEnvelope.success();
  }
}
