// Rows named by a name, an id or an alias, as the original's lookups read them: name first, then
// id, then alias, ignoring case.
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

interface Named {
  id: number;
  name: string;
  alias: string;
}

/** In a list: the row this key names (name, then id, then alias, ignoring case). */
export function pickByKey<T extends Named>(rows: readonly T[], key: string | number): T | undefined {
  const k = String(key).trim().toLowerCase();
  if (k === '') return undefined;
  return (
    rows.find((r) => r.name.toLowerCase() === k) ??
    rows.find((r) => String(r.id) === k) ??
    rows.find((r) => r.alias.toLowerCase() === k)
  );
}

/** In a table of soft-deletable rows: the live row this key names (three small queries at most). */
export async function findLiveByKey<T extends Named & ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  key: string | number,
): Promise<T | null> {
  const k = String(key).trim();
  if (k === '') return null;
  const repo = em.getRepository(entity);
  const by = (column: 'name' | 'alias') =>
    repo
      .createQueryBuilder('e')
      .where(`e.deleted = :no AND LOWER(e.${column}) = :k`, { no: false, k: k.toLowerCase() })
      .orderBy('e.id')
      .getOne();
  const byId = () =>
    repo
      .createQueryBuilder('e')
      .where('e.deleted = :no AND e.id = :id', { no: false, id: Number(k) })
      .getOne();
  return (await by('name')) ?? (/^\d+$/.test(k) ? await byId() : null) ?? by('alias');
}

/**
 * Whether another row (matching `where`, other than `exceptId`) already has this name in `column`,
 * ignoring case as MySQL's collation does, so both dialects refuse `Server` next to `server`.
 */
export function nameTaken(
  em: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  column: string,
  value: string,
  opts: { where?: Record<string, string | number | boolean | undefined>; exceptId?: number } = {},
): Promise<boolean> {
  const qb = em
    .getRepository(entity)
    .createQueryBuilder('e')
    .where(`LOWER(e.${column}) = :value`, { value: value.toLowerCase() });
  for (const [key, v] of Object.entries(opts.where ?? {})) {
    if (v !== undefined) qb.andWhere(`e.${key} = :${key}`, { [key]: v });
  }
  if (opts.exceptId !== undefined) qb.andWhere('e.id <> :exceptId', { exceptId: opts.exceptId });
  return qb.getExists();
}
