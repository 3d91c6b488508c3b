import { Type, ValidationPipe } from '@nestjs/common';
import { InvalidInputError } from '../../common/errors/domain-errors';

// The same options as the global pipe, for the `data` of an action body whose shape depends on `action`.
const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

/** Validates a plain body against a DTO class; errors name fields by their path (`data.0.passwd`). */
export function validateBody<T extends object>(metatype: Type<T>, value: object): Promise<T> {
  return pipe.transform(value, { type: 'body', metatype }) as Promise<T>;
}

/** Form posts carry `data` as a JSON string; JSON bodies carry it as is. */
export function parseData(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    throw new InvalidInputError('data', 'must be a JSON object or array');
  }
}

/** `"1,2,3"` → `[1, 2, 3]`; the DTO has checked the format. */
export function parseCodes(codes: string): number[] {
  return [
    ...new Set(
      codes
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '')
        .map(Number),
    ),
  ];
}
