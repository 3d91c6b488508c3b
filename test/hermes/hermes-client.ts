import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

/** Calls /hermes/api/v1 as the original's test client did (JSON bodies), with a bearer token. */
export class HermesClient {
  constructor(
    private readonly t: TestApp,
    private readonly token: string,
    private readonly prefix = '/hermes/api/v1',
  ) {}

  get(path: string, query?: Record<string, string | string[]>) {
    const req = this.t.http.get(this.prefix + path).set('Authorization', `Bearer ${this.token}`);
    return query ? req.query(query) : req;
  }

  create(path: string, body: Json | string) {
    return this.send('post', path, body);
  }

  update(path: string, body: Json | string = {}) {
    return this.send('put', path, body);
  }

  delete(path: string) {
    return this.t.http.delete(this.prefix + path).set('Authorization', `Bearer ${this.token}`);
  }

  send(method: 'post' | 'put', path: string, body: Json | string) {
    return this.t.http[method](this.prefix + path)
      .set('Authorization', `Bearer ${this.token}`)
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

/** Drops `keys` (and every `href`) at any depth, as the original suite compared answers. */
export function strip(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, keys));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'href' && !keys.includes(k))
        .map(([k, v]) => [k, strip(v, keys)]),
    );
  }
  return value;
}

/** Lists compared as multisets, at any depth. */
export function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortDeep).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortDeep(v)]),
    );
  }
  return value;
}

export function expectSuccess(res: Response, data: Json, skip: readonly string[] = [], ignoreOrder = true): void {
  expect({ code: res.status, body: res.body }).toMatchObject({ code: 200, body: { status: 'ok' } });
  const got = strip(res.body, skip);
  // Skipped keys are left out of both sides: expected objects may be built with them.
  const want = strip({ ...data, status: 'ok' }, skip);
  if (ignoreOrder) expect(sortDeep(got)).toEqual(sortDeep(want));
  else expect(got).toEqual(want);
}

export function expectCreated(res: Response, location: string): void {
  expect({ code: res.status, status: res.body.status, location: res.headers.location }).toEqual({
    code: 201,
    status: 'created',
    location,
  });
}

export function expectError(res: Response, code: number): void {
  expect({ code: res.status, body: res.body }).toMatchObject({ code, body: { status: 'error', error: { code } } });
  expect(typeof res.body.error.message).toBe('string');
}

/** Empties the Hermes tables and the hosts, and restarts their ids at 1 (the suite compares ids). */
export async function resetHermes(ds: DataSource): Promise<void> {
  const tables = ['hermes_labors', 'hermes_events', 'hermes_quests', 'hermes_fates', 'hermes_event_types', 'hosts'];
  if (ds.options.type === 'better-sqlite3') {
    for (const table of tables) await ds.query(`DELETE FROM "${table}"`);
    await ds.query(`DELETE FROM sqlite_sequence WHERE name IN (${tables.map((t) => `'${t}'`).join(', ')})`);
    return;
  }
  await ds.transaction(async (em) => {
    await em.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const table of tables) await em.query(`TRUNCATE TABLE \`${table}\``);
    await em.query('SET FOREIGN_KEY_CHECKS = 1');
  });
}

export const SET1 = {
  hosts: [{ hostname: 'example' }, { hostname: 'sample' }, { hostname: 'test' }],
  eventTypes: [
    { category: 'system-reboot', state: 'required', description: 'This system requires a reboot.' },
    { category: 'system-reboot', state: 'completed', description: 'This system rebooted.' },
    { category: 'system-maintenance', state: 'required', description: 'This system requires maintenance.' },
    { category: 'system-maintenance', state: 'ready', description: 'This system is ready for maintenance.' },
    { category: 'system-maintenance', state: 'completed', description: 'System maintenance completed.' },
    { category: 'system-shutdown', state: 'required', description: 'System shutdown required.' },
    { category: 'system-shutdown', state: 'completed', description: 'System shutdown completed.' },
  ],
  events: [
    { hostname: 'example', user: 'system', eventTypeId: 1, note: 'example needs a reboot' },
    { hostname: 'example', user: 'system', eventTypeId: 2, note: 'example needs a rebooted' },
  ],
  fates: [
    { creationEventTypeId: 1, description: 'A system that needs a reboot can be cleared by rebooting the machine.' },
    {
      creationEventTypeId: 2,
      followsId: 1,
      description: 'A system that needs a reboot can be cleared by rebooting the machine.',
    },
    {
      creationEventTypeId: 3,
      description: 'A system that needs maintenance made ready before maintenance can occur.',
    },
    {
      creationEventTypeId: 4,
      followsId: 3,
      forCreator: true,
      forOwner: false,
      description: 'A system that needs maintenance made ready before maintenance can occur.',
    },
    { creationEventTypeId: 5, followsId: 4, description: 'Maintenance must be performed on a system that is prepped.' },
  ],
};

/** The original's `sample_data1_server`: three hosts, seven event types, two events, five fates. */
export async function loadSampleData1(c: HermesClient): Promise<void> {
  expect((await c.create('/hosts/', { hosts: SET1.hosts })).status).toBe(201);
  expect((await c.create('/eventtypes/', { eventTypes: SET1.eventTypes })).status).toBe(201);
  for (const e of SET1.events) expect((await c.create('/events/', e)).status).toBe(201);
  for (const f of SET1.fates) expect((await c.create('/fates/', f)).status).toBe(201);
}
