import { In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';

/** Hermes paging: `limit` null means every row (the original's `limit=all`). */
export interface HermesPage {
  offset: number;
  limit: number | null;
}

export const ALL: HermesPage = { offset: 0, limit: null };

/** Applies the page with LIMIT/OFFSET (not skip/take: the queries here select plain columns). */
export function paged<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: HermesPage): SelectQueryBuilder<T> {
  if (page.limit !== null) qb.limit(page.limit);
  // MySQL accepts OFFSET only after a LIMIT: "all rows" is the largest limit it knows.
  if (page.offset > 0) {
    if (page.limit === null) qb.limit(Number.MAX_SAFE_INTEGER);
    qb.offset(page.offset);
  }
  return qb;
}

/** Splits a list for IN (...) clauses far below both dialects' parameter limits. */
export function chunks<T>(items: readonly T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows by id, a chunk per query, keyed by id; unknown ids are left out. */
export async function rowsById<T extends ObjectLiteral & { id: number }>(
  repo: Repository<T>,
  ids: readonly number[],
): Promise<Map<number, T>> {
  const out = new Map<number, T>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await repo.findBy({ id: In(part) } as never);
    rows.forEach((r) => out.set(r.id, r));
  }
  return out;
}
