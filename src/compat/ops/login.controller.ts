import { Body, Controller, Get, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService } from '../../acl/auth.service';
import { CurrentPrincipal, Public } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { OpsLoginBody, OpsLoginStatusQuery } from './dto/ops-login.dto';
import { OpsEnvelope } from './ops-envelope';
import { OptionalJwtGuard } from './optional-jwt.guard';

/** /api/login: ops' sessions are our JWTs. */
@ApiTags('ops')
@Controller('api/login')
export class OpsLoginController {
  constructor(private readonly auth: AuthService) {}

  /** Whether the caller's token is a live login (of `username`, when given); the seed answers ok with the state. */
  @Public()
  @UseGuards(OptionalJwtGuard)
  @Get()
  status(@CurrentPrincipal() principal: Principal | undefined, @Query() query: OpsLoginStatusQuery) {
    const live = principal?.tokenId !== undefined && (query.username ?? principal.username) === principal.username;
    return OpsEnvelope.ok(live ? 'login ok' : 'login timeout');
  }

  @Public()
  @Post()
  @HttpCode(200)
  async login(@Body() body: OpsLoginBody, @Req() req: Request) {
    const username = body.username ?? body.name;
    if (username === undefined) throw new InvalidInputError('username', 'is required');
    if (body.username !== undefined && body.name !== undefined && body.username !== body.name) {
      throw new InvalidInputError('name', 'differs from username');
    }
    const token = await this.auth.login(username, body.password, req.ip);
    return OpsEnvelope.ok({ access_token: token.accessToken });
  }
}
