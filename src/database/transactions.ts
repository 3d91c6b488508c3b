import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { TooManyRequestsError } from '../common/errors/domain-errors';

/**
 * MySQL/MariaDB errors after which the whole transaction runs again: a duplicate key (a concurrent
 * writer committed the same row first; the next run sees it and answers as for any existing one),
 * a deadlock, a lock wait timeout.
 */
const RETRY_ERRNOS = new Set([1062, 1213, 1205]);
const ATTEMPTS = 5;
/** Seconds a transaction waits for a named lock before giving up with a 429. */
const NAMED_LOCK_WAIT = 10;

export interface TransactionOptions {
  /**
   * MySQL: hold this named lock (GET_LOCK) until the transaction has committed, so writers of one
   * kind take turns and each one's checks see what the previous one wrote. SQLite's writers already
   * take turns. For uniqueness no index can hold (names unique among live rows only, say).
   */
  lock?: string;
}

/**
 * The one way services open a transaction. On MySQL it reads committed data (a check made after
 * taking a lock sees what the previous holder committed) and runs again when MySQL picks it as a
 * deadlock victim or a concurrent writer won a unique key; `work` must therefore be safe to run
 * twice (no effects outside the database). SQLite runs one transaction at a time (sqlite-gate.ts).
 */
@Injectable()
export class Transactions {
  private readonly sqlite: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (em: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.sqlite) return this.dataSource.transaction(work);
    const { lock } = options;
    return this.retried(() =>
      lock ? this.underNamedLock(lock, work) : this.dataSource.transaction('READ COMMITTED', work),
    );
  }

  /** Runs `work` inside the caller's transaction when it has one, else in a new one. */
  within<T>(em: EntityManager | null | undefined, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return em ? work(em) : this.run(work);
  }

  private async retried<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (e) {
        if (attempt >= ATTEMPTS || !retryable(e)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }

  private async underNamedLock<T>(lock: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    // Scoped to the database, so two schemas on one server (tests, tenants) never wait on each other.
    const name = `CONCAT(DATABASE(), ?)`;
    try {
      const [got] = (await runner.query(`SELECT GET_LOCK(${name}, ?) AS got`, [`.${lock}`, NAMED_LOCK_WAIT])) as {
        got: unknown;
      }[];
      if (Number(got?.got) !== 1)
        throw new TooManyRequestsError('Another change of the same kind is under way; try again', 1);
      try {
        return await runner.manager.transaction('READ COMMITTED', work);
      } finally {
        await runner.query(`SELECT RELEASE_LOCK(${name})`, [`.${lock}`]);
      }
    } finally {
      await runner.release();
    }
  }
}

export function retryable(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const errno = (e.driverError as { errno?: number } | undefined)?.errno;
  return errno !== undefined && RETRY_ERRNOS.has(errno);
}
