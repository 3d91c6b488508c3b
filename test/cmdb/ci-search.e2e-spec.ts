import { createUser } from '../support/fixtures';
import { CMDB_API, cmdbClient } from '../support/cmdb-client';
import { createTestApp, TestApp } from '../support/test-app';

const ACL = '/cmdb/api/v1/acl';

describe('cmdb compat: the search endpoints (/ci/s, /ci_relations/s) and GraphQL ciSearch', () => {
  let t: TestApp;
  let admin: string;
  const auth = (token = admin) => ({ Authorization: `Bearer ${token}` });
  const { get, post } = cmdbClient(() => ({ t, token: admin }));
  const search = (query: object, token = admin, path = '/ci/s') => get(path, query, token);
  const hostnames = (body: { result: { hostname: string }[] }) => body.result.map((r) => r.hostname);
  const ids: Record<string, number> = {};
  const types: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    for (const a of [
      { name: 'hostname', is_index: true },
      { name: 'idc', is_index: true },
      { name: 'cpu', value_type: 'int', is_index: true },
      { name: 'born', value_type: 'date' },
      { name: 'tags', is_list: true },
      { name: 'note' },
      { name: 'secret', is_password: true },
    ]) {
      await post('/attributes', a).expect(200);
    }
    const attrIds = async (names: string[]) =>
      Promise.all(names.map(async (n) => (await get(`/attributes/${n}`)).body.attribute.id));
    for (const name of ['server', 'vm', 'app']) {
      types[name] = (await post('/ci_types', { name, unique_key: 'hostname' }).expect(200)).body.type_id;
      await post(`/ci_types/${types[name]}/attributes`, {
        attr_id: await attrIds(['idc', 'cpu', 'born', 'tags', 'note', 'secret']),
      }).expect(200);
    }
    const contain = (await post('/relation_types', { name: 'contain' })).body.id;
    await post(`/ci_type_relations/${types.server}/${types.vm}`, { relation_type_id: contain }).expect(200);
    await post(`/ci_type_relations/${types.vm}/${types.app}`, { relation_type_id: contain }).expect(200);
    const cis: [string, Record<string, unknown>][] = [
      ['server', { hostname: 'web-1', idc: 'nh', cpu: 4, born: '2020-01-01', tags: ['a', 'b'], secret: 'x' }],
      ['server', { hostname: 'web-2', idc: 'oy', cpu: 8, born: '2020-12-31', tags: ['b'] }],
      ['server', { hostname: 'web-10', idc: 'nh', cpu: 16, born: '2021-06-15' }],
      ['server', { hostname: 'db-1', idc: 'nh', cpu: 32, note: 'rack 1, row 2' }],
      ['server', { hostname: 'web_3', idc: 'oy' }],
      ['vm', { hostname: 'vm-1', idc: 'nh', cpu: 2 }],
      ['vm', { hostname: 'vm-2', idc: 'oy', cpu: 4 }],
      ['app', { hostname: 'app-1', cpu: 1 }],
    ];
    for (const [type, values] of cis) {
      ids[values.hostname as string] = (await post('/ci', { ci_type: type, ...values }).expect(200)).body.ci_id;
    }
    await post(`/ci_relations/${ids['web-1']}/${ids['vm-1']}`).expect(200);
    await post(`/ci_relations/${ids['web-1']}/${ids['vm-2']}`).expect(200);
    await post(`/ci_relations/${ids['vm-1']}/${ids['app-1']}`).expect(200);
  });
  afterAll(() => t.close());

  describe('/ci/s', () => {
    it('answers {numfound, total, page, facet, counter, result} with rows in the superset shape', async () => {
      const res = await search({ q: '_type:server,hostname:web-1*' }).expect(200);
      expect(res.body).toMatchObject({ numfound: 2, total: 2, page: 1, facet: {}, counter: { server: 2 } });
      expect(res.body.result[0]).toEqual({
        ci_id: ids['web-1'],
        _id: ids['web-1'],
        type_id: types.server,
        _type: types.server,
        ci_type: 'server',
        ci_type_alias: 'server',
        unique: 'hostname',
        unique_alias: 'hostname',
        _unique: 'web-1',
        idc: 'nh',
        cpu: 4,
        born: '2020-01-01',
        tags: ['a', 'b'],
        note: null,
        secret: '******',
        hostname: 'web-1',
      });
      expect(hostnames(res.body)).toEqual(['web-1', 'web-10']);
      // The same under /ci/search.
      expect((await search({ q: '_type:server,hostname:web-1*' }, admin, '/ci/search').expect(200)).body.numfound).toBe(
        2,
      );
    });

    it('folds terms: OR, NOT, IN, ranges, comparisons, multi-value, JSON-array q', async () => {
      const cases: [string, string[]][] = [
        ['_type:server,~hostname:web*', ['db-1']],
        ['_type:server,hostname:db*,-hostname:web-2', ['web-2', 'db-1']],
        ['_type:server,cpu:[4 _TO_ 16]', ['web-1', 'web-2', 'web-10']],
        ['_type:server,cpu:>8', ['web-10', 'db-1']],
        ['_type:server,born:[2020-01-01 _TO_ 2020-12-31]', ['web-1', 'web-2']],
        ['_type:server,tags:b', ['web-1', 'web-2']],
        ['_type:(server;vm),idc:nh', ['web-1', 'web-10', 'db-1', 'vm-1']],
        ['hostname:(web-2;vm-*)', ['web-2', 'vm-1', 'vm-2']],
        ['hostname:web_3', ['web_3']],
        ['web-10', ['web-10']],
        ['["_type:server","note:rack 1, row 2"]', ['db-1']],
        ['_type:server,note:rack 1\\, row 2', ['db-1']],
        ['', []],
      ];
      for (const [q, expected] of cases) {
        const res = await search({ q, count: 100 }).expect(200);
        expect([q, hostnames(res.body)]).toEqual([q, expected]);
      }
    });

    it('finds long text by its exact value, also with characters beyond the indexed key', async () => {
      // 189 letters then emoji: the indexed key (191 characters) ends inside the emoji.
      const note = `${'n'.repeat(189)}😀😀😀-end`;
      const id = (await post('/ci', { ci_type: 'app', hostname: 'app-long', note }).expect(200)).body.ci_id;
      const res = await search({ q: JSON.stringify([`note:${note}`]) }).expect(200);
      expect(res.body.result.map((r: { ci_id: number }) => r.ci_id)).toEqual([id]);
      await t.http.delete(`/cmdb/api/v0.1/ci/${id}`).set(auth()).expect(200);
    });

    it('pages, sorts (nulls last), selects fields and keys rows by alias or id', async () => {
      const page = await search({ q: '_type:server', count: 2, page: 2, sort: '-cpu' }).expect(200);
      expect(page.body).toMatchObject({ numfound: 5, total: 2, page: 2 });
      expect(hostnames(page.body)).toEqual(['web-2', 'web-1']);
      const last = await search({ q: '_type:server', page_size: 2, page: 3, sort: '-cpu' }).expect(200);
      expect(hostnames(last.body)).toEqual(['web_3']);
      const narrow = await search({ q: 'hostname:db-1', fl: 'cpu', ret_key: 'alias' }).expect(200);
      expect(narrow.body.result[0]).toMatchObject({ ci_id: ids['db-1'], cpu: 32, _unique: 'db-1' });
      expect(narrow.body.result[0]).not.toHaveProperty('idc');
      const cpuId = (await get('/attributes/cpu')).body.attribute.id;
      const byId = await search({ q: 'hostname:db-1', fl: ['cpu'], ret_key: 'id' }).expect(200);
      expect(byId.body.result[0][String(cpuId)]).toBe(32);
    });

    it('counts facets over the whole match, as [value, count, key]', async () => {
      const res = await search({ q: '_type:server', count: 1, facet: 'idc,cpu' }).expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.facet).toEqual({
        idc: [
          ['nh', 3, 'idc'],
          ['oy', 2, 'idc'],
        ],
        cpu: [
          [4, 1, 'cpu'],
          [8, 1, 'cpu'],
          [16, 1, 'cpu'],
          [32, 1, 'cpu'],
        ],
      });
      const idcId = (await get('/attributes/idc')).body.attribute.id;
      const byId = await search({ q: '_type:vm', facet: 'idc', ret_key: 'id' }).expect(200);
      expect(byId.body.facet[String(idcId)]).toEqual([
        ['nh', 1, idcId],
        ['oy', 1, idcId],
      ]);
      expect((await search({ q: 'hostname:nothing', facet: 'idc' }).expect(200)).body.facet).toEqual({});
    });

    it('serves a count above the largest page at the largest page', async () => {
      const res = await search({ q: '_type:server', count: 500 }).expect(200);
      expect(res.body).toMatchObject({ numfound: 5, total: 5 });
      expect((await search({ q: '_type:server', page_size: 10000, page: 2 }).expect(200)).body.total).toBe(0);
    });

    it('refuses malformed terms (naming the position), unknown attributes and types, bad values: 400', async () => {
      const bad: [object, RegExp][] = [
        [{ q: '_type:server,cpu:[4 _TO_' }, /^q: position \d+/],
        [{ q: 'colour:red' }, /colour/],
        [{ q: '_type:router' }, /router/],
        [{ q: 'cpu:many' }, /cpu/],
        [{ q: 'born:yesterday' }, /born/],
        [{ q: '_type:server', fl: 'colour' }, /colour/],
        [{ q: '_type:server', facet: 'colour' }, /facet/],
        [{ q: '_type:server', sort: 'colour' }, /sort/],
        [{ q: 'secret:x' }, /secret/],
      ];
      for (const [query, message] of bad) {
        const res = await search(query);
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.body).toEqual({ message: expect.stringMatching(message) });
      }
    });

    it('ignores parameters it does not read, as the original does', async () => {
      // The document's `_type` parameter, veops's options and a cache-busting `_`.
      const extra = { _type: 'vm', excludes: 'cpu', need_children: 1, _: '1700000000' };
      const res = await search({ q: '_type:server,hostname:web-1', ...extra }).expect(200);
      expect(hostnames(res.body)).toEqual(['web-1']);
      const below = await search(
        { root_id: ids['web-1'], reverse: 0, ret_key: 'alias', _: 1 },
        admin,
        '/ci_relations/s',
      );
      expect([below.status, hostnames(below.body)]).toEqual([200, ['vm-1', 'vm-2']]);
      for (const path of [`/ci/${ids['web-1']}`, `/ci/type/${types.server}`, '/ci_types', '/attributes/s']) {
        expect([path, (await get(path, { _: 1, fl: 'idc' })).status]).toEqual([path, 200]);
      }
    });

    it('takes the search as a POST too, with a JSON or a form body', async () => {
      const json = await post('/ci/s', { q: ['_type:server', 'note:rack 1, row 2'], fl: ['hostname'] }).expect(200);
      expect([json.body.numfound, hostnames(json.body)]).toEqual([1, ['db-1']]);
      const form = await t.http
        .post(`${CMDB_API}/ci/search`)
        .set(auth())
        .type('form')
        .send({ q: '_type:server,idc:oy', count: '1' })
        .expect(200);
      expect([form.body.numfound, form.body.total]).toEqual([2, 1]);
      const below = await post('/ci_relations/s', { root_id: ids['web-1'], level: [1, 2] }).expect(200);
      expect(hostnames(below.body)).toEqual(['vm-1', 'vm-2', 'app-1']);
      const two = await post('/ci_relations/s', { root_id: ids['web-1'], level: 2, fl: 'hostname' }).expect(200);
      expect(hostnames(two.body)).toEqual(['app-1']);
    });

    it('reads attribute ids sent as JSON numbers in fl and facet', async () => {
      const idc = (await get('/attributes/idc')).body.attribute.id;
      const res = await post('/ci/s', { q: '_type:server,hostname:web-1', fl: [idc], facet: [idc] }).expect(200);
      expect(res.body.result[0]).toMatchObject({ idc: 'nh' });
      expect(res.body.facet).toEqual({ idc: [['nh', 1, 'idc']] });
    });

    it('shows a user only the CIs of types they may read', async () => {
      await createUser(t, 'carol', 'carol-password');
      const carol = await t.login('carol', 'carol-password');
      expect((await search({ q: 'idc:nh' }, carol).expect(200)).body.numfound).toBe(0);
      const resources = await t.http.get(`${ACL}/resources`).set(auth()).query({ q: 'vm' });
      const vmResource = resources.body.resources.find((r: { name: string }) => r.name === 'vm').id;
      const users = await t.http.get(`${ACL}/users`).set(auth()).query({ q: 'carol' });
      const carolId = users.body.users[0].uid;
      const granted = await t.graphql(
        `mutation($input: SetPermissionsInput!) { setPermissions(input: $input) { id } }`,
        {
          input: {
            subject: { type: 'USER', id: carolId },
            resource: { type: 'acl_resource', id: String(vmResource) },
            changes: [{ permission: 'read', enabled: true }],
          },
        },
        admin,
      );
      expect(granted.body.errors).toBeUndefined();
      const res = await search({ q: 'idc:nh', facet: 'idc' }, carol).expect(200);
      expect(hostnames(res.body)).toEqual(['vm-1']);
      expect(res.body.facet).toEqual({ idc: [['nh', 1, 'idc']] });
      // What lies under a server is as hidden as the server.
      await search({ root_ids: ids['web-1'], level: 1 }, carol, '/ci_relations/statistics').expect(403);
      await search({ root_ids: ids['vm-1'], level: 1 }, carol, '/ci_relations/statistics').expect(200);
    });
  });

  describe('/ci_relations/s', () => {
    it('searches the CIs exactly `level` steps below the root, of the reachable types', async () => {
      const one = await search({ root_id: ids['web-1'] }, admin, '/ci_relations/s').expect(200);
      expect(hostnames(one.body)).toEqual(['vm-1', 'vm-2']);
      expect(one.body.counter).toEqual({ vm: 2 });
      const two = await search({ root_id: ids['web-1'], level: 2 }, admin, '/ci_relations/s').expect(200);
      expect(hostnames(two.body)).toEqual(['app-1']);
      const both = await search({ root_id: ids['web-1'], level: '1,2', q: 'cpu:>1' }, admin, '/ci_relations/search');
      expect(hostnames(both.body)).toEqual(['vm-1', 'vm-2']);
      const typed = await search({ root_id: ids['web-1'], level: '1,2', q: '_type:app' }, admin, '/ci_relations/s');
      expect(hostnames(typed.body)).toEqual(['app-1']);
    });

    it('answers zeros below a leaf and 404 for a missing or unknown root', async () => {
      const leaf = await search({ root_id: ids['app-1'] }, admin, '/ci_relations/s').expect(200);
      expect(leaf.body).toEqual({ numfound: 0, total: 0, page: 1, facet: {}, counter: {}, result: [] });
      await search({ root_id: 999999 }, admin, '/ci_relations/s').expect(404);
      await search({}, admin, '/ci_relations/s').expect(404);
      await search({ root_id: ids['web-1'], level: 0 }, admin, '/ci_relations/s').expect(400);
    });
  });

  describe('GraphQL ciSearch', () => {
    it('answers typed CIs and facets, narrowed to a type and to fields', async () => {
      const res = await t.graphql(
        `{ ciSearch(q: "idc:nh", type: "server", fields: ["cpu"], facet: ["cpu"], count: 2, sort: "cpu") {
            numfound page total counter
            cis { id values { attribute { name } value } }
            facets { attribute { name } values { value count } }
        } }`,
        undefined,
        admin,
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.ciSearch).toEqual({
        numfound: 3,
        page: 1,
        total: 2,
        counter: { server: 2 },
        cis: [
          { id: ids['web-1'], values: [{ attribute: { name: 'cpu' }, value: 4 }] },
          { id: ids['web-10'], values: [{ attribute: { name: 'cpu' }, value: 16 }] },
        ],
        facets: [
          {
            attribute: { name: 'cpu' },
            values: [
              { value: 4, count: 1 },
              { value: 16, count: 1 },
              { value: 32, count: 1 },
            ],
          },
        ],
      });
      const all = await t.graphql(`{ ciSearch(type: "vm") { numfound } }`, undefined, admin);
      expect(all.body.data.ciSearch.numfound).toBe(2);
      const bad = await t.graphql(`{ ciSearch(q: "cpu:[1") { numfound } }`, undefined, admin);
      expect(bad.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'q' } });
      const unknown = await t.graphql(`{ ciSearch(q: "", type: "router") { numfound } }`, undefined, admin);
      expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    });
  });
});
