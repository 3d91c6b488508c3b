/**
 * A batch query's rows handed back per requested key, in the keys' order (a DataLoader's
 * contract): one pass over the rows instead of a scan of them per key.
 */
export function groupBy<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
