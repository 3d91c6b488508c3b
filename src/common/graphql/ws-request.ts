import type { Principal } from '../auth/principal';

const WS = Symbol('graphql-ws request');

/** What resolvers and guards see as `req` for an operation that came over a websocket. */
export interface WsRequest {
  [WS]: true;
  headers: Record<string, string | undefined>;
  header(name: string): string | undefined;
  user: Principal;
}

/** The connection's principal, authenticated once when the socket was opened. */
export function wsRequest(principal: Principal): WsRequest {
  return { [WS]: true, headers: {}, header: () => undefined, user: principal };
}

export function isWsRequest(req: unknown): req is WsRequest {
  return typeof req === 'object' && req !== null && (req as Partial<WsRequest>)[WS] === true;
}

/** `Authorization` from graphql-ws connection params, whatever the client's casing. */
export function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  const key = Object.keys(params).find((k) => k.toLowerCase() === 'authorization');
  const value = key === undefined ? undefined : params[key];
  return typeof value === 'string' ? value : undefined;
}
