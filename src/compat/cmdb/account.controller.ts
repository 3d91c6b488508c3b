import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService } from '../../acl/auth.service';
import { UsersService } from '../../acl/users.service';
import { CurrentPrincipal, Public } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { ForbiddenError, UnauthenticatedError } from '../../common/errors/domain-errors';
import { CmdbParams, CmdbSignedParams } from './cmdb-params';
import { LoginParams } from './dto/login-params.dto';

/** `/api/login` and `/api/logout` (cmdb.md §8.1). */
@ApiTags('cmdb')
@Controller('api')
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /**
   * The original compared the md5 of the password; we check the password itself. The token is our
   * JWT, usable as `Access-Token` (as the original's clients send it) or `Authorization: Bearer`.
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@CmdbParams() p: LoginParams, @Req() req: Request): Promise<{ token: string }> {
    const username = p.username ?? (await this.usernameOfEmail(p.email ?? ''));
    try {
      const issued = await this.auth.login(username, p.password, req.ip);
      return { token: issued.accessToken };
    } catch (e) {
      // Login failures are 403 in the CMDB; the throttle's 429 stays as it is.
      if (e instanceof UnauthenticatedError) throw new ForbiddenError(e.message);
      throw e;
    }
  }

  /** Ends the session the caller's JWT stands for; key signatures have none, so nothing changes for them. */
  @Post('logout')
  @HttpCode(200)
  async logout(@CmdbParams() _p: CmdbSignedParams, @CurrentPrincipal() principal: Principal) {
    await this.auth.logout(principal);
    return { code: 200 };
  }

  /** The original lets people log in with their email address in place of the username. */
  private async usernameOfEmail(email: string): Promise<string> {
    const [found] = await this.users.list({ email }, 0, 2);
    return found.length === 1 ? found[0].username : email;
  }
}
