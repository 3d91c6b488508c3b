import { User } from '../../src/acl/entities/user.entity';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHkKzW4Ih0Ux1nqz8P4dbmZ8Vq4Gn6m8mC0jYl8cQ0xX pete@laptop';

describe('sophon family: login, logout, registration, info, password', () => {
  let t: TestApp;
  let admin: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const sophonLogin = async (username: string, password: string): Promise<string> => {
    const res = await t.http.post('/sophon/api/user/login').send({ username, password }).expect(200);
    return res.body.access_token as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    await createUser(t, 'bob', 'bob-password');
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('answers {id, username, type} and the token to send as a bearer, and sets no cookie', async () => {
      const res = await t.http
        .post('/sophon/api/user/login')
        .send({ username: 'bob', password: 'bob-password' })
        .expect(200);
      expect(res.body).toEqual({
        id: expect.any(Number),
        username: 'bob',
        type: 0,
        access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      });
      expect(res.headers['set-cookie']).toBeUndefined();
      const info = await t.http.get('/sophon/api/user/info').set(bearer(res.body.access_token)).expect(200);
      expect(info.body).toEqual({ id: res.body.id, username: 'bob', type: 0 });
    });

    it('takes form-encoded bodies', async () => {
      const res = await t.http
        .post('/sophon/api/user/login')
        .type('form')
        .send({ username: 'bob', password: 'bob-password' })
        .expect(200);
      expect(res.body).toMatchObject({ username: 'bob', access_token: expect.any(String) });
    });

    it('refuses a wrong password with 401 {msg}', async () => {
      const res = await t.http
        .post('/sophon/api/user/login')
        .send({ username: 'bob', password: 'not-bobs' })
        .expect(401);
      expect(res.body).toEqual({ msg: 'Wrong username or password' });
    });

    it.each([
      [{ username: 'bob', password: 'bob-password', remember: 1 }, 'property remember should not exist'],
      [{ username: 'bob' }, /password must be a string/],
      [{ password: 'bob-password' }, /username must be a string/],
    ])('refuses %j with 400 naming the field', async (body, msg) => {
      const res = await t.http.post('/sophon/api/user/login').send(body).expect(400);
      expect(res.body).toEqual({ msg: typeof msg === 'string' ? msg : expect.stringMatching(msg) });
    });
  });

  describe('info and logout', () => {
    it('needs a token', async () => {
      const res = await t.http.get('/sophon/api/user/info').expect(401);
      expect(res.body).toEqual({ msg: expect.stringMatching(/Authorization: Bearer/) });
    });

    it('logs out: answers nothing, and the same token is refused afterwards', async () => {
      const token = await sophonLogin('bob', 'bob-password');
      await t.http.get('/sophon/api/user/info').set(bearer(token)).expect(200);
      const out = await t.http.get('/sophon/api/user/logout').set(bearer(token)).expect(200);
      expect(out.text).toBe('');
      const replay = await t.http.get('/sophon/api/user/info').set(bearer(token)).expect(401);
      expect(replay.body).toEqual({ msg: 'The access token has been logged out' });
      await t.http.get('/sophon/api/user/logout').set(bearer(token)).expect(401);
      // Other sessions of the same user live on.
      await t.http
        .get('/sophon/api/user/info')
        .set(bearer(await sophonLogin('bob', 'bob-password')))
        .expect(200);
    });
  });

  describe('reg', () => {
    it('refuses a developer (type 0) with 403', async () => {
      const bob = await sophonLogin('bob', 'bob-password');
      const res = await t.http
        .post('/sophon/api/user/reg')
        .set(bearer(bob))
        .send({ username: 'mallory', password: 'mallory-password', type: 1 })
        .expect(403);
      expect(res.body).toEqual({ msg: 'Creating users requires an administrator or an operator (type 1)' });
      expect(await t.dataSource.getRepository(User).existsBy({ username: 'mallory' })).toBe(false);
    });

    it('lets an administrator register an operator, and an operator register a user by form', async () => {
      const byAdmin = await t.http
        .post('/sophon/api/user/reg')
        .set(bearer(admin))
        .send({ username: 'olga', password: 'olga-password', type: 1, public_key: '' })
        .expect(200);
      expect(byAdmin.body).toEqual({ msg: 'sucess' });

      const olga = await sophonLogin('olga', 'olga-password');
      const byOperator = await t.http
        .post('/sophon/api/user/reg')
        .set(bearer(olga))
        .type('form')
        .send({ username: 'pete', password: 'pete-password', type: '0', public_key: PUBLIC_KEY })
        .expect(200);
      expect(byOperator.body).toEqual({ msg: 'sucess' });

      const pete = await t.http
        .post('/sophon/api/user/login')
        .send({ username: 'pete', password: 'pete-password' })
        .expect(200);
      expect(pete.body).toMatchObject({ username: 'pete', type: 0 });
    });

    it('refuses a taken username with 409', async () => {
      const res = await t.http
        .post('/sophon/api/user/reg')
        .set(bearer(admin))
        .send({ username: 'bob', password: 'other-password', type: 0 })
        .expect(409);
      expect(res.body).toEqual({ msg: 'username "bob" is already taken' });
    });

    it.each([
      [
        { username: 'quinn', password: 'quinn-password', type: 2 },
        400,
        'type must be one of the following values: 0, 1',
      ],
      [{ username: 'quinn', password: 'quinn-password', type: 'ops' }, 400, /type must be an integer number/],
      [{ username: 'quinn', password: 'quinn-password' }, 400, /type must be an integer number/],
      [{ username: 'quinn', password: 'short', type: 0 }, 400, 'password: must be 8 to 1024 characters'],
      [{ username: 'quinn', password: 'quinn-password', type: 0, public_key: 'nope' }, 400, /public_key: must be/],
      [{ username: 'qu inn', password: 'quinn-password', type: 0 }, 400, /username: must be 1-64 letters/],
      [{ username: 'quinn', password: 'quinn-password', type: 0, email: 'q@x.io' }, 400, /property email should not/],
    ])('refuses %j with %p naming the field', async (body, status, msg) => {
      const res = await t.http.post('/sophon/api/user/reg').set(bearer(admin)).send(body).expect(status);
      expect(res.body).toEqual({ msg: typeof msg === 'string' ? msg : expect.stringMatching(msg) });
      expect(await t.dataSource.getRepository(User).existsBy({ username: 'quinn' })).toBe(false);
    });
  });

  describe('password', () => {
    it('changes the caller’s own password from the new one alone', async () => {
      const pete = await sophonLogin('pete', 'pete-password');
      const res = await t.http
        .put('/sophon/api/user/password')
        .set(bearer(pete))
        .send({ password: 'pete-new-password' })
        .expect(200);
      expect(res.body).toEqual({ msg: 'sucess' });
      await t.http.post('/sophon/api/user/login').send({ username: 'pete', password: 'pete-password' }).expect(401);
      const again = await sophonLogin('pete', 'pete-new-password');

      await t.http
        .put('/sophon/api/user/password')
        .set(bearer(again))
        .type('form')
        .send({ password: 'pete-third-password' })
        .expect(200, { msg: 'sucess' });
      await sophonLogin('pete', 'pete-third-password');
      // Only the caller's own: bob's password is untouched.
      await sophonLogin('bob', 'bob-password');
    });

    it.each([
      [{ password: 'short' }, 'password: must be 8 to 1024 characters'],
      [{}, /password must be a string/],
      [{ password: 'long-enough-password', username: 'bob' }, 'property username should not exist'],
    ])('refuses %j with 400 naming the field', async (body, msg) => {
      const token = await sophonLogin('olga', 'olga-password');
      const res = await t.http.put('/sophon/api/user/password').set(bearer(token)).send(body).expect(400);
      expect(res.body).toEqual({ msg: typeof msg === 'string' ? msg : expect.stringMatching(msg) });
      await sophonLogin('olga', 'olga-password');
    });

    it('needs a token', async () => {
      await t.http.put('/sophon/api/user/password').send({ password: 'anything-long' }).expect(401);
    });
  });
});
