import { Application } from '../../src/cmdb/inventory/entities/application.entity';
import { ApplicationInstance } from '../../src/cmdb/inventory/entities/application-instance.entity';
import { ResponsePerson, ResponsePersonType } from '../../src/cmdb/inventory/entities/response-person.entity';
import { AuditEntry } from '../../src/audit/entities/audit-entry.entity';
import { MailMessage } from '../../src/common/mail/mail-message.entity';
import { HermesLabor } from '../../src/hermes-workflow/entities/hermes-labor.entity';
import { HermesService } from '../../src/hermes-workflow/hermes.service';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { expectCreated, expectError, HermesClient, resetHermes } from './hermes-client';

/** The worked example of the reference: tests/sample_data/sample_data2.sql, loaded over REST. */
const SAMPLE2 = {
  eventTypes: [
    ['system-maintenance', 'audit'],
    ['system-maintenance', 'needed'],
    ['system-maintenance', 'ready'],
    ['system-maintenance', 'completed'],
    ['system-reboot', 'needed'],
    ['system-reboot', 'completed'],
    ['puppet', 'restart'],
  ].map(([category, state]) => ({ category, state, description: `${category} ${state}` })),
  // [creation type, follows, forCreator]
  fates: [
    [1, null, false],
    [2, 1, false],
    [3, 2, true],
    [4, 3, true],
    [6, 2, false],
    [5, null, false],
    [6, 6, false],
    [7, 7, true],
    [1, null, false],
    [7, 9, false],
  ] as const,
};

