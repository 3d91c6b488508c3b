import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { CdnProvider } from '../../toolbox/cdn-refresh-input';
import { CdnRefreshService } from '../../toolbox/cdn-refresh.service';
import { offsetOf } from './dto/platform-page.query';
import {
  cdnProviderOf,
  PlatformCdnTaskBody,
  PlatformCdnTaskListQuery,
  toPlatformCdnTask,
} from './dto/platform-toolbox.dto';
import { requestUrl } from './platform-acl-mapping';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/** /common-utils/cdn-refresh-tasks/: CDN refresh tasks, run in the background (seed 003). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('common-utils/cdn-refresh-tasks')
export class PlatformCdnRefreshTasksController {
  constructor(private readonly refresh: CdnRefreshService) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: PlatformCdnTaskListQuery, @Req() req: Request) {
    let provider: CdnProvider | undefined;
    if (q.cdn_service_provider !== undefined) {
      provider = cdnProviderOf(q.cdn_service_provider) as CdnProvider;
      if (!Object.values(CdnProvider).includes(provider)) {
        throw new InvalidInputError('cdn_service_provider', `must be one of ${Object.values(CdnProvider).join(', ')}`);
      }
    }
    const filter = {
      provider,
      creator: q.creator,
      createdAfter: q.created_time__gt,
      createdBefore: q.created_time__lt,
    };
    const [rows, total] = await this.refresh.list(actor, filter, offsetOf(q), q.page_size);
    return PlatformEnvelope.page(rows.map(toPlatformCdnTask), total, q.page, q.page_size, requestUrl(req));
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformCdnTaskBody) {
    const task = await this.refresh.create(actor, {
      urls: body.urls,
      provider: cdnProviderOf(body.cdn_service_provider),
      refreshMode: body.refresh_mode,
    });
    return toPlatformCdnTask(task);
  }

  /** Not in the seed: one task, to follow its status. */
  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    return toPlatformCdnTask(await this.refresh.get(actor, id));
  }
}
