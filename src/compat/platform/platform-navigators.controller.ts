import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { NavigatorsService } from '../../toolbox/navigators.service';
import { offsetOf } from './dto/platform-page.query';
import {
  PlatformNavigatorBody,
  PlatformNavigatorListQuery,
  PlatformNavigatorPatchBody,
  toPlatformNavigator,
} from './dto/platform-toolbox.dto';
import { requestUrl } from './platform-acl-mapping';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/** /external-navigators/: links to outside systems (seed 003). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('external-navigators')
export class PlatformNavigatorsController {
  constructor(private readonly navigators: NavigatorsService) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: PlatformNavigatorListQuery, @Req() req: Request) {
    const [rows, total] = await this.navigators.list(actor, q.name, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(rows.map(toPlatformNavigator), total, q.page, q.page_size, requestUrl(req));
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformNavigatorBody) {
    return toPlatformNavigator(await this.navigators.create(actor, body));
  }

  /** As the seed documents it, on the collection with the id in the body. */
  @Patch()
  async patchCollection(@CurrentPrincipal() actor: Principal, @Body() body: PlatformNavigatorPatchBody) {
    const { id, ...changes } = body;
    return toPlatformNavigator(await this.navigators.update(actor, id, changes));
  }

  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    return toPlatformNavigator(await this.navigators.get(actor, id));
  }

  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformNavigatorBody,
  ) {
    return toPlatformNavigator(await this.navigators.update(actor, id, body));
  }

  @Delete(':id')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    await this.navigators.remove(actor, id);
    return PlatformEnvelope.success();
  }
}