describe('hermes workflows: engine, concurrency, permissions, mail, side doors', () => {
  let t: TestApp;
  let admin: string;
  let c: HermesClient;

  const loadSample2 = async () => {
    expect((await c.create('/eventtypes', { eventTypes: SAMPLE2.eventTypes })).status).toBe(201);
    for (const [creationEventTypeId, followsId, forCreator] of SAMPLE2.fates) {
      const res = await c.create('/fates', {
        creationEventTypeId,
        followsId,
        forCreator,
        forOwner: !forCreator,
        description: 'f',
      });
      expect(res.status).toBe(201);
    }
  };
  const throwOn = (hostname: string, eventTypeId: number) =>
    c.create('/events', { hostname, user: 'tester', eventTypeId });
  const laborsOf = async (hostname: string) =>
    (await c.get('/labors', { hostname, limit: 'all' })).body.labors as {
      id: number;
      fateId: number;
      closingFateId: number | null;
      startingLaborId: number | null;
      creationEventId: number;
      completionEventId: number | null;
    }[];

  beforeAll(async () => {
    t = await createTestApp({ HERMES_DOMAIN: 'example.com', PUBLIC_URL: 'https://ops.example.com' });
    admin = await t.adminToken();
    c = new HermesClient(t, admin);
  });
  afterAll(() => t.close());
  beforeEach(() => resetHermes(t.dataSource));

  it('walks the reference worked example: first starting fate only, chains, the path taken', async () => {
    await loadSample2();
    expectCreated(await throwOn('example', 1), '/api/v1/events/1');
    expect((await laborsOf('example')).map((l) => [l.id, l.fateId, l.startingLaborId])).toEqual([[1, 1, null]]);
    await throwOn('example', 2);
    await throwOn('example', 3);
    await throwOn('example', 4);
    expect((await laborsOf('example')).map((l) => [l.id, l.fateId, l.closingFateId, l.startingLaborId])).toEqual([
      [1, 1, 2, null],
      [2, 2, 3, 1],
      [3, 3, 4, 1],
    ]);
    // The whole chain through its first labor.
    expect((await c.get('/labors', { startingLaborId: '1' })).body.totalLabors).toBe(3);
    // Reboot-completed instead of ready closes L2 through fate 5 and ends the chain.
    await throwOn('other', 1);
    await throwOn('other', 2);
    await throwOn('other', 6);
    const other = await laborsOf('other');
    expect(other.map((l) => [l.fateId, l.closingFateId])).toEqual([
      [1, 2],
      [2, 5],
    ]);
    // An intermediate type starts nothing on its own.
    await throwOn('fresh', 3);
    expect(await laborsOf('fresh')).toEqual([]);
    // afterEventType / afterEventId, per host.
    const total = async (query: Record<string, string>) => (await c.get('/events', query)).body.totalEvents;
    expect(await total({})).toBe(8);
    expect(await total({ hostname: 'example', afterEventType: '3' })).toBe(2);
    expect(await total({ hostname: 'example', afterEventId: '2' })).toBe(3);
    expectError(await c.get('/events', { hostname: 'fresh', afterEventType: '7' }), 400);
    expectError(await c.get('/events', { hostname: 'nohost' }), 400);
  });

  it('reads the fate graph fresh: a fate turned into a follower stops starting labors at once', async () => {
    await loadSample2();
    expect((await c.update('/fates/9', { followsId: 1 })).status).toBe(200);
    expect((await c.update('/fates/1', { followsId: 6 })).status).toBe(200);
    // A cycle is refused: 2 follows 1, which follows 6.
    expectError(await c.update('/fates/6', { followsId: 2 }), 400);
    // Type 1 now starts nothing (fates 1 and 9 follow others).
    await throwOn('example', 1);
    expect(await laborsOf('example')).toEqual([]);
    // Type 5 starts fate 6; type 1 then advances it through fate 1, its new follower.
    await throwOn('example', 5);
    await throwOn('example', 1);
    expect((await laborsOf('example')).map((l) => [l.fateId, l.closingFateId, l.startingLaborId])).toEqual([
      [6, 1, null],
      [1, null, 1],
    ]);
  });

  it('gives 50 concurrent identical events the labors of 50 sequential ones, on each dialect', async () => {
    // Type 1 starts fate 1 and also advances every open fate-1 labor through fate 2 (type 1 too).
    await c.create('/eventtypes', {
      eventTypes: [
        { category: 'c', state: 'x', description: 'x' },
        { category: 'c', state: 'y', description: 'y' },
      ],
    });
    await c.create('/fates', { creationEventTypeId: 1, description: 'start' });
    await c.create('/fates', { creationEventTypeId: 1, followsId: 1, description: 'again' });
    await c.create('/fates', { creationEventTypeId: 2, followsId: 2, description: 'end' });
    await c.create('/hosts', { hosts: [{ hostname: 'parallel' }, { hostname: 'serial' }] });

    const answers = await Promise.all(Array.from({ length: 50 }, () => throwOn('parallel', 1)));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(201));
    for (let i = 0; i < 50; i++) expect((await throwOn('serial', 1)).status).toBe(201);

    // Compare shapes: ids relative to the host's own first event and labor.
    const shape = async (hostname: string) => {
      const labors = await laborsOf(hostname);
      const events = (await c.get('/events', { hostname, limit: 'all' })).body.events as { id: number }[];
      const ev = new Map(events.map((e, i) => [e.id, i]));
      const lab = new Map(labors.map((l, i) => [l.id, i]));
      return labors.map((l) => [
        l.fateId,
        l.closingFateId,
        l.startingLaborId === null ? null : lab.get(l.startingLaborId),
        ev.get(l.creationEventId),
        l.completionEventId === null ? null : ev.get(l.completionEventId),
      ]);
    };
    const parallel = await shape('parallel');
    expect(parallel).toHaveLength(99);
    expect(parallel).toEqual(await shape('serial'));
  });

  it('lets a failing request fail alone when it is gathered with good ones', async () => {
    await c.create('/eventtypes', { category: 'c', state: 'x', description: 'x' });
    const good = Array.from({ length: 10 }, (_, i) => throwOn(`host-${i}`, 1));
    const bad = c.create('/events', { hostname: 'bad name!', user: 'u', eventTypeId: 1 });
    const answers = await Promise.all([...good, bad]);
    expect(answers.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(201));
    expectError(answers[10], 400);
    expect(answers[10].body.error.message).toContain('hostname');
    expect((await c.get('/events')).body.totalEvents).toBe(10);
  });

  it('checks hermes permissions: reads need a login only, writes their grant', async () => {
    await c.create('/eventtypes', { category: 'c', state: 'x', description: 'x' });
    const bobId = (await createUser(t, `bob${Date.now()}`, 'bob-password')).id;
    const bobName = (await t.dataSource.query('SELECT username FROM users WHERE id = ?', [bobId]))[0].username;
    const bob = new HermesClient(t, await t.login(bobName, 'bob-password'));
    expect((await bob.get('/eventtypes')).status).toBe(200);
    expectError(await bob.create('/events', { hostname: 'h', user: 'u', eventTypeId: 1 }), 403);
    expectError(await bob.create('/eventtypes', { category: 'c', state: 'y', description: 'y' }), 403);
    expectError(await bob.create('/hosts', { hostname: 'h2' }), 403);
    expectError(await bob.create('/quests', { fateId: 1, creator: 'b', description: 'd', hostnames: ['h'] }), 403);
    const set = await t.graphql(
      `mutation($i: SetPermissionsInput!) { setPermissions(input: $i) { permission } }`,
      {
        i: {
          subject: { type: 'USER', id: bobId },
          resource: { type: 'module', id: 'hermes' },
          changes: [{ permission: 'throw_event', enabled: true }],
        },
      },
      admin,
    );
    expect(set.body.errors).toBeUndefined();
    expectCreated(await bob.create('/events', { hostname: 'h', user: 'u', eventTypeId: 1 }), '/api/v1/events/1');
    expectError(await bob.create('/eventtypes', { category: 'c', state: 'y', description: 'y' }), 403);
    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ module: 'hermes', operation: 'throw_event', operatorId: bobId });
    expect(audit).toHaveLength(1);
    // Every call needs credentials.
    expect((await t.http.get('/hermes/api/v1/events')).status).toBe(401);
  });

  it('speaks the envelope for wrong methods, content types and paging', async () => {
    await c.create('/hosts', { hostname: 'example' });
    const plain = await t.http
      .post('/hermes/api/v1/hosts')
      .set('Authorization', `Bearer ${admin}`)
      .type('form')
      .send({ hostname: 'x' });
    expectError(plain, 400);
    expect(plain.body.error.message).toBe('Invalid Content-Type for POST/PUT request.');
    expectError(await c.delete('/hosts/example'), 405);
    // The content type is checked before the method, as the original did.
    const formLabor = await t.http.post('/hermes/api/v1/labors').set('Authorization', `Bearer ${admin}`).type('form');
    expectError(formLabor, 400);
    expectError(await c.create('/labors', {}), 405);
    expectError(await c.delete('/hosts'), 405);
    expect((await c.delete('/eventtypes/1')).body.error.message).toBe('Method not supported for this resource.');
    expectError(await c.get('/hosts', { limit: 'ten' }), 400);
    expectError(await c.get('/hosts', { offset: '-1' }), 400);
    // Past 2^53 the number would reach the SQL as 1e+20: a 400, not a database error.
    for (const path of ['/hosts', '/events', '/labors', '/quests']) {
      expectError(await c.get(path, { limit: '99999999999999999999' }), 400);
      expectError(await c.get(path, { offset: '99999999999999999999' }), 400);
    }
    expect((await c.get('/events', { limit: String(Number.MAX_SAFE_INTEGER), offset: '1' })).status).toBe(200);
    expectError(await c.get('/eventtypes/abc'), 400);
    expectError(await c.get('/eventtypes/42'), 404);
    expectError(await c.get('/hosts/nohost'), 404);
    expectError(await c.create('/hosts', { hostname: null }), 400);
    expectError(await c.create('/hosts', { hosts: [{ name: 'x' }] }), 400);
    await c.create('/hosts', { hosts: Array.from({ length: 12 }, (_, i) => ({ hostname: `h${i}` })) });
    const all = await c.get('/hosts/', { limit: 'all' });
    expect(all.body).toMatchObject({ limit: null, offset: 0, totalHosts: 13 });
    expect(all.body.hosts).toHaveLength(13);
    expect(all.body.hosts[0].href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hermes\/api\/v1\/hosts\/example$/);
    expect((await c.get('/hosts', { limit: '5', offset: '10' })).body.hosts).toHaveLength(3);
    expect((await c.get('/serverConfig')).body).toMatchObject({
      status: 'ok',
      domain: 'example.com',
      fullstoryId: null,
    });
    expect((await c.get('/currentUser')).body.user).toBe('admin@example.com');
    expect((await c.get('/currentUser').set('X-Pp-User', 'proxy@example.com')).body.user).toBe('proxy@example.com');
  });

  it('shows a host with its events, labors, quests and last event, stubs unless expanded', async () => {
    await loadSample2();
    await throwOn('example', 1);
    await c.create('/quests', { fateId: 6, creator: 'q', description: 'reboot', hostnames: ['example'] });
    const stubs = (await c.get('/hosts/example')).body;
    expect(stubs.events).toHaveLength(2);
    expect(stubs.events[0]).toEqual({ id: 1, href: expect.stringMatching(/\/hermes\/api\/v1\/events\/1$/) });
    expect(stubs.labors.map((l: { id: number }) => l.id)).toEqual([1, 2]);
    expect(stubs.quests).toEqual([{ id: 1, href: expect.stringMatching(/\/quests\/1$/) }]);
    expect(stubs.lastEvent).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/);
    const full = (await c.get('/hosts/example?expand=events&expand=labors&expand=quests&expand=eventtypes')).body;
    expect(full.events[0]).toMatchObject({ id: 1, eventType: { id: 1, category: 'system-maintenance' } });
    expect(full.labors[1]).toMatchObject({ id: 2, fateId: 6, questId: 1 });
    expect(full.quests[0]).toMatchObject({ id: 1, creator: 'q@example.com', description: 'reboot' });
    const event = (await c.get('/events/1?expand=hosts&expand=eventtypes')).body;
    expect(event).toMatchObject({ host: { id: 1, hostname: 'example' }, eventType: { id: 1 } });
    const starting = (await c.get('/eventtypes?startingTypes=true&expand=fates')).body;
    expect(starting.eventTypes.map((e: { id: number }) => e.id)).toEqual([1, 5]);
    expect(starting.eventTypes[0].autoCreates.map((f: { id: number }) => f.id)).toEqual([1, 9]);
    // Merging moves the host's events and labors to the other host.
    await c.create('/hosts', { hostname: 'renamed' });
    expect((await c.update('/hosts/example', { hostname: 'renamed' })).body).toMatchObject({ hostname: 'renamed' });
    expect((await c.get('/events', { hostname: 'renamed' })).body.totalEvents).toBe(2);
    expect((await c.get('/labors', { hostname: 'renamed' })).body.totalLabors).toBe(2);
  });

  it('mails server owners and labor owners through the outbox, with a link to the quest', async () => {
    await loadSample2();
    const owner = await createUser(t, `owner${Date.now()}`, 'owner-password', { email: 'owner@corp.example' });
    const plain = await createUser(t, `plain${Date.now()}`, 'plain-password');
    await c.create('/hosts', { hostname: 'web-1' });
    const hostId = (await c.get('/hosts/web-1')).body.id as number;
    const app = await t.dataSource
      .getRepository(Application)
      .save({ name: `app${Date.now()}`, fullName: `app${Date.now()}` });
    await t.dataSource.getRepository(ApplicationInstance).save({ applicationId: app.id, hostId });
    await t.dataSource.getRepository(ResponsePerson).save([
      { applicationId: app.id, userId: owner.id, type: ResponsePersonType.OPS },
      { applicationId: app.id, userId: plain.id, type: ResponsePersonType.DEV },
    ]);
    // Fate 3 is a creator fate: its labor goes to the quest creator.
    await c.create('/quests', { fateId: 3, creator: 'lead', description: 'patch', hostnames: ['web-1'] });
    const mails = t.dataSource.getRepository(MailMessage);
    const before = await mails.count();
    const send = (body: Record<string, unknown>) =>
      c.create('/quests/1/mail', { from: 'lead@example.com', subject: 'Patch', message: 'Please patch', ...body });
    expectError(await send({}), 400);
    expectError(await send({ serverOwners: true, subject: undefined }), 400);
    // The outbox holds a 255-character subject and a 65,535-byte body.
    for (const [field, value] of [
      ['subject', 's'.repeat(256)],
      ['message', 'm'.repeat(70_000)],
      ['from', 'f'.repeat(256)],
    ]) {
      const res = await send({ serverOwners: true, [field]: value });
      expectError(res, 400);
      expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
    }
    expectError(await c.create('/quests/9/mail', { serverOwners: true, from: 'a', subject: 'b', message: 'c' }), 404);
    const res = await send({ serverOwners: true });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ status: 'created' });
    const sent = (await mails.find({ order: { id: 'ASC' } })).slice(before);
    expect(sent.map((m) => m.recipient).sort()).toEqual(['owner@corp.example', `${plain.username}@example.com`].sort());
    expect(sent[0].body).toContain('https://ops.example.com/hermes/api/v1/quests/1');
    expect(sent[0].status).toBe('pending');
    await send({ laborOwners: true });
    const labor = (await mails.find({ order: { id: 'ASC' } })).slice(before + 2);
    expect(labor.map((m) => m.recipient)).toEqual(['lead@example.com']);
  });

  it('lets other modules throw events through HermesService, in their transaction or their own', async () => {
    await loadSample2();
    const hermes = t.app.get(HermesService);
    const [event] = await hermes.throwEvent(null, {
      hostname: 'sched-1',
      category: 'system-maintenance',
      state: 'audit',
      user: 'scheduler',
      note: 'from the scheduler',
    });
    expect(event).toMatchObject({ eventTypeId: 1, user: 'scheduler@example.com' });
    expect((await laborsOf('sched-1')).map((l) => l.fateId)).toEqual([1]);
    // Inside a transaction that rolls back: nothing stays.
    await expect(
      t.dataSource.transaction(async (em) => {
        await hermes.throwEvent(em, { hostnames: ['sched-2'], eventTypeId: 1, user: 'deploy' });
        expect(await em.countBy(HermesLabor, {})).toBe(2);
        throw new Error('deploy failed');
      }),
    ).rejects.toThrow('deploy failed');
    expect((await c.get('/hosts', { hostname: 'sched-2' })).body.totalHosts).toBe(0);
    await expect(hermes.throwEvent(null, { hostname: 'x', category: 'nope', user: 'u' })).rejects.toThrow(/state/);
  });

  it('answers hostQuery with the CMDB search language everywhere, and userQuery through the inventory', async () => {
    await loadSample2();
    await c.create('/hosts', {
      hosts: ['web-1', 'web-2', 'db-1'].map((hostname) => ({ hostname })),
    });
    const names = async (query: Record<string, string>) =>
      ((await c.get('/hosts', query)).body.hosts as { hostname: string }[]).map((h) => h.hostname);
    expect(await names({ hostQuery: 'hostname:web-*' })).toEqual(['web-1', 'web-2']);
    // Fixed: a query matching nothing selects nothing (the original listed every host).
    expect(await names({ hostQuery: 'hostname:none-*' })).toEqual([]);
    const bad = await c.get('/hosts', { hostQuery: 'colour:blue' });
    expectError(bad, 400);
    expect(bad.body.error.message).toContain('hostQuery');

    const thrown = await c.create('/events', { hostQuery: 'hostname:web-*', user: 'u', eventTypeId: 1 });
    expect(thrown.status).toBe(201);
    expect(thrown.body.totalEvents).toBe(2);
    expectError(await c.create('/events', { hostQuery: 'hostname:none-*', user: 'u', eventTypeId: 1 }), 400);
    expect((await c.get('/events', { hostQuery: 'hostname:web-2' })).body.totalEvents).toBe(1);
    expect((await c.get('/events', { hostQuery: 'hostname:db-*' })).body.totalEvents).toBe(0);

    // Quest over db-1 with a creator fate (3): the creator's labor, not an owner's.
    expect(
      (await c.create('/quests', { fateId: 3, creator: 'lead', description: 'db', hostQuery: 'hostname:db-*' })).status,
    ).toBe(201);
    const quests = await c.get('/quests', { hostQuery: 'hostname:db-1' });
    expect(quests.body.quests.map((q: { id: number }) => q.id)).toEqual([1]);
    expect((await c.get('/quests', { hostQuery: 'hostname:web-*' })).body.totalQuests).toBe(0);

    // Owner labors on the queried hosts: web-1 and web-2 (fate 1); db-1's is a creator labor.
    expect((await c.get('/labors', { hostQuery: 'hostname:*-1' })).body.totalLabors).toBe(1);
    expectError(await c.get('/labors', { hostQuery: 'hostname:none-*' }), 400);
    // userQuery: owner labors on the user's hosts, plus creator labors of the user's quests.
    const owner = await createUser(t, `dba${Date.now()}`, 'dba-password', { email: 'dba@corp.example' });
    const web2 = (await c.get('/hosts/web-2')).body.id as number;
    const app = await t.dataSource
      .getRepository(Application)
      .save({ name: `w${Date.now()}`, fullName: `w${Date.now()}` });
    await t.dataSource.getRepository(ApplicationInstance).save({ applicationId: app.id, hostId: web2 });
    await t.dataSource
      .getRepository(ResponsePerson)
      .save({ applicationId: app.id, userId: owner.id, type: ResponsePersonType.OPS });
    const mine = await c.get('/labors', { userQuery: 'dba@corp.example' });
    expect(mine.body.labors.map((l: { hostId: number }) => l.hostId)).toEqual([web2]);
    expectError(await c.get('/labors', { userQuery: 'nobody' }), 400);

    const ext = await c.get('/extquery', { query: 'hostname:web-*' });
    expect(ext.body).toMatchObject({ status: 'ok', results: ['web-1', 'web-2'] });
    expect((await c.create('/extquery', { user: owner.username })).body.results).toEqual(['web-2']);
    expectError(await c.get('/extquery', { query: 'colour:red' }), 400);

    const gql = await t.graphql(
      `mutation { throwHermesEvent(input: {hostQuery: "hostname:web-1", eventTypeId: 2, user: "u"}) { host { name } } }`,
      undefined,
      admin,
    );
    expect(gql.body.data.throwHermesEvent).toEqual([{ host: { name: 'web-1' } }]);
  });
});
