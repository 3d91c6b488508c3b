import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { DeployTemplatesService } from '../../deploy/deploy-templates.service';
import {
  applicationIdsOf,
  configRequestOf,
  PlatformDeployTemplateBody,
  PlatformDeployTemplateQuery,
} from './dto/platform-deploy.dto';
import { offsetOf } from './dto/platform-page.query';
import { requestUrl } from './platform-acl-mapping';
import { PlatformDeployWire } from './platform-deploy-wire';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/** /application/deploy-templates/: deploy settings that linked applications inherit (seed 003). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('application/deploy-templates')
export class PlatformDeployTemplatesController {
  constructor(
    private readonly templates: DeployTemplatesService,
    private readonly wire: PlatformDeployWire,
  ) {}

  @Get()
  async list(@Query() q: PlatformDeployTemplateQuery, @Req() req: Request) {
    const [rows, total] = await this.templates.list({ name: q.name, creator: q.creator }, offsetOf(q), q.page_size);
    const items = await this.wire.templateObjects(rows);
    return PlatformEnvelope.page(items, total, q.page, q.page_size, requestUrl(req));
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformDeployTemplateBody) {
    const template = await this.templates.create(actor, {
      name: body.name,
      config: configRequestOf(body),
      applicationIds: applicationIdsOf(body.applications),
    });
    const [item] = await this.wire.templateObjects([template]);
    return item;
  }

  @Get(':id')
  async get(@Param('id', PlatformIdPipe) id: number) {
    const [item] = await this.wire.templateObjects([await this.templates.get(id)]);
    return item;
  }

  /** `applications`, when given, is the whole set: applications left out are unlinked, keeping what it gave them. */
  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformDeployTemplateBody,
  ) {
    const template = await this.templates.update(actor, id, {
      name: body.name,
      config: configRequestOf(body),
      applicationIds: applicationIdsOf(body.applications),
    });
    const [item] = await this.wire.templateObjects([template]);
    return item;
  }

  /** Refused (409) while applications are linked to it. */
  @Delete(':id')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    await this.templates.remove(actor, id);
    return PlatformEnvelope.success();
  }
}
