import type { NextFunction, Request, Response } from 'express';

let draining = false;

/** From now on every answer asks its client to close the connection: a stopping node empties. */
export function startDraining(): void {
  draining = true;
}

/** Express middleware: while draining, keep-alive connections end after their current answer. */
export function drainingMiddleware(_req: Request, res: Response, next: NextFunction): void {
  if (draining) res.setHeader('Connection', 'close');
  next();
}
