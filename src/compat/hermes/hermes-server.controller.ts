import { Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { AppConfig } from '../../config/app-config';
import { HermesHostQuery } from '../../hermes-workflow/hermes-host-query';
import { HermesHostsService } from '../../hermes-workflow/hermes-hosts.service';
import { normalizeUser } from '../../hermes-workflow/hermes-user';
import { HermesEnvelope } from './hermes-envelope';
import { bodyOf, optionalString, q, Query as Params } from './hermes-params';
import { HermesWire } from './hermes-wire';

/** /api/v1/extquery, /currentUser, /serverConfig: what the web client asks of the server. */
@ApiTags('hermes')
@Controller('api/v1')
export class HermesServerController {
  constructor(
    private readonly config: AppConfig,
    private readonly hostQuery: HermesHostQuery,
    private readonly hosts: HermesHostsService,
    private readonly wire: HermesWire,
  ) {}

  /** `query=` answers the matching hostnames, `user=` the hosts that user answers for. */
  @Get('extquery')
  async extQueryGet(@Req() req: Request, @Query() query: Params) {
    return this.extQuery(req, q(query, 'query'), q(query, 'user'));
  }

  @Post('extquery')
  async extQueryPost(@Req() req: Request) {
    const body = bodyOf(req);
    return this.extQuery(req, optionalString(body, 'query'), optionalString(body, 'user'));
  }

  /** The caller: the proxy's X-Pp-User header when one is set, else the authenticated user. */
  @Get('currentUser')
  currentUser(@Req() req: Request, @CurrentPrincipal() actor: Principal) {
    const header = req.get('x-pp-user');
    return HermesEnvelope.ok({
      user: header ?? normalizeUser(actor.username, this.config.hermes.domain),
      href: this.wire.links(req).self,
    });
  }

  @Get('serverConfig')
  serverConfig(@Req() req: Request) {
    return HermesEnvelope.ok({
      domain: this.config.hermes.domain,
      fullstoryId: this.config.hermes.fullstoryId,
      href: this.wire.links(req).self,
    });
  }

  private async extQuery(req: Request, query: string | undefined, user: string | undefined) {
    let ids: number[];
    if (query !== undefined) ids = await this.hostQuery.hostIds(query, 'query');
    else if (user !== undefined) ids = await this.hostQuery.userHostIds(user);
    else throw new InvalidInputError('query', 'give a query or a user');
    const names = await this.hosts.namesOf(ids);
    return HermesEnvelope.ok({ results: ids.map((id) => names.get(id)), href: this.wire.links(req).self });
  }
}
