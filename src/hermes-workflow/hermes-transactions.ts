import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** MySQL/MariaDB: deadlock, lock wait timeout. Both mean "try the whole transaction again". */
const RETRYABLE_ERRNOS = new Set([1213, 1205]);
const ATTEMPTS = 5;

/**
 * Every Hermes write runs through here: one transaction per effect, retried when MySQL picks it
 * as a deadlock victim. (SQLite has one writer at a time: the database module queues them.)
 */
@Injectable()
export class HermesTransactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'better-sqlite3') return this.dataSource.transaction(work);
    return this.withRetry(work);
  }

  /** Runs `work` inside `em`'s transaction when the caller has one, else in a new one. */
  within<T>(em: EntityManager | null, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return em ? work(em) : this.run(work);
  }

  private async withRetry<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        // READ COMMITTED: after waiting on a host's lock, the reads that follow must see what the
        // transaction that held it committed (REPEATABLE READ would answer from an older snapshot).
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (e) {
        if (attempt >= ATTEMPTS || !retryable(e)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }
}

function retryable(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const errno = (e.driverError as { errno?: number } | undefined)?.errno;
  return errno !== undefined && RETRYABLE_ERRNOS.has(errno);
}
