import { ParseArrayPipe, Type, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { InvalidInputError } from '../../common/errors/domain-errors';

/** The global pipe's options, for bodies it cannot validate by their declared type (arrays, unions). */
const OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // Also makes an array's messages name the item: `[1] id must be an integer number`.
  stopAtFirstError: false,
};

/** A JSON array body whose items are validated like any DTO (`[0] property x should not exist`). */
export function arrayBody<T>(items: Type<T>): ParseArrayPipe {
  return new ParseArrayPipe({ items, ...OPTIONS });
}

/** A body sent either as one object or as a list of them (the platform documents both shapes). */
export async function oneOrMany<T extends object>(items: Type<T>, body: unknown): Promise<T[]> {
  if (Array.isArray(body)) return (await arrayBody(items).transform(body, { type: 'body' })) as T[];
  if (typeof body !== 'object' || body === null) {
    throw new InvalidInputError('body', 'must be an object or a list of objects');
  }
  return [(await new ValidationPipe(OPTIONS).transform(body, { type: 'body', metatype: items })) as T];
}
