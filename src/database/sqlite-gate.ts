import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** The async context of an open transaction; statements from any other context wait for it. */
const owner = new AsyncLocalStorage<symbol>();
/**
 * Code outside any transaction callback (start-up, TypeORM's own implicit transaction of a bare
 * `save()`): all of it counts as one context, so two such implicit transactions may still share one.
 */
const OUTSIDE = Symbol('outside a transaction');

/**
 * TypeORM runs SQLite over one shared connection (one QueryRunner for the whole process), so a
 * transaction opened by one request would take in the statements of every other request that runs
 * while it is open, and roll them back with its own. The gate hands the connection to one
 * transaction at a time: from BEGIN to COMMIT/ROLLBACK only statements of the context that opened
 * it pass, the others wait. A transaction opened inside an open one (same context) is its savepoint,
 * as before. MySQL/MariaDB need none of this: each transaction has a connection of its own.
 */
export function gateSqliteTransactions(dataSource: DataSource): void {
  const runner: QueryRunner = dataSource.driver.createQueryRunner('master');
  /** The context whose transaction holds the connection, from the moment it claims it. */
  let holder: symbol | undefined;
  let turn: Promise<void> = Promise.resolve();
  let free: () => void = () => undefined;
  /** Statements of other contexts that started while no transaction held the connection. */
  let outside = 0;
  let drained: Promise<void> = Promise.resolve();
  let onDrained: () => void = () => undefined;

  const me = () => owner.getStore() ?? OUTSIDE;
  const release = () => {
    if (runner.isTransactionActive || holder === undefined) return;
    holder = undefined;
    free();
  };

  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = (async (...args: unknown[]) => {
    const who = me();
    while (holder !== undefined && holder !== who) await turn;
    if (holder === who) return query(...args);
    if (outside++ === 0) drained = new Promise((resolve) => (onDrained = resolve));
    try {
      return await query(...args);
    } finally {
      if (--outside === 0) onDrained();
    }
  }) as QueryRunner['query'];

  const start = runner.startTransaction.bind(runner);
  runner.startTransaction = async (isolation) => {
    const who = me();
    // Claim and check with no await in between, so two openers never both pass.
    if (holder !== who) {
      while (holder !== undefined) await turn;
      holder = who;
      turn = new Promise((resolve) => (free = resolve));
      // A statement that started before the claim must not end up inside this transaction.
      while (outside > 0) await drained;
    }
    try {
      await start(isolation);
    } catch (e) {
      release();
      throw e;
    }
  };
  for (const name of ['commitTransaction', 'rollbackTransaction'] as const) {
    const end = runner[name].bind(runner);
    runner[name] = async () => {
      try {
        await end();
      } finally {
        release();
      }
    };
  }

  // Each outermost transaction callback runs in a context of its own, so its statements are told
  // apart from those of concurrent requests; one opened inside it shares it (a savepoint).
  const manager: EntityManager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => {
    const store = owner.getStore();
    if (store !== undefined && store === holder) return transaction(...args);
    return owner.run(Symbol('transaction'), () => transaction(...args));
  }) as EntityManager['transaction'];
}
