import { DomainError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';

/**
 * Runs a service call and renames the fields its errors name to a legacy family's wire names
 * (ops: `email` → `mail`, `roles` → `permissions`), so a client sees the field it sent.
 */
export async function withWireFields<T>(names: Record<string, string>, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw renamed(e, names);
  }
}

function renamed(e: unknown, names: Record<string, string>): unknown {
  if (!(e instanceof DomainError) || !e.field || !names[e.field]) return e;
  const field = names[e.field];
  if (e instanceof InvalidInputError) return e.withField(field);
  // An unknown role named by id is a bad value in the request: a request error naming the field.
  if (e instanceof NotFoundError) return new InvalidInputError(field, e.message);
  return e;
}
