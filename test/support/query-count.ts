import type { TestApp } from './test-app';

/** How many SQL queries `run` makes: every driver's queries pass the data source's logger. */
export async function countQueries(t: TestApp, run: () => Promise<void>): Promise<number> {
  const spy = jest.spyOn(t.dataSource.logger, 'logQuery');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
