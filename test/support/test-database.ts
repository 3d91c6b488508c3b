import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/** A database of its own for one test file: a SQLite file, or a fresh MySQL/MariaDB database. */
export interface TestDatabase {
  /** DATABASE_URL for the app. */
  url: string;
  /** DATA_DIR for the app (generated secrets, SQLite file). */
  dataDir: string;
  drop(): Promise<void>;
}

/** When TEST_DATABASE_URL is set (mysql://user:pass@host:port), each file gets a new database there. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-test-'));
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    return {
      url: `sqlite:${join(dataDir, 'ops.sqlite')}`,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `ops_test_${randomBytes(6).toString('hex')}`;
  const base = new URL(server);
  base.pathname = '/';
  const admin = await createConnection({ uri: base.toString() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    drop: async () => {
      const c = await createConnection({ uri: base.toString() });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
