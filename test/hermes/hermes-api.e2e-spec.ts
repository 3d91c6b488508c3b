import { createTestApp, TestApp } from '../support/test-app';
import { expectCreated, expectError, expectSuccess, HermesClient, loadSampleData1, resetHermes } from './hermes-client';

// The original service's own API tests (tests/api_tests), run against /hermes with the fixes of
// its bugs: every former 500 answers a 400 naming the field.
describe('hermes family: the original API suite', () => {
  let t: TestApp;
  let c: HermesClient;

  /** Python's str(datetime): microseconds always shown here (they are not zero in practice). */
  const pyTime = (d: Date, micros = 123) =>
    `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 23)}${String(micros).padStart(3, '0')}`;
  const daysFromNow = (days: number, micros = 123) => pyTime(new Date(Date.now() + days * 86400_000), micros);

  beforeAll(async () => {
    t = await createTestApp({ HERMES_DOMAIN: 'example.com' });
    c = new HermesClient(t, await t.adminToken());
  });
  afterAll(() => t.close());
  beforeEach(() => resetHermes(t.dataSource));

  describe('hosts', () => {
    it('refuses a body that is not JSON', async () => {
      expectError(await c.create('/hosts', 'Non-JSON'), 400);
    });

    it('creates, refuses duplicates, lists and shows hosts', async () => {
      expectSuccess(await c.get('/hosts'), { hosts: [], limit: 10, offset: 0, totalHosts: 0 });
      expectCreated(await c.create('/hosts', { hostname: 'example' }), '/api/v1/hosts/example');
      expectError(await c.create('/hosts', { hostname: 'example' }), 409);
      expectSuccess(await c.get('/hosts'), {
        hosts: [{ id: 1, hostname: 'example' }],
        limit: 10,
        offset: 0,
        totalHosts: 1,
      });
      expectSuccess(await c.get('/hosts/example'), {
        id: 1,
        hostname: 'example',
        events: [],
        labors: [],
        quests: [],
        lastEvent: null,
        limit: 10,
        offset: 0,
      });
      expectCreated(await c.create('/hosts', { hostname: 'sample' }), '/api/v1/hosts/sample');
      expectSuccess(await c.get('/hosts', { hostname: 'sample' }), {
        hosts: [{ id: 2, hostname: 'sample' }],
        limit: 10,
        offset: 0,
        totalHosts: 1,
      });
    });

    it('creates several at once, all or nothing', async () => {
      const res = await c.create('/hosts', {
        hosts: [{ hostname: 'example' }, { hostname: 'sample' }, { hostname: 'test' }],
      });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBeUndefined();
      expect(res.body.totalHosts).toBe(3);
      expectSuccess(await c.get('/hosts'), { limit: 10, offset: 0, totalHosts: 3 }, ['hosts']);
      // A taken name or one given twice: 409 and nothing written.
      expectError(await c.create('/hosts', { hosts: [{ hostname: 'fresh' }, { hostname: 'test' }] }), 409);
      expectError(await c.create('/hosts', { hosts: [{ hostname: 'new1' }, { hostname: 'new1' }] }), 409);
      expect((await c.get('/hosts')).body.totalHosts).toBe(3);
      // A one-item bulk answers in the single form.
      expectCreated(await c.create('/hosts', { hosts: [{ hostname: 'solo' }] }), '/api/v1/hosts/solo');
    });

    it('renames, and refuses an empty update', async () => {
      await c.create('/hosts', { hostname: 'testname' });
      expectSuccess(await c.update('/hosts/testname', { hostname: 'newname' }), { id: 1, hostname: 'newname' });
      expectError(await c.update('/hosts/newname'), 400);
      expectError(await c.update('/hosts/nosuchhost', { hostname: 'x' }), 404);
    });

    it('merges into the host that already has the new name', async () => {
      await c.create('/hosts', { hostname: 'testname' });
      await c.create('/hosts', { hostname: 'newname' });
      expectSuccess(await c.update('/hosts/testname', { hostname: 'newname' }), { id: 2, hostname: 'newname' });
    });
  });

  describe('event types', () => {
    it('refuses a body that is not JSON', async () => {
      expectError(await c.create('/eventtypes', 'Non-JSON'), 400);
    });

    it('creates, refuses duplicates, lists, filters and shows event types', async () => {
      expectSuccess(await c.get('/eventtypes'), { eventTypes: [], limit: 10, offset: 0, totalEventTypes: 0 });
      expectCreated(
        await c.create('/eventtypes', { category: 'foo', state: 'bar', description: 'This is a test' }),
        '/api/v1/eventtypes/1',
      );
      expectError(
        await c.create('/eventtypes', { category: 'foo', state: 'bar', description: 'Reject duplicate' }),
        409,
      );
      const one = { id: 1, category: 'foo', state: 'bar', description: 'This is a test', restricted: false };
      expectSuccess(await c.get('/eventtypes'), { eventTypes: [one], limit: 10, offset: 0, totalEventTypes: 1 });
      expectSuccess(await c.get('/eventtypes/1'), { ...one, events: [], limit: 10, offset: 0 });
      expectCreated(
        await c.create('/eventtypes', { category: 'foo', state: 'baz', description: 'This is a second test' }),
        '/api/v1/eventtypes/2',
      );
      expectSuccess(await c.get('/eventtypes', { category: 'foo', state: 'baz' }), {
        eventTypes: [{ id: 2, category: 'foo', state: 'baz', description: 'This is a second test', restricted: false }],
        limit: 10,
        offset: 0,
        totalEventTypes: 1,
      });
    });

    it('creates several at once', async () => {
      const res = await c.create('/eventtypes', {
        eventTypes: [
          { category: 'foo', state: 'bar', description: 'This is a test' },
          { category: 'foo', state: 'baz', description: 'This is a 2nd test', restricted: true },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body.totalEventTypes).toBe(2);
      expect(res.body.eventTypes.map((e: { restricted: boolean }) => e.restricted)).toEqual([false, true]);
      expectSuccess(await c.get('/eventtypes'), { limit: 10, offset: 0, totalEventTypes: 2 }, ['eventTypes']);
    });

    it('updates the description only, and requires it', async () => {
      await c.create('/eventtypes', { category: 'foo', state: 'bar', description: 'This is a test' });
      expectSuccess(await c.update('/eventtypes/1', { description: 'new' }), {
        id: 1,
        category: 'foo',
        state: 'bar',
        description: 'new',
        restricted: false,
      });
      expectError(await c.update('/eventtypes/1'), 400);
    });
  });

  describe('events', () => {
    beforeEach(() => loadSampleData1(c));

    it('refuses bad input: no JSON, no type, half a type (400, not the original 500)', async () => {
      expectError(await c.create('/events', 'Non-JSON'), 400);
      const base = { hostname: 'example', user: 'testman@example.com', note: 'This is a test event' };
      expectError(await c.create('/events', base), 400);
      const half = await c.create('/events', { ...base, category: 'blah' });
      expectError(half, 400);
      expect(half.body.error.message).toContain('state');
      expectError(await c.create('/events', { ...base, state: 'blah' }), 400);
      expectError(await c.create('/events', { ...base, category: 'blah', state: 'blah' }), 400);
      expectError(await c.create('/events', { ...base, eventTypeId: 99 }), 400);
      expectError(await c.create('/events', { hostname: 'example', eventTypeId: 1 }), 400);
      expectError(await c.create('/events', { user: 'x', eventTypeId: 1 }), 400);
      expectError(await c.create('/events', { user: 'x', eventTypeId: 1, questId: 42 }), 404);
      // 250 characters and @example.com are more than the 255 the column holds.
      const long = await c.create('/events', { ...base, eventTypeId: 1, user: 'u'.repeat(250) });
      expectError(long, 400);
      expect(long.body.error.message).toMatch(/^user: /);
      // A TEXT column holds 65,535 bytes: 70,000 characters, or 20,000 three-byte ones, do not fit.
      for (const note of ['n'.repeat(70_000), '€'.repeat(22_000)]) {
        const big = await c.create('/events', { ...base, eventTypeId: 1, note });
        expectError(big, 400);
        expect(big.body.error.message).toMatch(/^note: /);
      }
      expect((await c.get('/events')).body.totalEvents).toBe(2);
      // The original's very large note still fits.
      expect((await c.create('/events', { ...base, eventTypeId: 1, note: 'n'.repeat(60_000) })).status).toBe(201);
    });

    it('creates events by type id or by category and state', async () => {
      const r = (id: number, category: string, state: string, description: string) => ({
        id,
        category,
        state,
        description,
        restricted: false,
      });
      expectSuccess(await c.get('/eventtypes'), {
        eventTypes: [
          r(1, 'system-reboot', 'required', 'This system requires a reboot.'),
          r(2, 'system-reboot', 'completed', 'This system rebooted.'),
          r(3, 'system-maintenance', 'required', 'This system requires maintenance.'),
          r(4, 'system-maintenance', 'ready', 'This system is ready for maintenance.'),
          r(5, 'system-maintenance', 'completed', 'System maintenance completed.'),
          r(6, 'system-shutdown', 'required', 'System shutdown required.'),
          r(7, 'system-shutdown', 'completed', 'System shutdown completed.'),
        ],
        limit: 10,
        offset: 0,
        totalEventTypes: 7,
      });
      expectSuccess(
        await c.get('/events'),
        {
          events: [
            { eventTypeId: 1, hostId: 1, id: 1, note: 'example needs a reboot', user: 'system@example.com' },
            { eventTypeId: 2, hostId: 1, id: 2, note: 'example needs a rebooted', user: 'system@example.com' },
          ],
          limit: 10,
          offset: 0,
          totalEvents: 2,
        },
        ['timestamp'],
      );
      const created = await c.create('/events', {
        hostname: 'example',
        user: 'testman@example.com',
        eventTypeId: 1,
        note: 'This is a test event',
      });
      expectCreated(created, '/api/v1/events/3');
      expect(created.body.href).toBe('/hermes/api/v1/events/3');
      expectSuccess(
        await c.get('/events/3'),
        { id: 3, hostId: 1, note: 'This is a test event', eventTypeId: 1, user: 'testman@example.com' },
        ['timestamp'],
      );
      expectCreated(
        await c.create('/events', {
          hostname: 'example',
          user: 'testman@example.com',
          category: 'system-reboot',
          state: 'completed',
          note: 'This is another test event',
        }),
        '/api/v1/events/4',
      );
      expectSuccess(
        await c.get('/events/4'),
        { id: 4, hostId: 1, note: 'This is another test event', eventTypeId: 2, user: 'testman@example.com' },
        ['timestamp'],
      );
    });

    it('refuses to change an event (405)', async () => {
      expectCreated(
        await c.create('/events', { hostname: 'example', user: 'testman@example.com', eventTypeId: 1, note: 'x' }),
        '/api/v1/events/3',
      );
      expectError(await c.update('/events/3', { note: 'New note' }), 405);
      expectError(await c.delete('/events/3'), 405);
    });

    it('throws one event per host of `hostnames`', async () => {
      const res = await c.create('/events', {
        hostnames: ['example', 'sample', 'test'],
        user: 'testman@example.com',
        eventTypeId: 1,
        note: 'This is a test event',
      });
      expect(res.status).toBe(201);
      expect(res.body.totalEvents).toBe(3);
      expect(res.headers.location).toBeUndefined();
    });

    it('throws a batch in host order, whatever the order of the names', async () => {
      // The original read the named hosts back from the database and inserted in that order.
      await c.create('/fates', { creationEventTypeId: 6, description: 'shutdown' });
      const res = await c.create('/events', { hostnames: ['test', 'newhost', 'example'], user: 'u', eventTypeId: 6 });
      const pairs = (res.body.events as { id: number; hostId: number }[]).map((e) => [e.id, e.hostId]);
      expect(pairs).toEqual([
        [3, 1],
        [4, 3],
        [5, 4],
      ]);
      const quest = await c.create('/quests', {
        fateId: 1,
        creator: 'c',
        description: 'd',
        hostnames: ['test', 'sample'],
      });
      const labors = (quest.body.labors as { id: number; hostId: number; creationEventId: number }[]).map((l) => [
        l.id,
        l.hostId,
        l.creationEventId,
      ]);
      expect(labors).toEqual([
        [4, 2, 6],
        [5, 3, 7],
      ]);
      const all = (await c.get('/labors')).body.labors as { id: number; hostId: number }[];
      expect(all.slice(0, 3).map((l) => [l.id, l.hostId])).toEqual([
        [1, 1],
        [2, 3],
        [3, 4],
      ]);
    });

    it('filters by time: after is inclusive, before exclusive', async () => {
      expect((await c.get('/events/2')).body.timestamp).toEqual(expect.any(String));
      expectCreated(
        await c.create('/events', { hostname: 'example', user: 'testman@example.com', eventTypeId: 1, note: 'x' }),
        '/api/v1/events/3',
      );
      const stamp = (await c.get('/events/3')).body.timestamp as string;
      expect((await c.get(`/events/?after=${stamp}`)).body.totalEvents).toBe(1);
      expect((await c.get(`/events/?before=${stamp}`)).body.totalEvents).toBe(2);
      expectError(await c.get('/events/?after=yesterday'), 400);
    });
  });

  describe('fates', () => {
    beforeEach(() => loadSampleData1(c));

    it('refuses bad input', async () => {
      expectError(await c.create('/fates', 'Non-JSON'), 400);
      const both = { creationEventTypeId: 6, forOwner: false, forCreator: false, description: 'New fate' };
      expectError(await c.create('/fates', both), 400);
      expectError(await c.create('/fates', { creationEventTypeId: 99, description: 'x' }), 400);
      expectError(await c.create('/fates', { creationEventTypeId: 6, followsId: 99, description: 'x' }), 400);
      expectError(await c.create('/fates', { creationEventTypeId: 6, followsId: 0, description: 'x' }), 400);
      expectError(await c.create('/fates', { description: 'x' }), 400);
      expectError(await c.create('/fates', { creationEventTypeId: 6 }), 400);
    });

    it('creates fates and shows their followers', async () => {
      expectSuccess(await c.get('/eventtypes'), { limit: 10, offset: 0, totalEventTypes: 7 }, ['eventTypes']);
      const created = await c.create('/fates/', { creationEventTypeId: 6, description: 'New fate' });
      expectCreated(created, '/api/v1/fates/6');
      expect(created.body.href).toBe('/hermes/api/v1/fates/6');
      expectCreated(
        await c.create('/fates/', { creationEventTypeId: 7, followsId: 6, description: 'New fate2' }),
        '/api/v1/fates/7',
      );
      const fate = { forOwner: true, forCreator: false };
      expectSuccess(await c.get('/fates/6'), {
        id: 6,
        creationEventTypeId: 6,
        followsId: null,
        precedesIds: [7],
        description: 'New fate',
        ...fate,
      });
      expectSuccess(await c.get('/fates/7'), {
        id: 7,
        creationEventTypeId: 7,
        followsId: 6,
        precedesIds: [],
        description: 'New fate2',
        ...fate,
      });
    });

    it('updates followsId and description', async () => {
      expectCreated(await c.create('/fates/', { creationEventTypeId: 6, description: 'New fate' }), '/api/v1/fates/6');
      const base = { id: 6, creationEventTypeId: 6, forOwner: true, forCreator: false, precedesIds: [] };
      expectSuccess(await c.get('/fates/6'), { ...base, followsId: null, description: 'New fate' });
      expectSuccess(await c.update('/fates/6', { followsId: 1 }), { ...base, followsId: 1, description: 'New fate' });
      expectSuccess(await c.update('/fates/6', { description: 'New desc' }), {
        ...base,
        followsId: 1,
        description: 'New desc',
      });
      expectSuccess(await c.update('/fates/6', { followsId: null, description: 'Another desc' }), {
        ...base,
        followsId: null,
        description: 'Another desc',
      });
      expectSuccess(await c.get('/fates/6'), { ...base, followsId: null, description: 'Another desc' });
      // Fixed: an unknown fate, the fate itself, or a cycle is refused with a 400.
      expectError(await c.update('/fates/6', { followsId: 99 }), 400);
      expectError(await c.update('/fates/6', { followsId: 6 }), 400);
      expectError(await c.update('/fates/1', { followsId: 2 }), 400);
      expectError(await c.update('/fates/99', { description: 'x' }), 404);
    });
  });

  describe('labors', () => {
    beforeEach(() => loadSampleData1(c));

    const labor = (over: Record<string, unknown>) => ({
      ackTime: null,
      ackUser: null,
      fateId: 1,
      closingFateId: null,
      completionEventId: null,
      forOwner: true,
      forCreator: false,
      startingLaborId: null,
      questId: 1,
      ...over,
    });

    it('opens one labor per host of a quest', async () => {
      expectSuccess(await c.get('/events'), { limit: 10, offset: 0, totalEvents: 2 }, ['timestamp', 'events']);
      expectSuccess(await c.get('/quests'), { limit: 10, offset: 0, totalQuests: 0, quests: [] });
      expectSuccess(await c.get('/labors'), { limit: 10, offset: 0, totalLabors: 0, labors: [] });
      const target = daysFromNow(7);
      expectCreated(
        await c.create('/quests', {
          creator: 'johnny',
          fateId: 1,
          targetTime: target,
          description: 'This is a quest almighty',
          hostnames: ['example', 'sample', 'test'],
        }),
        '/api/v1/quests/1',
      );
      expectSuccess(
        await c.get('/labors'),
        {
          limit: 10,
          offset: 0,
          totalLabors: 3,
          labors: [
            labor({ id: 1, hostId: 1, creationEventId: 3, targetTime: target }),
            labor({ id: 2, hostId: 2, creationEventId: 4, targetTime: target }),
            labor({ id: 3, hostId: 3, creationEventId: 5, targetTime: target }),
          ],
        },
        ['creationTime', 'completionTime'],
      );
    });

    it('acknowledges a labor and moves it to a quest', async () => {
      expectCreated(
        await c.create('/quests', {
          creator: 'johnny',
          fateId: 1,
          description: 'This is a quest almighty',
          hostnames: ['example', 'sample', 'test'],
        }),
        '/api/v1/quests/1',
      );
      expectSuccess(await c.get('/labors'), { limit: 10, offset: 0, totalLabors: 3 }, ['creationTime', 'labors']);
      expectCreated(
        await c.create('/events', {
          hostname: 'example',
          user: 'testman@example.com',
          eventTypeId: 1,
          note: 'This is a test event',
        }),
        '/api/v1/events/6',
      );
      expectSuccess(
        await c.get('/labors/4'),
        labor({ id: 4, hostId: 1, creationEventId: 6, completionTime: null, questId: null }),
        ['creationTime'],
      );
      const res = await c.update('/labors/4', { ackUser: 'johnny@example.com', questId: 1 });
      expectSuccess(
        res,
        labor({
          id: 4,
          hostId: 1,
          creationEventId: 6,
          completionTime: null,
          ackUser: 'johnny@example.com',
          targetTime: null,
        }),
        ['creationTime', 'ackTime'],
      );
      expect(res.body.ackTime).not.toBeNull();
      // Fixed: neither field, an unknown quest, an unknown labor.
      expectError(await c.update('/labors/4', {}), 400);
      expectError(await c.update('/labors/4', { questId: 42 }), 404);
      expectError(await c.update('/labors/42', { ackUser: 'x' }), 404);
      expectError(await c.create('/labors', { hostId: 1 }), 405);
    });

    it('filters by host and by the category and state of the opening event', async () => {
      expectSuccess(await c.get('/labors'), { limit: 10, offset: 0, totalLabors: 0, labors: [] });
      for (const [fateId, description] of [
        [1, 'This is a quest almighty'],
        [3, 'This is a 2nd quest almighty'],
      ] as const) {
        expect(
          (
            await c.create('/quests', {
              creator: 'johnny',
              fateId,
              description,
              hostnames: ['example', 'sample', 'test'],
            })
          ).status,
        ).toBe(201);
      }
      const total = async (query: string) => (await c.get(`/labors${query}`)).body.totalLabors;
      expect(await total('')).toBe(6);
      expect(await total('?hostname=example')).toBe(2);
      expect(await total('?category=system-reboot&state=required')).toBe(3);
      expect(await total('?category=system-maintenance')).toBe(3);
      expectError(await c.get('/labors?hostname=nohost'), 400);
    });

    it('expands quests', async () => {
      expectCreated(
        await c.create('/quests', {
          creator: 'johnny',
          fateId: 1,
          description: 'This is a quest almighty',
          hostnames: ['example'],
        }),
        '/api/v1/quests/1',
      );
      expectCreated(
        await c.create('/events', { eventTypeId: 1, hostname: 'sample', user: 'testman@example.com' }),
        '/api/v1/events/4',
      );
      expectSuccess(
        await c.get('/labors?expand=quests'),
        {
          limit: 10,
          offset: 0,
          totalLabors: 2,
          labors: [
            labor({
              id: 1,
              hostId: 1,
              creationEventId: 3,
              completionTime: null,
              targetTime: null,
              quest: {
                completionTime: null,
                creator: 'johnny@example.com',
                description: 'This is a quest almighty',
                id: 1,
                targetTime: null,
              },
            }),
            labor({ id: 2, hostId: 2, creationEventId: 4, completionTime: null, quest: null, questId: null }),
          ],
        },
        ['embarkTime', 'creationTime'],
      );
    });
  });

  describe('quests', () => {
    beforeEach(() => loadSampleData1(c));

    const events2 = {
      events: [
        { eventTypeId: 1, hostId: 1, id: 1, note: 'example needs a reboot', user: 'system@example.com' },
        { eventTypeId: 2, hostId: 1, id: 2, note: 'example needs a rebooted', user: 'system@example.com' },
      ],
      limit: 10,
      offset: 0,
      totalEvents: 2,
    };

    it('refuses bad input', async () => {
      expectError(await c.create('/quests', 'Non-JSON'), 400);
      const ok = { creator: 'johnny', fateId: 1, description: 'd', hostnames: ['example'] };
      expectError(await c.create('/quests', { ...ok, fateId: 99 }), 400);
      expectError(await c.create('/quests', { ...ok, hostnames: [] }), 400);
      expectError(await c.create('/quests', { ...ok, targetTime: '2001-01-01 00:00:00' }), 400);
      expectError(await c.create('/quests', { ...ok, targetTime: 'soon' }), 400);
      expectError(await c.create('/quests', { ...ok, creator: undefined }), 400);
      expectError(await c.create('/quests', { ...ok, description: undefined }), 400);
      expectError(await c.create('/quests', { ...ok, fateId: undefined }), 400);
      const long = await c.create('/quests', { ...ok, creator: 'c'.repeat(250) });
      expectError(long, 400);
      expect(long.body.error.message).toMatch(/^creator: /);
      const wordy = await c.create('/quests', { ...ok, description: 'd'.repeat(4097) });
      expectError(wordy, 400);
      expect(wordy.body.error.message).toMatch(/^description: /);
      expectError(await c.get('/quests/42'), 404);
      expect((await c.get('/quests')).body.totalQuests).toBe(0);
      expect((await c.get('/events')).body.totalEvents).toBe(2);
    });

    it('refuses a creator or ackUser longer than its column, changing nothing', async () => {
      expect(
        (await c.create('/quests', { creator: 'johnny', fateId: 1, description: 'd', hostnames: ['example'] })).status,
      ).toBe(201);
      const creator = await c.update('/quests/1', { creator: 'c'.repeat(250), description: 'changed' });
      expectError(creator, 400);
      expect(creator.body.error.message).toMatch(/^creator: /);
      const ack = await c.update('/labors/1', { ackUser: 'a'.repeat(250), questId: 1 });
      expectError(ack, 400);
      expect(ack.body.error.message).toMatch(/^ackUser: /);
      const wordy = await c.update('/quests/1', { description: 'd'.repeat(70_000) });
      expectError(wordy, 400);
      expect(wordy.body.error.message).toMatch(/^description: /);
      expect((await c.get('/quests/1')).body).toMatchObject({ creator: 'johnny@example.com', description: 'd' });
      expect((await c.get('/labors/1')).body).toMatchObject({ ackUser: null, ackTime: null });
      // Exactly 255 fits.
      const fits = 'b'.repeat(255 - '@example.com'.length);
      expect((await c.update('/labors/1', { ackUser: fits })).body.ackUser).toBe(`${fits}@example.com`);
    });

    it('creates a quest: one event and one labor per host', async () => {
      expectSuccess(await c.get('/events'), events2, ['timestamp']);
      expectSuccess(await c.get('/quests'), { limit: 10, offset: 0, totalQuests: 0, quests: [] });
      const target = daysFromNow(7);
      const created = await c.create('/quests', {
        creator: 'johnny@example.com',
        fateId: 1,
        targetTime: target,
        description: 'This is a quest almighty',
        hostnames: ['example', 'sample', 'test'],
      });
      expectCreated(created, '/api/v1/quests/1');
      expect(created.body.labors).toHaveLength(3);
      expectSuccess(await c.get('/quests'), { limit: 10, offset: 0, totalQuests: 1 }, ['quests']);
      expectSuccess(
        await c.get('/quests/1'),
        {
          id: 1,
          creator: 'johnny@example.com',
          targetTime: target,
          description: 'This is a quest almighty',
          completionTime: null,
        },
        ['embarkTime', 'labors'],
      );
      expectSuccess(await c.get('/events'), { limit: 10, offset: 0, totalEvents: 5 }, ['events']);
    });

    it('updates creator, description and target time', async () => {
      const target = daysFromNow(7);
      const target2 = daysFromNow(12, 456);
      expectCreated(
        await c.create('/quests', {
          creator: 'johnny@example.com',
          fateId: 1,
          targetTime: target,
          description: 'This is a quest almighty',
          hostnames: ['example', 'sample', 'test'],
        }),
        '/api/v1/quests/1',
      );
      const quest = (over: Record<string, unknown>) => ({
        id: 1,
        creator: 'johnny@example.com',
        targetTime: target,
        description: 'This is a quest almighty',
        completionTime: null,
        ...over,
      });
      const skip = ['embarkTime', 'labors'];
      expectSuccess(
        await c.update('/quests/1', { creator: 'betsy@example.com' }),
        quest({ creator: 'betsy@example.com' }),
        skip,
      );
      expectSuccess(await c.get('/quests/1'), quest({ creator: 'betsy@example.com' }), skip);
      const betsy = { creator: 'betsy@example.com', description: 'New desc' };
      expectSuccess(await c.update('/quests/1', { description: 'New desc' }), quest(betsy), skip);
      expectSuccess(await c.get('/quests/1'), quest(betsy), skip);
      const tommy = { creator: 'tommy@example.com', description: 'Newer desc' };
      expectSuccess(
        await c.update('/quests/1', { description: 'Newer desc', creator: 'tommy@example.com' }),
        quest(tommy),
        skip,
      );
      expectSuccess(await c.get('/quests/1'), quest(tommy), skip);
      expectSuccess(
        await c.update('/quests/1', { targetTime: target2 }),
        quest({ ...tommy, targetTime: target2 }),
        skip,
      );
      expectSuccess(await c.get('/quests/1'), quest({ ...tommy, targetTime: target2 }), skip);
      // Fixed: an unreadable target time is a 400, as is one in the past.
      expectError(await c.update('/quests/1', { targetTime: 'someday' }), 400);
      expectError(await c.update('/quests/1', { targetTime: '2001-01-01 00:00:00' }), 400);
      expectSuccess(await c.update('/quests/1', {}), quest({ ...tommy, targetTime: target2 }), skip);
    });

    it('walks a quest through its fates to completion, with progress info', async () => {
      expectSuccess(await c.get('/events'), events2, ['timestamp']);
      expectSuccess(await c.get('/quests'), { limit: 10, offset: 0, totalQuests: 0, quests: [] });
      const target = daysFromNow(7);
      expectCreated(
        await c.create('/quests', {
          creator: 'johnny',
          fateId: 3,
          targetTime: target,
          description: 'This is a quest almighty',
          hostnames: ['example', 'sample', 'test'],
        }),
        '/api/v1/quests/1',
      );
      expectSuccess(await c.get('/events'), { limit: 10, offset: 0, totalEvents: 5 }, ['events']);
      const labor = (over: Record<string, unknown>) => ({
        ackTime: null,
        ackUser: null,
        completionEventId: null,
        targetTime: target,
        closingFateId: null,
        forOwner: true,
        forCreator: false,
        startingLaborId: null,
        questId: 1,
        ...over,
      });
      const first = [1, 2, 3].map((i) => labor({ id: i, hostId: i, creationEventId: i + 2, fateId: 3 }));
      expectSuccess(await c.get('/labors'), { limit: 10, offset: 0, totalLabors: 3, labors: first }, [
        'creationTime',
        'completionTime',
      ]);
      const skip = ['embarkTime', 'creationTime', 'completionTime', 'targetTime'];
      const quest = { creator: 'johnny@example.com', description: 'This is a quest almighty', id: 1 };
      expectSuccess(
        await c.get('/quests/1?progressInfo=true'),
        { ...quest, totalLabors: 3, unstartedLabors: 3, inprogressLabors: 0, completedLabors: 0, percentComplete: 0 },
        skip,
      );

      await c.create('/events', { questId: 1, user: 'testman@example.com', eventTypeId: 4, note: 'intermediate' });
      expectSuccess(await c.get('/events'), { limit: 10, offset: 0, totalEvents: 8 }, ['events']);
      const closedFirst = [1, 2, 3].map((i) =>
        labor({ id: i, hostId: i, creationEventId: i + 2, fateId: 3, completionEventId: i + 5, closingFateId: 4 }),
      );
      const second = [1, 2, 3].map((i) =>
        labor({
          id: i + 3,
          hostId: i,
          creationEventId: i + 5,
          fateId: 4,
          forOwner: false,
          forCreator: true,
          startingLaborId: i,
        }),
      );
      expectSuccess(
        await c.get('/labors'),
        { limit: 10, offset: 0, totalLabors: 6, labors: [...closedFirst, ...second] },
        ['creationTime', 'completionTime'],
      );
      const readyType = {
        category: 'system-maintenance',
        state: 'ready',
        id: 4,
        description: 'This system is ready for maintenance.',
        restricted: false,
      };
      const fate4 = {
        creationEventType: readyType,
        creationEventTypeId: 4,
        description: 'A system that needs maintenance made ready before maintenance can occur.',
        followsId: 3,
        forOwner: false,
        forCreator: true,
        id: 4,
        precedesIds: [5],
      };
      expectSuccess(
        await c.get('/quests/1?progressInfo=true&onlyOpenLabors=true&expand=labors&expand=eventtypes&expand=fates'),
        {
          ...quest,
          totalLabors: 3,
          unstartedLabors: 0,
          inprogressLabors: 3,
          completedLabors: 0,
          percentComplete: 50,
          labors: second.map((l) => ({ ...l, fate: fate4, closingFate: null })),
        },
        skip,
      );

      await c.create('/events', { questId: 1, user: 'testman@example.com', eventTypeId: 5, note: 'closing' });
      expectSuccess(await c.get('/events'), { limit: 10, offset: 0, totalEvents: 11 }, ['events']);
      const closedSecond = second.map((l, i) => ({ ...l, completionEventId: i + 9, closingFateId: 5 }));
      expectSuccess(
        await c.get('/labors'),
        { limit: 10, offset: 0, totalLabors: 6, labors: [...closedFirst, ...closedSecond] },
        ['creationTime', 'completionTime'],
      );
      expect((await c.get('/quests/1')).body.completionTime).not.toBeNull();
      expectSuccess(
        await c.get('/labors/?startingLaborId=3'),
        { limit: 10, offset: 0, totalLabors: 2, labors: [closedFirst[2], closedSecond[2]] },
        ['creationTime', 'completionTime'],
      );
      expectSuccess(
        await c.get('/quests/1?progressInfo=true&onlyOpenLabors=true&expand=labors'),
        {
          ...quest,
          totalLabors: 3,
          unstartedLabors: 0,
          inprogressLabors: 0,
          completedLabors: 3,
          percentComplete: 100,
          labors: [],
        },
        skip,
      );
    });

    it('filters by creator', async () => {
      for (const creator of ['johnny@example.com', 'bonny@example.com']) {
        const res = await c.create('/quests', {
          creator,
          fateId: 1,
          description: 'q',
          hostnames: ['example', 'sample', 'test'],
        });
        expect(res.status).toBe(201);
      }
      expect((await c.get('/quests')).body.totalQuests).toBe(2);
      const johnny = (await c.get('/quests?byCreator=johnny@example.com')).body.quests;
      const bonny = (await c.get('/quests?byCreator=bonny@example.com')).body.quests;
      expect(johnny.map((q: { id: number }) => q.id)).toEqual([1]);
      expect(bonny.map((q: { id: number }) => q.id)).toEqual([2]);
      expectSuccess(await c.get('/quests?byCreator=noone@example.com'), { limit: 10, offset: 0, totalQuests: 0 }, [
        'quests',
      ]);
    });

    it('filters by hostnames', async () => {
      await c.create('/quests', { creator: 'johnny@example.com', fateId: 1, description: 'q1', hostnames: ['sample'] });
      await c.create('/quests', {
        creator: 'bonny@example.com',
        fateId: 1,
        description: 'q2',
        hostnames: ['example', 'sample', 'test'],
      });
      expect((await c.get('/quests')).body.totalQuests).toBe(2);
      const ids = async (query: string) =>
        (await c.get(`/quests?${query}`)).body.quests.map((q: { id: number }) => q.id) as number[];
      expect(await ids('hostnames=example,test')).toEqual([2]);
      expect(await ids('hostnames=sample')).toEqual([1, 2]);
      expectSuccess(await c.get('/quests?hostnames=not-a-server'), { limit: 10, offset: 0, totalQuests: 0 }, [
        'quests',
      ]);
    });
  });
});
