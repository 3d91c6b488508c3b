import { CMDB_API as API, cmdbClient } from '../support/cmdb-client';
import { createTestApp, TestApp } from '../support/test-app';

describe('cmdb compat: CIs, their history and heartbeats', () => {
  let t: TestApp;
  let admin: string;
  const { get, post, put, del } = cmdbClient(() => ({ t, token: admin }));
  const count = async (table: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  let server: number;
  let vm: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    const attrs: object[] = [
      { name: 'hostname', alias: 'Host name', is_unique: true },
      { name: 'private_ip', is_list: true },
      { name: 'cpu', value_type: 'int' },
      { name: 'mem', value_type: 'float' },
      { name: 'born', value_type: 'date' },
      { name: 'seen', value_type: 'datetime' },
      { name: 'boot', value_type: 'time' },
      { name: 'conf', value_type: 'json' },
      { name: 'idc', choice_value: ['nh', 'oy'] },
      { name: 'tags', is_list: true },
      { name: 'root_password', is_password: true },
      { name: 'serial', is_unique: true },
      { name: 'note' },
    ];
    for (const a of attrs) await post('/attributes', a).expect(200);
    server = (await post('/ci_types', { name: 'server', unique_key: 'hostname' }).expect(200)).body.type_id;
    vm = (await post('/ci_types', { name: 'vm', unique_key: 'hostname' }).expect(200)).body.type_id;
    const ids = async (names: string[]) =>
      Promise.all(names.map(async (n) => (await get(`/attributes/${n}`)).body.attribute.id as number));
    await post(`/ci_types/${server}/attributes`, {
      attr_id: await ids([
        'private_ip',
        'cpu',
        'mem',
        'born',
        'seen',
        'boot',
        'conf',
        'idc',
        'tags',
        'root_password',
        'serial',
      ]),
    }).expect(200);
    await post(`/ci_types/${vm}/attributes`, { attr_id: await ids(['cpu', 'serial', 'private_ip']) }).expect(200);
    const contain = (await post('/relation_types', { name: 'contain' })).body.id;
    await post(`/ci_type_relations/${server}/${vm}`, { relation_type_id: contain }).expect(200);
  });
  afterAll(() => t.close());

  describe('writing and reading one CI', () => {
    let web1: number;

    it('creates a CI from JSON and answers {ci_id}', async () => {
      const res = await post('/ci', {
        ci_type: 'server',
        hostname: ' web-1 ',
        private_ip: ['10.0.0.1', '10.0.0.2'],
        cpu: '8',
        mem: 15.5,
        born: '2020-01-02',
        seen: '2021-03-04 05:06:07',
        boot: '9:30',
        conf: { a: [1, 2] },
        idc: 'nh',
        tags: 'a,b',
        root_password: 'hunter2',
        note: '<b>raw</b>',
      }).expect(200);
      expect(res.body).toEqual({ ci_id: expect.any(Number) });
      web1 = res.body.ci_id;
    });

    it('reads it back in the superset row shape, typed, the password masked, text unescaped', async () => {
      const res = await get(`/ci/${web1}`).expect(200);
      expect(res.body).toEqual({
        ci_id: web1,
        ci: {
          ci_id: web1,
          _id: web1,
          type_id: server,
          _type: server,
          ci_type: 'server',
          ci_type_alias: 'server',
          unique: 'hostname',
          unique_alias: 'Host name',
          _unique: 'web-1',
          hostname: 'web-1',
          private_ip: ['10.0.0.1', '10.0.0.2'],
          cpu: 8,
          mem: 15.5,
          born: '2020-01-02',
          seen: '2021-03-04 05:06:07',
          boot: '09:30',
          conf: { a: [1, 2] },
          idc: 'nh',
          tags: ['a', 'b'],
          root_password: '******',
          serial: null,
        },
      });
      // `note` is no attribute of the type: ignored by default.
      expect(res.body.ci).not.toHaveProperty('note');
      const stored = await t.dataSource.query(`SELECT value FROM ci_values_text WHERE value LIKE '%hunter2%'`);
      expect(stored).toEqual([]);
    });

    it('keys rows by alias or id and narrows them to `fields`', async () => {
      const byAlias = (await get(`/ci/${web1}`, { ret_key: 'alias', fields: 'hostname,cpu' }).expect(200)).body.ci;
      expect(byAlias).toMatchObject({ 'Host name': 'web-1', cpu: 8 });
      expect(byAlias).not.toHaveProperty('mem');
      const cpuId = (await get('/attributes/cpu')).body.attribute.id;
      expect((await get(`/ci/${web1}`, { ret_key: 'id', fields: ['cpu'] })).body.ci[String(cpuId)]).toBe(8);
      expect((await get(`/ci/${web1}`, { fields: 'nothing' }).expect(400)).body.message).toMatch(/nothing/);
    });

    it('creates from a form and from the query string, by alias and by attribute id', async () => {
      const cpuId = (await get('/attributes/cpu')).body.attribute.id;
      const form = await t.http
        .post(`${API}/ci`)
        .set('Authorization', `Bearer ${admin}`)
        .type('form')
        .send({ ci_type: 'server', 'Host name': 'web-2', [cpuId]: '4', tags: '["x,y"]' })
        .expect(200);
      const row = (await get(`/ci/${form.body.ci_id}`)).body.ci;
      expect(row).toMatchObject({ hostname: 'web-2', cpu: 4, tags: ['x,y'] });
      const query = await t.http
        .post(`${API}/ci`)
        .set('Authorization', `Bearer ${admin}`)
        .query({ ci_type: `${server}`, hostname: 'web-3' })
        .expect(200);
      expect((await get(`/ci/${query.body.ci_id}`)).body.ci.hostname).toBe('web-3');
    });

    it('refuses an existing key with POST (400) and updates it with PUT /ci (same id)', async () => {
      const dup = await post('/ci', { ci_type: 'server', hostname: 'WEB-1' }).expect(400);
      expect(dup.body.message).toMatch(/CI is already existed/);
      const up = await put('/ci', { ci_type: 'server', hostname: 'web-1', cpu: 16 }).expect(200);
      expect(up.body).toEqual({ ci_id: web1 });
      expect((await get(`/ci/${web1}`)).body.ci.cpu).toBe(16);
      // veops's exist_policy: `need` requires the CI, `replace` on POST updates it.
      await post('/ci', { ci_type: 'server', hostname: 'web-404', exist_policy: 'need' }).expect(404);
      await post('/ci', { ci_type: 'server', hostname: 'web-1', exist_policy: 'replace', cpu: 12 }).expect(200, {
        ci_id: web1,
      });
    });

    it('answers 404 for an unknown or missing type, 400 for a missing key value', async () => {
      await post('/ci', { ci_type: 'router', hostname: 'r1' }).expect(404);
      await post('/ci', { hostname: 'r1' }).expect(404);
      expect((await post('/ci', { ci_type: 'server', cpu: 1 }).expect(400)).body).toEqual({
        message: 'hostname: hostname missing',
      });
    });

    it('refuses values of the wrong type, choices not in the list and unique values held elsewhere', async () => {
      const cases: [object, RegExp][] = [
        [{ cpu: 'many' }, /^cpu: attribute value many is invalid$/],
        [{ mem: 'lots' }, /^mem: /],
        [{ born: '2020-02-30' }, /^born: /],
        [{ seen: 'yesterday' }, /^seen: /],
        [{ boot: '25:00' }, /^boot: /],
        [{ conf: '{broken' }, /^conf: /],
        [{ idc: 'mars' }, /^idc: mars does not existed in choice values$/],
        [{ cpu: [1, 2] }, /^cpu: /],
      ];
      for (const [values, message] of cases) {
        const res = await post('/ci', { ci_type: 'server', hostname: 'bad-1', ...values }).expect(400);
        expect(res.body.message).toMatch(message);
      }
      await post('/ci', { ci_type: 'server', hostname: 'sn-1', serial: 'SN-1' }).expect(200);
      // is_unique holds across types, ignoring case.
      const taken = await post('/ci', { ci_type: 'vm', hostname: 'vm-sn', serial: 'sn-1' }).expect(400);
      expect(taken.body.message).toBe('serial: attribute serial value sn-1 must be unique');
    });

    it('refuses unknown attributes with _no_attribute_policy=reject, ignores them by default', async () => {
      const res = await post('/ci', {
        ci_type: 'server',
        hostname: 'p-1',
        color: 'red',
        _no_attribute_policy: 'reject',
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('color: attribute color does not exist');
      await post('/ci', { ci_type: 'server', hostname: 'p-1', note: 'x', no_attribute_policy: 'reject' }).expect(400);
      await post('/ci', { ci_type: 'server', hostname: 'p-1', _no_attribute_policy: 'sometimes' }).expect(400);
      await post('/ci', { ci_type: 'server', hostname: 'p-1', color: 'red' }).expect(200);
    });

    it('requires the required attributes of a new CI', async () => {
      const cpuId = (await get('/attributes/cpu')).body.attribute.id;
      await put(`/ci_types/${vm}/attributes`, { attributes: [{ attr_id: cpuId, is_required: true }] }).expect(200);
      expect((await post('/ci', { ci_type: 'vm', hostname: 'vm-r' }).expect(400)).body.message).toBe(
        'cpu: attribute cpu value is required',
      );
      await post('/ci', { ci_type: 'vm', hostname: 'vm-r', cpu: 2 }).expect(200);
      await put(`/ci_types/${vm}/attributes`, { attributes: [{ attr_id: cpuId, is_required: false }] }).expect(200);
    });

    it('leaves nothing behind when a write is refused', async () => {
      const before = await Promise.all(
        ['cis', 'ci_values_text', 'ci_values_int', 'ci_history_records', 'ci_attribute_histories', 'audit_entries'].map(
          count,
        ),
      );
      // The first values are fine; the key of the second CI clashes with the first: the batch fails whole.
      await post('/ci/batch', {
        ci_type: 'server',
        cis: [
          { hostname: 'half-1', cpu: 1, serial: 'half' },
          { hostname: 'half-2', cpu: 2, serial: 'HALF' },
        ],
      }).expect(400);
      await post('/ci', { ci_type: 'server', hostname: 'half-3', cpu: 3, mem: 'x' }).expect(400);
      const after = await Promise.all(
        ['cis', 'ci_values_text', 'ci_values_int', 'ci_history_records', 'ci_attribute_histories', 'audit_entries'].map(
          count,
        ),
      );
      expect(after).toEqual(before);
    });

    it('updates a CI by id: replaces, clears, and replaces a list element by element', async () => {
      await put(`/ci/${web1}`, { cpu: 32, mem: '', private_ip: '10.0.0.2,10.0.0.3', note2: 'ignored' }).expect(200, {
        ci_id: web1,
      });
      const row = (await get(`/ci/${web1}`)).body.ci;
      expect(row).toMatchObject({ cpu: 32, mem: null, private_ip: ['10.0.0.2', '10.0.0.3'] });
      await put(`/ci/${web1}`, { note: 'x' }).expect(400);
      expect((await put(`/ci/${web1}`, { ci_type: 'vm', cpu: 1 }).expect(400)).body.message).toMatch(/cannot move/);
      await put('/ci/999999', { cpu: 1 }).expect(404);
      // A key change must stay unique within the type.
      expect((await put(`/ci/${web1}`, { hostname: 'web-2' }).expect(400)).body.message).toMatch(/must be unique/);
      expect((await put(`/ci/${web1}`, { hostname: '' }).expect(400)).body.message).toMatch(/required/);
    });

    it('rewrites one value with PUT /ci/<id>/unique', async () => {
      const id = (await post('/ci', { ci_type: 'server', hostname: 'old-name' }).expect(200)).body.ci_id;
      await put(`/ci/${id}/unique`, { hostname: 'new-name' }).expect(200, { ci_id: id });
      expect((await get(`/ci/${id}`)).body.ci._unique).toBe('new-name');
      await put(`/ci/${id}/unique`, { hostname: 'a', cpu: 1 }).expect(400);
      await put('/ci/999999/unique', { hostname: 'a' }).expect(404);
    });

    it('answers the CI row of /detail and 404 for unknown CIs', async () => {
      const res = await get(`/ci/${web1}/detail`).expect(200);
      expect(res.body).toEqual({
        id: web1,
        type_id: server,
        status: null,
        heartbeat: null,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        updated_at: expect.any(String),
        deleted: false,
        deleted_at: null,
      });
      await get('/ci/999999/detail').expect(404);
      expect((await get('/ci/999999').expect(404)).body).toEqual({ message: expect.any(String) });
      // The original's ids are `<int:…>` route parts: anything else matches no route.
      for (const path of [
        '/ci/web-1',
        '/ci/1.5/detail',
        '/ci/type/server',
        '/history/records/x',
        '/ci_relations/x/second_cis',
      ]) {
        expect([path, (await get(path)).status]).toEqual([path, 404]);
      }
      await del('/ci_relations/x').expect(404);
      await get('/ci/flush').expect(200, { code: 200 });
      await get(`/ci/${web1}/flush`).expect(200, { code: 200 });
    });
  });

  describe('concurrent writers', () => {
    it('lets one of two simultaneous creates of one key through and refuses the other', async () => {
      for (let round = 0; round < 5; round++) {
        const statuses = (
          await Promise.all([
            post('/ci', { ci_type: 'server', hostname: `race-${round}`, cpu: 1 }),
            post('/ci', { ci_type: 'server', hostname: `RACE-${round}`, cpu: 2 }),
          ])
        ).map((r) => r.status);
        expect(statuses.sort()).toEqual([200, 400]);
      }
      const rows = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM ci_values_text v JOIN ci_attributes a ON a.id = v.attr_id
         WHERE a.name = 'hostname' AND LOWER(v.value) LIKE 'race-%'`,
      );
      expect(Number(rows[0].n)).toBe(5);
    });

    it('keeps an is_unique value unique across types under simultaneous writes', async () => {
      for (let round = 0; round < 5; round++) {
        const statuses = (
          await Promise.all([
            post('/ci', { ci_type: 'server', hostname: `u-s-${round}`, serial: `U-${round}` }),
            post('/ci', { ci_type: 'vm', hostname: `u-v-${round}`, serial: `u-${round}` }),
          ])
        ).map((r) => r.status);
        expect(statuses.sort()).toEqual([200, 400]);
      }
    });
  });

  describe('CIs of a type', () => {
    it('pages them by id with numfound, total and page', async () => {
      const first = await get(`/ci/type/${server}`, { count: 2 }).expect(200);
      expect(first.body).toMatchObject({ type_id: server, page: 1, total: 2 });
      expect(first.body.numfound).toBeGreaterThan(3);
      const second = await get(`/ci/type/${server}`, { page: 2, page_size: 2, fields: 'hostname' }).expect(200);
      expect(second.body.cis[0].ci_id).toBeGreaterThan(first.body.cis[1].ci_id);
      expect(Object.keys(second.body.cis[0])).toEqual([
        'ci_id',
        '_id',
        'type_id',
        '_type',
        'ci_type',
        'ci_type_alias',
        'unique',
        'unique_alias',
        '_unique',
        'hostname',
      ]);
      // A bad page or count falls back to the defaults, as in the original.
      expect((await get(`/ci/type/${server}`, { page: 'x', count: '-3' })).body.page).toBe(1);
      await get('/ci/type/99999').expect(404);
      // More than a page holds is served at the largest page, as many as there are.
      const big = await get(`/ci/type/${server}`, { count: 5000 }).expect(200);
      expect(big.body.total).toBe(big.body.numfound);
    });
  });

  describe('batches', () => {
    it('writes many CIs in one request, one history record for all', async () => {
      const records = await count('ci_history_records');
      const res = await post('/ci/batch', {
        ci_type: 'server',
        cis: Array.from({ length: 5 }, (_, i) => ({ hostname: `batch-${i}`, cpu: i, tags: ['t'] })),
      }).expect(200);
      expect(res.body.ci_ids).toHaveLength(5);
      expect(await count('ci_history_records')).toBe(records + 1);
      expect((await get(`/ci/${res.body.ci_ids[4]}`)).body.ci).toMatchObject({ hostname: 'batch-4', cpu: 4 });
    });

    it('names the item of a bad value, and refuses one key given twice', async () => {
      const bad = await post('/ci/batch', {
        ci_type: 'server',
        cis: [{ hostname: 'b-ok' }, { hostname: 'b-bad', cpu: 'x' }],
      }).expect(400);
      expect(bad.body.message).toMatch(/^cis\[1\]\.cpu: /);
      const twice = await post('/ci/batch', { ci_type: 'server', cis: [{ hostname: 'b-2' }, { hostname: 'B-2' }] });
      expect(twice.status).toBe(400);
      expect(twice.body.message).toMatch(/^cis\[1\]\.hostname: /);
      expect((await post('/ci/batch', { ci_type: 'server', cis: 'x' }).expect(400)).body.message).toMatch(/cis/);
      expect((await post('/ci/batch', { cis: [] }).expect(400)).body).toEqual({
        message: 'Argument ci_type is required',
      });
    });

    it('upserts with exist_policy=replace', async () => {
      const res = await post('/ci/batch', {
        ci_type: 'server',
        exist_policy: 'replace',
        cis: [{ hostname: 'batch-0', cpu: 100 }, { hostname: 'batch-new' }],
      }).expect(200);
      expect((await get(`/ci/${res.body.ci_ids[0]}`)).body.ci.cpu).toBe(100);
    });
  });

  describe('history', () => {
    let id: number;

    beforeAll(async () => {
      id = (await post('/ci', { ci_type: 'server', hostname: 'hist-1', cpu: 1, tags: 'a,b', ticket_id: 'T-1' })).body
        .ci_id;
      await put(`/ci/${id}`, { cpu: 2, tags: 'b,c', root_password: 's3cret' }).expect(200);
    });

    it("lists a CI's attribute changes newest first, values as stored text, passwords masked", async () => {
      const res = await get(`/history/ci/${id}`).expect(200);
      const lines = (
        res.body as { attr_name: string; operate_type: string; old: string | null; new: string | null }[]
      ).map((l) => [l.attr_name, l.operate_type, l.old, l.new]);
      expect(lines).toEqual([
        ['root_password', '0', null, '******'],
        ['tags', '0', null, 'c'],
        ['tags', '1', 'a', null],
        ['cpu', '2', '1', '2'],
        ['tags', '0', null, 'b'],
        ['tags', '0', null, 'a'],
        ['cpu', '0', null, '1'],
        ['hostname', '0', null, 'hist-1'],
      ]);
      expect(res.body[0]).toMatchObject({
        hid: expect.any(Number),
        record_id: expect.any(Number),
        attr_alias: 'root_password',
        username: 'admin',
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      });
      await get('/history/ci/999999').expect(404);
    });

    it('lists records with their attributes and relation counts, filtered by user and time', async () => {
      const res = await get('/history/records', { page_size: 2, username: 'admin' }).expect(200);
      expect(res.body).toMatchObject({ page: 1, total: 2, username: 'admin' });
      const [latest, previous] = res.body.records;
      expect(latest).toMatchObject({
        user: 'admin',
        attr_history: ['cpu', 'tags', 'root_password'],
        rel_history: { add: 0, delete: 0 },
      });
      expect(previous).toMatchObject({ ticket_id: 'T-1', attr_history: ['Host name', 'cpu', 'tags'] });
      const future = await get('/history/records', { start: '2999-01-01 00:00:00' }).expect(200);
      expect(future.body.numfound).toBe(0);
      expect((await get('/history/records', { start: 'last week' }).expect(400)).body.message).toMatch(
        /incorrect start date time/,
      );
      await get('/history/records', { username: 'nobody' }).expect(404);
    });

    it('details one record: attribute changes by alias, every line, relations as triples', async () => {
      const [latest] = (await get('/history/records', { page_size: 1 })).body.records;
      const res = await get(`/history/records/${latest.record_id}`).expect(200);
      expect(res.body).toMatchObject({
        record_id: latest.record_id,
        username: 'admin',
        timestamp: expect.any(String),
        attr_history: { cpu: { old: '1', new: '2', operate_type: '2' } },
        rel_history: { add: [], delete: [] },
      });
      expect(res.body.attr_histories).toHaveLength(4);
      await get('/history/records/999999').expect(404);
    });
  });

  describe('deleting a CI', () => {
    it('removes its values and relations, answers {message: "ok"}, and keeps one history line', async () => {
      const parent = (await post('/ci', { ci_type: 'server', hostname: 'doomed' })).body.ci_id;
      const child = (await post('/ci', { ci_type: 'vm', hostname: 'doomed-vm' })).body.ci_id;
      await post(`/ci_relations/${parent}/${child}`).expect(200);
      await del(`/ci/${parent}`).expect(200, { message: 'ok' });
      await get(`/ci/${parent}`).expect(404);
      await del(`/ci/${parent}`).expect(404);
      expect(await t.dataSource.query(`SELECT id FROM ci_relations WHERE first_ci_id = ${parent}`)).toEqual([]);
      expect(await t.dataSource.query(`SELECT id FROM ci_values_text WHERE ci_id = ${parent}`)).toEqual([]);
      const [latest] = (await get('/history/records', { page_size: 1 })).body.records;
      expect(latest.rel_history).toEqual({ add: 0, delete: 1 });
      // The deleted CI keeps its history.
      expect((await get(`/history/ci/${parent}`).expect(200)).body.length).toBeGreaterThan(0);
    });

    it('takes the body the official SDK sends with a delete, {ci_id} beside the key fields', async () => {
      const id = (await post('/ci', { ci_type: 'server', hostname: 'sdk-doomed' })).body.ci_id;
      await del(`/ci/${id}`, { ci_id: id }).expect(200, { message: 'ok' });
      await get(`/ci/${id}`).expect(404);
    });
  });

  describe('heartbeats', () => {
    it("records an agent's heartbeat by type and key value, and lists agents with their status", async () => {
      const id = (await post('/ci', { ci_type: 'server', hostname: 'agent-1', private_ip: '10.9.0.1,10.9.0.2' })).body
        .ci_id;
      const before = await get('/ci/heartbeat', { ci_type: 'server', agent_status: -1 }).expect(200);
      expect(before.body.result).toContainEqual(['agent-1', '10.9.0.1', 'server', -1]);
      await post('/ci/heartbeat/server/agent-1').expect(200, { message: 'ok', cmd: '' });
      expect((await get(`/ci/${id}/detail`)).body.heartbeat).toMatch(/^\d{4}-/);
      const alive = await get('/ci/heartbeat', { ci_type: 'server', agent_status: 1 }).expect(200);
      expect(alive.body).toEqual({ numfound: 1, result: [['agent-1', '10.9.0.1', 'server', 1]] });
      expect((await get('/ci/heartbeat', { agent_status: 0 })).body.numfound).toBe(0);
      // 73 minutes of silence is dead.
      await t.dataSource.query(`UPDATE cis SET heartbeat = ? WHERE id = ?`, [
        new Date(Date.now() - 73 * 60_000).toISOString().slice(0, 19).replace('T', ' '),
        id,
      ]);
      const dead = await get('/ci/heartbeat', { agent_status: '0' }).expect(200);
      expect(dead.body.result).toEqual([['agent-1', '10.9.0.1', 'server', 0]]);
      await post('/ci/heartbeat/server/nobody').expect(404);
      await post('/ci/heartbeat/router/agent-1').expect(404);
      await get('/ci/heartbeat', { ci_type: 'router' }).expect(404);
      await get('/ci/heartbeat', { agent_status: 7 }).expect(400);
    });
  });
});
