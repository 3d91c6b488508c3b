import { InvalidInputError } from '../common/errors/domain-errors';

// User names in Hermes are mail addresses: a bare name gets the configured domain appended.

const MAIL_SHAPED = /^[^@\s]+@[^@\s]+\.[^@\s]+/;

/** What the user columns hold (events.user, quests.creator, labors.ack_user). */
export const MAX_USER_LENGTH = 255;

/**
 * `johnny` → `johnny@<domain>`; anything that starts like `x@y.z` is kept. As in the original, a
 * name such as `user@localhost` is not mail-shaped and gets the domain too.
 */
export function normalizeUser(user: string, domain: string): string {
  return MAIL_SHAPED.test(user) ? user : `${user}@${domain}`;
}

/** `normalizeUser` for a value to store: too long for its column is a 400 naming `field`, not a database error. */
export function storedUser(user: string, domain: string, field: string): string {
  const normalized = normalizeUser(user, domain);
  if (normalized.length > MAX_USER_LENGTH) {
    throw new InvalidInputError(field, `must be at most ${MAX_USER_LENGTH} characters, @domain included`);
  }
  return normalized;
}
