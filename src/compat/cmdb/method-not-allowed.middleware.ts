import { Injectable, MethodNotAllowedException, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { CMDB_CONTROLLERS } from './cmdb-controllers';
import { otherMethods, RoutePattern, routeTable } from './cmdb-routes';

/** A path of the family asked with a method it does not answer: 405 with `Allow`, as the original does. */
@Injectable()
export class MethodNotAllowedMiddleware implements NestMiddleware {
  private readonly routes: RoutePattern[];

  constructor(config: AppConfig) {
    this.routes = routeTable(config.compatPrefixes.cmdb, CMDB_CONTROLLERS);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const allowed = otherMethods(this.routes, req.method, req.originalUrl.split('?')[0]);
    if (!allowed) return next();
    res.setHeader('Allow', allowed.join(', '));
    throw new MethodNotAllowedException('The method is not allowed for the requested URL.');
  }
}
