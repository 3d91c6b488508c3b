import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The CMDB API-key signature: SHA-1 hex of path + secret + the values of every
 * other request parameter, in code-point order of their names. Scalars are
 * stringified as the original's Python clients do; null, lists and objects are
 * skipped.
 */
export function signatureBase(path: string, secret: string, params: Record<string, unknown>): string {
  const names = Object.keys(params)
    .filter((n) => n !== '_key' && n !== '_secret')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let values = '';
  for (const name of names) {
    const v = params[name];
    if (typeof v === 'string') values += v;
    else if (typeof v === 'number') values += String(v);
    else if (typeof v === 'boolean') values += v ? 'True' : 'False';
  }
  return path + secret + values;
}

export function sign(path: string, secret: string, params: Record<string, unknown>): string {
  return createHash('sha1')
    .update(signatureBase(path, secret, params), 'utf8')
    .digest('hex');
}

/** Whether `given` signs the request for any of the candidate paths (with or without a mount prefix). */
export function signatureMatches(
  given: string,
  paths: readonly string[],
  secret: string,
  params: Record<string, unknown>,
): boolean {
  if (!/^[0-9a-f]{40}$/i.test(given)) return false;
  const g = Buffer.from(given.toLowerCase(), 'utf8');
  return paths.some((p) => timingSafeEqual(Buffer.from(sign(p, secret, params), 'utf8'), g));
}
