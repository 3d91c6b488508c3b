import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService } from '../../acl/auth.service';
import { User } from '../../acl/entities/user.entity';
import { UsersService } from '../../acl/users.service';
import { CurrentPrincipal, Public } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { SophonLoginBody, SophonPasswordBody, SophonRegisterBody } from './dto/sophon-user.dto';
import { SophonEnvelope } from './sophon-envelope';

function toSophonUser(user: User) {
  return { id: user.id, username: user.username, type: user.type };
}

/**
 * /api/user. Sophon kept a cookie session; here the session is a JWT, returned by login as
 * `access_token` for the client to send as `Authorization: Bearer`. No cookie is set.
 */
@ApiTags('sophon')
@Controller('api/user')
export class SophonUsersController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: SophonLoginBody, @Req() req: Request) {
    const token = await this.auth.login(body.username, body.password, req.ip);
    return { ...toSophonUser(token.user), access_token: token.accessToken };
  }

  /** Ends the session: the token is refused from now on. Answers nothing, as Sophon did. */
  @Get('logout')
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(principal);
  }

  @Post('reg')
  @HttpCode(200)
  async register(@CurrentPrincipal() actor: Principal, @Body() body: SophonRegisterBody) {
    await this.users.create(actor, {
      username: body.username,
      password: body.password,
      type: body.type,
      publicKey: body.public_key || null,
    });
    return SophonEnvelope.success();
  }

  @Get('info')
  async info(@CurrentPrincipal() principal: Principal) {
    return toSophonUser(await this.users.get(principal.userId));
  }

  /** Sophon sends only the new password: the caller's live token is the proof of identity. */
  @Put('password')
  async changePassword(@CurrentPrincipal() actor: Principal, @Body() body: SophonPasswordBody) {
    await this.users.setOwnPassword(actor, body.password);
    return SophonEnvelope.success();
  }
}
