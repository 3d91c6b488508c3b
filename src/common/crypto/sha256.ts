import { createHash } from 'node:crypto';

/** For random tokens (API tokens, reset links): high entropy needs no slow hash, only no plain copy. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
