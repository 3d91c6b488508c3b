import { DataSource } from 'typeorm';
import { Production } from '../../src/cmdb/inventory/entities/production.entity';
import { createTestApp, TestApp } from '../support/test-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Concurrent requests each get their own transaction, on SQLite's single shared connection as on
// MariaDB's pool: one request's rollback never takes another's writes with it.
describe('transactions under concurrency', () => {
  let t: TestApp;
  let ds: DataSource;
  const names = async () => (await ds.getRepository(Production).find({ order: { name: 'ASC' } })).map((p) => p.name);

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.dataSource;
  });
  afterAll(() => t.close());
  beforeEach(() => ds.createQueryBuilder().delete().from(Production).execute());

  const failing = (name: string) =>
    ds.transaction(async (em) => {
      await em.save(em.create(Production, { name }));
      await pause(60);
      throw new Error('refused');
    });

  it('keeps a concurrent transaction that commits while another rolls back', async () => {
    const first = failing('rolled-back');
    await pause(10);
    const second = ds.transaction(async (em) => {
      await em.save(em.create(Production, { name: 'committed' }));
    });
    await expect(first).rejects.toThrow('refused');
    await second;
    expect(await names()).toEqual(['committed']);
  });

  it('keeps a write made outside any transaction while another transaction rolls back', async () => {
    const first = failing('rolled-back');
    await pause(10);
    await ds.getRepository(Production).save({ name: 'plain' });
    await expect(first).rejects.toThrow('refused');
    expect(await names()).toEqual(['plain']);
  });

  it('runs many concurrent transactions, each whole', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        ds.transaction(async (em) => {
          await em.save(em.create(Production, { name: `p${String(i).padStart(2, '0')}-a` }));
          await pause(i % 3);
          if (i % 4 === 0) throw new Error('refused');
          await em.save(em.create(Production, { name: `p${String(i).padStart(2, '0')}-b` }));
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
    const expected = Array.from({ length: 20 }, (_, i) => i)
      .filter((i) => i % 4 !== 0)
      .flatMap((i) => [`p${String(i).padStart(2, '0')}-a`, `p${String(i).padStart(2, '0')}-b`]);
    expect(await names()).toEqual(expected);
  });

  it('treats a transaction opened inside an open one as its savepoint', async () => {
    await ds.transaction(async (em) => {
      await em.save(em.create(Production, { name: 'outer' }));
      await expect(
        ds.transaction(async (inner) => {
          await inner.save(inner.create(Production, { name: 'inner' }));
          throw new Error('inner refused');
        }),
      ).rejects.toThrow('inner refused');
    });
    expect(await names()).toEqual(['outer']);
  });
});
