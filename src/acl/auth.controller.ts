import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Public } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { NotFoundError } from '../common/errors/domain-errors';
import { AuthService } from './auth.service';
import { LoginInput, LoginResponse, ResetPasswordInput } from './dto/login.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() body: LoginInput, @Req() req: Request): Promise<LoginResponse> {
    const t = await this.auth.login(body.username, body.password, req.ip);
    return { access_token: t.accessToken, token_type: t.tokenType, expires_in: t.expiresIn };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(principal);
  }

  /** The link mailed by a password-reset request leads here. */
  @Public()
  @Post('reset-password')
  @HttpCode(204)
  async resetPassword(@Body() body: ResetPasswordInput): Promise<void> {
    await this.users.resetPassword(body.token, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  async me(@CurrentPrincipal() principal: Principal) {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new NotFoundError('user', principal.userId);
    const { id, username, email, status, isAdmin, createdAt, updatedAt } = user;
    return { id, username, email, status, is_admin: isAdmin, created_at: createdAt, updated_at: updatedAt };
  }
}
