import { MailMessage } from '../../src/common/mail/mail-message.entity';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** The platform family's ACL endpoints (seed 003): users, roles, permissions, auth tokens, authorization audit. */
describe('platform ACL endpoints', () => {
  let t: TestApp;
  let admin: string;
  let alice: { id: number; token: string };
  let bob: { id: number; token: string };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    const a = await createUser(t, 'alice', 'alice-password', { email: 'alice@example.com' });
    const b = await createUser(t, 'bob', 'bob-password', { email: 'bob@example.com' });
    alice = { id: a.id, token: await t.login('alice', 'alice-password') };
    bob = { id: b.id, token: await t.login('bob', 'bob-password') };
  });
  afterAll(() => t.close());

  describe('users', () => {
    it('lists users as a DRF page of user objects without secrets', async () => {
      const res = await t.http.get('/platform/users/').set(bearer(alice.token)).expect(200);
      expect(res.body).toMatchObject({ count: 3, next: null, previous: null, prev: null });
      const item = res.body.results.find((u: { username: string }) => u.username === 'alice');
      expect(item).toEqual({
        id: alice.id,
        username: 'alice',
        name: null,
        email: 'alice@example.com',
        phone: null,
        department: null,
        status: 'enabled',
        roles: [],
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password|api_?key|secret|scrypt/i);
    });

    it('filters by username, email and status', async () => {
      const byName = await t.http.get('/platform/users/?username=bob').set(bearer(admin)).expect(200);
      expect(byName.body.results.map((u: { id: number }) => u.id)).toEqual([bob.id]);
      const byEmail = await t.http.get('/platform/users/?email=alice@example.com').set(bearer(admin)).expect(200);
      expect(byEmail.body.results.map((u: { id: number }) => u.id)).toEqual([alice.id]);
      const disabled = await t.http.get('/platform/users/?status=disabled').set(bearer(admin)).expect(200);
      expect(disabled.body.count).toBe(0);
    });

    it('pages with absolute next and previous links', async () => {
      const first = await t.http.get('/platform/users/?page_size=2').set(bearer(admin)).expect(200);
      expect(first.body.results).toHaveLength(2);
      expect(first.body.next).toMatch(/^http:\/\/[^/]+\/platform\/users\/\?page_size=2&page=2$/);
      const second = await t.http.get('/platform/users/?page_size=2&page=2').set(bearer(admin)).expect(200);
      expect(second.body.results).toHaveLength(1);
      expect(second.body.next).toBeNull();
      expect(second.body.previous).toMatch(/^http:\/\/[^/]+\/platform\/users\/\?page_size=2$/);
      expect(second.body.prev).toBe(second.body.previous);
    });

    it.each([
      ['page_size=201', 'page_size'],
      ['page_size=0', 'page_size'],
      ['page=0', 'page'],
      ['page=x', 'page'],
      ['status=gone', 'status'],
      ['colour=red', 'colour'],
      ['offset=5', 'offset'],
    ])('refuses ?%s with 400 naming %s', async (query, field) => {
      const res = await t.http.get(`/platform/users/?${query}`).set(bearer(admin)).expect(400);
      expect(res.body).toMatchObject({ error_code: expect.any(Number), message: expect.stringContaining(field) });
    });

    it('needs authentication', async () => {
      const res = await t.http.get('/platform/users/').expect(401);
      expect(res.body).toMatchObject({ error_code: 30002 });
    });

    it('shows one user, 404 for a missing one and 400 for a bad id', async () => {
      const res = await t.http.get(`/platform/users/${bob.id}/`).set(bearer(alice.token)).expect(200);
      expect(res.body).toMatchObject({ id: bob.id, username: 'bob', status: 'enabled', roles: [] });
      const missing = await t.http.get('/platform/users/99999/').set(bearer(admin)).expect(404);
      expect(missing.body).toMatchObject({ error_code: 30002 });
      const bad = await t.http.get('/platform/users/abc/').set(bearer(admin)).expect(400);
      expect(bad.body).toMatchObject({ message: 'id: must be a positive integer', field: 'id' });
    });

    it('lets users edit their own profile, not someone else’s', async () => {
      const res = await t.http
        .patch(`/platform/users/${alice.id}/`)
        .set(bearer(alice.token))
        .send({ phone: '12345678901', name: 'Alice A', department: 'ops' })
        .expect(200);
      expect(res.body).toMatchObject({ id: alice.id, phone: '12345678901', name: 'Alice A', department: 'ops' });
      await t.http.patch(`/platform/users/${bob.id}/`).set(bearer(alice.token)).send({ phone: '1234' }).expect(403);
      const byPhone = await t.http.get('/platform/users/?phone=12345678901').set(bearer(admin)).expect(200);
      expect(byPhone.body.results.map((u: { id: number }) => u.id)).toEqual([alice.id]);
    });

    it('refuses unknown and invalid profile fields, naming them', async () => {
      const unknown = await t.http
        .patch(`/platform/users/${alice.id}/`)
        .set(bearer(alice.token))
        .send({ is_admin: true })
        .expect(400);
      expect(unknown.body.message).toContain('is_admin');
      const email = await t.http
        .patch(`/platform/users/${alice.id}/`)
        .set(bearer(alice.token))
        .send({ email: 'not-an-email' })
        .expect(400);
      expect(email.body).toMatchObject({ error_code: 30002, field: 'email' });
    });

    it('changes a password; a wrong original is error_code 300001', async () => {
      const wrong = await t.http
        .post(`/platform/users/${alice.id}/actions/change-password/`)
        .set(bearer(alice.token))
        .send({ original_password: 'not-her-password', new_password: 'alice-new-password' })
        .expect(400);
      expect(wrong.body).toMatchObject({ error_code: 300001, field: 'original_password' });
      const short = await t.http
        .post(`/platform/users/${alice.id}/actions/change-password/`)
        .set(bearer(alice.token))
        .send({ original_password: 'alice-password', new_password: 'short' })
        .expect(400);
      expect(short.body).toMatchObject({ field: 'new_password' });
      const ok = await t.http
        .post(`/platform/users/${alice.id}/actions/change-password/`)
        .set(bearer(alice.token))
        .send({ original_password: 'alice-password', new_password: 'alice-new-password' })
        .expect(200);
      expect(ok.body).toEqual({ message: 'success' });
      alice.token = await t.login('alice', 'alice-new-password');
      await t.http
        .post(`/platform/users/${bob.id}/actions/change-password/`)
        .set(bearer(alice.token))
        .send({ original_password: 'bob-password', new_password: 'taken-over-1' })
        .expect(403);
    });

    it('mails a reset link without login only when the address is the user’s own', async () => {
      const mails = t.dataSource.getRepository(MailMessage);
      const before = await mails.countBy({ recipient: 'bob@example.com' });
      const other = await t.http
        .post(`/platform/users/${bob.id}/actions/forget-password/`)
        .send({ email: 'someone@example.com' })
        .expect(200);
      expect(other.body).toEqual({ message: 'success' });
      expect(await mails.countBy({ recipient: 'bob@example.com' })).toBe(before);
      await t.http
        .post(`/platform/users/${bob.id}/actions/forget-password/`)
        .send({ email: 'BOB@example.com' })
        .expect(200);
      expect(await mails.countBy({ recipient: 'bob@example.com' })).toBe(before + 1);
      const bad = await t.http
        .post(`/platform/users/${bob.id}/actions/forget-password/`)
        .send({ email: 'nope' })
        .expect(400);
      expect(bad.body.message).toContain('email');
    });

    it('disables a user, whose login then fails with 401, and enables them again', async () => {
      await t.http.post(`/platform/users/${bob.id}/actions/disable/`).set(bearer(alice.token)).expect(403);
      const res = await t.http.post(`/platform/users/${bob.id}/actions/disable/`).set(bearer(admin)).expect(200);
      expect(res.body).toEqual({ message: 'success' });
      await t.http.post('/auth/login').send({ username: 'bob', password: 'bob-password' }).expect(401);
      await t.http.get('/platform/users/').set(bearer(bob.token)).expect(401);
      const listed = await t.http.get('/platform/users/?status=disabled').set(bearer(admin)).expect(200);
      expect(listed.body.results).toEqual([expect.objectContaining({ id: bob.id, status: 'disabled' })]);
      await t.http.post(`/platform/users/${bob.id}/actions/enable/`).set(bearer(admin)).expect(200);
      bob.token = await t.login('bob', 'bob-password');
    });
  });

  describe('roles', () => {
    let roleId: number;

    it('creates a role (administrators only) and lists it with its creator', async () => {
      await t.http.post('/platform/roles/').set(bearer(alice.token)).send({ name: 'devs' }).expect(403);
      const created = await t.http
        .post('/platform/roles/')
        .set(bearer(admin))
        .send({ name: 'devs', description: 'developers' })
        .expect(201);
      roleId = created.body.id;
      expect(created.body).toEqual({ id: roleId, name: 'devs', description: 'developers', creator: 'admin' });
      await t.http.post('/platform/roles/').set(bearer(admin)).send({ name: 'devs' }).expect(409);
      const list = await t.http.get('/platform/roles/?name=dev').set(bearer(alice.token)).expect(200);
      expect(list.body).toMatchObject({ count: 1, results: [{ id: roleId, name: 'devs', creator: 'admin' }] });
      const bad = await t.http.post('/platform/roles/').set(bearer(admin)).send({ name: 'x', parent: 1 }).expect(400);
      expect(bad.body.message).toContain('parent');
    });

    it('matches the name filter literally, wildcards included', async () => {
      for (const name of ['a_b', 'axb']) {
        await t.http.post('/platform/roles/').set(bearer(admin)).send({ name }).expect(201);
      }
      const res = await t.http.get('/platform/roles/?name=a_b').set(bearer(admin)).expect(200);
      expect(res.body.results.map((r: { name: string }) => r.name)).toEqual(['a_b']);
    });

    it('renames a role', async () => {
      const res = await t.http
        .patch(`/platform/roles/${roleId}/`)
        .set(bearer(admin))
        .send({ name: 'developers' })
        .expect(200);
      expect(res.body).toMatchObject({ id: roleId, name: 'developers', creator: 'admin' });
      await t.http.patch(`/platform/roles/${roleId}/`).set(bearer(alice.token)).send({ name: 'mine' }).expect(403);
    });

    it('adds and removes members from either side', async () => {
      const add = await t.http
        .post(`/platform/roles/${roleId}/users/`)
        .set(bearer(admin))
        .send([{ id: alice.id }])
        .expect(200);
      expect(add.body).toEqual({ message: 'success' });
      await t.http
        .post(`/platform/users/${bob.id}/roles/`)
        .set(bearer(admin))
        .send([{ id: roleId }])
        .expect(200);
      const members = await t.http.get(`/platform/roles/${roleId}/users/`).set(bearer(alice.token)).expect(200);
      expect(members.body.map((u: { username: string }) => u.username)).toEqual(['alice', 'bob']);
      const user = await t.http.get(`/platform/users/${bob.id}/`).set(bearer(admin)).expect(200);
      expect(user.body.roles).toEqual([{ id: roleId, name: 'developers' }]);

      await t.http
        .delete(`/platform/users/${bob.id}/roles/`)
        .set(bearer(admin))
        .send([{ id: roleId }])
        .expect(200);
      await t.http
        .delete(`/platform/roles/${roleId}/users/`)
        .set(bearer(admin))
        .send([{ id: alice.id }])
        .expect(200);
      const after = await t.http.get(`/platform/roles/${roleId}/users/`).set(bearer(admin)).expect(200);
      expect(after.body).toEqual([]);
      const big = await t.http.get(`/platform/roles/${roleId}/users/?page_size=201`).set(bearer(admin)).expect(400);
      expect(big.body.message).toContain('page_size');
    });

    it('refuses bad member lists, naming the item field', async () => {
      const unknown = await t.http
        .post(`/platform/roles/${roleId}/users/`)
        .set(bearer(admin))
        .send([{ id: alice.id, username: 'alice' }])
        .expect(400);
      expect(unknown.body.message).toBe('[0] property username should not exist');
      const notInt = await t.http
        .post(`/platform/users/${alice.id}/roles/`)
        .set(bearer(admin))
        .send([{ id: 'one' }])
        .expect(400);
      expect(notInt.body.message).toContain('id');
      const missing = await t.http
        .post(`/platform/users/${alice.id}/roles/`)
        .set(bearer(admin))
        .send([{ id: 99999 }])
        .expect(404);
      expect(missing.body).toMatchObject({ error_code: 30002 });
      await t.http.post(`/platform/users/${alice.id}/roles/`).set(bearer(alice.token)).send([]).expect(403);
    });
  });

  describe('application and host permissions', () => {
    it('refuses a non-administrator granting with 403 and error_code 30002; the admin grants', async () => {
      const body = { authorizations: [{ id: 7, permission: { view_app: true, restart_app: true } }] };
      const refused = await t.http
        .post(`/platform/users/${bob.id}/application/perms/`)
        .set(bearer(alice.token))
        .send(body)
        .expect(403);
      expect(refused.body).toMatchObject({ error_code: 30002 });
      const ok = await t.http
        .post(`/platform/users/${bob.id}/application/perms/`)
        .set(bearer(admin))
        .send(body)
        .expect(200);
      expect(ok.body).toEqual({ message: 'success' });
    });

    it('shows the grant on the user and on the application', async () => {
      const mine = await t.http.get(`/platform/users/${bob.id}/application/perms/`).set(bearer(bob.token)).expect(200);
      expect(mine.body).toMatchObject({ count: 1, next: null });
      expect(mine.body.results).toEqual([
        {
          id: 7,
          app_name: null,
          permission: {
            view_app: true,
            edit_app: false,
            delete_app: false,
            deploy_app: false,
            review_app_deploy_task: false,
            restart_app: true,
            view_app_log: false,
            view_app_monitor: false,
          },
        },
      ]);
      await t.http.get(`/platform/users/${bob.id}/application/perms/`).set(bearer(alice.token)).expect(403);
      const byApp = await t.http.get('/platform/applications/7/authorization/users/').set(bearer(admin)).expect(200);
      expect(byApp.body).toMatchObject({
        count: 1,
        results: [{ user: { id: bob.id, username: 'bob' }, permission: { view_app: true, restart_app: true } }],
      });
      await t.http.get('/platform/applications/7/authorization/users/').set(bearer(bob.token)).expect(403);
    });

    it('accepts the seed’s `permissions` spelling and revokes with false', async () => {
      await t.http
        .post(`/platform/users/${bob.id}/application/perms/`)
        .set(bearer(admin))
        .send({ authorizations: [{ id: 7, permissions: { restart_app: false, view_app_log: true } }] })
        .expect(200);
      const res = await t.http.get(`/platform/users/${bob.id}/application/perms/`).set(bearer(admin)).expect(200);
      expect(res.body.results[0].permission).toMatchObject({ view_app: true, restart_app: false, view_app_log: true });
    });

    it('changes nothing when one entry names an undefined permission (400, error_code 30001)', async () => {
      const res = await t.http
        .post(`/platform/users/${bob.id}/application/perms/`)
        .set(bearer(admin))
        .send({
          authorizations: [
            { id: 8, permission: { view_app: true } },
            { id: 9, permission: { login_host: true } },
          ],
        })
        .expect(400);
      expect(res.body).toMatchObject({ error_code: 30001, message: expect.stringContaining('login_host') });
      const perms = await t.http.get(`/platform/users/${bob.id}/application/perms/`).set(bearer(admin)).expect(200);
      expect(perms.body.results.map((e: { id: number }) => e.id)).toEqual([7]);
    });

    it('refuses malformed authorization entries, naming the field', async () => {
      const noPerm = await t.http
        .post(`/platform/users/${bob.id}/application/perms/`)
        .set(bearer(admin))
        .send({ authorizations: [{ id: 7 }] })
        .expect(400);
      expect(noPerm.body.message).toContain('permission');
      const notBool = await t.http
        .post(`/platform/users/${bob.id}/application/perms/`)
        .set(bearer(admin))
        .send({ authorizations: [{ id: 7, permission: { view_app: 'yes' } }] })
        .expect(400);
      expect(notBool.body.message).toContain('permission');
      const extra = await t.http
        .post(`/platform/users/${bob.id}/application/perms/`)
        .set(bearer(admin))
        .send({ authorizations: [{ id: 7, permission: {}, colour: 'red' }] })
        .expect(400);
      expect(extra.body.message).toContain('colour');
    });

    it('grants host permissions to a role, as a list meaning exactly those', async () => {
      const role = await t.http.post('/platform/roles/').set(bearer(admin)).send({ name: 'ops' }).expect(201);
      await t.http
        .post(`/platform/roles/${role.body.id}/host/perms/`)
        .set(bearer(admin))
        .send({ authorizations: [{ id: 5, hostname: 'server-a', permission: { view_host: true, edit_host: true } }] })
        .expect(200);
      await t.http
        .post(`/platform/roles/${role.body.id}/host/perms/`)
        .set(bearer(admin))
        .send({ authorizations: [{ id: 5, permission: ['view_host', 'login_host'] }] })
        .expect(200);
      const perms = await t.http.get(`/platform/roles/${role.body.id}/host/perms/`).set(bearer(admin)).expect(200);
      expect(perms.body.results).toEqual([
        {
          id: 5,
          hostname: null,
          permission: {
            view_host: true,
            edit_host: false,
            delete_host: false,
            init_host: false,
            restart_host: false,
            login_host: true,
            deactivate_host: false,
          },
        },
      ]);
      // The seed writes this path both as /hosts/ and /host/.
      for (const path of ['hosts', 'host']) {
        const byHost = await t.http.get(`/platform/${path}/5/authorization/roles/`).set(bearer(admin)).expect(200);
        expect(byHost.body.results).toEqual([
          { role: { id: role.body.id, name: 'ops' }, permission: expect.objectContaining({ login_host: true }) },
        ]);
      }
    });

    it('updates and deletes authorizations from the resource side', async () => {
      await t.http
        .patch('/platform/applications/7/authorization/users/')
        .set(bearer(admin))
        .send([
          { user: { id: bob.id, username: 'bob' }, permission: { edit_app: true }, action: 'update' },
          { user: { id: alice.id }, permission: { view_app: true } },
        ])
        .expect(200);
      const after = await t.http.get('/platform/applications/7/authorization/users/').set(bearer(admin)).expect(200);
      expect(after.body.results).toEqual([
        { user: { id: alice.id, username: 'alice' }, permission: expect.objectContaining({ view_app: true }) },
        {
          user: { id: bob.id, username: 'bob' },
          permission: expect.objectContaining({ view_app: true, edit_app: true, view_app_log: true }),
        },
      ]);
      const paged = await t.http
        .get('/platform/applications/7/authorization/users/?page_size=1')
        .set(bearer(admin))
        .expect(200);
      expect(paged.body).toMatchObject({ count: 2, results: [{ user: { id: alice.id } }] });
      expect(paged.body.next).toContain('page=2');

      await t.http
        .patch('/platform/applications/7/authorization/users/')
        .set(bearer(admin))
        .send([{ user: { id: alice.id }, action: 'delete' }])
        .expect(200);
      const removed = await t.http.get('/platform/applications/7/authorization/users/').set(bearer(admin)).expect(200);
      expect(removed.body.results.map((r: { user: { id: number } }) => r.user.id)).toEqual([bob.id]);

      const role = await t.http.post('/platform/roles/').set(bearer(admin)).send({ name: 'viewers' }).expect(201);
      await t.http
        .patch('/platform/host/6/authorization/roles/')
        .set(bearer(admin))
        .send([{ role: { id: role.body.id }, permission: { view_host: true } }])
        .expect(200);
      const hostRoles = await t.http.get('/platform/hosts/6/authorization/roles/').set(bearer(admin)).expect(200);
      expect(hostRoles.body.results).toEqual([
        { role: { id: role.body.id, name: 'viewers' }, permission: expect.objectContaining({ view_host: true }) },
      ]);
      const bobOnHosts = await t.http.get('/platform/hosts/6/authorization/users/').set(bearer(admin)).expect(200);
      expect(bobOnHosts.body.count).toBe(0);
    });

    it('refuses bad resource-side changes', async () => {
      const refused = await t.http
        .patch('/platform/applications/7/authorization/users/')
        .set(bearer(bob.token))
        .send([{ user: { id: bob.id }, permission: { delete_app: true } }])
        .expect(403);
      expect(refused.body).toMatchObject({ error_code: 30002 });
      const action = await t.http
        .patch('/platform/applications/7/authorization/users/')
        .set(bearer(admin))
        .send([{ user: { id: bob.id }, action: 'drop' }])
        .expect(400);
      expect(action.body.message).toContain('action');
      const noUser = await t.http
        .patch('/platform/applications/7/authorization/users/')
        .set(bearer(admin))
        .send([{ permission: { view_app: true } }])
        .expect(400);
      expect(noUser.body.message).toContain('user');
      const ghost = await t.http
        .patch('/platform/applications/7/authorization/users/')
        .set(bearer(admin))
        .send([
          { user: { id: alice.id }, permission: { view_app: true } },
          { user: { id: 99999 }, permission: { view_app: true } },
        ])
        .expect(404);
      expect(ghost.body.message).toContain('99999');
      const unchanged = await t.http
        .get('/platform/applications/7/authorization/users/')
        .set(bearer(admin))
        .expect(200);
      expect(unchanged.body.results.map((r: { user: { id: number } }) => r.user.id)).toEqual([bob.id]);
    });
  });

  describe('module (system) permissions', () => {
    it('refuses an undefined permission with 400, error_code 30001, and changes nothing', async () => {
      const res = await t.http
        .post(`/platform/users/${bob.id}/system/perms/`)
        .set(bearer(admin))
        .send({ module_name: 'application', permissions: { enable_app_mgmt: true, restart_app: true } })
        .expect(400);
      expect(res.body).toMatchObject({ error_code: 30001, message: expect.stringContaining('restart_app') });
      const audit = await t.http.get('/platform/audit/authorize-operations/modules/').set(bearer(admin)).expect(200);
      expect(audit.body.count).toBe(0);
    });

    it('refuses an unknown module and a non-administrator', async () => {
      const module = await t.http
        .post(`/platform/users/${bob.id}/system/perms/`)
        .set(bearer(admin))
        .send({ module_name: 'constructor', permissions: { view_app: true } })
        .expect(400);
      expect(module.body).toMatchObject({ error_code: 30001, message: expect.stringContaining('module_name') });
      const refused = await t.http
        .post(`/platform/users/${bob.id}/system/perms/`)
        .set(bearer(alice.token))
        .send({ module_name: 'application', permissions: { view_app: true } })
        .expect(403);
      expect(refused.body).toMatchObject({ error_code: 30002 });
      const extra = await t.http
        .post(`/platform/users/${bob.id}/system/perms/`)
        .set(bearer(admin))
        .send({ module_name: 'application', permissions: {}, scope: 'all' })
        .expect(400);
      expect(extra.body.message).toContain('scope');
    });

    it('grants module permissions sent as one object or as a list', async () => {
      const one = await t.http
        .post(`/platform/users/${bob.id}/system/perms/`)
        .set(bearer(admin))
        .send({ module_name: 'application', permissions: { enable_app_mgmt: true, add_app: true } })
        .expect(200);
      expect(one.body).toEqual({ message: 'success' });
      const list = await t.http
        .post(`/platform/roles/${(await roleNamed('developers')).id}/system/perms/`)
        .set(bearer(admin))
        .send([
          { module_name: 'dns', permissions: ['enable_dns_mgmt'] },
          { module_name: 'navigator', permissions: { view_navigator: true } },
        ])
        .expect(200);
      expect(list.body).toEqual({ message: 'success' });
    });
  });

  describe('auth tokens', () => {
    let tokenId: number;
    let value: string;

    it('shows the value once, at creation, and it authenticates as its creator', async () => {
      const res = await t.http
        .post('/platform/auth-tokens/')
        .set(bearer(alice.token))
        .send({ name: 'ci', description: 'for the build' })
        .expect(201);
      expect(res.body).toMatchObject({ name: 'ci', description: 'for the build', creator: 'alice' });
      expect(res.body.value).toMatch(/^[0-9a-f]{40}$/);
      tokenId = res.body.id;
      value = res.body.value;

      const users = await t.http.get('/platform/users/').set('Authorization', `Token ${value}`).expect(200);
      expect(users.body.count).toBe(3);
      const self = await t.http
        .patch(`/platform/users/${alice.id}/`)
        .set('Authorization', `Token ${value}`)
        .send({ department: 'build' })
        .expect(200);
      expect(self.body.department).toBe('build');
    });

    it('never returns the value again', async () => {
      const one = await t.http.get(`/platform/auth-tokens/${tokenId}/`).set(bearer(alice.token)).expect(200);
      expect(one.body).toMatchObject({ id: tokenId, name: 'ci', creator: 'alice' });
      expect(one.body).not.toHaveProperty('value');
      const list = await t.http.get('/platform/auth-tokens/?name=ci').set(bearer(alice.token)).expect(200);
      expect(list.body).toMatchObject({ count: 1, results: [{ id: tokenId }] });
      expect(JSON.stringify(list.body)).not.toContain(value);
      const patched = await t.http
        .patch(`/platform/auth-tokens/${tokenId}/`)
        .set(bearer(alice.token))
        .send({ name: 'ci-2' })
        .expect(200);
      expect(patched.body).toMatchObject({ id: tokenId, name: 'ci-2' });
      expect(patched.body).not.toHaveProperty('value');
      const none = await t.http.get('/platform/auth-tokens/?name=ci').set(bearer(alice.token)).expect(200);
      expect(none.body.count).toBe(0);
    });

    it('keeps tokens to their owner and refuses bad input', async () => {
      await t.http.get(`/platform/auth-tokens/${tokenId}/`).set(bearer(bob.token)).expect(404);
      const bobs = await t.http.get('/platform/auth-tokens/').set(bearer(bob.token)).expect(200);
      expect(bobs.body.count).toBe(0);
      const all = await t.http.get('/platform/auth-tokens/').set(bearer(admin)).expect(200);
      expect(all.body.count).toBe(1);
      const noName = await t.http.post('/platform/auth-tokens/').set(bearer(bob.token)).send({}).expect(400);
      expect(noName.body.message).toContain('name');
      const blank = await t.http.post('/platform/auth-tokens/').set(bearer(bob.token)).send({ name: '  ' }).expect(400);
      expect(blank.body).toMatchObject({ field: 'name' });
      const extra = await t.http
        .post('/platform/auth-tokens/')
        .set(bearer(bob.token))
        .send({ name: 'x', value: 'a'.repeat(40) })
        .expect(400);
      expect(extra.body.message).toContain('value');
    });

    it('deletes a token, which then no longer authenticates', async () => {
      const res = await t.http.delete(`/platform/auth-tokens/${tokenId}/`).set(bearer(alice.token)).expect(200);
      expect(res.body).toEqual({ message: 'success' });
      await t.http.get('/platform/users/').set('Authorization', `Token ${value}`).expect(401);
    });
  });

  describe('authorization audit', () => {
    it('lists the resource grants made, newest first, for administrators only', async () => {
      await t.http.get('/platform/audit/authorize-operations/resources/').set(bearer(alice.token)).expect(403);
      const res = await t.http
        .get(`/platform/audit/authorize-operations/resources/?authorized_target_type=user&authorized_target_name=bob`)
        .set(bearer(admin))
        .expect(200);
      const ops = res.body.results as Array<Record<string, unknown>>;
      expect(ops.length).toBe(res.body.count);
      expect(ops).toContainEqual({
        id: expect.any(Number),
        operator: 'admin',
        resource_type: 'application',
        resource_id: 7,
        resource: { id: 7 },
        perm_name: 'restart_app',
        action: 'disable',
        authorized_target_type: 'user',
        authorized_target_name: 'bob',
        op_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(ops).toContainEqual(expect.objectContaining({ perm_name: 'restart_app', action: 'enable' }));
      expect(ops.every((o) => o.authorized_target_name === 'bob')).toBe(true);
      const ids = ops.map((o) => o.id as number);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));

      const roles = await t.http
        .get('/platform/audit/authorize-operations/resources/?authorized_target_type=role')
        .set(bearer(admin))
        .expect(200);
      expect(roles.body.results).toContainEqual(
        expect.objectContaining({ resource_type: 'host', resource_id: 5, perm_name: 'login_host', action: 'enable' }),
      );
    });

    it('lists the module grants made', async () => {
      const res = await t.http.get('/platform/audit/authorize-operations/modules/').set(bearer(admin)).expect(200);
      expect(res.body.results).toContainEqual({
        id: expect.any(Number),
        operator: 'admin',
        module_name: 'application',
        perm_name: 'create_app',
        action: 'enable',
        authorized_target_type: 'user',
        authorized_target_name: 'bob',
        op_time: expect.any(String),
      });
      expect(res.body.results).toContainEqual(
        expect.objectContaining({ module_name: 'dns', perm_name: 'enable_dns_mgmt', authorized_target_type: 'role' }),
      );
      const future = await t.http
        .get('/platform/audit/authorize-operations/modules/?op_time__gt=2999-01-01T00:00:00Z')
        .set(bearer(admin))
        .expect(200);
      expect(future.body.count).toBe(0);
      const past = await t.http
        .get('/platform/audit/authorize-operations/modules/?op_time__lt=2000-01-01T00:00:00Z&operator=admin')
        .set(bearer(admin))
        .expect(200);
      expect(past.body.count).toBe(0);
      const nobody = await t.http
        .get('/platform/audit/authorize-operations/modules/?authorized_target_type=user&authorized_target_name=zed')
        .set(bearer(admin))
        .expect(200);
      expect(nobody.body).toMatchObject({ count: 0, results: [] });
    });

    it.each([
      ['modules', 'perm_name=view_app', 'perm_name'],
      ['modules', 'module_name=dns', 'module_name'],
      ['resources', 'resource_id=7', 'resource_id'],
      ['resources', 'authorized_target_name=bob', 'authorized_target_name'],
      ['resources', 'op_time__gt=yesterday', 'op_time__gt'],
      ['resources', 'page_size=500', 'page_size'],
      ['modules', 'target=bob', 'target'],
    ])('refuses %s?%s with 400 naming %s', async (list, query, field) => {
      const res = await t.http
        .get(`/platform/audit/authorize-operations/${list}/?${query}`)
        .set(bearer(admin))
        .expect(400);
      expect(res.body.message).toContain(field);
    });
  });

  describe('deleting a role', () => {
    it('answers success and the role is gone', async () => {
      const role = await roleNamed('viewers');
      await t.http.delete(`/platform/roles/${role.id}/`).set(bearer(alice.token)).expect(403);
      const res = await t.http.delete(`/platform/roles/${role.id}/`).set(bearer(admin)).expect(200);
      expect(res.body).toEqual({ message: 'success' });
      await t.http.get(`/platform/roles/${role.id}/`).set(bearer(admin)).expect(404);
      const hostRoles = await t.http.get('/platform/hosts/6/authorization/roles/').set(bearer(admin)).expect(200);
      expect(hostRoles.body.count).toBe(0);
    });
  });

  async function roleNamed(name: string): Promise<{ id: number; name: string }> {
    const res = await t.http.get(`/platform/roles/?name=${name}`).set(bearer(admin)).expect(200);
    return res.body.results.find((r: { name: string }) => r.name === name);
  }
});
