import { createUser } from '../support/fixtures';
import { cmdbClient } from '../support/cmdb-client';
import { countQueries } from '../support/query-count';
import { createTestApp, TestApp } from '../support/test-app';

const ACL = '/cmdb/api/v1/acl';

describe('CI engine over GraphQL, and CI permissions over REST and GraphQL', () => {
  let t: TestApp;
  let admin: string;
  let bob: string;
  let bobId: number;

  // The parsed body as supertest gives it: { data, errors }.
  const gql = async (query: string, variables?: Record<string, unknown>, token = admin) =>
    (await t.graphql(query, variables, token).expect(200)).body;
  const api = cmdbClient(() => ({ t, token: admin }));
  const rest = (token: string) => ({
    get: (path: string, query: object = {}) => api.get(path, query, token),
    post: (path: string, body: object = {}) => api.post(path, body, token),
    put: (path: string, body: object = {}) => api.put(path, body, token),
    del: (path: string) => api.del(path, {}, token),
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    bobId = (await createUser(t, 'bob', 'bob-password')).id;
    bob = await t.login('bob', 'bob-password');
  });
  afterAll(() => t.close());

  describe('configuration and CIs through GraphQL', () => {
    it('creates attributes and a type, and reads them back with their details', async () => {
      const attrs = await gql(`mutation {
        h: createAttribute(input: {name: "hostname", alias: "Host name"}) { id name valueType valueTypeName }
        c: createAttribute(input: {name: "cpu", valueType: "int"}) { id valueType }
        i: createAttribute(input: {name: "idc", choiceValues: ["nh", "oy"]}) { id isChoice choiceValues }
        b: createAttribute(input: {name: "born", valueType: "date"}) { id }
        t: createAttribute(input: {name: "tags", isList: true}) { id isList }
      }`);
      expect(attrs.errors).toBeUndefined();
      expect(attrs.data?.h).toMatchObject({ name: 'hostname', valueType: '2', valueTypeName: 'text' });
      expect(attrs.data?.i).toMatchObject({ isChoice: true, choiceValues: ['nh', 'oy'] });
      const ids = ['h', 'c', 'i', 'b', 't'].map((k) => attrs.data?.[k].id as number);
      const type = await gql(`mutation { createCiType(input: {name: "server", uniqueKey: "hostname"}) { id } }`);
      const typeId = type.data?.createCiType.id as number;
      const added = await gql(
        `mutation($typeId: Int!, $ids: [Int!]!) {
          addCiTypeAttributes(typeId: $typeId, attributeIds: $ids) {
            name uniqueKey attributes { attribute { name } isRequired position }
          }
        }`,
        { typeId, ids: ids.slice(1) },
      );
      expect(added.data?.addCiTypeAttributes).toEqual({
        name: 'server',
        uniqueKey: 'hostname',
        attributes: [
          { attribute: { name: 'hostname' }, isRequired: true, position: 0 },
          { attribute: { name: 'cpu' }, isRequired: false, position: 1 },
          { attribute: { name: 'idc' }, isRequired: false, position: 2 },
          { attribute: { name: 'born' }, isRequired: false, position: 3 },
          { attribute: { name: 'tags' }, isRequired: false, position: 4 },
        ],
      });
      const page = await gql(`{ attributes(search: "o") { total items { name } } }`);
      expect(page.data?.attributes.items.map((a: { name: string }) => a.name)).toEqual(['hostname', 'born']);
    });

    it('creates CIs in bulk and reads typed values', async () => {
      const res = await gql(`mutation {
        createCis(type: "server", cis: [
          {hostname: "web-1", cpu: "8", idc: "nh", born: "2020-01-02", tags: ["a", "b"]},
          {hostname: "web-2", cpu: 4}
        ]) { id unique type { name } values { attribute { name } value values } }
      }`);
      expect(res.errors).toBeUndefined();
      const [web1, web2] = res.data.createCis;
      expect(web1.unique).toBe('web-1');
      expect(web1.type).toEqual({ name: 'server' });
      expect(web1.values).toEqual([
        { attribute: { name: 'hostname' }, value: 'web-1', values: ['web-1'] },
        { attribute: { name: 'cpu' }, value: 8, values: [8] },
        { attribute: { name: 'idc' }, value: 'nh', values: ['nh'] },
        { attribute: { name: 'born' }, value: '2020-01-02', values: ['2020-01-02'] },
        { attribute: { name: 'tags' }, value: ['a', 'b'], values: ['a', 'b'] },
      ]);
      expect(web2.values[1]).toEqual({ attribute: { name: 'cpu' }, value: 4, values: [4] });
      const bad = await gql(`mutation { createCi(type: "server", values: {hostname: "web-3", cpu: "x"}) { id } }`);
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].message).toMatch(/^cpu: /);
      const policy = await gql(
        `mutation { createCi(type: "server", values: {hostname: "x"}, existPolicy: "maybe") { id } }`,
      );
      expect(policy.errors?.[0].extensions.field).toBe('existPolicy');
      const list = await gql(`mutation { createCi(type: "server", values: ["hostname"]) { id } }`);
      expect(list.errors?.[0].extensions.field).toBe('values');
      const dup = await gql(`mutation { createCi(type: "server", values: {hostname: "WEB-1"}) { id } }`);
      expect(dup.errors?.[0].message).toMatch(/already existed/);
    });

    it('updates and deletes a CI, and lists its history', async () => {
      const created = await gql(`mutation { createCi(type: "server", values: {hostname: "db-1", cpu: 2}) { id } }`);
      const id = created.data?.createCi.id as number;
      const updated = await gql(
        `mutation($id: Int!) { updateCi(id: $id, values: {cpu: 6, idc: null}) { values { value } } }`,
        {
          id,
        },
      );
      expect(updated.data?.updateCi.values[1].value).toBe(6);
      const history = await gql(
        `query($id: Int!) { ciHistory(ciId: $id) { attributeName operateType old new operatorName } }`,
        {
          id,
        },
      );
      expect(history.data?.ciHistory[0]).toEqual({
        attributeName: 'cpu',
        operateType: '2',
        old: '2',
        new: '6',
        operatorName: 'admin',
      });
      const records = await gql(`{ historyRecords(limit: 1) { total items { id operatorName attributes } } }`);
      expect(records.data?.historyRecords.items[0]).toMatchObject({ operatorName: 'admin', attributes: ['cpu'] });
      const record = await gql(
        `query($id: Int!) { historyRecord(id: $id) { attributeChanges { ciId attributeName } } }`,
        {
          id: records.data?.historyRecords.items[0].id,
        },
      );
      expect(record.data?.historyRecord.attributeChanges).toEqual([{ ciId: id, attributeName: 'cpu' }]);
      expect((await gql(`mutation($id: Int!) { deleteCi(id: $id) }`, { id })).data?.deleteCi).toBe(true);
      const gone = await gql(`query($id: Int!) { ci(id: $id) { id } }`, { id });
      expect(gone.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it('relates types and CIs', async () => {
      await gql(`mutation { createAttribute(input: {name: "vm_name"}) { id } }`);
      await gql(`mutation { createCiType(input: {name: "vm", uniqueKey: "vm_name"}) { id } }`);
      await gql(`mutation { createRelationType(name: "contain") { id } }`);
      const rel = await gql(`{ ciTypes { id name } }`);
      const byName = Object.fromEntries(rel.data?.ciTypes.map((x: { id: number; name: string }) => [x.name, x.id]));
      const tr = await gql(
        `mutation($p: Int!, $c: Int!) { setCiTypeRelation(parentId: $p, childId: $c, relationType: "contain") {
          parent { name } child { name } relationType { name } } }`,
        { p: byName.server, c: byName.vm },
      );
      expect(tr.data?.setCiTypeRelation).toEqual({
        parent: { name: 'server' },
        child: { name: 'vm' },
        relationType: { name: 'contain' },
      });
      const types = await gql(`{ ciType(key: "server") { children { child { name } } parents { id } } }`);
      expect(types.data?.ciType).toEqual({ children: [{ child: { name: 'vm' } }], parents: [] });
      const vm = await gql(`mutation { createCi(type: "vm", values: {vm_name: "vm-1"}) { id } }`);
      const web1 = (await gql(`{ cis(type: "server", limit: 1) { items { id } } }`)).data?.cis.items[0].id;
      const added = await gql(`mutation($a: Int!, $b: Int!) { addCiRelation(firstCiId: $a, secondCiId: $b) }`, {
        a: web1,
        b: vm.data?.createCi.id,
      });
      expect(added.data?.addCiRelation).toEqual(expect.any(Number));
      const rels = await gql(
        `query($id: Int!) { ciRelations(ciId: $id) { first { unique } second { unique } relationType { name } } }`,
        { id: web1 },
      );
      expect(rels.data?.ciRelations).toEqual([
        { first: { unique: 'web-1' }, second: { unique: 'vm-1' }, relationType: { name: 'contain' } },
      ]);
    });

    it('answers a 100-CI list with a constant number of SQL queries', async () => {
      const count = (query: string) =>
        countQueries(t, async () => {
          expect((await gql(query)).errors).toBeUndefined();
        });
      const list = (limit: number) =>
        `{ cis(type: "server", limit: ${limit}) { items { id unique type { name uniqueKey } values { attribute { name choiceValues } value } } } }`;
      // One of the two servers there are: a page short of the total, so the total is counted too.
      const forFew = await count(list(1));
      await gql(`mutation($cis: [JSON!]!) { createCis(type: "server", cis: $cis) { id } }`, {
        cis: Array.from({ length: 100 }, (_, i) => ({ hostname: `bulk-${i}`, cpu: i, tags: ['x'] })),
      });
      const forHundred = await count(list(100));
      expect(forHundred).toBe(forFew);
      // Token 1, catalog 4, page and total 2, values 3 (one per value table), choices 1.
      expect(forHundred).toBe(11);
    });
  });

  describe('permissions on CI types', () => {
    let server: number;
    let webId: number;
    let resourceId: number;

    beforeAll(async () => {
      server = (await rest(admin).get('/ci_types/server')).body.ci_types[0].id;
      webId = (await rest(admin).get(`/ci/type/${server}`, { count: 1 })).body.cis[0].ci_id;
      const resources = await t.http
        .get(`${ACL}/resources`)
        .set('Authorization', `Bearer ${admin}`)
        .query({ q: 'server', page_size: 200 });
      resourceId = resources.body.resources.find((r: { name: string }) => r.name === 'server').id;
    });

    it('refuses a user without grants: 403 over REST and FORBIDDEN over GraphQL', async () => {
      const bobRest = rest(bob);
      expect((await bobRest.get(`/ci/${webId}`).expect(403)).body).toEqual({ message: expect.any(String) });
      await bobRest.get(`/ci/type/${server}`).expect(403);
      await bobRest.post('/ci', { ci_type: 'server', hostname: 'bob-1' }).expect(403);
      await bobRest.put(`/ci/${webId}`, { cpu: 1 }).expect(403);
      await bobRest.del(`/ci/${webId}`).expect(403);
      await bobRest.get(`/history/ci/${webId}`).expect(403);
      await bobRest.get('/history/records').expect(403);
      const g = await gql(`query($id: Int!) { ci(id: $id) { id } }`, { id: webId }, bob);
      expect(g.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const m = await gql(`mutation { createCi(type: "server", values: {hostname: "bob-1"}) { id } }`, undefined, bob);
      expect(m.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('grants read through a role and add through a resource group', async () => {
      const role = await t.http
        .post(`${ACL}/roles`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ name: 'cmdb-readers' });
      const roleId = role.body.id as number;
      await t.http
        .post(`${ACL}/roles/${roleId}/resources/${resourceId}/grant`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ perms: ['read'] })
        .expect(200);
      const set = await gql(`mutation($id: Int!, $roles: [Int!]!) { setUserRoles(id: $id, roleIds: $roles) { id } }`, {
        id: bobId,
        roles: [roleId],
      });
      expect(set.errors).toBeUndefined();
      // A fresh token carries the new role.
      bob = await t.login('bob', 'bob-password');
      const bobRest = rest(bob);
      expect((await bobRest.get(`/ci/${webId}`).expect(200)).body.ci._unique).toBe('web-1');
      await bobRest.get(`/history/ci/${webId}`).expect(200);
      const g = await gql(`query($id: Int!) { ci(id: $id) { unique } }`, { id: webId }, bob);
      expect(g.data?.ci).toEqual({ unique: 'web-1' });
      await bobRest.post('/ci', { ci_type: 'server', hostname: 'bob-1' }).expect(403);

      const typeId = (
        await t.http.get(`${ACL}/resource_types`).set('Authorization', `Bearer ${admin}`).query({ q: 'CIType' })
      ).body.groups[0].id;
      const group = await t.http
        .post(`${ACL}/resource_groups`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ name: 'writable types', type_id: typeId })
        .expect(200);
      await t.http
        .put(`${ACL}/resource_groups/${group.body.id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ items: [resourceId] })
        .expect(200);
      await t.http
        .post(`${ACL}/roles/${roleId}/resource_groups/${group.body.id}/grant`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ perms: ['add'] })
        .expect(200);
      await bobRest.post('/ci', { ci_type: 'server', hostname: 'bob-1' }).expect(200);
      const viaGql = await gql(
        `mutation { createCi(type: "server", values: {hostname: "bob-2"}) { unique } }`,
        undefined,
        bob,
      );
      expect(viaGql.data?.createCi).toEqual({ unique: 'bob-2' });
      // Updating still needs `update`.
      await bobRest.put(`/ci/${webId}`, { cpu: 1 }).expect(403);
      await bobRest.put('/ci', { ci_type: 'server', hostname: 'web-1', cpu: 1 }).expect(403);
    });

    it('hides relations to CIs of types the caller may not read', async () => {
      const rels = await gql(
        `query($id: Int!) { ciRelations(ciId: $id) { first { unique } second { unique } } }`,
        { id: webId },
        bob,
      );
      expect(rels.data?.ciRelations).toEqual([{ first: { unique: 'web-1' }, second: null }]);
      expect((await rest(bob).get(`/ci_relations/${webId}/second_cis`).expect(200)).body.numfound).toBe(0);
    });

    it('keeps configuration to administrators', async () => {
      const m = await gql(`mutation { createAttribute(input: {name: "bobs"}) { id } }`, undefined, bob);
      expect(m.errors?.[0].extensions.code).toBe('FORBIDDEN');
      await rest(bob).post('/relation_types', { name: 'owns' }).expect(403);
      await rest(bob)
        .post('/preference/relation/view', { name: 'v', cr_ids: [{ parent_id: 1, child_id: 2 }] })
        .expect(403);
      // Preferences of one's own are fine.
      await rest(bob)
        .post(`/preference/ci_types/${server}/attributes`, { attr: ['hostname'] })
        .expect(200);
    });
  });
});
