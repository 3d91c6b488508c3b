import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { DomainRequestsService } from '../../resource-request/domain-requests.service';
import type { DomainRequest } from '../../resource-request/entities/domain-request.entity';
import { ResourceRequestsService } from '../../resource-request/resource-requests.service';
import { ResourceRequestKind } from '../../resource-request/request-kinds';
import { offsetOf } from './dto/platform-page.query';
import {
  PlatformDecisionBody,
  PlatformDelegateBody,
  PlatformDomainRequestBody,
  PlatformRequestListQuery,
  recordInputs,
  toPlatformDomainRequest,
} from './dto/platform-resource-request.dto';
import { requestUrl } from './platform-acl-mapping';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

const KIND = ResourceRequestKind.DOMAIN;

/**
 * /resource-request/domains/: domain requests and their review (seed 003). Approved, the records
 * go to DNS; `error` says why an approved request is not finished yet, `actions/retry/` tries again.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('resource-request/domains')
export class PlatformDomainRequestsController {
  constructor(
    private readonly domains: DomainRequestsService,
    private readonly requests: ResourceRequestsService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: PlatformRequestListQuery, @Req() req: Request) {
    const filter = { creator: q.creator, createdAfter: q.time__gt, createdBefore: q.time__lt, status: q.status };
    const [rows, total] = await this.domains.list(actor, filter, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(await this.wire(rows), total, q.page, q.page_size, requestUrl(req));
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformDomainRequestBody) {
    const row = await this.domains.create(actor, {
      records: recordInputs(body.records),
      associatedAppIds: body.associated_app,
    });
    return toPlatformDomainRequest(row, null);
  }

  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    return (await this.wire([await this.domains.get(actor, id)]))[0];
  }

  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformDomainRequestBody,
  ) {
    const input = { records: recordInputs(body.records), associatedAppIds: body.associated_app };
    return (await this.wire([await this.domains.update(actor, id, input)]))[0];
  }

  @Post(':id/actions/approve')
  @HttpCode(200)
  async approve(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformDecisionBody,
  ) {
    await this.domains.approve(actor, id, body.reason);
    return PlatformEnvelope.success();
  }

  /** Not in the seed: writes the records of an approved, unfinished request again. */
  @Post(':id/actions/retry')
  @HttpCode(200)
  async retry(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    return (await this.wire([await this.domains.retry(actor, id)]))[0];
  }

  @Post(':id/actions/reject')
  @HttpCode(200)
  async reject(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformDecisionBody,
  ) {
    await this.requests.reject(KIND, actor, id, body.reason);
    return PlatformEnvelope.success();
  }

  @Post(':id/actions/close')
  @HttpCode(200)
  async close(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformDecisionBody,
  ) {
    await this.requests.close(KIND, actor, id, body.reason);
    return PlatformEnvelope.success();
  }

  @Post(':id/actions/delegate')
  @HttpCode(200)
  async delegate(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformDelegateBody,
  ) {
    await this.requests.delegate(KIND, actor, id, body.user_id, body.reason);
    return PlatformEnvelope.success();
  }

  private async wire(rows: DomainRequest[]) {
    const errors = await this.domains.errorsOf(rows.map((r) => r.id));
    return rows.map((r) => toPlatformDomainRequest(r, errors.get(r.id) ?? null));
  }
}
