import DataLoader from 'dataloader';

/** The GraphQL context of one request. */
export interface GraphqlContext {
  req: unknown;
  loaders?: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * A DataLoader that lives for one request: field resolvers of a list share
 * it, so N items cost one batched query instead of N.
 */
export function requestLoader<K, V>(
  ctx: GraphqlContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V> {
  ctx.loaders ??= new Map();
  let loader = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    ctx.loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
