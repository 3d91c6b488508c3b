import { InvalidInputError } from '../common/errors/domain-errors';

/** An http(s) URL with a host, as its normalized text; refused (400 naming `field`) otherwise. */
export function checkWebUrl(value: unknown, field: string, reason?: string): string {
  const refuse = (detail: string) => {
    const error = new InvalidInputError(field, detail);
    return reason ? error.because(reason) : error;
  };
  if (typeof value !== 'string' || value.trim() === '') throw refuse('is required');
  if (value.length > 2048) throw refuse('must be at most 2048 characters');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw refuse('must be an http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('must be an http or https URL');
  if (url.hostname === '' || url.username !== '' || url.password !== '') {
    throw refuse('must name a host and carry no credentials');
  }
  return url.toString();
}

/** A navigator's image: a path on this site (`/imgs/a.jpg`, as the seed's example) or an http(s) URL. */
export function checkImage(value: unknown, field = 'img'): string {
  if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) {
    if (value.length > 2048 || /[\s\\]/.test(value)) throw new InvalidInputError(field, 'must be a plain path');
    return value;
  }
  return checkWebUrl(value, field);
}
