import { MethodNotAllowedException } from '@nestjs/common';

/** The answer of every method a Hermes resource does not support. */
export function notSupported(): never {
  throw new MethodNotAllowedException('Method not supported for this resource.');
}
