import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiTokensService } from '../../acl/api-tokens.service';
import type { ApiToken } from '../../acl/entities/api-token.entity';
import { UsersService } from '../../acl/users.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { offsetOf } from './dto/platform-page.query';
import {
  PlatformAuthTokenListQuery,
  PlatformCreateAuthTokenBody,
  PlatformUpdateAuthTokenBody,
} from './dto/platform-auth-token.dto';
import { requestUrl } from './platform-acl-mapping';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/** The seed's auth token object, without its value: that is shown once, when the token is created. */
interface PlatformAuthToken {
  id: number;
  name: string;
  description: string | null;
  creator: string | null;
  created_time: string;
  last_used_time: string | null;
}

/** /auth-tokens/: long-lived tokens for `Authorization: Token <value>`; each acts as its creator. */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('auth-tokens')
export class PlatformAuthTokensController {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly users: UsersService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: PlatformAuthTokenListQuery, @Req() req: Request) {
    const [rows, total] = await this.tokens.list(actor, q.name, offsetOf(q), q.page_size);
    const results = await Promise.all(rows.map((t) => this.toWire(t)));
    return PlatformEnvelope.page(results, total, q.page, q.page_size, requestUrl(req));
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformCreateAuthTokenBody) {
    const { token, value } = await this.tokens.create(actor, { name: body.name, description: body.description });
    return { ...(await this.toWire(token)), value };
  }

  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    return this.toWire(await this.tokens.get(actor, id));
  }

  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformUpdateAuthTokenBody,
  ) {
    return this.toWire(await this.tokens.update(actor, id, { name: body.name, description: body.description }));
  }

  @Delete(':id')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    await this.tokens.remove(actor, id);
    return PlatformEnvelope.success();
  }

  private async toWire(token: ApiToken): Promise<PlatformAuthToken> {
    const owner = await this.users.findById(token.userId);
    return {
      id: token.id,
      name: token.name,
      description: token.description,
      creator: owner?.username ?? null,
      created_time: new Date(token.createdAt).toISOString(),
      last_used_time: token.lastUsedAt ? new Date(token.lastUsedAt).toISOString() : null,
    };
  }
}
