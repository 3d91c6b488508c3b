// User names in Hermes are mail addresses: a bare name gets the configured domain appended.

const MAIL_SHAPED = /^[^@\s]+@[^@\s]+\.[^@\s]+/;

/**
 * `johnny` → `johnny@<domain>`; anything that starts like `x@y.z` is kept. As in the original, a
 * name such as `user@localhost` is not mail-shaped and gets the domain too.
 */
export function normalizeUser(user: string, domain: string): string {
  return MAIL_SHAPED.test(user) ? user : `${user}@${domain}`;
}
