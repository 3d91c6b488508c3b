import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { ResourceRequestsService } from '../../resource-request/resource-requests.service';
import { ResourceRequestKind } from '../../resource-request/request-kinds';
import {
  SslCertificateRequestsService,
  SslRequestInput,
} from '../../resource-request/ssl-certificate-requests.service';
import { offsetOf } from './dto/platform-page.query';
import {
  either,
  PlatformDecisionBody,
  PlatformDelegateBody,
  PlatformSslApproveBody,
  PlatformSslRequestBody,
  PlatformSslRequestListQuery,
  toPlatformSslRequest,
} from './dto/platform-resource-request.dto';
import { requestUrl } from './platform-acl-mapping';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

const KIND = ResourceRequestKind.SSL_CERTIFICATE;

function input(body: PlatformSslRequestBody): SslRequestInput {
  return {
    domain: body.domain,
    certificateType: body.certificate_type,
    purpose: body.purpose,
    expectDeliveryDays: body.expect_delivery_days,
    associatedAppIds: either<number[]>(body, 'associate_app', 'associated_app'),
    csr: body.csr,
  };
}

/** /resource-request/ssl-certificates/: certificate requests, their review and the issued certificate (seed 003). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('resource-request/ssl-certificates')
export class PlatformSslRequestsController {
  constructor(
    private readonly certificates: SslCertificateRequestsService,
    private readonly requests: ResourceRequestsService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: PlatformSslRequestListQuery, @Req() req: Request) {
    const filter = {
      creator: q.creator,
      createdAfter: q.time__gt,
      createdBefore: q.time__lt,
      status: q.status,
      domain: q.domain,
      certificateType: q.certificate_type,
    };
    const [rows, total] = await this.certificates.list(actor, filter, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(rows.map(toPlatformSslRequest), total, q.page, q.page_size, requestUrl(req));
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformSslRequestBody) {
    return toPlatformSslRequest(await this.certificates.create(actor, input(body)));
  }

  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    return toPlatformSslRequest(await this.certificates.get(actor, id));
  }

  /** Not in the seed: the issued certificate and its chain (PEM), for whoever may read the request. */
  @Get(':id/certificate')
  async certificate(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    const row = await this.certificates.certificateOf(actor, id);
    return {
      certificate: row.certificate,
      chain: row.chain,
      serial_number: row.serialNumber,
      not_before: row.notBefore?.toISOString() ?? null,
      not_after: row.notAfter?.toISOString() ?? null,
    };
  }

  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformSslRequestBody,
  ) {
    return toPlatformSslRequest(await this.certificates.update(actor, id, input(body)));
  }

  /**
   * Approved, the certificate is issued (for the CSR, or for a generated key answered here once as
   * `private_key`), or the `certificate` sent is checked and recorded.
   */
  @Post(':id/actions/approve')
  @HttpCode(200)
  async approve(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformSslApproveBody,
  ) {
    const delivered = body.certificate === undefined ? null : { certificate: body.certificate, chain: body.chain };
    const { row, privateKey } = await this.certificates.approve(actor, id, { reason: body.reason, delivered });
    return {
      ...PlatformEnvelope.success(),
      ...(row.certificate ? { certificate: row.certificate, chain: row.chain } : {}),
      ...(privateKey ? { private_key: privateKey } : {}),
    };
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
}
