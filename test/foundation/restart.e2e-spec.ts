import { User } from '../../src/acl/entities/user.entity';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { createTestApp } from '../support/test-app';

describe('starting again on the same database', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates the schema and the admin once, keeps data and tokens across restarts', async () => {
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    let first;
    try {
      first = await createTestApp({ ADMIN_PASSWORD: '' }, db);
    } finally {
      write.mockRestore();
    }
    // ADMIN_PASSWORD unset: a password is generated and printed once.
    const password = /Generated password:\s+(\S+)/.exec(printed.join(''))?.[1];
    expect(password).toBeDefined();
    const token = await first.login('admin', password as string);
    await first.close({ keepDatabase: true });

    const again: string[] = [];
    const write2 = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      again.push(String(chunk));
      return true;
    });
    let second;
    try {
      second = await createTestApp({ ADMIN_PASSWORD: '' }, db);
    } finally {
      write2.mockRestore();
    }
    try {
      expect(again.join('')).not.toMatch(/Generated password/);
      expect(await second.dataSource.getRepository(User).count()).toBe(1);
      // The JWT secret was kept (DATA_DIR or environment): the old token still works.
      await second.http.get('/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      await second.login('admin', password as string);
      const audit = await second.graphql('{ auditEntries(operation: "bootstrap_admin") { total } }', undefined, token);
      expect(audit.body.data.auditEntries.total).toBe(1);
      const pending = await second.dataSource.showMigrations();
      expect(pending).toBe(false);
    } finally {
      await second.close({ keepDatabase: true });
    }
  });
});
