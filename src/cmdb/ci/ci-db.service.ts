import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AppConfig } from '../../config/app-config';

/** Rows per multi-row INSERT: well under every driver's parameter limit for our widest table. */
const INSERT_CHUNK = 500;

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
  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return this.dataSource.transaction(work);
    return this.dataSource.transaction('READ COMMITTED', work);
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
