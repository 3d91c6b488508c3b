import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

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
