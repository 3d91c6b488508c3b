import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What a service may want to know about the request it serves (audit, logs). */
export interface RequestInfo {
  requestId: string;
  clientIp?: string;
}

const storage = new AsyncLocalStorage<RequestInfo>();

/** The current request, or undefined outside one (jobs, start-up). */
export function currentRequest(): RequestInfo | undefined {
  return storage.getStore();
}

const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Express middleware, mounted first: gives every request an id (the caller's
 * X-Request-Id when it looks sane) and makes it reachable from services.
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && ACCEPTED_ID.test(incoming) ? incoming : randomUUID();
  (req as Request & { id: string }).id = requestId;
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId, clientIp: req.ip }, next);
}
