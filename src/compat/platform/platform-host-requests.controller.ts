import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { HostRequestsService } from '../../resource-request/host-requests.service';
import { ResourceRequestsService } from '../../resource-request/resource-requests.service';
import { ResourceRequestKind } from '../../resource-request/request-kinds';
import { offsetOf } from './dto/platform-page.query';
import {
  hostRequestInput,
  PlatformDecisionBody,
  PlatformDelegateBody,
  PlatformHostRequestBody,
  PlatformRequestListQuery,
  toPlatformHostRequest,
} from './dto/platform-resource-request.dto';
import { requestUrl } from './platform-acl-mapping';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

const KIND = ResourceRequestKind.HOST;

/** /resource-request/hosts/: host requests and their review (seed 003). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('resource-request/hosts')
export class PlatformHostRequestsController {
  constructor(
    private readonly hosts: HostRequestsService,
    private readonly requests: ResourceRequestsService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: PlatformRequestListQuery, @Req() req: Request) {
    const filter = { creator: q.creator, createdAfter: q.time__gt, createdBefore: q.time__lt, status: q.status };
    const [rows, total] = await this.hosts.list(actor, filter, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(rows.map(toPlatformHostRequest), total, q.page, q.page_size, requestUrl(req));
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformHostRequestBody) {
    return toPlatformHostRequest(await this.hosts.create(actor, hostRequestInput(body)));
  }

  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    return toPlatformHostRequest(await this.hosts.get(actor, id));
  }

  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformHostRequestBody,
  ) {
    return toPlatformHostRequest(await this.hosts.update(actor, id, hostRequestInput(body)));
  }

  /** Approved, the hosts are created raw and the login users get login on them. */
  @Post(':id/actions/approve')
  @HttpCode(200)
  async approve(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformDecisionBody,
  ) {
    await this.hosts.approve(actor, id, body.reason);
    return PlatformEnvelope.success();
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

  /** Not in the seed for requests; as the deploy tasks' delegate: `{user_id}`. */
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
}
