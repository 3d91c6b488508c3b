import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ADMIN_PASSWORD, createTestApp, TestApp } from '../support/test-app';
import { HermesClient, resetHermes } from './hermes-client';

interface Received {
  data?: Record<string, { id: number; hostId: number; fateId?: number; completionEventId?: number | null }>;
  errors?: unknown[];
}

async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `ws://127.0.0.1:${port}/graphql`;
}

function wsClient(url: string, authorization?: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { Authorization: authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects what a subscription sends until `count` items arrived (or it errs / times out). */
function collect(client: Client, query: string, count: number): { done: Promise<Received[]>; started: Promise<void> } {
  const got: Received[] = [];
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((r) => (markStarted = r));
  const done = new Promise<Received[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out with ${got.length} of ${count}`)), 10000);
    client.on('connected', () => setTimeout(markStarted, 100));
    const stop = client.subscribe<Received['data']>(
      { query },
      {
        next: (value) => {
          got.push(value as Received);
          if (got.length >= count) {
            clearTimeout(timer);
            stop();
            resolve(got);
          }
        },
        error: (e) => {
          clearTimeout(timer);
          reject(e instanceof Error ? e : Object.assign(new Error('subscription failed'), { cause: e }));
        },
        complete: () => undefined,
      },
    );
  });
  return { done, started };
}

describe('hermes over GraphQL: queries, mutations, subscriptions', () => {
  let t: TestApp;
  let admin: string;
  let url: string;
  const gql = async (query: string, variables?: Record<string, unknown>) =>
    (await t.graphql(query, variables, admin)).body as {
      data?: Record<string, unknown>;
      errors?: { extensions: { code: string; field?: string } }[];
    };

  beforeAll(async () => {
    t = await createTestApp({ HERMES_DOMAIN: 'example.com', GRAPHQL_WS_RECHECK: '1' });
    admin = await t.adminToken();
    url = await listen(t);
  });
  afterAll(() => t.close());
  beforeEach(() => resetHermes(t.dataSource));

  const seed = async () => {
    const types = await gql(
      `mutation($i: [CreateHermesEventTypeInput!]!) { createHermesEventTypes(input: $i) { id } }`,
      {
        i: [
          { category: 'patch', state: 'needed', description: 'n' },
          { category: 'patch', state: 'done', description: 'd' },
        ],
      },
    );
    expect(types.errors).toBeUndefined();
    await gql(`mutation { createHermesFate(input: {creationEventTypeId: 1, description: "start"}) { id } }`);
    await gql(
      `mutation { createHermesFate(input: {creationEventTypeId: 2, followsId: 1, description: "end"}) { id } }`,
    );
  };

  it('runs a quest through mutations and reads its progress, labors and fates', async () => {
    await seed();
    const created = await gql(
      `mutation { createHermesQuest(input: {fateId: 1, creator: "lead", description: "patch all", hostnames: ["a", "b"]}) {
        id creator progress { totalLabors unstartedLabors percentComplete } labors { hostId fate { id precedesIds creationEventType { state } } } } }`,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createHermesQuest).toEqual({
      id: 1,
      creator: 'lead@example.com',
      progress: { totalLabors: 2, unstartedLabors: 2, percentComplete: 0 },
      labors: [
        { hostId: 1, fate: { id: 1, precedesIds: [2], creationEventType: { state: 'needed' } } },
        { hostId: 2, fate: { id: 1, precedesIds: [2], creationEventType: { state: 'needed' } } },
      ],
    });
    const thrown = await gql(
      `mutation { throwHermesEvent(input: {questId: 1, category: "patch", state: "done", user: "bot"}) { id user host { name } } }`,
    );
    expect(thrown.data?.throwHermesEvent).toEqual([
      { id: 3, user: 'bot@example.com', host: { name: 'a' } },
      { id: 4, user: 'bot@example.com', host: { name: 'b' } },
    ]);
    const quest = await gql(
      `{ hermesQuest(id: 1) { completionTime progress { completedLabors percentComplete } labors(onlyOpen: true) { id } } }`,
    );
    expect(quest.data?.hermesQuest).toMatchObject({
      completionTime: expect.any(String),
      progress: { completedLabors: 2, percentComplete: 100 },
      labors: [],
    });
    const labors = await gql(
      `{ hermesLabors(hostname: "a") { total items { id closingFate { id } completionEvent { id } quest { id } } } }`,
    );
    expect(labors.data?.hermesLabors).toEqual({
      total: 1,
      items: [{ id: 1, closingFate: { id: 2 }, completionEvent: { id: 3 }, quest: { id: 1 } }],
    });
    const events = await gql(`{ hermesEvents(limit: 2) { total items { id eventType { state } } } }`);
    expect(events.data?.hermesEvents).toEqual({
      total: 4,
      items: [
        { id: 4, eventType: { state: 'done' } },
        { id: 3, eventType: { state: 'done' } },
      ],
    });
  });

  it('answers bad input with a code and the field', async () => {
    await seed();
    const bad = await gql(
      `mutation { throwHermesEvent(input: {hostnames: ["a"], category: "patch", user: "u"}) { id } }`,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'state' });
    const cycle = await gql(`mutation { updateHermesFate(id: 1, input: {followsId: 2}) { id } }`);
    expect(cycle.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'followsId' });
    const dup = await gql(
      `mutation { createHermesEventTypes(input: [{category: "patch", state: "done", description: "again"}]) { id } }`,
    );
    expect(dup.errors?.[0].extensions.code).toBe('CONFLICT');
    const late = await gql(
      `mutation { createHermesQuest(input: {fateId: 1, creator: "c", description: "d", hostnames: ["a"], targetTime: "2001-01-01"}) { id } }`,
    );
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetTime' });
  });

  it('streams thrown events and labor changes to an authenticated websocket, after commit', async () => {
    await seed();
    const client = wsClient(url, `Bearer ${admin}`);
    const events = collect(client, `subscription { hermesEventThrown(eventTypeId: 2) { id hostId eventTypeId } }`, 1);
    const labors = collect(client, `subscription { laborChanged { id fateId completionEventId } }`, 3);
    await events.started;
    const rest = new HermesClient(t, admin);
    // A type-1 event opens labor 1; the filtered subscription skips it. Type 2 closes it.
    expect((await rest.create('/events', { hostname: 'web', user: 'u', eventTypeId: 1 })).status).toBe(201);
    expect((await rest.create('/events', { hostname: 'web', user: 'u', eventTypeId: 2 })).status).toBe(201);
    // A request that fails publishes nothing.
    expect((await rest.create('/events', { hostname: 'bad name!', user: 'u', eventTypeId: 1 })).status).toBe(400);
    expect((await rest.create('/events', { hostname: 'web', user: 'u', eventTypeId: 1 })).status).toBe(201);
    expect(await events.done).toEqual([{ data: { hermesEventThrown: { id: 2, hostId: 1, eventTypeId: 2 } } }]);
    expect(await labors.done).toEqual([
      { data: { laborChanged: { id: 1, fateId: 1, completionEventId: null } } },
      { data: { laborChanged: { id: 1, fateId: 1, completionEventId: 2 } } },
      { data: { laborChanged: { id: 2, fateId: 1, completionEventId: null } } },
    ]);
    await client.dispose();
  });

  it('closes an open websocket once its token is logged out', async () => {
    const token = await t.login('admin', ADMIN_PASSWORD);
    const client = wsClient(url, `Bearer ${token}`);
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
    const { done, started } = collect(client, `subscription { hermesEventThrown { id } }`, 1);
    const ended = done.catch(() => undefined); // the subscription ends with the socket
    await started;
    await t.http.post('/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    expect(await closed).toBe(4401);
    await ended;
    await client.dispose();
  });

  it('closes a websocket without credentials before any subscription', async () => {
    const client = wsClient(url);
    const refused = await collect(client, `subscription { hermesEventThrown { id } }`, 1).done.catch((e: Error) => e);
    // graphql-ws closes with 4403 Forbidden when onConnect refuses the connection.
    expect((refused as Error & { cause?: { code?: number } }).cause?.code).toBe(4403);
    await client.dispose();
  });
});

const redisUrl = process.env.TEST_REDIS_URL;

(redisUrl ? describe : describe.skip)('hermes subscriptions over Redis: two API nodes', () => {
  let publisher: TestApp;
  let subscriber: TestApp;

  beforeAll(async () => {
    publisher = await createTestApp({ REDIS_URL: redisUrl });
    subscriber = await createTestApp({ REDIS_URL: redisUrl }, publisher.db);
  });
  afterAll(async () => {
    await subscriber.close({ keepDatabase: true });
    await publisher.close();
  });

  it('delivers an event thrown on one node to a subscriber on the other', async () => {
    const url = await listen(subscriber);
    const token = await subscriber.adminToken();
    const client = wsClient(url, `Bearer ${token}`);
    const sub = collect(client, `subscription { hermesEventThrown { id user } }`, 1);
    await sub.started;
    const rest = new HermesClient(publisher, await publisher.adminToken());
    await rest.create('/eventtypes', { category: 'c', state: 's', description: 'd' });
    expect((await rest.create('/events', { hostname: 'n1', user: 'node', eventTypeId: 1 })).status).toBe(201);
    expect(await sub.done).toEqual([{ data: { hermesEventThrown: { id: 1, user: 'node@localhost' } } }]);
    await client.dispose();
  });
});

describe('hermes with its Redis pub/sub unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A port that was just free: nothing listens there, so every connection is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    t = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(() => t.close());

  it('still throws events and runs the fates: publishing is best effort, after the commit', async () => {
    const rest = new HermesClient(t, await t.adminToken());
    await rest.create('/eventtypes', { category: 'c', state: 's', description: 'd' });
    await rest.create('/fates', { creationEventTypeId: 1, description: 'f' });
    const started = Date.now();
    const single = await rest.create('/events', { hostname: 'n1', user: 'u', eventTypeId: 1 });
    const bulk = await rest.create('/events', { hostnames: ['n2', 'n3'], user: 'u', eventTypeId: 1 });
    expect([single.status, bulk.status]).toEqual([201, 201]);
    // Answered at once, not after a publish that waits for a connection.
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await rest.get('/labors')).body.totalLabors).toBe(3);
  });
});
