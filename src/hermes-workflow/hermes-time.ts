import { InvalidInputError } from '../common/errors/domain-errors';

// Hermes timestamps: naive UTC `YYYY-MM-DD HH:MM:SS.ffffff`. Stored with all six fraction digits
// (text order = time order); shown as the original did, without the fraction when it is zero.

const LENIENT =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?\s*$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The stored form of a UTC instant given in milliseconds plus extra microseconds. */
export function storedTime(ms: number, micros = 0): string {
  const d = new Date(ms);
  const fraction = d.getUTCMilliseconds() * 1000 + micros;
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(fraction, 6)}`
  );
}

/** Now, in the stored form. */
export function nowTime(): string {
  return storedTime(Date.now());
}

/** What clients see: the stored form without a zero fraction. */
export function wireTime(stored: string): string;
export function wireTime(stored: string | null): string | null;
export function wireTime(stored: string | null): string | null {
  if (stored === null) return null;
  return stored.endsWith('.000000') ? stored.slice(0, -7) : stored;
}

/**
 * Reads a date/time the way the original did: any `YYYY-MM-DD[ HH:MM[:SS[.ffffff]]]`, with a
 * `T` or a space, and a time-zone suffix that is dropped, not converted. Null when unreadable or
 * not a real date.
 */
export function parseHermesTime(text: string): string | null {
  const m = LENIENT.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  const parts = [y, mo, d, h, mi, s].map(Number);
  const ms = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
  const check = new Date(ms);
  // Date.UTC rolls 2015-04-31 over to May 1st: such a date does not exist.
  if (
    check.getUTCFullYear() !== parts[0] ||
    check.getUTCMonth() !== parts[1] - 1 ||
    check.getUTCDate() !== parts[2] ||
    check.getUTCHours() !== parts[3] ||
    check.getUTCMinutes() !== parts[4] ||
    check.getUTCSeconds() !== parts[5]
  ) {
    return null;
  }
  const micros = Number(frac.padEnd(6, '0') || '0');
  return storedTime(ms, 0).slice(0, 20) + pad(micros, 6);
}

/**
 * Stored times that never repeat nor go back within the process: several events in one
 * millisecond get successive microseconds, so time order follows insertion order.
 */
export class HermesClock {
  private lastMs = 0;
  private micros = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  now(): string {
    const ms = this.clock();
    if (ms > this.lastMs) {
      this.lastMs = ms;
      this.micros = 0;
    } else if (this.micros < 999) {
      this.micros += 1;
    } else {
      // A thousand stamps in one millisecond: borrow the next one.
      this.lastMs += 1;
      this.micros = 0;
    }
    return storedTime(this.lastMs, this.micros);
  }
}

/** `parseHermesTime` for a request field: unreadable text is a 400 naming the field. */
export function requireHermesTime(text: string, field: string): string {
  const parsed = parseHermesTime(text);
  if (parsed === null) throw new InvalidInputError(field, `cannot read "${text}" as a date and time`);
  return parsed;
}
