import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Principal } from './principal';

export const IS_PUBLIC = 'auth:isPublic';

/** The route or resolver answers without authentication. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The HTTP request behind a REST or GraphQL call. */
export function requestOf(ctx: ExecutionContext): Request {
  if (ctx.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(ctx).getContext<{ req: Request }>().req;
  }
  return ctx.switchToHttp().getRequest<Request>();
}

/** The authenticated caller (undefined on public routes). */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined => requestOf(ctx).user as Principal | undefined,
);
