import { JwtService } from '@nestjs/jwt';
import { User } from '../../src/acl/entities/user.entity';
import { RolesService } from '../../src/acl/roles.service';
import type { Principal } from '../../src/common/auth/principal';
import { createUser } from '../support/fixtures';
import { ADMIN_PASSWORD, createTestApp, TestApp } from '../support/test-app';

describe('ops family: login, users and permissions', () => {
  let t: TestApp;
  let admin: string;
  let adminPrincipal: Principal;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const opsLogin = async (username: string, password: string): Promise<string> => {
    const res = await t.http.post('/ops/api/login').send({ username, password }).expect(200);
    expect(res.body.ok).toBe(true);
    return res.body.info.access_token as string;
  };
  const getUser = async (username: string) =>
    (await t.http.get('/ops/api/user').query({ username }).set(bearer(admin)).expect(200)).body;
  const newUser = (username: string, extra: Record<string, string> = {}) => ({
    mail: `${username}@example.com`,
    username,
    passwd: `${username}-password`,
    department: 'dev',
    permissions: '',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    const adminUser = await t.dataSource.getRepository(User).findOneByOrFail({ username: t.config.admin.username });
    adminPrincipal = { userId: adminUser.id, username: adminUser.username, isAdmin: true, roleIds: [] };
    await createUser(t, 'bob', 'bob-password');
  });
  afterAll(() => t.close());

  describe('POST /api/login', () => {
    it('answers {ok: true, info: {access_token}} with a token the API accepts', async () => {
      const res = await t.http.post('/ops/api/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
      expect(res.body).toEqual({ ok: true, info: { access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) } });
      const list = await t.http.get('/ops/api/user').set(bearer(res.body.info.access_token)).expect(200);
      expect(list.body.ok).toBe(true);
    });

    it('reads `name` as the seed example sends it, and form-encoded bodies', async () => {
      const json = await t.http.post('/ops/api/login').send({ name: 'bob', password: 'bob-password' }).expect(200);
      expect(json.body.info.access_token).toEqual(expect.any(String));
      const form = await t.http
        .post('/ops/api/login')
        .type('form')
        .send({ username: 'bob', password: 'bob-password' })
        .expect(200);
      expect(form.body).toEqual({ ok: true, info: { access_token: expect.any(String) } });
    });

    it('refuses a wrong password with 403 {ok: false, info}', async () => {
      const res = await t.http.post('/ops/api/login').send({ username: 'bob', password: 'wrong' }).expect(403);
      expect(res.body).toEqual({ ok: false, info: 'Wrong username or password' });
      const unknown = await t.http.post('/ops/api/login').send({ name: 'nobody', password: 'x' }).expect(403);
      expect(unknown.body).toEqual(res.body);
    });

    it.each([
      [{ password: 'x' }, 'username: is required'],
      [{ username: 'bob' }, /password must be a string/],
      [{ username: 'bob', name: 'alice', password: 'x' }, 'name: differs from username'],
      [{ username: 'bob', password: 'x', remember: true }, /property remember should not exist/],
    ])('answers the request error %j with HTTP 200 ok=false naming the field', async (body, info) => {
      const res = await t.http.post('/ops/api/login').send(body).expect(200);
      expect(res.body.ok).toBe(false);
      expect(res.body.info).toEqual(typeof info === 'string' ? info : expect.stringMatching(info));
    });
  });

  describe('GET /api/login', () => {
    it('tells a live login from none, an invalid or an expired token', async () => {
      const bob = await opsLogin('bob', 'bob-password');
      const live = await t.http.get('/ops/api/login').query({ username: 'bob' }).set(bearer(bob)).expect(200);
      expect(live.body).toEqual({ ok: true, info: 'login ok' });
      await t.http.get('/ops/api/login').set(bearer(bob)).expect(200, { ok: true, info: 'login ok' });

      const other = await t.http.get('/ops/api/login').query({ username: 'admin' }).set(bearer(bob)).expect(200);
      expect(other.body).toEqual({ ok: true, info: 'login timeout' });
      await t.http.get('/ops/api/login').query({ username: 'bob' }).expect(200, { ok: true, info: 'login timeout' });
      await t.http.get('/ops/api/login').set(bearer('not.a.jwt')).expect(200, { ok: true, info: 'login timeout' });

      const user = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'bob' });
      const expired = new JwtService({ secret: t.config.jwt.secret }).sign({
        sub: user.id,
        username: 'bob',
        jti: 'expired',
        exp: Math.floor(Date.now() / 1000) - 10,
      });
      await t.http.get('/ops/api/login').set(bearer(expired)).expect(200, { ok: true, info: 'login timeout' });
    });

    it('answers an unknown query field as a request error', async () => {
      const res = await t.http.get('/ops/api/login').query({ user: 'bob' }).expect(200);
      expect(res.body).toEqual({ ok: false, info: 'property user should not exist' });
    });
  });

  describe('/api/user', () => {
    it('needs a login: 403 {ok: false} without a token', async () => {
      const res = await t.http.get('/ops/api/user').expect(403);
      expect(res.body.ok).toBe(false);
      expect(res.body.info).toMatch(/Authorization/);
    });

    it('adds a list of users, lists them and shows one by username', async () => {
      const add = await t.http
        .post('/ops/api/user')
        .set(bearer(admin))
        .send({ action: 'add', data: [newUser('carol', { nickname: 'Carol' }), newUser('dave')] })
        .expect(200);
      expect(add.body).toEqual({ ok: true, info: 'add user ok' });

      const carol = await getUser('carol');
      expect(carol).toEqual({
        ok: true,
        info: {
          id: expect.any(Number),
          mail: 'carol@example.com',
          username: 'carol',
          nickname: 'Carol',
          department: 'dev',
          permissions: '',
        },
      });
      await opsLogin('dave', 'dave-password');

      const page = await t.http.get('/ops/api/user').query({ start: 1, count: 2 }).set(bearer(admin)).expect(200);
      expect(page.body.info.count).toBe(4); // admin, bob, carol, dave
      expect(page.body.info.data.map((u: { username: string }) => u.username)).toEqual(['bob', 'carol']);
      expect(JSON.stringify(page.body)).not.toMatch(/passw|scrypt|hash/i);
    });

    it('adds from form posts: `data` as a JSON string or as nested fields', async () => {
      await t.http
        .post('/ops/api/user')
        .set(bearer(admin))
        .type('form')
        .send({ action: 'add', data: JSON.stringify(newUser('erin')) })
        .expect(200, { ok: true, info: 'add user ok' });
      await t.http
        .post('/ops/api/user')
        .set(bearer(admin))
        .type('form')
        .send(
          'action=add&data[0][mail]=frank@example.com&data[0][username]=frank' +
            '&data[0][passwd]=frank-password&data[0][department]=ops&data[0][permissions]=',
        )
        .expect(200, { ok: true, info: 'add user ok' });
      expect((await getUser('erin')).info.mail).toBe('erin@example.com');
      expect((await getUser('frank')).info.department).toBe('ops');
    });

    it('refuses a taken username with ok=false and adds nothing of the batch', async () => {
      const res = await t.http
        .post('/ops/api/user')
        .set(bearer(admin))
        .send({ action: 'add', data: [newUser('gina'), newUser('carol')] })
        .expect(200);
      expect(res.body).toEqual({ ok: false, info: 'username "carol" is already taken' });
      const gina = await getUser('gina');
      expect(gina).toEqual({ ok: false, info: 'user "gina" not found' });

      const twice = await t.http
        .post('/ops/api/user')
        .set(bearer(admin))
        .send({ action: 'add', data: [newUser('gina'), newUser('gina')] })
        .expect(200);
      expect(twice.body).toEqual({ ok: false, info: 'username "gina" is given twice' });
    });

    it.each([
      [{ action: 'remove', data: {} }, /action must be one of the following values: add, update/],
      [{ action: 'add' }, /data should not be null or undefined/],
      [{ action: 'add', data: [] }, /data must contain at least 1 elements/],
      [{ action: 'add', data: 'not json' }, 'data: must be a JSON object or array'],
      [{ action: 'add', data: [{ ...newUser('hank'), passwd: undefined }] }, /data\.0\.passwd must be a string/],
      [{ action: 'add', data: [{ ...newUser('hank'), admin: true }] }, /data\.0\.property admin should not exist/],
      [{ action: 'add', data: [newUser('hank', { passwd: 'short' })] }, 'passwd: must be 8 to 1024 characters'],
      [{ action: 'add', data: [newUser('hank', { mail: 'nope' })] }, 'mail: must be an email address'],
      [{ action: 'add', data: [newUser('hank', { permissions: '1;2' })] }, /permissions must be comma-separated/],
      [{ action: 'add', data: [newUser('hank', { permissions: '999' })] }, 'permissions: role 999 not found'],
      [{ action: 'add', data: [newUser('bad name')] }, /username: must be 1-64 letters/],
      [{ action: 'update', data: [newUser('bob')] }, 'data: must be one user object for update'],
      [{ action: 'update', data: 7 }, /data must be an object/],
      [{ action: 'update', data: { mail: 'x@example.com' } }, /data\.username must be a string/],
      [{ action: 'update', data: { username: 'bob', old_passwd: 'x' } }, /new_passwd is required when old_passwd/],
      [{ action: 'update', data: { username: 'nobody' } }, 'user "nobody" not found'],
      [{ action: 'add', data: [newUser('hank')], extra: 1 }, /property extra should not exist/],
    ])('answers %j with HTTP 200 ok=false naming the problem', async (body, info) => {
      const res = await t.http.post('/ops/api/user').set(bearer(admin)).send(body).expect(200);
      expect(res.body.ok).toBe(false);
      expect(res.body.info).toEqual(typeof info === 'string' ? info : expect.stringMatching(info));
      expect(await getUser('hank')).toEqual({ ok: false, info: 'user "hank" not found' });
    });

    it.each([
      [{ count: 'ten' }, /count must be an integer number/],
      [{ count: 201 }, /count must not be greater than 200/],
      [{ start: -1 }, /start must not be less than 0/],
      [{ sort: 'id' }, /property sort should not exist/],
    ])('answers the query %j with HTTP 200 ok=false naming the parameter', async (query, info) => {
      const res = await t.http.get('/ops/api/user').query(query).set(bearer(admin)).expect(200);
      expect(res.body).toEqual({ ok: false, info: expect.stringMatching(info) });
    });

    it('updates profile and password as an administrator, no old password needed', async () => {
      const res = await t.http
        .post('/ops/api/user')
        .set(bearer(admin))
        .send({
          action: 'update',
          data: { username: 'dave', mail: 'dave@corp.example', department: 'qa', new_passwd: 'dave-new-password' },
        })
        .expect(200);
      expect(res.body).toEqual({ ok: true, info: 'update user ok' });
      expect((await getUser('dave')).info).toMatchObject({ mail: 'dave@corp.example', department: 'qa' });
      await opsLogin('dave', 'dave-new-password');
    });

    it('lets a user update their own profile, and their password only with the old one', async () => {
      const dave = await opsLogin('dave', 'dave-new-password');
      const update = (data: Record<string, string>) =>
        t.http
          .post('/ops/api/user')
          .set(bearer(dave))
          .send({ action: 'update', data: { username: 'dave', ...data } });

      await update({ nickname: 'Dave' }).expect(200, { ok: true, info: 'update user ok' });
      const wrong = await update({ old_passwd: 'not-my-password', new_passwd: 'dave-third-password' }).expect(200);
      expect(wrong.body).toEqual({ ok: false, info: 'old_passwd: does not match' });
      await update({ old_passwd: 'dave-new-password', new_passwd: 'dave-third-password' }).expect(200, {
        ok: true,
        info: 'update user ok',
      });
      await opsLogin('dave', 'dave-third-password');
    });

    it('deletes by username in the query or a form body', async () => {
      await t.http
        .delete('/ops/api/user')
        .query({ username: 'erin' })
        .set(bearer(admin))
        .expect(200, { ok: true, info: 'delete user ok' });
      await t.http
        .delete('/ops/api/user')
        .type('form')
        .send({ username: 'frank' })
        .set(bearer(admin))
        .expect(200, { ok: true, info: 'delete user ok' });
      expect(await getUser('erin')).toEqual({ ok: false, info: 'user "erin" not found' });
      expect(await getUser('frank')).toEqual({ ok: false, info: 'user "frank" not found' });

      const missing = await t.http.delete('/ops/api/user').set(bearer(admin)).expect(200);
      expect(missing.body).toEqual({ ok: false, info: 'username: is required' });
      const unknown = await t.http.delete('/ops/api/user').query({ username: 'erin' }).set(bearer(admin)).expect(200);
      expect(unknown.body).toEqual({ ok: false, info: 'user "erin" not found' });
    });
  });

  describe('permission groups (roles) and the rights they give', () => {
    let userAdmins: number;
    let readers: number;

    beforeAll(async () => {
      const roles = t.app.get(RolesService);
      userAdmins = (await roles.create(adminPrincipal, { name: 'useradmin', description: '用户管理', isAdmin: true }))
        .id;
      readers = (await roles.create(adminPrincipal, { name: 'reader', description: 'read only' })).id;
    });

    it('lists the permissions with their codes, paged', async () => {
      const res = await t.http.get('/ops/api/permission').set(bearer(admin)).expect(200);
      expect(res.body).toEqual({
        ok: true,
        info: {
          data: [
            { permission: 'useradmin', permission_desc: '用户管理', permission_code: userAdmins },
            { permission: 'reader', permission_desc: 'read only', permission_code: readers },
          ],
          count: 2,
        },
      });
      const page = await t.http.get('/ops/api/permission').query({ start: 1, count: 1 }).set(bearer(admin)).expect(200);
      expect(page.body.info).toEqual({ data: [expect.objectContaining({ permission: 'reader' })], count: 2 });
      const bad = await t.http.get('/ops/api/permission').query({ count: 0 }).set(bearer(admin)).expect(200);
      expect(bad.body).toEqual({ ok: false, info: 'count must not be less than 1' });
    });

    it('refuses user management to a non-admin with 403, and changes nothing', async () => {
      const bob = await opsLogin('bob', 'bob-password');
      const update = await t.http
        .post('/ops/api/user')
        .set(bearer(bob))
        .send({ action: 'update', data: { username: 'carol', department: 'sales' } })
        .expect(403);
      expect(update.body).toEqual({ ok: false, info: 'Changing this user requires an administrator' });
      const add = await t.http
        .post('/ops/api/user')
        .set(bearer(bob))
        .send({ action: 'add', data: [newUser('ivan')] })
        .expect(403);
      expect(add.body.ok).toBe(false);
      await t.http.delete('/ops/api/user').query({ username: 'carol' }).set(bearer(bob)).expect(403);

      // Giving oneself permissions along with an allowed change: nothing of it applies.
      const self = await t.http
        .post('/ops/api/user')
        .set(bearer(bob))
        .send({ action: 'update', data: { username: 'bob', department: 'sre', permissions: String(userAdmins) } })
        .expect(403);
      expect(self.body).toEqual({ ok: false, info: 'Changing role membership requires an administrator' });
      expect((await getUser('bob')).info).toMatchObject({ department: '', permissions: '' });
    });

    it('sets permission groups through `permissions`; the admin group gives user management', async () => {
      await t.http
        .post('/ops/api/user')
        .set(bearer(admin))
        .send({ action: 'update', data: { username: 'bob', permissions: `${readers}, ${userAdmins}` } })
        .expect(200, { ok: true, info: 'update user ok' });
      expect((await getUser('bob')).info.permissions).toBe([userAdmins, readers].sort((a, b) => a - b).join(','));

      const mine = await t.http.get('/ops/api/permission').query({ username: 'bob' }).set(bearer(admin)).expect(200);
      expect(mine.body.info.count).toBe(2);
      expect(mine.body.info.data.map((p: { permission: string }) => p.permission).sort()).toEqual([
        'reader',
        'useradmin',
      ]);

      // The same token as before: rights are read on every request.
      const bob = await opsLogin('bob', 'bob-password');
      await t.http
        .post('/ops/api/user')
        .set(bearer(bob))
        .send({ action: 'update', data: { username: 'carol', department: 'sales' } })
        .expect(200, { ok: true, info: 'update user ok' });
      await t.http
        .post('/ops/api/user')
        .set(bearer(bob))
        .send({ action: 'add', data: [newUser('ivan', { permissions: String(readers) })] })
        .expect(200, { ok: true, info: 'add user ok' });
      expect((await getUser('ivan')).info.permissions).toBe(String(readers));
      await t.http
        .delete('/ops/api/user')
        .query({ username: 'ivan' })
        .set(bearer(bob))
        .expect(200, { ok: true, info: 'delete user ok' });

      // Taking the group away takes the right away.
      await t.http
        .post('/ops/api/user')
        .set(bearer(admin))
        .send({ action: 'update', data: { username: 'bob', permissions: '' } })
        .expect(200);
      await t.http.delete('/ops/api/user').query({ username: 'carol' }).set(bearer(bob)).expect(403);
      const none = await t.http.get('/ops/api/permission').query({ username: 'bob' }).set(bearer(admin)).expect(200);
      expect(none.body.info).toEqual({ data: [], count: 0 });
    });

    it('answers an unknown user on the permission list with ok=false', async () => {
      const res = await t.http.get('/ops/api/permission').query({ username: 'nobody' }).set(bearer(admin)).expect(200);
      expect(res.body).toEqual({ ok: false, info: 'user "nobody" not found' });
    });
  });
});
