import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';
import { TooManyRequestsError } from '../../common/errors/domain-errors';
import { AppConfig } from '../../config/app-config';

/** Rows per multi-row INSERT: well under every driver's parameter limit for our widest table. */
const INSERT_CHUNK = 500;

/**
 * MySQL/MariaDB errors after which a request's transaction runs again: a duplicate key (a
 * concurrent writer committed the same pair or name first; the next run sees its row and answers
 * as for any existing one), a deadlock, a lock wait timeout.
 */
const RETRY_ERRNOS = new Set([1062, 1213, 1205]);
const ATTEMPTS = 4;

/** Seconds a writer of attribute or CI type names waits for the one before it. */
const NAME_LOCK_WAIT = 10;

/**
 * The database as the CI engine writes to it: one transaction per request, row locks that keep
 * unique values unique under concurrent writers, and multi-row inserts.
 */
@Injectable()
export class CiDbService {
  readonly dialect: 'mysql' | 'sqlite';

  constructor(
    readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.dialect = config.database.type === 'sqlite' ? 'sqlite' : 'mysql';
  }

  /**
   * One request's writes in one transaction. On MySQL it reads committed data, so a check made
   * after taking a lock sees what the previous holder of the lock committed; SQLite's transactions
   * already run one at a time (the database module's gate).
   */
  write<T>(work: (em: EntityManager) => Promise<T>, opts: { names?: boolean } = {}): Promise<T> {
    if (this.dialect === 'sqlite') return this.dataSource.transaction(work);
    return this.retried(() =>
      opts.names ? this.underNamesLock(work) : this.dataSource.transaction('READ COMMITTED', work),
    );
  }

  private async retried<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (e) {
        const errno = e instanceof QueryFailedError ? (e.driverError as { errno?: number }).errno : undefined;
        if (attempt >= ATTEMPTS || errno === undefined || !RETRY_ERRNOS.has(errno)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }

  /**
   * Attribute and CI type names are unique among the live rows only (deleted ones keep theirs), so
   * no unique index can hold them: writers of those names take turns on a named lock, held until
   * their transaction has committed, so each one's check sees what the one before it wrote.
   */
  private async underNamesLock<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const name = `CONCAT(DATABASE(), '.cmdb-names')`;
    try {
      const [got] = (await runner.query(`SELECT GET_LOCK(${name}, ?) AS got`, [NAME_LOCK_WAIT])) as { got: unknown }[];
      if (Number(got?.got) !== 1)
        throw new TooManyRequestsError('Another change of CMDB names is under way; try again', 1);
      try {
        return await runner.manager.transaction('READ COMMITTED', work);
      } finally {
        await runner.query(`SELECT RELEASE_LOCK(${name})`);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Locks rows (by id, in id order so two writers never wait on each other crosswise) until the
   * transaction ends. SQLite needs none: its writers already take turns.
   */
  async lock(em: EntityManager, table: 'ci_types' | 'ci_attributes' | 'cis', ids: readonly number[]): Promise<void> {
    if (this.dialect === 'sqlite' || ids.length === 0) return;
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    await em.query(
      `SELECT id FROM \`${table}\` WHERE id IN (${sorted.map(() => '?').join(',')}) ORDER BY id FOR UPDATE`,
      sorted,
    );
  }

  /** Inserts rows in multi-row statements; answers their ids in order. */
  async insertReturningIds<T extends ObjectLiteral>(
    em: EntityManager,
    entity: EntityTarget<T>,
    rows: T[],
  ): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const result = await em.insert(entity, rows.slice(i, i + INSERT_CHUNK));
      ids.push(...result.identifiers.map((r) => Number(r.id)));
    }
    return ids;
  }

  /** Inserts rows in multi-row statements without reading anything back. */
  async insertMany(
    em: EntityManager,
    entity: EntityTarget<ObjectLiteral>,
    rows: readonly ObjectLiteral[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await em
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows.slice(i, i + INSERT_CHUNK))
        .updateEntity(false)
        .execute();
    }
  }
}
