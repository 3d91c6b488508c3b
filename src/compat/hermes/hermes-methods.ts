import { MethodNotAllowedException } from '@nestjs/common';
import type { Request } from 'express';
import { requireJson } from './hermes-params';

/**
 * The answer of every method a Hermes resource does not support. A POST or PUT is still checked
 * for its JSON content type first, as the original did before looking at the method.
 */
export function notSupported(req: Request): never {
  if (req.method === 'POST' || req.method === 'PUT') requireJson(req);
  throw new MethodNotAllowedException('Method not supported for this resource.');
}
