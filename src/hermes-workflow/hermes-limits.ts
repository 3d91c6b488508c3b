import { InvalidInputError } from '../common/errors/domain-errors';

// What Hermes's text columns hold. MySQL refuses more with an error (a 500) and SQLite stores it
// anyway, so the services check first and answer a 400 naming the field on both.

/** A TEXT column (event notes, mail bodies): 65,535 bytes of UTF-8. */
export const TEXT_MAX_BYTES = 65_535;
/** A quest's description: the original's VARCHAR(4096). */
export const QUEST_DESCRIPTION_MAX = 4096;

export function requireFitsText(value: string, field: string): void {
  if (Buffer.byteLength(value, 'utf8') > TEXT_MAX_BYTES) {
    throw new InvalidInputError(field, `must be at most ${TEXT_MAX_BYTES} bytes`);
  }
}

export function requireMaxLength(value: string, max: number, field: string): void {
  if (value.length > max) throw new InvalidInputError(field, `must be at most ${max} characters`);
}
