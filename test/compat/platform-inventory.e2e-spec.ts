import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

interface AppObject {
  id: number;
  name: string;
  full_name: string;
  parent_app: number | null;
  has_child: boolean;
  available_actions: Record<string, boolean>;
}

/** The platform family's inventory endpoints (seed 003): productions, applications, hosts, inventory audit. */
describe('platform inventory endpoints', () => {
  let t: TestApp;
  let admin: string;
  let alice: { id: number; token: string };
  let bob: { id: number };
  let carol: { id: number };
  const apps: Record<string, number> = {};
  const hosts: Record<string, number> = {};
  let production: number;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ids = (body: { results: { id: number }[] }) => body.results.map((r) => r.id);

  const createApp = async (body: Record<string, unknown>, token = admin) => {
    const res = await t.http.post('/platform/applications/').set(bearer(token)).send(body).expect(201);
    return res.body as AppObject;
  };
  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await t.graphql(query, variables, admin).expect(200);
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    const a = await createUser(t, 'alice', 'alice-password');
    alice = { id: a.id, token: await t.login('alice', 'alice-password') };
    bob = { id: (await createUser(t, 'bob', 'bob-password', { email: 'bob@example.com' })).id };
    carol = { id: (await createUser(t, 'carol', 'carol-password')).id };
    const role = await t.http.post('/platform/roles/').set(bearer(admin)).send({ name: 'sre' }).expect(201);
    await t.http
      .post(`/platform/roles/${role.body.id}/users/`)
      .set(bearer(admin))
      .send([{ id: carol.id }])
      .expect(200);

    const host = async (input: Record<string, unknown>) =>
      (await gql('mutation($i: HostInput!) { createHost(input: $i) { id name } }', { i: input })).createHost;
    hosts.web = (
      await host({
        name: 'web-1',
        hostType: 'ALI_ECS',
        location: 'hangzhou',
        cpu: 4,
        memory: 8192,
        ips: [{ address: '10.10.10.2', netmask: '255.255.0.0', network: '10.10.0.0/16' }],
      })
    ).id;
    hosts.db = (await host({ name: 'db-1', hostType: 'PHY_HOST' })).id;
    production = (await gql('mutation { createProduction(name: "store", description: "the shop") { id } }'))
      .createProduction.id;

    apps.shop = (await createApp({ name: 'shop' })).id;
    apps.api = (await createApp({ name: 'api', parent_app: apps.shop, run_user: 'www' })).id;
    apps.web = (await createApp({ name: 'web', parent_app: apps.shop })).id;
    apps.billing = (await createApp({ name: 'billing', application_type: 1 })).id;
  });
  afterAll(() => t.close());

  describe('applications', () => {
    it('creates an application and answers the application object', async () => {
      const res = await t.http.get(`/platform/applications/?full_path=shop.api`).set(bearer(admin)).expect(200);
      expect(res.body).toMatchObject({ count: 1, next: null, prev: null, previous: null });
      expect(res.body.results[0]).toMatchObject({
        id: apps.api,
        name: 'api',
        full_name: 'shop.api',
        has_child: false,
        parent_app: apps.shop,
        production: null,
        run_user: 'www',
        available_actions: {
          view: true,
          deploy: true,
          check_deploy_task: true,
          edit: true,
          delete: true,
          reboot: true,
          view_log: true,
          view_monitor: true,
          view_app: true,
          edit_app: true,
        },
      });
      const billing = await t.http.get(`/platform/applications/${apps.billing}/`).set(bearer(admin)).expect(200);
      expect(billing.body).toMatchObject({ application_type: '1', child_apps: [], required_apps: [] });
    });

    it('filters by name, full_path (the subtree) and has_parent', async () => {
      const byName = await t.http.get('/platform/applications/?name=api').set(bearer(admin)).expect(200);
      expect(ids(byName.body)).toEqual([apps.api]);
      const subtree = await t.http.get('/platform/applications/?full_path=shop').set(bearer(admin)).expect(200);
      expect(ids(subtree.body)).toEqual([apps.shop, apps.api, apps.web]);
      const shop = subtree.body.results.find((a: AppObject) => a.id === apps.shop);
      expect(shop.has_child).toBe(true);
      const roots = await t.http.get('/platform/applications/?has_parent=0').set(bearer(admin)).expect(200);
      expect(ids(roots.body).sort()).toEqual([apps.billing, apps.shop].sort());
      const below = await t.http.get('/platform/applications/?has_parent=1').set(bearer(admin)).expect(200);
      expect(ids(below.body).sort()).toEqual([apps.api, apps.web].sort());
    });

    it('pages with DRF links, accepting page_number as the seed writes it', async () => {
      const first = await t.http.get('/platform/applications/?page_size=3').set(bearer(admin)).expect(200);
      expect(first.body.count).toBe(4);
      expect(first.body.results).toHaveLength(3);
      expect(first.body.next).toMatch(/\/platform\/applications\/\?page_size=3&page=2$/);
      const second = await t.http
        .get('/platform/applications/?page_size=3&page_number=2')
        .set(bearer(admin))
        .expect(200);
      expect(second.body.results).toHaveLength(1);
      expect(second.body.prev).toMatch(/\/platform\/applications\/\?page_size=3$/);
    });

    it.each([
      ['page_size=201', 'page_size'],
      ['page_number=0', 'page_number'],
      ['has_parent=2', 'has_parent'],
      ['response_persons=x', 'response_persons'],
      ['colour=red', 'colour'],
    ])('refuses ?%s with 400 naming %s', async (query, field) => {
      const res = await t.http.get(`/platform/applications/?${query}`).set(bearer(admin)).expect(400);
      expect(res.body).toMatchObject({ error_code: expect.any(Number), message: expect.stringContaining(field) });
    });

    it('refuses creating without create_app (403), then creates once the module grant is given', async () => {
      const refused = await t.http
        .post('/platform/applications/')
        .set(bearer(alice.token))
        .send({ name: 'blog' })
        .expect(403);
      expect(refused.body).toMatchObject({ error_code: 30002, message: expect.stringContaining('create_app') });
      await t.http
        .post(`/platform/users/${alice.id}/system/perms/`)
        .set(bearer(admin))
        .send({ module_name: 'application', permissions: { create_app: true } })
        .expect(200);
      const blog = await createApp({ name: 'blog' }, alice.token);
      expect(blog).toMatchObject({ name: 'blog', full_name: 'blog', parent_app: null });
      expect(blog.available_actions).toMatchObject({ view: false, edit: false });
      apps.blog = blog.id;
    });

    it('refuses editing without edit_app (403), then edits once the application grant is given', async () => {
      const body = { run_user: 'billing', directory: '/data/billing', startup_cmd: 'service billing start' };
      await t.http.patch(`/platform/applications/${apps.billing}/`).set(bearer(alice.token)).send(body).expect(403);
      await t.http
        .post(`/platform/users/${alice.id}/application/perms/`)
        .set(bearer(admin))
        .send({ authorizations: [{ id: apps.billing, permission: { edit_app: true } }] })
        .expect(200);
      const ok = await t.http
        .patch(`/platform/applications/${apps.billing}/`)
        .set(bearer(alice.token))
        .send(body)
        .expect(200);
      expect(ok.body).toEqual({ message: 'success' });
      const list = await t.http.get('/platform/applications/?has_parent=0').set(bearer(alice.token)).expect(200);
      const billing = list.body.results.find((a: AppObject) => a.id === apps.billing);
      expect(billing).toMatchObject({ run_user: 'billing', directory: '/data/billing' });
      expect(billing.available_actions).toMatchObject({ edit: true, edit_app: true, delete: false, view: false });
      const shop = list.body.results.find((a: AppObject) => a.id === apps.shop);
      expect(shop.available_actions.edit).toBe(false);
    });

    it('renames through PATCH and keeps the subtree right', async () => {
      await t.http.patch(`/platform/applications/${apps.shop}/`).set(bearer(admin)).send({ name: 'store' }).expect(200);
      const api = await t.http.get(`/platform/applications/${apps.api}/`).set(bearer(admin)).expect(200);
      expect(api.body.full_name).toBe('store.api');
      await t.http.patch(`/platform/applications/${apps.shop}/`).set(bearer(admin)).send({ name: 'shop' }).expect(200);
    });

    it.each([
      [{ colour: 'red' }, 'colour'],
      [{ description: 'text' }, 'description'],
      [{ parent_app: 'x' }, 'parent_app'],
      [{ name: 'a.b' }, 'name'],
      [{ run_user: 'a', run_users: 'b' }, 'run_users'],
      [{ child_apps: [999999] }, 'child_apps[0]'],
    ])('refuses PATCH %j with 4xx naming %s', async (body, field) => {
      const res = await t.http.patch(`/platform/applications/${apps.billing}/`).set(bearer(admin)).send(body);
      expect([400, 404]).toContain(res.status);
      expect(res.body.error_code).toEqual(expect.any(Number));
      expect(`${res.body.field ?? ''} ${res.body.message}`).toContain(field);
    });

    it('answers 404 in the family envelope for unknown applications, 400 for a bad id', async () => {
      const patch = await t.http.patch('/platform/applications/999999/').set(bearer(admin)).send({}).expect(404);
      expect(patch.body).toMatchObject({ error_code: 30002, message: expect.stringContaining('999999') });
      await t.http.delete('/platform/applications/999999/').set(bearer(admin)).expect(404);
      await t.http.get('/platform/application/999999/instances/').set(bearer(admin)).expect(404);
      await t.http.get('/platform/application/999999/child-apps/').set(bearer(admin)).expect(404);
      await t.http.get('/platform/application/999999/required-apps/').set(bearer(admin)).expect(404);
      const bad = await t.http.get('/platform/application/abc/instances/').set(bearer(admin)).expect(400);
      expect(bad.body.message).toContain('id');
    });

    it('refuses deleting without delete_app, refuses a parent with children, deletes a leaf', async () => {
      await t.http.delete(`/platform/applications/${apps.blog}/`).set(bearer(alice.token)).expect(403);
      const parent = await t.http.delete(`/platform/applications/${apps.shop}/`).set(bearer(admin)).expect(400);
      expect(parent.body.message).toContain('child');
      const ok = await t.http.delete(`/platform/applications/${apps.blog}/`).set(bearer(admin)).expect(200);
      expect(ok.body).toEqual({ message: 'success' });
      await t.http.get(`/platform/applications/${apps.blog}/`).set(bearer(admin)).expect(404);
    });
  });

  describe('child applications', () => {
    it('lists children with filters', async () => {
      const res = await t.http.get(`/platform/application/${apps.shop}/child-apps/`).set(bearer(admin)).expect(200);
      expect(ids(res.body)).toEqual([apps.api, apps.web]);
      const named = await t.http
        .get(`/platform/application/${apps.shop}/child-apps/?name=web`)
        .set(bearer(admin))
        .expect(200);
      expect(ids(named.body)).toEqual([apps.web]);
    });

    it('moves an existing application under this one, creating none', async () => {
      const before = (await t.http.get('/platform/applications/').set(bearer(admin)).expect(200)).body.count;
      const res = await t.http
        .post(`/platform/application/${apps.api}/child-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.billing }])
        .expect(201);
      expect(res.body).toEqual([
        expect.objectContaining({ id: apps.billing, full_name: 'shop.api.billing', parent_app: apps.api }),
      ]);
      const after = (await t.http.get('/platform/applications/').set(bearer(admin)).expect(200)).body.count;
      expect(after).toBe(before);
    });

    it('refuses moving an application under its own descendant, naming the item', async () => {
      const res = await t.http
        .post(`/platform/application/${apps.billing}/child-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.shop }])
        .expect(400);
      expect(res.body).toMatchObject({ field: '[0].id', message: expect.stringContaining('descendant') });
      const self = await t.http
        .post(`/platform/application/${apps.shop}/child-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.shop }])
        .expect(400);
      expect(self.body.field).toBe('[0].id');
      const unknown = await t.http
        .post(`/platform/application/${apps.shop}/child-apps/`)
        .set(bearer(admin))
        .send([{ id: 999999 }])
        .expect(404);
      expect(unknown.body.field).toBe('[0].id');
      const extra = await t.http
        .post(`/platform/application/${apps.shop}/child-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.web, name: 'x' }])
        .expect(400);
      expect(extra.body.message).toContain('name');
    });

    it('removing a child moves it to the root; a non-child is refused', async () => {
      const notChild = await t.http
        .delete(`/platform/application/${apps.shop}/child-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.billing }])
        .expect(400);
      expect(notChild.body.field).toBe('[0].id');
      await t.http
        .delete(`/platform/application/${apps.api}/child-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.billing }])
        .expect(200);
      const billing = await t.http.get(`/platform/applications/${apps.billing}/`).set(bearer(admin)).expect(200);
      expect(billing.body).toMatchObject({ full_name: 'billing', parent_app: null });
    });
  });

  describe('dependencies', () => {
    it('adds and lists required and required-by applications', async () => {
      const res = await t.http
        .post(`/platform/application/${apps.web}/required-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.api }])
        .expect(201);
      expect(res.body.map((a: AppObject) => a.id)).toEqual([apps.api]);
      await t.http
        .post(`/platform/application/${apps.api}/required-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.billing }])
        .expect(201);
      const required = await t.http
        .get(`/platform/application/${apps.web}/required-apps/`)
        .set(bearer(admin))
        .expect(200);
      expect(ids(required.body)).toEqual([apps.api]);
      const by = await t.http
        .get(`/platform/application/${apps.billing}/required-by-apps/`)
        .set(bearer(admin))
        .expect(200);
      expect(ids(by.body)).toEqual([apps.api]);
    });

    it('refuses a dependency cycle with 400 naming required_apps', async () => {
      const res = await t.http
        .post(`/platform/application/${apps.billing}/required-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.web }])
        .expect(400);
      expect(res.body).toMatchObject({ field: 'required_apps', message: expect.stringContaining('cycle') });
      const by = await t.http.get(`/platform/application/${apps.web}/required-by-apps/`).set(bearer(admin)).expect(200);
      expect(by.body.count).toBe(0);
    });

    it('removes a dependency, and needs edit_app to change them', async () => {
      await t.http
        .post(`/platform/application/${apps.web}/required-apps/`)
        .set(bearer(alice.token))
        .send([{ id: apps.billing }])
        .expect(403);
      await t.http
        .delete(`/platform/application/${apps.api}/required-apps/`)
        .set(bearer(admin))
        .send([{ id: apps.billing }])
        .expect(200);
      const by = await t.http
        .get(`/platform/application/${apps.billing}/required-by-apps/`)
        .set(bearer(admin))
        .expect(200);
      expect(by.body.count).toBe(0);
    });
  });

  describe('instances and hosts', () => {
    let instanceId: number;

    it('adds instances on hosts and lists them', async () => {
      const res = await t.http
        .post(`/platform/application/${apps.api}/instances/`)
        .set(bearer(admin))
        .send([{ hostid: hosts.web, hostname: 'web-1' }, { hostid: hosts.db }])
        .expect(201);
      expect(res.body).toEqual([
        { id: expect.any(Number), hostid: hosts.web, hostname: 'web-1', status: 'stopped', version: null },
        { id: expect.any(Number), hostid: hosts.db, hostname: 'db-1', status: 'stopped', version: null },
      ]);
      instanceId = res.body[0].id;
      const list = await t.http
        .get(`/platform/application/${apps.api}/instances/?page_size=1`)
        .set(bearer(admin))
        .expect(200);
      expect(list.body).toMatchObject({ count: 2, results: [{ id: instanceId, hostname: 'web-1' }] });
      expect(list.body.next).toMatch(/page=2/);
    });

    it('refuses a wrong hostname, an unknown host and a second instance on a host', async () => {
      const wrong = await t.http
        .post(`/platform/application/${apps.web}/instances/`)
        .set(bearer(admin))
        .send([{ hostid: hosts.web, hostname: 'db-1' }])
        .expect(400);
      expect(wrong.body.field).toBe('[0].hostname');
      const unknown = await t.http
        .post(`/platform/application/${apps.web}/instances/`)
        .set(bearer(admin))
        .send([{ hostid: 999999 }])
        .expect(404);
      expect(unknown.body.field).toBe('[0].hostid');
      await t.http
        .post(`/platform/application/${apps.api}/instances/`)
        .set(bearer(admin))
        .send([{ hostid: hosts.web }])
        .expect(409);
      await t.http
        .post(`/platform/application/${apps.api}/instances/`)
        .set(bearer(alice.token))
        .send([{ hostid: hosts.web }])
        .expect(403);
    });

    it('lists the applications on a host', async () => {
      const res = await t.http.get(`/platform/hosts/${hosts.web}/applications/`).set(bearer(admin)).expect(200);
      expect(res.body).toMatchObject({ count: 1, results: [{ id: apps.api, name: 'api', full_name: 'shop.api' }] });
      await t.http.get('/platform/hosts/999999/applications/').set(bearer(admin)).expect(404);
    });

    it('removes an instance by its id; an unknown instance is 404', async () => {
      const unknown = await t.http
        .delete(`/platform/application/${apps.api}/instances/`)
        .set(bearer(admin))
        .send([{ id: 999999 }])
        .expect(404);
      expect(unknown.body.field).toBe('[0].id');
      await t.http
        .delete(`/platform/application/${apps.api}/instances/`)
        .set(bearer(admin))
        .send([{ id: instanceId }])
        .expect(200);
      const res = await t.http.get(`/platform/hosts/${hosts.web}/applications/`).set(bearer(admin)).expect(200);
      expect(res.body.count).toBe(0);
    });

    it('lists hosts with ip_adress (and ip_address) and filters by name and host_type', async () => {
      const res = await t.http.get('/platform/hosts/').set(bearer(alice.token)).expect(200);
      expect(res.body.count).toBe(2);
      const web = res.body.results.find((h: { id: number }) => h.id === hosts.web);
      const ip = { address: '10.10.10.2', netmask: '255.255.0.0', network: '10.10.0.0/16', is_virtual: false };
      expect(web).toMatchObject({
        name: 'web-1',
        host_type: 'ALI_ECS',
        location: 'hangzhou',
        status: 'raw',
        cpu: 4,
        memory: 8192,
        ip_adress: [{ ...ip, addr_type: 'PRIVATE', owner: 'HOST', id: expect.any(Number) }],
        available_actions: { view: false, delete: false, reboot: false },
      });
      expect(web.ip_address).toEqual(web.ip_adress);
      const byType = await t.http.get('/platform/hosts/?host_type=PHY_HOST').set(bearer(admin)).expect(200);
      expect(ids(byType.body)).toEqual([hosts.db]);
      expect(byType.body.results[0].available_actions).toEqual({ view: true, delete: true, reboot: true });
      const byName = await t.http.get('/platform/hosts/?name=web-1').set(bearer(admin)).expect(200);
      expect(ids(byName.body)).toEqual([hosts.web]);
    });

    it.each([
      ['host_type=MAINFRAME', 'host_type'],
      ['page_size=201', 'page_size'],
      ['status=raw', 'status'],
    ])('refuses hosts ?%s with 400 naming %s', async (query, field) => {
      const res = await t.http.get(`/platform/hosts/?${query}`).set(bearer(admin)).expect(400);
      expect(res.body.message).toContain(field);
    });
  });

  describe('response persons', () => {
    it('adds, lists and filters applications by their people', async () => {
      const res = await t.http
        .post(`/platform/application/${apps.web}/response-person/`)
        .set(bearer(admin))
        .send([
          { id: bob.id, type: 'dev' },
          { id: carol.id, type: 'ops' },
        ])
        .expect(201);
      expect(res.body).toEqual([
        { id: bob.id, username: 'bob', name: 'bob', email: 'bob@example.com', mobile: null, type: 'dev' },
        { id: carol.id, username: 'carol', name: 'carol', email: null, mobile: null, type: 'ops' },
      ]);
      await t.http
        .post(`/platform/application/${apps.api}/response-person/`)
        .set(bearer(admin))
        .send([{ id: bob.id, type: 'pm' }])
        .expect(201);
      const list = await t.http
        .get(`/platform/application/${apps.web}/response-person/`)
        .set(bearer(admin))
        .expect(200);
      expect(list.body.count).toBe(2);

      const byUser = await t.http.get('/platform/applications/?user=bob').set(bearer(admin)).expect(200);
      expect(ids(byUser.body)).toEqual([apps.api, apps.web]);
      const byRole = await t.http.get('/platform/applications/?role=sre').set(bearer(admin)).expect(200);
      expect(ids(byRole.body)).toEqual([apps.web]);
      const byIds = await t.http
        .get(`/platform/applications/?response_persons=${carol.id},${bob.id}`)
        .set(bearer(admin))
        .expect(200);
      expect(ids(byIds.body)).toEqual([apps.api, apps.web]);
      const both = await t.http
        .get(`/platform/applications/?response_persons=${carol.id}&user=bob`)
        .set(bearer(admin))
        .expect(200);
      expect(both.body.count).toBe(0);
      const nobody = await t.http.get('/platform/applications/?user=nobody').set(bearer(admin)).expect(200);
      expect(nobody.body.count).toBe(0);
      const children = await t.http
        .get(`/platform/application/${apps.shop}/child-apps/?role=sre`)
        .set(bearer(admin))
        .expect(200);
      expect(ids(children.body)).toEqual([apps.web]);
    });

    it('answers get-by-users with each user applications in full', async () => {
      const res = await t.http
        .post('/platform/applications/get-by-users/')
        .set(bearer(admin))
        .send([{ id: bob.id }, { id: alice.id }])
        .expect(200);
      expect(res.body).toHaveLength(2);
      expect(res.body[0].user_id).toBe(bob.id);
      expect(res.body[0].applications.map((a: AppObject) => a.id)).toEqual([apps.api, apps.web]);
      expect(res.body[0].applications[1]).toMatchObject({
        full_name: 'shop.web',
        required_apps: [apps.api],
        response_person: expect.arrayContaining([bob.id, carol.id]),
        child_apps: [],
      });
      expect(res.body[1]).toEqual({ user_id: alice.id, applications: [] });
      const unknown = await t.http
        .post('/platform/applications/get-by-users/')
        .set(bearer(admin))
        .send([{ id: 999999 }])
        .expect(404);
      expect(unknown.body.field).toBe('[0].id');
    });

    it('refuses a bad type and removes a person in every capacity', async () => {
      const bad = await t.http
        .post(`/platform/application/${apps.web}/response-person/`)
        .set(bearer(admin))
        .send([{ id: bob.id, type: 'boss' }])
        .expect(400);
      expect(bad.body.message).toContain('type');
      await t.http
        .delete(`/platform/application/${apps.web}/response-person/`)
        .set(bearer(admin))
        .send([{ id: bob.id }])
        .expect(200);
      const list = await t.http
        .get(`/platform/application/${apps.web}/response-person/`)
        .set(bearer(admin))
        .expect(200);
      expect(list.body.results.map((p: { id: number }) => p.id)).toEqual([carol.id]);
      await t.http
        .delete(`/platform/application/${apps.web}/response-person/`)
        .set(bearer(admin))
        .send([{ id: bob.id }])
        .expect(404);
    });
  });

  describe('productions', () => {
    it('lists product lines with the caller actions', async () => {
      const res = await t.http.get('/platform/productions/').set(bearer(admin)).expect(200);
      expect(res.body.results).toEqual([
        {
          id: production,
          name: 'store',
          description: 'the shop',
          available_actions: { view: true, edit: true, delete: true },
        },
      ]);
      const mine = await t.http.get('/platform/productions/?name=sto').set(bearer(alice.token)).expect(200);
      expect(mine.body.results[0].available_actions).toEqual({ view: false, edit: false, delete: false });
      const none = await t.http.get('/platform/productions/?name=zzz').set(bearer(admin)).expect(200);
      expect(none.body.count).toBe(0);
    });

    it('adds, lists and removes the applications of a product line', async () => {
      await t.http
        .post(`/platform/productions/${production}/applications/`)
        .set(bearer(admin))
        .send([{ id: apps.shop }, { id: apps.api }])
        .expect(200);
      const res = await t.http.get(`/platform/productions/${production}/applications/`).set(bearer(admin)).expect(200);
      expect(ids(res.body)).toEqual([apps.shop, apps.api]);
      expect(res.body.results[0].production).toBe(production);
      const notIn = await t.http
        .delete(`/platform/productions/${production}/applications/`)
        .set(bearer(admin))
        .send([{ id: apps.web }])
        .expect(400);
      expect(notIn.body.field).toBe('[0].id');
      await t.http
        .delete(`/platform/productions/${production}/applications/`)
        .set(bearer(admin))
        .send([{ id: apps.api }])
        .expect(200);
      const after = await t.http
        .get(`/platform/productions/${production}/applications/`)
        .set(bearer(admin))
        .expect(200);
      expect(ids(after.body)).toEqual([apps.shop]);
      await t.http.get('/platform/productions/999999/applications/').set(bearer(admin)).expect(404);
      await t.http
        .post(`/platform/productions/${production}/applications/`)
        .set(bearer(admin))
        .send([{ id: 'x' }])
        .expect(400);
    });
  });

  describe('inventory audit', () => {
    it('lists host operations, including attaching and detaching applications', async () => {
      const res = await t.http.get('/platform/audit/host-operations/?hostname=web-1').set(bearer(admin)).expect(200);
      expect(res.body.results.map((o: { op_type: string }) => o.op_type)).toEqual(['deatach_app', 'attach_app', 'add']);
      expect(res.body.results[1]).toEqual({
        id: expect.any(Number),
        hostname: 'web-1',
        op_type: 'attach_app',
        operator: 'admin',
        op_detail: 'attach application shop.api to host web-1',
        op_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      const adds = await t.http.get('/platform/audit/host-operations/?op_type=add').set(bearer(admin)).expect(200);
      expect(adds.body.count).toBe(2);
      const gone = await t.http.get('/platform/audit/host-operations/?hostname=nope').set(bearer(admin)).expect(200);
      expect(gone.body.count).toBe(0);
    });

    it('lists application operations by name, type and operator', async () => {
      const res = await t.http.get('/platform/audit/app-operations/?app_name=billing').set(bearer(admin)).expect(200);
      const types = res.body.results.map((o: { op_type: string }) => o.op_type);
      expect(types[types.length - 1]).toBe('add');
      expect(types).toContain('update');
      const byAlice = await t.http
        .get('/platform/audit/app-operations/?operator=alice&op_type=update')
        .set(bearer(admin))
        .expect(200);
      expect(byAlice.body.results).toEqual([
        expect.objectContaining({ app_name: 'billing', op_type: 'update', operator: 'alice' }),
      ]);
      const attach = await t.http
        .get('/platform/audit/app-operations/?op_type=attach_host')
        .set(bearer(admin))
        .expect(200);
      expect(attach.body.results.map((o: { app_name: string }) => o.app_name)).toEqual(['shop.api', 'shop.api']);
      const later = await t.http
        .get('/platform/audit/app-operations/?op_time__gt=2999-01-01T00:00:00Z')
        .set(bearer(admin))
        .expect(200);
      expect(later.body.count).toBe(0);
    });

    it.each([
      ['host-operations', 'op_type=attach_host', 'op_type'],
      ['host-operations', 'op_detail=x', 'op_detail'],
      ['app-operations', 'op_time__lt=yesterday', 'op_time__lt'],
      ['app-operations', 'hostname=web-1', 'hostname'],
      ['app-operations', 'page_size=201', 'page_size'],
    ])('refuses /audit/%s/?%s with 400 naming %s', async (path, query, field) => {
      const res = await t.http.get(`/platform/audit/${path}/?${query}`).set(bearer(admin)).expect(400);
      expect(res.body.message).toContain(field);
    });

    it('is for administrators', async () => {
      const res = await t.http.get('/platform/audit/host-operations/').set(bearer(alice.token)).expect(403);
      expect(res.body).toMatchObject({ error_code: 30002 });
      await t.http.get('/platform/audit/app-operations/').set(bearer(alice.token)).expect(403);
    });
  });

  describe('PATCH with the relation sets', () => {
    const patch = (id: number, body: Record<string, unknown>) =>
      t.http.patch(`/platform/applications/${id}/`).set(bearer(admin)).send(body);
    const get = async (id: number) =>
      (await t.http.get(`/platform/applications/${id}/`).set(bearer(admin)).expect(200)).body;

    it('child_apps replaces the children: listed ones move here, others move to the root', async () => {
      await patch(apps.billing, { child_apps: [apps.web] }).expect(200);
      expect(await get(apps.web)).toMatchObject({ full_name: 'billing.web', parent_app: apps.billing });
      expect((await get(apps.billing)).child_apps).toEqual([apps.web]);
      await patch(apps.billing, { child_apps: [] }).expect(200);
      expect(await get(apps.web)).toMatchObject({ full_name: 'web', parent_app: null });
      const loop = await patch(apps.web, { child_apps: [apps.web] }).expect(400);
      expect(loop.body.field).toBe('child_apps[0]');
    });

    it('required_apps replaces the dependencies; response_person keeps only the listed people', async () => {
      await patch(apps.web, { required_apps: [apps.billing] }).expect(200);
      expect((await get(apps.web)).required_apps).toEqual([apps.billing]);
      const cycle = await patch(apps.billing, { required_apps: [apps.web] }).expect(400);
      expect(cycle.body.field).toBe('required_apps');

      const newcomer = await patch(apps.web, { response_person: [carol.id, bob.id] }).expect(400);
      expect(newcomer.body.field).toBe('response_person[1]');
      await patch(apps.web, { response_person: [] }).expect(200);
      expect((await get(apps.web)).response_person).toEqual([]);
    });
  });
});
