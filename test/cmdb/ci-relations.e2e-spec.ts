import { CMDB_API as API, cmdbClient } from '../support/cmdb-client';
import { createTestApp, TestApp } from '../support/test-app';

describe('cmdb compat: CI relations and preferences', () => {
  let t: TestApp;
  let admin: string;
  const { get, post, put, del } = cmdbClient(() => ({ t, token: admin }));
  const ci = async (type: string, hostname: string, extra: object = {}) =>
    (await post('/ci', { ci_type: type, hostname, ...extra }).expect(200)).body.ci_id as number;

  const types: Record<string, number> = {};
  let contain: number;
  let deploy: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    await post('/attributes', { name: 'hostname' }).expect(200);
    await post('/attributes', { name: 'cpu', value_type: 'int' }).expect(200);
    for (const name of ['idc', 'rack', 'server', 'vm', 'app']) {
      types[name] = (await post('/ci_types', { name, unique_key: 'hostname' }).expect(200)).body.type_id;
    }
    const cpu = (await get('/attributes/cpu')).body.attribute.id;
    await post(`/ci_types/${types.server}/attributes`, { attr_id: [cpu] }).expect(200);
    contain = (await post('/relation_types', { name: 'contain' })).body.id;
    deploy = (await post('/relation_types', { name: 'deploy' })).body.id;
    const relate = (p: string, c: string, rt: number) =>
      post(`/ci_type_relations/${types[p]}/${types[c]}`, { relation_type_id: rt }).expect(200);
    await relate('idc', 'rack', contain);
    await relate('rack', 'server', contain);
    await relate('server', 'vm', contain);
    await relate('vm', 'app', deploy);
  });
  afterAll(() => t.close());

  describe('relating CIs', () => {
    let rack: number;
    let s1: number;
    let s2: number;

    beforeAll(async () => {
      rack = await ci('rack', 'rack-1');
      s1 = await ci('server', 's-1', { cpu: 8 });
      s2 = await ci('server', 's-2', { cpu: 16 });
    });

    it("relates two CIs with their types' relation type; the same pair answers its id", async () => {
      const first = await post(`/ci_relations/${rack}/${s1}`).expect(200);
      expect(first.body).toEqual({ cr_id: expect.any(Number) });
      await post(`/ci_relations/${rack}/${s1}`).expect(200, first.body);
      await post(`/ci_relations/${rack}/${s2}`, { relation_type_id: contain, more: s1 }).expect(200);
    });

    it('refuses a pair without a type relation (404), unknown CIs (404), a wrong relation type (400)', async () => {
      const vm = await ci('vm', 'vm-x');
      const res = await post(`/ci_relations/${rack}/${vm}`).expect(404);
      expect(res.body.message).toMatch(/rack <-> vm/);
      await post(`/ci_relations/${rack}/999999`).expect(404);
      await post(`/ci_relations/999999/${s1}`).expect(404);
      expect((await post(`/ci_relations/${s1}/${vm}`, { relation_type: 'deploy' }).expect(400)).body.message).toMatch(
        /relation_type/,
      );
      await post(`/ci_relations/${s1}/${vm}`, { relation_type: 'contain' }).expect(200);
    });

    it('lists children and parents as rows, paged, by relation type name', async () => {
      const children = await get(`/ci_relations/${rack}/second_cis`).expect(200);
      expect(children.body).toMatchObject({ numfound: 2, total: 2, page: 1 });
      expect(children.body.second_cis.map((r: { hostname: string }) => r.hostname)).toEqual(['s-1', 's-2']);
      expect(children.body.second_cis[0]).toMatchObject({ ci_id: s1, _type: types.server, ci_type: 'server', cpu: 8 });
      expect((await get(`/ci_relations/${rack}/second_cis`, { count: 1, page: 2 })).body.second_cis[0].ci_id).toBe(s2);
      expect((await get(`/ci_relations/${rack}/second_cis`, { relation_type: 'deploy' })).body.numfound).toBe(0);
      await get(`/ci_relations/${rack}/second_cis`, { relation_type: 'owns' }).expect(400);
      const parents = await get(`/ci_relations/${s1}/first_cis`).expect(200);
      expect(parents.body.first_cis.map((r: { ci_id: number }) => r.ci_id)).toEqual([rack]);
      await get('/ci_relations/999999/second_cis').expect(404);
    });

    it("shows a CI's children under their type's name", async () => {
      const res = await get(`/ci/${rack}`).expect(200);
      expect(res.body.ci.server.map((r: { hostname: string }) => r.hostname)).toEqual(['s-1', 's-2']);
      expect(res.body.ci.hostname).toBe('rack-1');
    });

    it('counts the CIs at a depth under each root', async () => {
      const idc = await ci('idc', 'idc-1');
      await post(`/ci_relations/${idc}/${rack}`).expect(200);
      const res = await get('/ci_relations/statistics', { root_ids: `${idc},${rack}`, level: 2 }).expect(200);
      expect(res.body).toEqual({ [String(idc)]: 2, [String(rack)]: 1 });
      const typed = await get('/ci_relations/statistics', { root_ids: [idc], level: 2, type_ids: `${types.vm}` });
      expect(typed.body).toEqual({ [String(idc)]: 0 });
      expect((await get('/ci_relations/statistics', { level: 1 }).expect(400)).body).toEqual({
        message: 'Argument root_ids is required',
      });
    });

    it('deletes relations by pair and by id, 404 when absent, recording history', async () => {
      const cr = (await post(`/ci_relations/${rack}/${s2}`)).body.cr_id;
      await del(`/ci_relations/${rack}/${s2}`).expect(200, { message: 'CIType Relation is deleted' });
      await del(`/ci_relations/${rack}/${s2}`).expect(404);
      await del(`/ci_relations/${cr}`).expect(404);
      const again = (await post(`/ci_relations/${rack}/${s2}`)).body.cr_id;
      await del(`/ci_relations/${again}`).expect(200, { message: 'CIType Relation is deleted' });
      const [latest] = (await get('/history/records', { page_size: 1 })).body.records;
      expect(latest.rel_history).toEqual({ add: 0, delete: 1 });
      const detail = await get(`/history/records/${latest.record_id}`).expect(200);
      expect(detail.body.rel_history).toEqual({ add: [], delete: [[rack, 'contain', s2]] });
    });

    it('puts many children under a parent found by value, one parent per relation type', async () => {
      const rack2 = await ci('rack', 'rack-2');
      await post('/ci_relations/batch', { ci_ids: [s1, s2], parents: { hostname: 'rack-2' } }).expect(200, {
        code: 200,
      });
      expect(
        (await get(`/ci_relations/${s1}/first_cis`)).body.first_cis.map((r: { ci_id: number }) => r.ci_id),
      ).toEqual([rack2]);
      expect((await get(`/ci_relations/${rack}/second_cis`)).body.numfound).toBe(0);
      await t.http
        .put(`${API}/ci_relations/batch`)
        .set('Authorization', `Bearer ${admin}`)
        .type('form')
        .send({ ci_ids: `${s1}`, parents: JSON.stringify([rack]) })
        .expect(200);
      expect((await get(`/ci_relations/${s1}/first_cis`)).body.numfound).toBe(2);
      await post('/ci_relations/batch', { ci_ids: [s1], parents: { hostname: 'rack-404' } }).expect(404);
      await post('/ci_relations/batch', { ci_ids: [999999], parents: [rack] }).expect(404);
      expect((await post('/ci_relations/batch', { ci_ids: [s1] }).expect(400)).body).toEqual({
        message: 'Argument parents is required',
      });
    });
  });

  describe('deleting a relation type', () => {
    it('is refused while CI relations still carry it, after their type relation moved to another', async () => {
      const runs = (await post('/relation_types', { name: 'runs' }).expect(200)).body.id;
      const hosts = (await post('/relation_types', { name: 'hosts' }).expect(200)).body.id;
      for (const name of ['cluster', 'node']) {
        types[name] = (await post('/ci_types', { name, unique_key: 'hostname' }).expect(200)).body.type_id;
      }
      await post(`/ci_type_relations/${types.cluster}/${types.node}`, { relation_type_id: runs }).expect(200);
      const cr = (await post(`/ci_relations/${await ci('cluster', 'c-1')}/${await ci('node', 'n-1')}`).expect(200)).body
        .cr_id;
      await post(`/ci_type_relations/${types.cluster}/${types.node}`, { relation_type_id: hosts }).expect(200);

      const refused = await del(`/relation_types/${runs}`).expect(400);
      expect(refused.body.message).toMatch(/runs is used by CI relations/);
      expect((await get('/relation_types')).body.map((r: { name: string }) => r.name)).toContain('runs');
      await del(`/ci_relations/${cr}`).expect(200);
      await del(`/relation_types/${runs}`).expect(200, { rel_id: runs });
    });
  });

  describe('simultaneous writes of one name or one pair', () => {
    const together = async <T>(n: number, send: () => Promise<T>) => Promise.all(Array.from({ length: n }, send));
    const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort();

    it('lets one of many creates of a name through and refuses the others with 400', async () => {
      const types = await together(6, () => post('/ci_types', { name: 'twin', unique_key: 'hostname' }));
      expect(statuses(types)).toEqual([200, 400, 400, 400, 400, 400]);
      const attrs = await together(6, () => post('/attributes', { name: 'twin_attr' }));
      expect(statuses(attrs)).toEqual([200, 400, 400, 400, 400, 400]);
      const relTypes = await together(6, () => post('/relation_types', { name: 'twin_rel' }));
      expect(statuses(relTypes)).toEqual([200, 400, 400, 400, 400, 400]);
      const live = await t.dataSource.query(`SELECT COUNT(*) AS n FROM ci_types WHERE name = 'twin' AND deleted = 0`);
      expect(Number(live[0].n)).toBe(1);
    });

    it('answers every simultaneous add of one pair with the same id', async () => {
      for (const name of ['left', 'right']) {
        types[name] = (await post('/ci_types', { name, unique_key: 'hostname' }).expect(200)).body.type_id;
      }
      const ctrs = await together(6, () =>
        post(`/ci_type_relations/${types.left}/${types.right}`, { relation_type_id: contain }),
      );
      expect(statuses(ctrs)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(new Set(ctrs.map((r) => r.body.ctr_id)).size).toBe(1);
      const [l, r] = [await ci('left', 'l-1'), await ci('right', 'r-1')];
      const crs = await together(6, () => post(`/ci_relations/${l}/${r}`));
      expect(statuses(crs)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(new Set(crs.map((x) => x.body.cr_id)).size).toBe(1);
    });
  });

  describe('preferences', () => {
    it("falls back to the type's default columns, then shows the caller's choice in order", async () => {
      const before = await get(`/preference/ci_types/server/attributes`).expect(200);
      expect(before.body.is_subscribed).toBe(false);
      expect(before.body.attributes.map((a: { name: string }) => a.name)).toEqual(['hostname', 'cpu']);
      const set = await post(`/preference/ci_types/${types.server}/attributes`, { attr: 'cpu,hostname' }).expect(200);
      expect(set.body).toEqual({
        type_id: types.server,
        attr_order: [
          ['cpu', 0],
          ['hostname', 1],
        ],
      });
      const after = await get(`/preference/ci_types/${types.server}/attributes`).expect(200);
      expect(after.body.is_subscribed).toBe(true);
      expect(after.body.attributes.map((a: { name: string }) => a.name)).toEqual(['cpu', 'hostname']);
      await put(`/preference/ci_types/${types.server}/attributes`, { attr: [['hostname', false]] }).expect(200);
      expect((await get(`/preference/ci_types/${types.server}/attributes`)).body.attributes).toHaveLength(1);
      await post(`/preference/ci_types/${types.server}/attributes`, { attr: ['nothing'] }).expect(404);
      await get('/preference/ci_types/nothing/attributes').expect(404);
    });

    it("saves, lists and removes the caller's tree views", async () => {
      const saved = await post('/preference/tree/view', { type_id: types.server, levels: ['cpu'] }).expect(200);
      expect(saved.body).toMatchObject({ type_id: types.server, levels: expect.stringMatching(/^\d+$/) });
      const views = await get('/preference/tree/view').expect(200);
      expect(views.body).toEqual([
        expect.objectContaining({
          name: 'server',
          type_id: types.server,
          levels: [expect.objectContaining({ name: 'cpu' })],
        }),
      ]);
      const preferred = await get('/preference/ci_types', { instance: 1, tree: 1 }).expect(200);
      expect(preferred.body.map((x: { name: string }) => x.name)).toEqual(['server']);
      expect((await get('/preference/ci_types')).body).toEqual([]);
      await put('/preference/tree/view', { type_id: types.server, levels: [] }).expect(200, {});
      expect((await get('/preference/tree/view')).body).toEqual([]);
      await post('/preference/tree/view', { type_id: types.server, levels: ['nothing'] }).expect(404);
    });

    it('defines relation views and lays them out', async () => {
      const res = await post('/preference/relation/view', {
        name: 'datacentre',
        cr_ids: [
          { parent_id: types.idc, child_id: types.rack },
          { parent_id: types.rack, child_id: types.server },
        ],
      }).expect(200);
      const view = res.body.views.datacentre;
      expect(view).toMatchObject({
        topo: [[types.idc], [types.rack], [types.server]],
        topo_flatten: [types.idc, types.rack, types.server],
        leaf: [types.server],
        leaf2show_types: { [types.server]: [types.vm] },
      });
      expect(view.show_types.map((x: { name: string }) => x.name)).toEqual(['vm']);
      expect(view.node2show_types[types.idc].map((x: { name: string }) => x.name)).toEqual(['vm']);
      expect(res.body.id2type[types.idc]).toMatchObject({ name: 'idc' });
      expect(res.body.name2id).toEqual([['datacentre', expect.any(Number)]]);
      expect((await get('/preference/relation/view')).body).toEqual(res.body);
      await post('/preference/relation/view', {
        name: 'bad',
        cr_ids: [{ parent_id: types.app, child_id: types.idc }],
      }).expect(404);
      expect((await post('/preference/relation/view', { name: 'empty', cr_ids: [] }).expect(400)).body.message).toMatch(
        /cr_ids/,
      );
      await del('/preference/relation/view', { name: 'datacentre' }).expect(200, { name: 'datacentre' });
      await del('/preference/relation/view', { name: 'datacentre' }).expect(404);
      expect((await get('/preference/relation/view')).body.views).toEqual({});
    });
  });
});
