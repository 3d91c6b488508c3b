import { JwtService } from '@nestjs/jwt';
import { User, UserStatus } from '../../src/acl/entities/user.entity';
import { createUser } from '../support/fixtures';
import { ADMIN_PASSWORD, createTestApp, TestApp } from '../support/test-app';

describe('login and the global guard (REST)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t, 'alice', 'alice-password');
  });
  afterAll(() => t.close());

  it('logs the bootstrap admin in with a bearer token', async () => {
    const res = await t.http.post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      token_type: 'Bearer',
      expires_in: t.config.jwt.ttlSeconds,
    });
    const me = await t.http.get('/auth/me').set('Authorization', `Bearer ${res.body.access_token}`).expect(200);
    expect(me.body).toMatchObject({ username: 'admin', is_admin: true, status: 'enabled' });
    expect(JSON.stringify(me.body)).not.toMatch(/password|scrypt/i);
  });

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    const wrong = await t.http.post('/auth/login').send({ username: 'alice', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Wrong username or password' });
    const unknown = await t.http.post('/auth/login').send({ username: 'nobody', password: 'nope' }).expect(401);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it.each([
    [{ username: 'alice', password: 'x', role: 'admin' }, /property role should not exist/],
    [{ username: 'alice' }, /password must be a string/],
    [{ username: 42, password: 'x' }, /username must be a string/],
    [{ username: '', password: 'x' }, /username must be longer than or equal to 1/],
  ])('refuses the body %j with 400 naming the field', async (body, message) => {
    const res = await t.http.post('/auth/login').send(body).expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('refuses malformed JSON with 400 and no stack', async () => {
    const res = await t.http
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "alice",')
      .expect(400);
    expect(res.body.message).toMatch(/JSON/);
    expect(JSON.stringify(res.body)).not.toMatch(/node_modules|at \w+ \(/);
  });

  it('refuses an oversize body with 413', async () => {
    const res = await t.http
      .post('/auth/login')
      .send({ username: 'alice', password: 'x'.repeat(1_100_000) })
      .expect(413);
    expect(res.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large' });
  });

  it('requires a token everywhere not marked public', async () => {
    const none = await t.http.get('/auth/me').expect(401);
    expect(none.body.message).toMatch(/Authorization: Bearer/);
    await t.http.get('/auth/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
  });

  it('refuses forged and expired tokens', async () => {
    const user = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'alice' });
    const claims = { sub: user.id, username: 'alice', jti: 'x' };
    const forged = new JwtService({ secret: 'someone-elses-secret-key' }).sign(claims);
    const res = await t.http.get('/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
    expect(res.body.message).toBe('The access token is invalid');

    const expired = new JwtService({ secret: t.config.jwt.secret }).sign({
      ...claims,
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    const old = await t.http.get('/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(old.body.message).toMatch(/expired/);

    const none = new JwtService({ secret: t.config.jwt.secret }).sign(claims, { algorithm: 'HS512' });
    await t.http.get('/auth/me').set('Authorization', `Bearer ${none}`).expect(401);
  });

  it('refuses a disabled user at login and for tokens issued before', async () => {
    await createUser(t, 'bob', 'bob-password');
    const token = await t.login('bob', 'bob-password');
    await t.dataSource.getRepository(User).update({ username: 'bob' }, { status: UserStatus.DISABLED });
    const login = await t.http.post('/auth/login').send({ username: 'bob', password: 'bob-password' }).expect(401);
    expect(login.body.message).toBe('User is disabled');
    const me = await t.http.get('/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(me.body.message).toBe('User is disabled');
  });
});

describe('failed-login throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_USER: '3', LOGIN_MAX_FAILURES_PER_IP: '5', TRUST_PROXY: 'true' });
    await createUser(t, 'carol', 'carol-password');
    await createUser(t, 'dave', 'dave-password');
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string, ip: string) =>
    t.http.post('/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  it('locks a username after repeated failures, whatever the IP, even for the right password', async () => {
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) await attempt('carol', 'wrong', ip).expect(401);
    const locked = await attempt('carol', 'carol-password', '10.0.0.4').expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.message).toMatch(/Too many failed logins/);
    await attempt('dave', 'dave-password', '10.0.0.4').expect(200);
  });

  it('locks a client IP after repeated failures across usernames', async () => {
    for (let i = 0; i < 5; i++) await attempt(`ghost${i}`, 'wrong', '10.9.9.9').expect(401);
    await attempt('dave', 'dave-password', '10.9.9.9').expect(429);
    await attempt('dave', 'dave-password', '10.9.9.10').expect(200);
  });
});

describe('login and me (GraphQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs in through the login mutation and answers me', async () => {
    const res = await t
      .graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken tokenType expiresIn } }', {
        i: { username: 'admin', password: ADMIN_PASSWORD },
      })
      .expect(200);
    const { accessToken, tokenType } = res.body.data.login;
    expect(tokenType).toBe('Bearer');
    const me = await t.graphql('{ me { username isAdmin status } }', undefined, accessToken).expect(200);
    expect(me.body.data.me).toEqual({ username: 'admin', isAdmin: true, status: 'ENABLED' });
  });

  it('gives errors an extensions.code', async () => {
    const wrong = await t.graphql('mutation { login(input: {username: "admin", password: "bad"}) { accessToken } }');
    expect(wrong.body.errors[0]).toMatchObject({
      message: 'Wrong username or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const anonymous = await t.graphql('{ me { username } }');
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(anonymous.body)).not.toMatch(/stacktrace|node_modules/);
  });

  it('does not expose the password hash in the schema', async () => {
    const res = await t.graphql('{ me { passwordHash } }', undefined, await t.adminToken()).expect(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
