import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { HermesPage } from '../../hermes-workflow/hermes-page';
import { requireHermesTime } from '../../hermes-workflow/hermes-time';

export type Query = Record<string, string | string[] | undefined>;
export type Body = Record<string, unknown>;

/** The original checked the type before reading the body, for every POST and PUT. */
export function requireJson(req: Request): void {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new BadRequestException('Invalid Content-Type for POST/PUT request.');
  }
}

/** The JSON body as an object; an empty body counts as `{}`. */
export function bodyOf(req: Request): Body {
  requireJson(req);
  const body: unknown = req.body ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInputError('body', 'must be a JSON object');
  }
  return body as Body;
}

export function has(body: Body, key: string): boolean {
  return Object.hasOwn(body, key) && body[key] !== undefined;
}

/** A required string; a missing key or null is a 400 naming it (the original: 400 or 500). */
export function requiredString(body: Body, key: string, field = key): string {
  const v = body[key];
  if (v === undefined || v === null) throw new InvalidInputError(field, 'Missing Required Argument');
  if (typeof v !== 'string') throw new InvalidInputError(field, 'must be a string');
  return v;
}

export function optionalString(body: Body, key: string, field = key): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InvalidInputError(field, 'must be a string');
  return v;
}

/** An id given as a number or as digits. */
export function optionalId(body: Body, key: string, field = key): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  return toId(v, field);
}

export function requiredId(body: Body, key: string, field = key): number {
  const v = optionalId(body, key, field);
  if (v === undefined) throw new InvalidInputError(field, 'Missing Required Argument');
  return v;
}

export function toId(v: unknown, field: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new InvalidInputError(field, 'must be a non-negative integer');
  }
  return n;
}

/** Booleans from old clients: JSON booleans, 0/1, "true"/"false". */
export function optionalBool(body: Body, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  if (typeof v === 'string' && /^(true|false|0|1)$/i.test(v)) return /^(true|1)$/i.test(v);
  throw new InvalidInputError(key, 'must be true or false');
}

export function stringList(body: Body, key: string): string[] {
  const v = body[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new InvalidInputError(key, 'must be a list of strings');
  }
  return v as string[];
}

/** A time to store: lenient as the original, but unreadable text is a 400 naming the field. */
export function optionalTime(body: Body, key: string): string | undefined {
  const v = optionalString(body, key);
  return v === undefined ? undefined : requireHermesTime(v, key);
}

// --- query parameters

export function q(query: Query, name: string): string | undefined {
  const v = query[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

export function qList(query: Query, name: string): string[] {
  const v = query[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * `limit` (default 10, `all` = every row) and `offset` (default 0); anything else is a 400. No
 * maximum, as in the original, but a number past 2^53 would reach the SQL inexact (or as 1e+20).
 */
export function pageOf(query: Query): HermesPage {
  const limit = q(query, 'limit');
  const offset = q(query, 'offset');
  const int = (v: string, field: string) => {
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
      throw new InvalidInputError(field, 'must be a non-negative integer');
    }
    return Number(v);
  };
  return {
    limit: limit === undefined ? 10 : limit.toLowerCase() === 'all' ? null : int(limit, 'limit'),
    offset: offset === undefined ? 0 : int(offset, 'offset'),
  };
}

/** Flags are on for any non-empty value except `false` and `0`. */
export function flag(query: Query, name: string): boolean {
  const v = q(query, name);
  return v !== undefined && v !== '' && !/^(false|0)$/i.test(v);
}

export function qInt(query: Query, name: string): number | undefined {
  const v = q(query, name);
  return v === undefined ? undefined : toId(v, name);
}

export function qTime(query: Query, name: string): string | undefined {
  const v = q(query, name);
  return v === undefined ? undefined : requireHermesTime(v, name);
}

/** `expand` is repeatable; the set is handed down to nested objects. */
export function expandOf(query: Query): Set<string> {
  return new Set(
    qList(query, 'expand')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim()),
  );
}

/** Path ids are digits only. */
export function pathId(raw: string, entity: string): number {
  if (!/^\d+$/.test(raw)) throw new InvalidInputError('id', `${entity} id must be digits`);
  return Number(raw);
}
