import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { DeployScriptsService } from '../../deploy/deploy-scripts.service';
import { PlatformDeployScriptBody, PlatformDeployScriptQuery } from './dto/platform-deploy.dto';
import { offsetOf, PlatformPageQuery } from './dto/platform-page.query';
import { requestUrl } from './platform-acl-mapping';
import { toPlatformAppRef, toPlatformScript } from './platform-deploy-wire';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/**
 * /application/deploy-scripts/: lifecycle scripts (seed 003). An unsupported language answers
 * error_code 30002, an unsupported template engine 30003, a taken name 30001, each with a 4xx
 * (the seed's 500 is for failures of the service, which these are not); a script that does not
 * render answers 400 naming its line.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('application/deploy-scripts')
export class PlatformDeployScriptsController {
  constructor(private readonly scripts: DeployScriptsService) {}

  @Get()
  async list(@Query() q: PlatformDeployScriptQuery, @Req() req: Request) {
    const { page, page_size: _size, ...filter } = q;
    const [rows, total] = await this.scripts.list(filter, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(rows.map(toPlatformScript), total, page, q.page_size, requestUrl(req));
  }

  /** `creator` is accepted as the seed lists it, but the creator is whoever calls. */
  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformDeployScriptBody) {
    for (const field of ['name', 'language', 'content'] as const) {
      if (body[field] === undefined) throw new InvalidInputError(field, 'is required');
    }
    const script = await this.scripts.create(actor, {
      name: body.name as string,
      language: body.language as string,
      content: body.content as string,
      templateEngine: body.template_engine,
    });
    return toPlatformScript(script);
  }

  @Get(':id')
  async get(@Param('id', PlatformIdPipe) id: number) {
    return toPlatformScript(await this.scripts.get(id));
  }

  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformDeployScriptBody,
  ) {
    const script = await this.scripts.update(actor, id, {
      name: body.name,
      language: body.language,
      content: body.content,
      templateEngine: body.template_engine,
    });
    return toPlatformScript(script);
  }

  /** Refused (409) while a template or an application runs it. */
  @Delete(':id')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    await this.scripts.remove(actor, id);
    return PlatformEnvelope.success();
  }

  /** The applications whose deploys run the script, through their own hooks or their template's. */
  @Get(':id/applications')
  async applications(@Param('id', PlatformIdPipe) id: number, @Query() q: PlatformPageQuery, @Req() req: Request) {
    const [apps, total] = await this.scripts.applicationsUsing(id, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(apps.map(toPlatformAppRef), total, q.page, q.page_size, requestUrl(req));
  }
}
