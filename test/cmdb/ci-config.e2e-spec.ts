import { createUser } from '../support/fixtures';
import { CMDB_API as API, cmdbClient } from '../support/cmdb-client';
import { createTestApp, TestApp } from '../support/test-app';

describe('cmdb compat: attributes, CI types, relation types and type relations', () => {
  let t: TestApp;
  let admin: string;
  let alice: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    await createUser(t, 'alice', 'alice-password');
    alice = await t.login('alice', 'alice-password');
  });
  afterAll(() => t.close());

  const { get, post, put, del } = cmdbClient(() => ({ t, token: admin }));

  const attribute = async (body: object): Promise<number> => {
    const res = await post('/attributes', body).expect(200);
    return res.body.attr_id as number;
  };

  describe('attributes', () => {
    let idc: number;

    it('creates an attribute from the 2016 names and answers with both generations', async () => {
      idc = await attribute({
        attr_name: 'idc',
        attr_alias: 'IDC',
        value_type: 'text',
        is_multivalue: false,
        is_uniq: false,
        choice_value: ['nh', 'oy'],
      });
      const res = await get('/attributes/idc').expect(200);
      expect(res.body.attribute).toEqual({
        id: idc,
        attr_id: idc,
        name: 'idc',
        attr_name: 'idc',
        alias: 'IDC',
        attr_alias: 'IDC',
        value_type: '2',
        is_choice: true,
        choice_value: ['nh', 'oy'],
        is_list: false,
        is_multivalue: false,
        is_unique: false,
        is_uniq: false,
        is_index: false,
        is_link: false,
        is_password: false,
        is_sortable: false,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        updated_at: expect.any(String),
        deleted: false,
        deleted_at: null,
      });
      // By id and by alias (any case) too.
      expect((await get(`/attributes/${idc}`).expect(200)).body.attribute.name).toBe('idc');
      expect((await get('/attributes/idc').expect(200)).body.attribute.id).toBe(idc);
    });

    it('creates from the current names with a value type code, and from a form', async () => {
      const cpu = await attribute({ name: 'cpu', alias: 'CPU cores', value_type: '0', is_index: true });
      expect((await get(`/attributes/${cpu}`).expect(200)).body.attribute).toMatchObject({
        value_type: '0',
        is_index: true,
        choice_value: [],
        is_choice: false,
      });
      const res = await t.http
        .post(`${API}/attributes`)
        .set(auth(admin))
        .type('form')
        .send({ name: 'os', value_type: 'text', is_list: 'false' })
        .expect(200);
      expect((await get(`/attributes/${res.body.attr_id}`).expect(200)).body.attribute).toMatchObject({
        name: 'os',
        alias: 'os',
      });
    });

    it('searches attributes by part of the name or alias, paged', async () => {
      const res = await get('/attributes/s', { q: 'CP', page_size: 10 }).expect(200);
      expect(res.body).toMatchObject({ page: 1, page_size: 10, numfound: 1, total: 1 });
      expect(res.body.attributes.map((a: { name: string }) => a.name)).toEqual(['cpu']);
      const all = await get('/attributes/search').expect(200);
      expect(all.body.numfound).toBeGreaterThanOrEqual(3);
      // The original's UI lists every attribute with page_size=10000: served, at our largest page.
      const everything = await get('/attributes/s', { page_size: 10000 }).expect(200);
      expect(everything.body).toMatchObject({ page_size: 200, numfound: all.body.numfound });
      expect(everything.body.attributes).toHaveLength(all.body.numfound);
    });

    it('refuses a missing name, a duplicate (any case), a bad value type and a bad choice with 400', async () => {
      expect((await post('/attributes', { alias: 'x' }).expect(400)).body).toEqual({
        message: 'Argument name is required',
      });
      expect((await post('/attributes', { name: 'IDC' }).expect(400)).body.message).toMatch(/duplicated/);
      expect((await post('/attributes', { name: 'zz', alias: 'idc' }).expect(400)).body.message).toMatch(/alias/);
      expect((await post('/attributes', { name: 'v', value_type: 'colour' }).expect(400)).body.message).toMatch(
        /value_type/,
      );
      expect(
        (await post('/attributes', { name: 'n', value_type: '0', choice_value: ['one'] }).expect(400)).body.message,
      ).toMatch(/choice_value/);
      expect(
        (await post('/attributes', { name: 'when', value_type: 'date', choice_value: ['2020-01-01'] }).expect(400)).body
          .message,
      ).toMatch(/choice/);
      expect((await post('/attributes', { name: 'ci_type' }).expect(400)).body.message).toMatch(/reserved/);
      expect((await post('/attributes', { name: 'a b' }).expect(400)).body.message).toMatch(/whitespace/);
      expect((await post('/attributes', { name: 'x', colour: 'red' }).expect(400)).body.message).toMatch(/colour/);
    });

    it('updates an attribute; leaving out choice_value clears the choices', async () => {
      await put(`/attributes/${idc}`, { alias: 'Data centre', choice_value: ['nh', 'oy', 'sh'] }).expect(200, {
        attr_id: idc,
      });
      expect((await get(`/attributes/${idc}`)).body.attribute).toMatchObject({
        alias: 'Data centre',
        choice_value: ['nh', 'oy', 'sh'],
      });
      await put(`/attributes/${idc}`, { alias: 'IDC' }).expect(200);
      expect((await get(`/attributes/${idc}`)).body.attribute.choice_value).toEqual([]);
      await put(`/attributes/${idc}`, { choice_value: ['nh', 'oy'] }).expect(200);
    });

    it('answers 404 for an unknown attribute, by id, name, update or delete', async () => {
      expect((await get('/attributes/99999').expect(404)).body).toEqual({ message: expect.any(String) });
      await get('/attributes/nothing').expect(404);
      await put('/attributes/99999', { alias: 'x' }).expect(404);
      await del('/attributes/99999').expect(404);
    });

    it('needs an administrator to change attributes, not to read them', async () => {
      const res = await post('/attributes', { name: 'nope' }, alice).expect(403);
      expect(res.body).toEqual({ message: expect.any(String) });
      await get('/attributes/idc', {}, alice).expect(200);
    });

    it('deletes an attribute softly: hidden from reads and searches, its name free again', async () => {
      const tmp = await attribute({ name: 'tmp' });
      expect((await del(`/attributes/${tmp}`).expect(200)).body).toEqual({ message: 'attribute tmp deleted' });
      await get(`/attributes/${tmp}`).expect(404);
      expect((await get('/attributes/s', { q: 'tmp' })).body.numfound).toBe(0);
      await attribute({ name: 'tmp' });
    });
  });

  describe('CI types and their attributes', () => {
    let serverId: number;
    let hostname: number;
    let cpu: number;

    beforeAll(async () => {
      hostname = await attribute({ name: 'hostname', alias: 'Host name', is_unique: true });
      cpu = (await get('/attributes/cpu')).body.attribute.id;
    });

    it('creates a type with the 2016 names (type_name, unique) and lists it with unique_key', async () => {
      const res = await post('/ci_types', { type_name: 'server', type_alias: 'Server', unique: 'hostname' }).expect(
        200,
      );
      serverId = res.body.type_id;
      const list = await get('/ci_types').expect(200);
      expect(list.body.numfound).toBe(1);
      expect(list.body.ci_types[0]).toEqual({
        id: serverId,
        type_id: serverId,
        name: 'server',
        type_name: 'server',
        alias: 'Server',
        type_alias: 'Server',
        unique_id: hostname,
        unique_key: 'hostname',
        uniq_key: 'hostname',
        unique_name: 'hostname',
        enabled: true,
        is_attached: false,
        icon_url: '',
        order: 0,
        created_at: expect.any(String),
        updated_at: expect.any(String),
        deleted: false,
        deleted_at: null,
      });
    });

    it('creates a type from the current names (name, unique_key by id)', async () => {
      const res = await post('/ci_types', { name: 'vm', unique_key: hostname, icon_url: 'vm.png' }).expect(200);
      expect((await get('/ci_types/vm').expect(200)).body).toMatchObject({
        numfound: 1,
        ci_types: [{ id: res.body.type_id, alias: 'vm', icon_url: 'vm.png' }],
      });
    });

    it('finds types by name, id or alias, and with /query (both keys)', async () => {
      await get(`/ci_types/${serverId}`).expect(200);
      await get('/ci_types/Server').expect(200);
      const q = await get('/ci_types/query', { q: 'SERVER' }).expect(200);
      expect(q.body.ci_type.id).toBe(serverId);
      expect(q.body.citype).toEqual(q.body.ci_type);
      expect((await get('/ci_types/query').expect(400)).body).toEqual({ message: 'Argument q is required' });
      await get('/ci_types/query', { q: 'nothing' }).expect(404);
      await get('/ci_types/nothing').expect(404);
      expect((await get('/ci_types', { type_name: 'ser' })).body.numfound).toBe(1);
    });

    it('refuses a duplicate type, a missing or unknown key attribute', async () => {
      expect((await post('/ci_types', { name: 'Server', unique_key: 'hostname' }).expect(400)).body.message).toMatch(
        /duplicated/,
      );
      expect((await post('/ci_types', { unique_key: 'hostname' }).expect(400)).body).toEqual({
        message: 'Argument name is required',
      });
      expect((await post('/ci_types', { name: 'rack' }).expect(404)).body.message).toMatch(/Unique key/);
      await post('/ci_types', { name: 'rack', unique_key: 'serial' }).expect(404);
    });

    it('carries its key attribute as required, and takes more attributes', async () => {
      await post(`/ci_types/${serverId}/attributes`, { attr_id: `${cpu}`, is_required: false }).expect(200, {
        attributes: [cpu],
      });
      const idc = (await get('/attributes/idc')).body.attribute.id;
      // One id as a bare JSON number is a list of one, as veops reads it.
      await post(`/ci_types/${serverId}/attributes`, { attr_id: idc }).expect(200, { attributes: [idc] });
      const res = await get(`/ci_types/${serverId}/attributes`).expect(200);
      expect(res.body).toMatchObject({ type_id: serverId, unique_id: hostname, unique: 'hostname' });
      expect(
        res.body.attributes.map((a: { name: string; is_required: boolean; order: number }) => [
          a.name,
          a.is_required,
          a.order,
        ]),
      ).toEqual([
        ['hostname', true, 0],
        ['cpu', false, 1],
        ['idc', false, 2],
      ]);
      expect(res.body.attributes[2].choice_value).toEqual(['nh', 'oy']);
      await post(`/ci_types/${serverId}/attributes`, { attr_id: [99999] }).expect(404);
      await post('/ci_types/99999/attributes', { attr_id: [cpu] }).expect(404);
      expect((await post(`/ci_types/${serverId}/attributes`, {}).expect(400)).body).toEqual({
        message: 'Argument attr_id is required',
      });
    });

    it('updates how it carries attributes from a JSON list', async () => {
      await put(`/ci_types/${serverId}/attributes`, {
        attributes: [{ attr_id: cpu, is_required: true, order: 5, default_show: false }],
      }).expect(200);
      const res = await get(`/ci_types/${serverId}/attributes`);
      expect(res.body.attributes.find((a: { id: number }) => a.id === cpu)).toMatchObject({
        is_required: true,
        order: 5,
        default_show: false,
      });
      expect((await put(`/ci_types/${serverId}/attributes`, { attributes: 'cpu' }).expect(400)).body.message).toMatch(
        /list/,
      );
      const os = (await get('/attributes/os')).body.attribute.id;
      await put(`/ci_types/${serverId}/attributes`, { attributes: [{ attr_id: os }] }).expect(404);
      await put(`/ci_types/${serverId}/attributes`, { attributes: [{ attr_id: cpu, is_required: false }] }).expect(200);
    });

    it('keeps its key attribute; other attributes detach', async () => {
      expect((await del(`/ci_types/${serverId}/attributes`, { attr_id: [hostname] }).expect(400)).body.message).toMatch(
        /unique key/,
      );
      const os = (await get('/attributes/os')).body.attribute.id;
      await post(`/ci_types/${serverId}/attributes`, { attr_id: [os] }).expect(200);
      await del(`/ci_types/${serverId}/attributes`, { attr_id: `${os}` }).expect(200, { attributes: [os] });
      await del(`/ci_types/${serverId}/attributes`, { attr_id: [os] }).expect(404);
    });

    it('updates, enables and renames a type; a name already taken is a 400', async () => {
      await put(`/ci_types/${serverId}`, { alias: 'Physical server', icon_url: 'server.png' }).expect(200, {
        type_id: serverId,
      });
      expect((await post(`/ci_types/${serverId}/enable`, { enable: false }).expect(200)).body).toEqual({
        type_id: serverId,
        enable: false,
      });
      expect((await get(`/ci_types/${serverId}`)).body.ci_types[0]).toMatchObject({
        alias: 'Physical server',
        enabled: false,
      });
      await post(`/ci_types/${serverId}/enable`).expect(200, { type_id: serverId, enable: true });
      await put(`/ci_types/${serverId}`, { name: 'vm' }).expect(400);
      await put('/ci_types/99999', { alias: 'x' }).expect(404);
      await post('/ci_types/99999/enable').expect(404);
    });

    it('needs an administrator for type configuration', async () => {
      await post('/ci_types', { name: 'rack', unique_key: 'hostname' }, alice).expect(403);
      await put(`/ci_types/${serverId}`, { alias: 'x' }, alice).expect(403);
      await get('/ci_types', {}, alice).expect(200);
    });

    it("creates the type's ACL resource with it and renames it with it", async () => {
      const resources = async () =>
        (
          await t.http.get('/cmdb/api/v1/acl/resources').set(auth(admin)).query({ app_id: 'cmdb', page_size: 200 })
        ).body.resources.map((r: { name: string }) => r.name);
      expect(await resources()).toEqual(expect.arrayContaining(['server', 'vm']));
      const rack = (await post('/ci_types', { name: 'rack', unique_key: 'hostname' }).expect(200)).body.type_id;
      await put(`/ci_types/${rack}`, { name: 'cabinet' }).expect(200);
      expect(await resources()).toContain('cabinet');
      expect(await resources()).not.toContain('rack');
      await del(`/ci_types/${rack}`).expect(200, { type_id: rack });
      expect(await resources()).not.toContain('cabinet');
      await get(`/ci_types/${rack}`).expect(404);
      await del(`/ci_types/${rack}`).expect(404);
    });

    it("refuses to delete an attribute that is a type's key", async () => {
      expect((await del(`/attributes/${hostname}`).expect(400)).body.message).toMatch(/unique key of CIType/);
    });
  });

  describe('type groups and attribute groups', () => {
    it('groups types, lists them with the ungrouped ones on request', async () => {
      const server = (await get('/ci_types/server')).body.ci_types[0].id;
      // The original's POST reads only `name`; the types go in with PUT.
      const group = await post('/ci_types/groups', { name: 'compute', type_ids: [server] }).expect(200);
      expect(group.body).toMatchObject({ id: expect.any(Number), name: 'compute', order: 0 });
      await put(`/ci_types/groups/${group.body.id}`, { name: 'Compute', type_ids: [server] }).expect(200, {
        gid: group.body.id,
      });
      const list = await get('/ci_types/groups', { need_other: 1 }).expect(200);
      expect(list.body[0]).toMatchObject({ name: 'Compute', ci_types: [{ name: 'server' }] });
      expect(list.body[list.body.length - 1].ci_types.map((x: { name: string }) => x.name)).toEqual(['vm']);
      await put('/ci_types/groups/99999', { name: 'x' }).expect(404);
      await post('/ci_types/groups', { name: 'Compute' }).expect(400);
      await del(`/ci_types/groups/${group.body.id}`).expect(200, { gid: group.body.id });
    });

    it("groups a type's attributes and moves them between groups", async () => {
      const server = (await get('/ci_types/server')).body.ci_types[0].id;
      const main = (
        await post(`/ci_types/${server}/attribute_groups`, { name: 'main', attributes: 'hostname,idc' }).expect(200)
      ).body.group_id;
      const hw = (
        await post(`/ci_types/${server}/attribute_groups`, { name: 'hardware', order: 1, attributes: ['cpu'] }).expect(
          200,
        )
      ).body.group_id;
      let groups = (await get(`/ci_types/${server}/attribute_groups`).expect(200)).body;
      expect(
        groups.map((g: { name: string; attributes: { name: string }[] }) => [g.name, g.attributes.map((a) => a.name)]),
      ).toEqual([
        ['main', ['hostname', 'idc']],
        ['hardware', ['cpu']],
      ]);
      const idc = (await get('/attributes/idc')).body.attribute.id;
      await post(`/ci_types/${server}/attributes/transfer`, {
        from: { attr_id: idc, group_id: main },
        to: { group_name: 'hardware', order: 0 },
      }).expect(200, { code: 200 });
      await post(`/ci_types/${server}/attribute_groups/transfer`, { from: hw, to: main }).expect(200);
      groups = (await get(`/ci_types/${server}/attribute_groups`, { need_other: true })).body;
      expect(
        groups.map((g: { name?: string; attributes: { name: string }[] }) => [g.name, g.attributes.map((a) => a.name)]),
      ).toEqual([
        ['hardware', ['idc', 'cpu']],
        ['main', ['hostname']],
        [undefined, []],
      ]);
      await put(`/ci_types/attribute_groups/${main}`, { name: 'main', attributes: ['nothing'] }).expect(404);
      await del(`/ci_types/attribute_groups/${main}`).expect(200, { group_id: main });
      await del(`/ci_types/attribute_groups/${main}`).expect(404);
    });
  });

  describe('relation types and CI type relations', () => {
    let contain: number;

    it('creates, lists, renames relation types; a duplicate is a 400', async () => {
      contain = (await post('/relation_types', { name: 'contain' }).expect(200)).body.id;
      await post('/relation_types', { name: 'deploy' }).expect(200);
      expect((await post('/relation_types', { name: 'Contain' }).expect(400)).body.message).toMatch(/already existed/);
      expect((await post('/relation_types', {}).expect(400)).body).toEqual({ message: 'Argument name is required' });
      const list = (await get('/relation_types').expect(200)).body;
      expect(list.map((r: { name: string }) => r.name)).toEqual(['contain', 'deploy']);
      expect(list[0]).toMatchObject({ id: contain, deleted: false, deleted_at: null });
      expect((await put(`/relation_types/${contain}`, { name: 'contains' }).expect(200)).body.name).toBe('contains');
      await put(`/relation_types/${contain}`, { name: 'contain' }).expect(200);
      await put('/relation_types/99999', { name: 'x' }).expect(404);
    });

    it('relates types, lists children and parents, and replaces the relation type of a pair', async () => {
      const server = (await get('/ci_types/server')).body.ci_types[0].id;
      const vm = (await get('/ci_types/vm')).body.ci_types[0].id;
      const ctr = (await post(`/ci_type_relations/${server}/${vm}`, { relation_type_id: contain }).expect(200)).body
        .ctr_id;
      expect((await post(`/ci_type_relations/${server}/${vm}`, { relation_type: 'deploy' }).expect(200)).body).toEqual({
        ctr_id: ctr,
      });
      // veops's UI also sends the relation's `constraint`; we keep none and ignore it.
      await post(`/ci_type_relations/${server}/${vm}`, { relation_type_id: contain, constraint: '0' }).expect(200);
      const children = (await get(`/ci_type_relations/${server}/children`).expect(200)).body.children;
      expect(children).toEqual([
        expect.objectContaining({
          id: vm,
          name: 'vm',
          ctr_id: ctr,
          relation_type: 'contain',
          attributes: expect.any(Array),
        }),
      ]);
      const parents = (await get(`/ci_type_relations/${vm}/parents`).expect(200)).body.parents;
      expect(parents).toEqual([expect.objectContaining({ id: server, ctr_id: ctr })]);
      const all = (await get('/ci_type_relations').expect(200)).body;
      expect(all).toEqual([
        expect.objectContaining({
          id: ctr,
          parent_id: server,
          child_id: vm,
          relation_type_id: contain,
          parent: expect.objectContaining({ name: 'server' }),
          child: expect.objectContaining({ name: 'vm' }),
          relation_type: expect.objectContaining({ name: 'contain' }),
        }),
      ]);
      expect((await post(`/ci_type_relations/${server}/${vm}`, {}).expect(400)).body).toEqual({
        message: 'Argument relation_type_id is required',
      });
      await post(`/ci_type_relations/${server}/99999`, { relation_type_id: contain }).expect(404);
      await post(`/ci_type_relations/${server}/${vm}`, { relation_type_id: 99999 }).expect(404);
      expect((await del(`/relation_types/${contain}`).expect(400)).body.message).toMatch(/used/);
    });

    it('deletes type relations by pair and by id, 404 when absent', async () => {
      const server = (await get('/ci_types/server')).body.ci_types[0].id;
      const vm = (await get('/ci_types/vm')).body.ci_types[0].id;
      await del(`/ci_type_relations/${server}/${vm}`).expect(200, { code: 200, parent_id: server, child_id: vm });
      await del(`/ci_type_relations/${server}/${vm}`).expect(404);
      const ctr = (await post(`/ci_type_relations/${vm}/${server}`, { relation_type_id: contain })).body.ctr_id;
      await del(`/ci_type_relations/${ctr}`).expect(200, { code: 200, ctr_id: ctr });
      await del(`/ci_type_relations/${ctr}`).expect(404);
      await post(`/ci_type_relations/${server}/${vm}`, { relation_type_id: contain }, alice).expect(403);
    });
  });

  it('answers a known path asked with another method with 405 in the family envelope', async () => {
    const res = await t.http.patch(`${API}/attributes/1`).set(auth(admin)).send({}).expect(405);
    expect(res.body).toEqual({ message: 'The method is not allowed for the requested URL.' });
    expect(res.headers.allow).toBe('DELETE, GET, PUT');
    await t.http.post(`${API}/ci/heartbeat`).set(auth(admin)).expect(405);
    // Without credentials too: the method is wrong whoever asks.
    await t.http.delete(`${API}/ci_types`).expect(405);
    // `DELETE /ci_relations/<int:id>` is the only route there: a non-number matches no route at all.
    expect((await t.http.get(`${API}/ci_relations/7`).set(auth(admin)).expect(405)).headers.allow).toBe('DELETE');
    await t.http.get(`${API}/ci_relations/abc`).set(auth(admin)).expect(404);
    expect((await t.http.get(`${API}/nothing`).set(auth(admin)).expect(404)).body).toEqual({
      message: `Cannot GET ${API}/nothing`,
    });
    await t.http.get('/ops/api/nothing').expect(200);
  });

  it('audits every configuration change under module cmdb', async () => {
    const res = await t.graphql(
      `{ auditEntries(module: "cmdb", limit: 200) { items { targetType operation } } }`,
      undefined,
      admin,
    );
    const seen = new Set(
      (res.body.data.auditEntries.items as { targetType: string; operation: string }[]).map(
        (e) => `${e.targetType}:${e.operation}`,
      ),
    );
    for (const k of [
      'ci_attribute:create',
      'ci_attribute:update',
      'ci_attribute:delete',
      'ci_type:create',
      'ci_type:delete',
      'ci_relation_type:create',
      'ci_type_relation:set',
    ]) {
      expect(seen).toContain(k);
    }
  });
});
