import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The original's clients send the token from `/api/login` as `Access-Token: <JWT>`; the global guard
 * reads `Authorization: Bearer`, so the header is carried over when no Authorization is given.
 */
@Injectable()
export class AccessTokenMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const token = req.header('access-token');
    if (token && !req.headers.authorization) req.headers.authorization = `Bearer ${token}`;
    next();
  }
}
