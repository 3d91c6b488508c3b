import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { DeploySettingsService } from '../../deploy/deploy-settings.service';
import {
  configRequestOf,
  PlatformDeployConfigBody,
  PlatformTemplateLinkBody,
  PlatformTemplateUnlink,
} from './dto/platform-deploy.dto';
import { PlatformDeployWire } from './platform-deploy-wire';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/**
 * /application/{id}/deploy-settings/: an application's effective deploy settings (its own values
 * over its template's), changing them, and its template link (seed 003).
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('application')
export class PlatformDeploySettingsController {
  constructor(
    private readonly settings: DeploySettingsService,
    private readonly wire: PlatformDeployWire,
  ) {}

  @Get(':id/deploy-settings')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    const [item] = await this.wire.settings([await this.settings.get(actor, id)]);
    return item;
  }

  /** Answers the settings as GET does, after the change. */
  @Patch(':id/deploy-settings')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformDeployConfigBody,
  ) {
    const [item] = await this.wire.settings([await this.settings.update(actor, id, configRequestOf(body))]);
    return item;
  }

  @Post(':id/deploy-settings/template')
  @HttpCode(200)
  async link(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformTemplateLinkBody,
  ) {
    await this.settings.linkTemplate(actor, id, body.id);
    return PlatformEnvelope.success();
  }

  /** `id` (the linked template) and `clean` in the body, or in the query string. */
  @Delete(':id/deploy-settings/template')
  async unlink(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() query: PlatformTemplateUnlink,
    @Body() body: PlatformTemplateUnlink,
  ) {
    const templateId = body.id ?? query.id;
    if (templateId === undefined) throw new InvalidInputError('id', 'the linked template id is required');
    await this.settings.unlinkTemplate(actor, id, templateId, body.clean ?? query.clean ?? false);
    return PlatformEnvelope.success();
  }
}
