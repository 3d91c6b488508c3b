import { sign } from '../../src/acl/key-signature';
import { createUser } from '../support/fixtures';
import { ADMIN_PASSWORD, createTestApp, TestApp } from '../support/test-app';

const ACL = '/cmdb/api/v1/acl';

describe('cmdb compat: login and the ACL endpoints', () => {
  let t: TestApp;
  let admin: string;
  let alice: string;
  let aliceId: number;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    aliceId = (await createUser(t, 'alice', 'alice-password', { email: 'alice@example.com' })).id;
    alice = await t.login('alice', 'alice-password');
  });
  afterAll(() => t.close());

  const createRole = async (name: string, extra: Record<string, unknown> = {}): Promise<number> => {
    const res = await t.http
      .post(`${ACL}/roles`)
      .set(auth(admin))
      .send({ name, app_id: 'cmdb', ...extra })
      .expect(200);
    return res.body.id as number;
  };
  const createType = async (name: string, perms: string[]): Promise<number> => {
    const res = await t.http.post(`${ACL}/resource_types`).set(auth(admin)).send({ name, perms }).expect(200);
    return res.body.id as number;
  };
  const createResource = async (name: string, typeId: number): Promise<number> => {
    const res = await t.http.post(`${ACL}/resources`).set(auth(admin)).send({ name, type_id: typeId }).expect(200);
    return res.body.id as number;
  };
  const parentsOf = async (rid: number): Promise<string[]> => {
    const res = await t.http.get(`${ACL}/roles`).set(auth(admin)).query({ app_id: 'cmdb', page_size: 200 }).expect(200);
    return (res.body.id2parents[rid] as { name: string }[]).map((r) => r.name);
  };

  describe('POST /api/login and /api/logout', () => {
    it('answers {token} with a JWT usable as Access-Token and as a bearer token', async () => {
      const res = await t.http
        .post('/cmdb/api/login')
        .send({ username: 'admin', password: ADMIN_PASSWORD })
        .expect(200);
      expect(res.body).toEqual({ token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });
      const info = await t.http.get(`${ACL}/users/info`).set('Access-Token', res.body.token).expect(200);
      expect(info.body.result.role.permissions).toContain('admin');
      await t.http.get(`${ACL}/users/info`).set(auth(res.body.token)).expect(200);
    });

    it('accepts form fields and the email address in place of the username', async () => {
      await t.http
        .post('/cmdb/api/login')
        .type('form')
        .send({ username: 'alice', password: 'alice-password' })
        .expect(200);
      const res = await t.http
        .post('/cmdb/api/login')
        .send({ email: 'alice@example.com', password: 'alice-password' })
        .expect(200);
      expect(res.body.token).toEqual(expect.any(String));
    });

    it('refuses a wrong password and an unknown user with 403 {message}', async () => {
      const wrong = await t.http.post('/cmdb/api/login').send({ username: 'alice', password: 'nope' }).expect(403);
      expect(wrong.body).toEqual({ message: expect.any(String) });
      const unknown = await t.http.post('/cmdb/api/login').send({ username: 'nobody', password: 'x' }).expect(403);
      expect(unknown.body).toEqual(wrong.body);
    });

    it('refuses a missing password with 400 naming it', async () => {
      const res = await t.http.post('/cmdb/api/login').send({ username: 'alice' }).expect(400);
      expect(res.body).toEqual({ message: 'Argument password is required' });
    });

    it('logs out: the token stops working', async () => {
      const token = (await t.http.post('/cmdb/api/login').send({ username: 'alice', password: 'alice-password' })).body
        .token as string;
      await t.http.post('/cmdb/api/logout').set('Access-Token', token).expect(200, { code: 200 });
      const after = await t.http.get(`${ACL}/users/info`).set('Access-Token', token).expect(401);
      expect(after.body).toEqual({ message: expect.any(String) });
    });
  });

  describe('API key signature', () => {
    let key: string;
    let secret: string;

    beforeAll(async () => {
      const res = await t.http.post(`${ACL}/users/reset_key_secret`).set(auth(admin)).expect(200);
      expect(res.body).toEqual({ key: expect.stringMatching(/^[0-9a-f]{32}$/), secret: expect.any(String) });
      ({ key, secret } = res.body as { key: string; secret: string });
    });

    it.each([
      ['with the /cmdb prefix', `${ACL}/roles`],
      ['without the prefix', '/api/v1/acl/roles'],
    ])('accepts a signed GET (query) %s', async (_, signedPath) => {
      const params = { app_id: 'cmdb', page_size: '5', q: '' };
      const res = await t.http
        .get(`${ACL}/roles`)
        .query({ ...params, _key: key, _secret: sign(signedPath, secret, params) })
        .expect(200);
      expect(res.body).toMatchObject({ page: 1, page_size: 5, roles: expect.any(Array) });
    });

    it.each([
      ['with the /cmdb prefix', `${ACL}/roles`, 'signed-json-1'],
      ['without the prefix', '/api/v1/acl/roles', 'signed-json-2'],
    ])('accepts a signed POST with a JSON body %s', async (_, signedPath, name) => {
      const params = { name, app_id: 1, is_app_admin: false };
      const res = await t.http
        .post(`${ACL}/roles`)
        .send({ ...params, _key: key, _secret: sign(signedPath, secret, params) })
        .expect(200);
      expect(res.body).toMatchObject({ name, app_id: 1, is_app_admin: false });
    });

    it('refuses a wrong signature with 401 {message}', async () => {
      const params = { app_id: 'cmdb' };
      const res = await t.http
        .get(`${ACL}/roles`)
        .query({ ...params, _key: key, _secret: sign(`${ACL}/roles`, 'not-the-secret', params) })
        .expect(401);
      expect(res.body).toEqual({ message: expect.any(String) });
      // Signed over other values than those sent.
      await t.http
        .get(`${ACL}/roles`)
        .query({ app_id: 'cmdb', page: '2', _key: key, _secret: sign(`${ACL}/roles`, secret, params) })
        .expect(401);
    });

    it("refuses a disabled user's valid signature with 401", async () => {
      const uid = (await createUser(t, 'carol', 'carol-password')).id;
      const carol = await t.login('carol', 'carol-password');
      const pair = (await t.http.post(`${ACL}/users/reset_key_secret`).set(auth(carol)).expect(200)).body as {
        key: string;
        secret: string;
      };
      const params = { app_id: 'cmdb' };
      const query = () => ({ ...params, _key: pair.key, _secret: sign(`${ACL}/roles`, pair.secret, params) });
      await t.http.get(`${ACL}/roles`).query(query()).expect(200);
      const blocked = await t.http.put(`${ACL}/users/${uid}`).set(auth(admin)).send({ block: true }).expect(200);
      expect(blocked.body.block).toBe(true);
      const res = await t.http.get(`${ACL}/roles`).query(query()).expect(401);
      expect(res.body).toEqual({ message: expect.any(String) });
    });
  });

  describe('roles', () => {
    it('creates a role and answers its dict with 200', async () => {
      const res = await t.http
        .post(`${ACL}/roles`)
        .set(auth(admin))
        .send({ name: 'ops', app_id: 'cmdb', is_app_admin: 0 })
        .expect(200);
      expect(res.body).toEqual({
        id: expect.any(Number),
        name: 'ops',
        description: null,
        app_id: 1,
        is_app_admin: false,
        uid: null,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        updated_at: expect.any(String),
        deleted: false,
        deleted_at: null,
      });
    });

    it('refuses a duplicate role with 400 {message}', async () => {
      await createRole('dup-role');
      const res = await t.http.post(`${ACL}/roles`).set(auth(admin)).send({ name: 'dup-role' }).expect(400);
      expect(res.body).toEqual({ message: expect.stringContaining('dup-role') });
    });

    it('refuses a missing name and an unknown app with 400', async () => {
      const missing = await t.http.post(`${ACL}/roles`).set(auth(admin)).send({ app_id: 'cmdb' }).expect(400);
      expect(missing.body).toEqual({ message: 'Argument name is required' });
      const app = await t.http.post(`${ACL}/roles`).set(auth(admin)).send({ name: 'x', app_id: 'hr' }).expect(400);
      expect(app.body).toEqual({ message: 'App hr does not exist' });
      const listed = await t.http.get(`${ACL}/roles`).set(auth(admin)).query({ app_id: '7' }).expect(400);
      expect(listed.body).toEqual({ message: 'App 7 does not exist' });
    });

    it('refuses null where a value cannot be cleared, with 400 naming the field', async () => {
      const res = await t.http
        .post(`${ACL}/roles`)
        .set(auth(admin))
        .send({ name: 'nullable', is_app_admin: null })
        .expect(400);
      expect(res.body.message).toMatch(/is_app_admin/);
      const role = await createRole('renamable');
      const put = await t.http.put(`${ACL}/roles/${role}`).set(auth(admin)).send({ name: null }).expect(400);
      expect(put.body.message).toMatch(/name/);
    });

    it('refuses an unknown parameter with 400 naming it', async () => {
      const res = await t.http.post(`${ACL}/roles`).set(auth(admin)).send({ name: 'y', uid: 3 }).expect(400);
      expect(res.body.message).toMatch(/uid/);
    });

    it('lists roles with paging keys and id2parents; user_role changes nothing', async () => {
      const res = await t.http
        .get(`${ACL}/roles`)
        .set(auth(admin))
        .query({ app_id: 'cmdb', user_role: 'false' })
        .expect(200);
      const roles = res.body.roles as { id: number; name: string }[];
      expect(res.body).toEqual({
        numfound: roles.length,
        page: 1,
        page_size: 50,
        id2parents: Object.fromEntries(roles.map((r) => [r.id, []])),
        roles: expect.arrayContaining([expect.objectContaining({ name: 'ops', uid: null })]),
      });
    });

    it('adds and removes parents; a cycle or a duplicate is 400 and changes nothing', async () => {
      const top = await createRole('top');
      const mid = await createRole('mid');
      const leaf = await createRole('leaf');
      await t.http
        .post(`${ACL}/roles/${mid}/parents`)
        .set(auth(admin))
        .send({ parent_id: top })
        .expect(200, { parent_id: top, child_id: mid });
      await t.http.post(`${ACL}/roles/${leaf}/parents`).set(auth(admin)).send({ parent_id: mid }).expect(200);

      const cycle = await t.http
        .post(`${ACL}/roles/${top}/parents`)
        .set(auth(admin))
        .send({ parent_id: leaf })
        .expect(400);
      expect(cycle.body).toEqual({ message: expect.stringMatching(/cycle/) });
      await t.http.post(`${ACL}/roles/${top}/parents`).set(auth(admin)).send({ parent_id: top }).expect(400);
      expect(await parentsOf(top)).toEqual([]);

      const dup = await t.http
        .post(`${ACL}/roles/${mid}/parents`)
        .set(auth(admin))
        .send({ parent_id: top })
        .expect(400);
      expect(dup.body).toEqual({ message: expect.any(String) });
      expect(await parentsOf(mid)).toEqual(['top']);

      // Form fields and query strings work as well as JSON.
      await t.http
        .delete(`${ACL}/roles/${mid}/parents`)
        .set(auth(admin))
        .query({ parent_id: String(top) })
        .expect(200, { parent_id: top, child_id: mid });
      expect(await parentsOf(mid)).toEqual([]);
      const absent = await t.http.delete(`${ACL}/roles/${mid}/parents`).set(auth(admin)).send({ parent_id: top });
      expect(absent.status).toBe(400);
    });

    it('answers 404 for unknown roles', async () => {
      const role = await createRole('known');
      const put = await t.http.put(`${ACL}/roles/99999`).set(auth(admin)).send({ name: 'x' }).expect(404);
      expect(put.body).toEqual({ message: expect.any(String) });
      await t.http.delete(`${ACL}/roles/99999`).set(auth(admin)).expect(404);
      await t.http.post(`${ACL}/roles/99999/parents`).set(auth(admin)).send({ parent_id: role }).expect(404);
      await t.http.post(`${ACL}/roles/${role}/parents`).set(auth(admin)).send({ parent_id: 99999 }).expect(404);
    });

    it('answers a non-numeric id with 404, as a path the original has no route for', async () => {
      const res = await t.http.delete(`${ACL}/roles/abc`).set(auth(admin)).expect(404);
      expect(res.body).toEqual({ message: expect.any(String) });
    });

    it('updates and deletes a role, answering {rid}', async () => {
      const rid = await createRole('to-change');
      const res = await t.http
        .put(`${ACL}/roles/${rid}`)
        .set(auth(admin))
        .send({ name: 'changed', is_app_admin: true })
        .expect(200);
      expect(res.body).toMatchObject({ id: rid, name: 'changed', is_app_admin: true });
      await t.http.delete(`${ACL}/roles/${rid}`).set(auth(admin)).expect(200, { rid });
    });

    it('refuses non-admins with 403 {message}', async () => {
      const res = await t.http.post(`${ACL}/roles`).set(auth(alice)).send({ name: 'mine' }).expect(403);
      expect(res.body).toEqual({ message: expect.any(String) });
      const role = await createRole('guarded');
      await t.http.delete(`${ACL}/roles/${role}`).set(auth(alice)).expect(403);
      await t.http.post(`${ACL}/roles/${role}/parents`).set(auth(alice)).send({ parent_id: role }).expect(403);
    });
  });

  describe('paging', () => {
    it('reads bad page numbers as the defaults and serves a page size over the maximum at the maximum', async () => {
      const res = await t.http.get(`${ACL}/roles`).set(auth(admin)).query({ page: 'x', page_size: '0' }).expect(200);
      expect(res.body).toMatchObject({ page: 1, page_size: 50 });
      // The original's UI lists whole catalogs with page_size=9999: served at our largest page.
      const big = await t.http.get(`${ACL}/roles`).set(auth(admin)).query({ page_size: '9999' }).expect(200);
      expect(big.body).toMatchObject({ page_size: 200, numfound: big.body.roles.length });
      const second = await t.http.get(`${ACL}/roles`).set(auth(admin)).query({ page: '2', page_size: '1' }).expect(200);
      expect(second.body).toMatchObject({ page: 2, page_size: 1, roles: [expect.any(Object)] });
    });
  });

  describe('resource types, resources and groups', () => {
    it('creates a type with perms as a list or a comma string and lists it under `groups` with id2perms', async () => {
      const id = await createType('CIType', ['read', 'update']);
      const other = await t.http
        .post(`${ACL}/resource_types`)
        .set(auth(admin))
        .type('form')
        .send({ name: 'RelationView', perms: 'read,,delete', description: 'views' })
        .expect(200);
      expect(other.body).toMatchObject({ name: 'RelationView', description: 'views', app_id: 1 });
      const res = await t.http.get(`${ACL}/resource_types`).set(auth(admin)).query({ app_id: 1 }).expect(200);
      expect(res.body).toMatchObject({ numfound: 2, page: 1, page_size: 50 });
      expect(res.body.groups.map((g: { name: string }) => g.name)).toEqual(['CIType', 'RelationView']);
      expect(res.body.id2perms[id]).toEqual([
        { name: 'read', resource_type_id: id, app_id: 1 },
        { name: 'update', resource_type_id: id, app_id: 1 },
      ]);
      expect(res.body.id2perms[other.body.id].map((p: { name: string }) => p.name)).toEqual(['read', 'delete']);
      const perms = await t.http.get(`${ACL}/resource_types/${id}/perms`).set(auth(admin)).expect(200);
      expect(perms.body).toEqual(res.body.id2perms[id]);
    });

    it('refuses a duplicate type and answers 404 for unknown ones', async () => {
      const dup = await t.http.post(`${ACL}/resource_types`).set(auth(admin)).send({ name: 'CIType' }).expect(400);
      expect(dup.body).toEqual({ message: expect.any(String) });
      await t.http.get(`${ACL}/resource_types/99999/perms`).set(auth(admin)).expect(404);
      await t.http.put(`${ACL}/resource_types/99999`).set(auth(admin)).send({ name: 'x' }).expect(404);
      await t.http.delete(`${ACL}/resource_types/99999`).set(auth(admin)).expect(404);
    });

    it('refuses to delete a type that has resources (400) and deletes it once they are gone', async () => {
      const type = await createType('Doomed', ['read']);
      const resource = await createResource('r1', type);
      const res = await t.http.delete(`${ACL}/resource_types/${type}`).set(auth(admin)).expect(400);
      expect(res.body).toEqual({ message: expect.any(String) });
      await t.http.get(`${ACL}/resource_types/${type}/perms`).set(auth(admin)).expect(200);
      await t.http.delete(`${ACL}/resources/${resource}`).set(auth(admin)).expect(200, { resource_id: resource });
      await t.http.delete(`${ACL}/resource_types/${type}`).set(auth(admin)).expect(200, { type_id: type });
    });

    it('creates, lists, renames resources; duplicates are 400, unknown ids 404', async () => {
      const type = await createType('Host', ['read', 'write']);
      const id = await createResource('web-1', type);
      await createResource('web-2', type);
      const dup = await t.http
        .post(`${ACL}/resources`)
        .set(auth(admin))
        .send({ name: 'web-1', type_id: type })
        .expect(400);
      expect(dup.body).toEqual({ message: expect.any(String) });
      await t.http.post(`${ACL}/resources`).set(auth(admin)).send({ name: 'x', type_id: 99999 }).expect(404);
      const missing = await t.http.post(`${ACL}/resources`).set(auth(admin)).send({ name: 'x' }).expect(400);
      expect(missing.body).toEqual({ message: 'Argument type_id is required' });

      const list = await t.http
        .get(`${ACL}/resources`)
        .set(auth(admin))
        .query({ resource_type_id: String(type) })
        .expect(200);
      expect(list.body).toMatchObject({ numfound: 2, page: 1, page_size: 50 });
      expect(list.body.resources[0]).toEqual(
        expect.objectContaining({ id, name: 'web-1', resource_type_id: type, app_id: 1 }),
      );
      const renamed = await t.http.put(`${ACL}/resources/${id}`).set(auth(admin)).send({ name: 'web-01' }).expect(200);
      expect(renamed.body).toMatchObject({ id, name: 'web-01' });
      await t.http.put(`${ACL}/resources/99999`).set(auth(admin)).send({ name: 'x' }).expect(404);
      await t.http.get(`${ACL}/resources/99999/permissions`).set(auth(admin)).expect(404);
    });

    it('manages groups and their items', async () => {
      const type = await createType('Zone', ['read']);
      const a = await createResource('zone-a', type);
      const b = await createResource('zone-b', type);
      const created = await t.http
        .post(`${ACL}/resource_groups`)
        .set(auth(admin))
        .send({ name: 'zones', type_id: type, app_id: 'cmdb' })
        .expect(200);
      expect(created.body).toMatchObject({ name: 'zones', resource_type_id: type, app_id: 1 });
      const gid = created.body.id as number;
      await t.http.post(`${ACL}/resource_groups`).set(auth(admin)).send({ name: 'zones', type_id: type }).expect(400);

      const put = await t.http
        .put(`${ACL}/resource_groups/${gid}`)
        .set(auth(admin))
        .send({ items: `[${b}, ${a}]` })
        .expect(200);
      expect(put.body.map((r: { id: number }) => r.id)).toEqual([a, b]);
      const items = await t.http.get(`${ACL}/resource_groups/${gid}/items`).set(auth(admin)).expect(200);
      expect(items.body.map((r: { name: string }) => r.name)).toEqual(['zone-a', 'zone-b']);
      const other = await createResource('not-a-zone', await createType('Other', ['read']));
      await t.http
        .put(`${ACL}/resource_groups/${gid}`)
        .set(auth(admin))
        .send({ items: [other] })
        .expect(400);

      const list = await t.http
        .get(`${ACL}/resource_groups`)
        .set(auth(admin))
        .query({ resource_type_id: type })
        .expect(200);
      expect(list.body).toMatchObject({ numfound: 1, groups: [expect.objectContaining({ id: gid })] });
      await t.http.get(`${ACL}/resource_groups/99999/items`).set(auth(admin)).expect(404);
      await t.http.delete(`${ACL}/resource_groups/${gid}`).set(auth(admin)).expect(200, { group_id: gid });
      await t.http.delete(`${ACL}/resource_groups/${gid}`).set(auth(admin)).expect(404);
    });

    it('refuses non-admins with 403 {message}', async () => {
      const res = await t.http.post(`${ACL}/resource_types`).set(auth(alice)).send({ name: 'Mine' }).expect(403);
      expect(res.body).toEqual({ message: expect.any(String) });
      await t.http.post(`${ACL}/resources`).set(auth(alice)).send({ name: 'r', type_id: 1 }).expect(403);
      await t.http.post(`${ACL}/resource_groups`).set(auth(alice)).send({ name: 'g', type_id: 1 }).expect(403);
    });
  });

  describe('grants', () => {
    let type: number;
    let resource: number;
    let group: number;
    let rid: number;

    beforeAll(async () => {
      type = await createType('App', ['read', 'deploy']);
      resource = await createResource('billing', type);
      group = (
        await t.http.post(`${ACL}/resource_groups`).set(auth(admin)).send({ name: 'apps', type_id: type }).expect(200)
      ).body.id as number;
      await t.http
        .put(`${ACL}/resource_groups/${group}`)
        .set(auth(admin))
        .send({ items: [resource] })
        .expect(200);
      rid = await createRole('deployers');
    });

    it('grants and revokes on a resource; the permissions listing follows', async () => {
      const res = await t.http
        .post(`${ACL}/roles/${rid}/resources/${resource}/grant`)
        .set(auth(admin))
        .send({ perms: ['read', 'deploy', 'read'] })
        .expect(200);
      expect(res.body).toEqual({ rid, resource_id: resource, group_id: null, perms: ['read', 'deploy'] });
      const listed = await t.http.get(`${ACL}/resources/${resource}/permissions`).set(auth(admin)).expect(200);
      expect(listed.body).toEqual({
        deployers: [
          { name: 'deploy', resource_type_id: type, app_id: 1, rid },
          { name: 'read', resource_type_id: type, app_id: 1, rid },
        ],
      });
      await t.http
        .post(`${ACL}/roles/${rid}/resources/${resource}/revoke`)
        .set(auth(admin))
        .type('form')
        .send({ perms: 'deploy' })
        .expect(200, { rid, resource_id: resource, group_id: null, perms: ['deploy'] });
      const after = await t.http.get(`${ACL}/resources/${resource}/permissions`).set(auth(admin)).expect(200);
      expect(after.body.deployers.map((p: { name: string }) => p.name)).toEqual(['read']);
    });

    it("refuses a permission the resource's type does not have with 400, granting nothing", async () => {
      const res = await t.http
        .post(`${ACL}/roles/${rid}/resources/${resource}/grant`)
        .set(auth(admin))
        .send({ perms: ['deploy', 'delete'] })
        .expect(400);
      expect(res.body).toEqual({ message: expect.stringMatching(/delete/) });
      const after = await t.http.get(`${ACL}/resources/${resource}/permissions`).set(auth(admin)).expect(200);
      expect(after.body.deployers.map((p: { name: string }) => p.name)).toEqual(['read']);
      const empty = await t.http
        .post(`${ACL}/roles/${rid}/resources/${resource}/grant`)
        .set(auth(admin))
        .send({ perms: [] })
        .expect(400);
      expect(empty.body.message).toMatch(/perms/);
    });

    it('grants on a group; /resource_groups/<id>/permissions shows it', async () => {
      await t.http
        .post(`${ACL}/roles/${rid}/resource_groups/${group}/grant`)
        .set(auth(admin))
        .send({ perms: 'deploy' })
        .expect(200, { rid, resource_id: null, group_id: group, perms: ['deploy'] });
      const res = await t.http.get(`${ACL}/resource_groups/${group}/permissions`).set(auth(admin)).expect(200);
      expect(res.body).toEqual({ deployers: [{ name: 'deploy', resource_type_id: type, app_id: 1, rid }] });
      await t.http
        .post(`${ACL}/roles/${rid}/resource_groups/${group}/revoke`)
        .set(auth(admin))
        .send({ perms: ['deploy'] })
        .expect(200);
      const after = await t.http.get(`${ACL}/resource_groups/${group}/permissions`).set(auth(admin)).expect(200);
      expect(after.body).toEqual({});
    });

    it('answers 404 for unknown roles, resources and groups', async () => {
      await t.http
        .post(`${ACL}/roles/99999/resources/${resource}/grant`)
        .set(auth(admin))
        .send({ perms: ['read'] })
        .expect(404);
      await t.http
        .post(`${ACL}/roles/${rid}/resources/99999/grant`)
        .set(auth(admin))
        .send({ perms: ['read'] })
        .expect(404);
      await t.http
        .post(`${ACL}/roles/${rid}/resource_groups/99999/revoke`)
        .set(auth(admin))
        .send({ perms: ['read'] })
        .expect(404);
      await t.http.get(`${ACL}/resource_groups/99999/permissions`).set(auth(admin)).expect(404);
    });

    it('refuses non-admins with 403 {message}', async () => {
      const res = await t.http
        .post(`${ACL}/roles/${rid}/resources/${resource}/grant`)
        .set(auth(alice))
        .send({ perms: ['read'] })
        .expect(403);
      expect(res.body).toEqual({ message: expect.any(String) });
      await t.http.get(`${ACL}/resources/${resource}/permissions`).set(auth(alice)).expect(403);
    });
  });

  describe('users', () => {
    it('lists users with id2parents and never a password hash, key or secret', async () => {
      await t.http.post(`${ACL}/users/reset_key_secret`).set(auth(alice)).expect(200);
      const role = await createRole('readers');
      // Fixture: membership is managed elsewhere (platform, GraphQL), not by these endpoints.
      await t.dataSource.query('INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)', [aliceId, role]);
      const res = await t.http.get(`${ACL}/users`).set(auth(admin)).expect(200);
      expect(res.body).toMatchObject({ numfound: res.body.users.length, page: 1, page_size: 50 });
      expect(res.body.users).toContainEqual(
        expect.objectContaining({ uid: aliceId, username: 'alice', email: 'alice@example.com', block: false }),
      );
      expect(res.body.id2parents[aliceId].map((r: { name: string }) => r.name)).toEqual(['readers']);
      expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt|secret|api_?key|"key"/i);
    });

    it('creates a user without key, secret or hash; a duplicate is 400', async () => {
      const res = await t.http
        .post(`${ACL}/users`)
        .set(auth(admin))
        .send({ username: 'dave', email: 'dave@example.com', password: 'dave-password', mobile: '+1 555 0100' })
        .expect(200);
      expect(res.body).toMatchObject({ uid: expect.any(Number), username: 'dave', mobile: '+1 555 0100' });
      expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt|secret|"key"/i);
      await t.http.post('/cmdb/api/login').send({ username: 'dave', password: 'dave-password' }).expect(200);
      const dup = await t.http
        .post(`${ACL}/users`)
        .set(auth(admin))
        .send({ username: 'dave', email: 'dave@example.com' })
        .expect(400);
      expect(dup.body).toEqual({ message: expect.any(String) });
      const noEmail = await t.http.post(`${ACL}/users`).set(auth(admin)).send({ username: 'erin' }).expect(400);
      expect(noEmail.body).toEqual({ message: 'Argument email is required' });
    });

    it('updates and deletes users; deleting yourself is 400, unknown ids 404', async () => {
      const uid = (
        await t.http
          .post(`${ACL}/users`)
          .set(auth(admin))
          .send({ username: 'frank', email: 'frank@example.com' })
          .expect(200)
      ).body.uid as number;
      const res = await t.http
        .put(`${ACL}/users/${uid}`)
        .set(auth(admin))
        .send({ nickname: 'Frank', block: 1 })
        .expect(200);
      expect(res.body).toMatchObject({ uid, nickname: 'Frank', block: true });
      await t.http.put(`${ACL}/users/99999`).set(auth(admin)).send({ nickname: 'x' }).expect(404);
      await t.http.delete(`${ACL}/users/${uid}`).set(auth(admin)).expect(200, { uid });
      await t.http.delete(`${ACL}/users/${uid}`).set(auth(admin)).expect(404);
      const users = (await t.http.get(`${ACL}/users`).set(auth(admin)).expect(200)).body.users as {
        uid: number;
        username: string;
      }[];
      const me = users.find((u) => u.username === 'admin')?.uid;
      const self = await t.http.delete(`${ACL}/users/${me}`).set(auth(admin)).expect(400);
      expect(self.body).toEqual({ message: expect.any(String) });
    });

    it('refuses non-admins with 403 {message}', async () => {
      const res = await t.http
        .post(`${ACL}/users`)
        .set(auth(alice))
        .send({ username: 'gina', email: 'gina@example.com', is_admin: true })
        .expect(403);
      expect(res.body).toEqual({ message: expect.any(String) });
      await t.http.delete(`${ACL}/users/${aliceId}`).set(auth(alice)).expect(403);
    });

    it("answers /users/info with the caller's name and role names", async () => {
      const res = await t.http.get(`${ACL}/users/info`).set(auth(alice)).expect(200);
      expect(res.body).toEqual({ result: { name: 'alice', role: { permissions: ['readers'] }, avatar: null } });
    });

    it('gives the caller a new pair on PUT too, and the old one stops working', async () => {
      const first = (await t.http.post(`${ACL}/users/reset_key_secret`).set(auth(alice)).expect(200)).body;
      const second = (await t.http.put(`${ACL}/users/reset_key_secret`).set(auth(alice)).expect(200)).body;
      expect(second.key).not.toBe(first.key);
      const q = (pair: { key: string; secret: string }) => ({
        _key: pair.key,
        _secret: sign(`${ACL}/users/info`, pair.secret, {}),
      });
      await t.http.get(`${ACL}/users/info`).query(q(first)).expect(401);
      await t.http.get(`${ACL}/users/info`).query(q(second)).expect(200);
    });
  });

  it('filters every list by q (a substring of the name)', async () => {
    await createRole('q-needle-role');
    const type = await createType('QNeedleType', ['read']);
    await createResource('q-needle-resource', type);
    await t.http.post(`${ACL}/resource_groups`).set(auth(admin)).send({ name: 'q-needle_group', type_id: type });
    await createUser(t, 'q-needle-user', 'needle-password');
    const names = async (path: string, key: string, q: string) => {
      const res = await t.http.get(`${ACL}/${path}`).set(auth(admin)).query({ q }).expect(200);
      expect(res.body.numfound).toBe(res.body[key].length);
      return (res.body[key] as { name?: string; username?: string }[]).map((r) => r.name ?? r.username);
    };
    expect(await names('roles', 'roles', 'needle')).toEqual(['q-needle-role']);
    expect(await names('resource_types', 'groups', 'Needle')).toEqual(['QNeedleType']);
    expect(await names('resources', 'resources', 'needle')).toEqual(['q-needle-resource']);
    expect(await names('resource_groups', 'groups', 'needle')).toEqual(['q-needle_group']);
    expect(await names('users', 'users', 'needle')).toEqual(['q-needle-user']);
    // LIKE wildcards in q are plain characters.
    expect(await names('resource_groups', 'groups', 'needle_')).toEqual(['q-needle_group']);
    expect(await names('roles', 'roles', 'needle%')).toEqual([]);
  });

  it('refuses a JSON body that is not an object, and malformed JSON, with 400 {message}', async () => {
    const arr = await t.http
      .post(`${ACL}/roles`)
      .set(auth(admin))
      .send([{ name: 'x' }])
      .expect(400);
    expect(arr.body).toEqual({ message: expect.stringMatching(/JSON object/) });
    const broken = await t.http
      .post(`${ACL}/roles`)
      .set(auth(admin))
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(broken.body).toEqual({ message: expect.stringMatching(/JSON/) });
  });

  it('ignores the query string when the parameters come as a JSON body', async () => {
    const res = await t.http
      .post(`${ACL}/roles`)
      .set(auth(admin))
      .query({ name: 'from-query', bogus: '1' })
      .send({ name: 'from-body' })
      .expect(200);
    expect(res.body.name).toBe('from-body');
  });
});
