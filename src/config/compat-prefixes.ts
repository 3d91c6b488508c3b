import { COMPAT_FAMILIES, CompatFamily } from '../compat/compat-envelope';
import { EnvReader } from './env-parsers';

export type CompatPrefixes = Record<CompatFamily, string>;

/** Paths the service itself answers; no family may be mounted over them. */
export const RESERVED_PATHS = ['/graphql', '/playground', '/docs', '/docs-json', '/health', '/auth'];

const SEGMENTS = /^(\/[A-Za-z0-9._~-]+)*$/;

/** '' mounts at the root; 'ops' and '/ops/' both mean '/ops'. */
export function normalizePrefix(v: string): string {
  const trimmed = v.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function contains(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}/`);
}

/**
 * Two families overlap when they share a prefix or one is nested in the other.
 * A root ('') family overlaps only another root family: legacy routes start
 * with /api, so a root family and a prefixed one cannot answer the same path.
 */
export function prefixProblems(prefixes: CompatPrefixes): string[] {
  const problems: string[] = [];
  const entries = Object.entries(prefixes) as [CompatFamily, string][];
  for (const [family, prefix] of entries) {
    if (!SEGMENTS.test(prefix)) {
      problems.push(`${envName(family)} must be a path such as /${family} (got "${prefix}")`);
    }
    const clash = RESERVED_PATHS.find((r) => prefix !== '' && (contains(prefix, r) || contains(r, prefix)));
    if (clash) problems.push(`${envName(family)} "${prefix}" overlaps the service's own ${clash}`);
  }
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [fa, pa] = entries[i];
      const [fb, pb] = entries[j];
      const overlap = pa === pb || (pa !== '' && pb !== '' && (contains(pa, pb) || contains(pb, pa)));
      if (overlap) {
        problems.push(`${envName(fa)} "${pa}" and ${envName(fb)} "${pb}" overlap`);
      }
    }
  }
  return problems;
}

export function envName(family: CompatFamily): string {
  return `COMPAT_PREFIX_${family.toUpperCase()}`;
}

export function readCompatPrefixes(env: EnvReader): CompatPrefixes {
  const prefixes = {} as CompatPrefixes;
  for (const family of COMPAT_FAMILIES) {
    prefixes[family] = normalizePrefix(env.rawAllowEmpty(envName(family)) ?? `/${family}`);
  }
  env.problems.push(...prefixProblems(prefixes));
  return prefixes;
}
