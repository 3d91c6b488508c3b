import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { IS_PUBLIC, requestOf } from '../common/auth/decorators';
import { isWsRequest } from '../common/graphql/ws-request';
import { UnauthenticatedError } from '../common/errors/domain-errors';
import { AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';

/** Why passport-jwt refused a token, in words a client can act on. */
function reasonOf(info: unknown): string {
  const name = info instanceof Error ? info.name : undefined;
  if (name === 'TokenExpiredError') return 'The access token has expired; log in again';
  if (name === 'JsonWebTokenError' || name === 'NotBeforeError') return 'The access token is invalid';
  return 'Authentication required: send Authorization: Bearer <access_token>';
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a malformed escape cannot match any signature anyway
  }
}

/** The request's parameters as the CMDB signs them: a JSON body object, else query and form fields. */
function signedParams(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  if (isObject && req.is('application/json') && Object.keys(body).length > 0) return body as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ...(req.query as object), ...(isObject ? body : {}) })) {
    params[k] = Array.isArray(v) ? v[0] : v;
  }
  return params;
}

/**
 * Global guard: every route and resolver needs credentials unless marked
 * @Public(): a JWT (`Authorization: Bearer`), an API token
 * (`Authorization: Token`), or a CMDB key signature (`_key` + `_secret`).
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    const req = requestOf(ctx);
    // Subscriptions: the socket was authenticated when it opened (GraphqlApiModule).
    if (isWsRequest(req)) return true;
    const authorization = req.header('authorization') ?? '';
    const token = /^Token\s+(\S+)$/i.exec(authorization);
    if (token) {
      req.user = await this.auth.principalForApiToken(token[1]);
      return true;
    }
    const params = signedParams(req);
    if (!authorization && typeof params._key === 'string') {
      const signature = typeof params._secret === 'string' ? params._secret : '';
      req.user = await this.auth.principalForKeySignature(params._key, signature, this.signedPaths(req), params);
      return true;
    }
    return (await super.canActivate(ctx)) as boolean;
  }

  override getRequest(ctx: ExecutionContext) {
    return requestOf(ctx);
  }

  override handleRequest<T>(err: unknown, user: T | false, info: unknown): T {
    if (err) throw err;
    if (!user) throw new UnauthenticatedError(reasonOf(info));
    return user;
  }

  /** Clients of the original sign the path without our mount prefix; clients pointed at us sign it with. */
  private signedPaths(req: Request): string[] {
    const prefix = this.config.compatPrefixes.cmdb;
    // originalUrl: under a mounted middleware (GraphQL) req.path is relative to the mount point.
    const path = safeDecode(req.originalUrl.split('?')[0]);
    return prefix && path.startsWith(`${prefix}/`) ? [path, path.slice(prefix.length)] : [path];
  }
}
