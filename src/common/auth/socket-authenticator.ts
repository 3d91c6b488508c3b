import type { DynamicModule, InjectionToken, Type } from '@nestjs/common';
import type { Principal } from './principal';

/**
 * Resolves the `Authorization` value a websocket sent once to a principal. Common code only knows
 * this shape; the ACL module provides it, and the app wires the two together.
 */
export interface SocketAuthenticator {
  principalForAuthorization(authorization: string | undefined): Promise<Principal>;
}

/** Where the GraphQL endpoint finds its authenticator: the module that provides it and its token. */
export interface SocketAuthentication {
  module: Type | DynamicModule;
  authenticator: InjectionToken;
}
