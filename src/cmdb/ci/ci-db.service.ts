import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Transactions } from '../../database/transactions';
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
    private readonly tx: Transactions,
    config: AppConfig,
  ) {
    this.dialect = config.database.type === 'sqlite' ? 'sqlite' : 'mysql';
  }

  /** One request's writes in one transaction; writers of attribute and CI type names take turns. */
  write<T>(work: (em: EntityManager) => Promise<T>, opts: { names?: boolean } = {}): Promise<T> {
    // Attribute and CI type names are unique among the live rows only (deleted ones keep theirs),
    // so no unique index can hold them: their writers serialize on a named lock instead.
    return this.tx.run(work, opts.names ? { lock: 'cmdb-names' } : {});
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
