import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';

/** The GraphQL context of one request. */
export interface GraphqlContext {
  req: unknown;
  loaders?: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * The authenticated caller, for field resolvers. Field resolvers take GraphQL's own arguments
 * (parent, args, context) without parameter decorators: Nest then calls them directly instead
 * of through its per-call pipeline, which cost more than the field itself on a 50-row page.
 */
export function principalOf(ctx: GraphqlContext): Principal {
  return (ctx.req as { user: Principal }).user;
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
