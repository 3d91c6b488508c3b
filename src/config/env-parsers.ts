// Small parsers for environment values. Each throws a message that names the
// variable, so a wrong value stops the start with a clear line.

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/** Collects every problem instead of stopping at the first. */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  /** A value that is allowed to be set to the empty string (e.g. a root prefix). */
  rawAllowEmpty(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined ? undefined : v.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      return this.fail(name, `must be an integer from ${min} to ${max}`, v, fallback);
    }
    return Number(v);
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    return this.fail(name, 'must be true or false', v, fallback);
  }

  /** false/true, a number of proxy hops, or a comma list of trusted addresses and subnets. */
  trustProxy(name: string): boolean | number | string {
    const v = this.raw(name);
    if (v === undefined) return false;
    if (/^\d+$/.test(v)) return Number(v);
    if (/^(true|false|yes|no|on|off|1|0)$/i.test(v)) return this.bool(name, false);
    if (!/^[0-9A-Fa-f.:/,\s]+$|^(loopback|linklocal|uniquelocal)(\s*,\s*\S+)*$/.test(v)) {
      return this.fail(name, 'must be true, false, a hop count or a comma list of addresses', v, false);
    }
    return v;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(v)) {
      return this.fail(name, `must be one of ${allowed.join(', ')}`, v, fallback);
    }
    return v as T;
  }

  /** Durations as seconds or with a unit: 900, 15m, 12h, 7d. */
  duration(name: string, fallback: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const m = /^(\d+)\s*(s|m|h|d)?$/.exec(v);
    const unit = { s: 1, m: 60, h: 3600, d: 86400 };
    if (!m || Number(m[1]) <= 0) {
      return this.fail(name, 'must be a positive duration such as 3600, 15m, 12h or 7d', v, fallback);
    }
    return Number(m[1]) * unit[(m[2] ?? 's') as keyof typeof unit];
  }

  /** Sizes for body limits: 1mb, 512kb, 1048576. */
  size(name: string, fallback: string): string {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d+(b|kb|mb)?$/i.test(v)) return this.fail(name, 'must be a size such as 1mb or 512kb', v, fallback);
    return v.toLowerCase();
  }

  url(name: string, protocols: string[]): URL | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        return this.fail(name, `must use ${protocols.join(' or ')}`, redactUrl(v), undefined);
      }
      return u;
    } catch {
      return this.fail(name, 'must be a URL', redactUrl(v), undefined);
    }
  }

  fail<T>(name: string, rule: string, got: string | undefined, fallback: T): T {
    this.problems.push(got === undefined ? `${name} ${rule}` : `${name} ${rule} (got "${got}")`);
    return fallback;
  }
}

/** Hides the password of a URL before it is shown in an error. */
export function redactUrl(v: string): string {
  return v.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
