import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { IS_PUBLIC, requestOf } from '../common/auth/decorators';
import { UnauthenticatedError } from '../common/errors/domain-errors';

/** Why passport-jwt refused a token, in words a client can act on. */
function reasonOf(info: unknown): string {
  const name = info instanceof Error ? info.name : undefined;
  if (name === 'TokenExpiredError') return 'The access token has expired; log in again';
  if (name === 'JsonWebTokenError' || name === 'NotBeforeError') return 'The access token is invalid';
  return 'Authentication required: send Authorization: Bearer <access_token>';
}

/**
 * Global guard: every route and resolver needs a valid token unless marked
 * @Public(). Works for REST and GraphQL alike.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    return isPublic ? true : super.canActivate(ctx);
  }

  override getRequest(ctx: ExecutionContext) {
    return requestOf(ctx);
  }

  override handleRequest<T>(err: unknown, user: T | false, info: unknown): T {
    if (err) throw err;
    if (!user) throw new UnauthenticatedError(reasonOf(info));
    return user;
  }
}
