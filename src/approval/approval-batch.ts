import { DomainError } from '../common/errors/domain-errors';

export type BatchItem<K, T> = { key: K; ok: true; value: T } | { key: K; ok: false; error: DomainError };

/**
 * Runs `work` for each key in turn, each on its own (its own transaction, its own checks): a key
 * refused with a domain error is reported and the others go on. Anything else is a bug and stops.
 */
export async function eachOnItsOwn<K, T>(keys: readonly K[], work: (key: K) => Promise<T>): Promise<BatchItem<K, T>[]> {
  const results: BatchItem<K, T>[] = [];
  for (const key of keys) {
    try {
      results.push({ key, ok: true, value: await work(key) });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      results.push({ key, ok: false, error: e });
    }
  }
  return results;
}
