import { createHash } from 'node:crypto';
import { MailMessage } from '../../src/common/mail/mail-message.entity';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

describe('credentials: JWT, API tokens, key signatures, logout, password reset', () => {
  let t: TestApp;
  let admin: string;
  let carolId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    carolId = (await createUser(t, 'carol', 'carol-password', { email: 'carol@example.test' })).id;
  });
  afterAll(() => t.close());

  it('resolves a JWT, an API token and a key signature to the same user', async () => {
    const jwt = await t.login('carol', 'carol-password');
    const viaJwt = await t.http.get('/auth/me').set('Authorization', `Bearer ${jwt}`).expect(200);

    const created = await t.graphql(
      'mutation { createApiToken(input: {name: "ci", description: "pipelines"}) { value token { id name } } }',
      undefined,
      jwt,
    );
    const { value, token } = created.body.data.createApiToken;
    expect(value).toMatch(/^[0-9a-f]{40}$/);
    const viaToken = await t.http.get('/auth/me').set('Authorization', `Token ${value}`).expect(200);

    const pair = await t.graphql('mutation { resetKeySecret { key secret } }', undefined, jwt);
    const { key, secret } = pair.body.data.resetKeySecret;
    const viaKey = await t.http
      .get('/auth/me')
      .query({ _key: key, _secret: sha1(`/auth/me${secret}`) })
      .expect(200);

    expect(viaToken.body.id).toBe(carolId);
    expect(viaKey.body.id).toBe(carolId);
    expect(viaJwt.body.id).toBe(carolId);

    // The value is never shown again, and stored values are not the value.
    const listed = await t.graphql('{ apiTokens { items { id name lastUsedAt } } }', undefined, jwt);
    expect(listed.body.data.apiTokens.items).toEqual([expect.objectContaining({ id: token.id, name: 'ci' })]);
    expect(listed.body.data.apiTokens.items[0].lastUsedAt).not.toBeNull();
    const rows = await t.dataSource.query('SELECT value_hash FROM api_tokens');
    expect(JSON.stringify(rows)).not.toContain(value);
    const users = await t.dataSource.query('SELECT api_secret FROM users WHERE id = ?', [carolId]);
    expect(JSON.stringify(users)).not.toContain(secret);

    await t.graphql(`mutation { deleteApiToken(id: ${token.id}) }`, undefined, jwt).expect(200);
    await t.http.get('/auth/me').set('Authorization', `Token ${value}`).expect(401);
  });

  it('signs JSON bodies too, and refuses wrong or malformed signatures', async () => {
    const jwt = await t.login('carol', 'carol-password');
    const { key, secret } = (await t.graphql('mutation { resetKeySecret { key secret } }', undefined, jwt)).body.data
      .resetKeySecret;
    const q = '{ me { username } }';
    const signed = await t.http
      .post('/graphql')
      .send({ query: q, _key: key, _secret: sha1(`/graphql${secret}${q}`) })
      .expect(200);
    expect(signed.body).toEqual({ data: { me: { username: 'carol' } } });

    const wrong = await t.http
      .get('/auth/me')
      .query({ _key: key, _secret: sha1(`/auth/me${secret}x`) })
      .expect(401);
    expect(wrong.body.message).toBe('The API key signature is invalid');
    await t.http.get('/auth/me').query({ _key: key, _secret: 'zz' }).expect(401);
    await t.http
      .get('/auth/me')
      .query({ _key: 'nobody', _secret: sha1('/auth/me') })
      .expect(401);
    await t.http.get('/auth/me').query({ _key: key }).expect(401);
  });

  it('refuses every credential of a disabled user', async () => {
    const dave = await createUser(t, 'dave', 'dave-password');
    const jwt = await t.login('dave', 'dave-password');
    const { value } = (await t.graphql('mutation { createApiToken(input: {name: "d"}) { value } }', undefined, jwt))
      .body.data.createApiToken;
    const { key, secret } = (await t.graphql('mutation { resetKeySecret { key secret } }', undefined, jwt)).body.data
      .resetKeySecret;
    await t
      .graphql(`mutation { setUserStatus(id: ${dave.id}, status: DISABLED) { status } }`, undefined, admin)
      .expect(200);
    await t.http.get('/auth/me').set('Authorization', `Bearer ${jwt}`).expect(401);
    await t.http.get('/auth/me').set('Authorization', `Token ${value}`).expect(401);
    await t.http
      .get('/auth/me')
      .query({ _key: key, _secret: sha1(`/auth/me${secret}`) })
      .expect(401);
  });

  it('revokes a JWT at logout; the replayed token is refused', async () => {
    const jwt = await t.login('carol', 'carol-password');
    await t.http.post('/auth/logout').set('Authorization', `Bearer ${jwt}`).expect(204);
    const after = await t.http.get('/auth/me').set('Authorization', `Bearer ${jwt}`).expect(401);
    expect(after.body.message).toBe('The access token has been logged out');
    await t.http.post('/auth/logout').set('Authorization', `Bearer ${jwt}`).expect(401);
    // Other sessions of the same user are untouched.
    const other = await t.login('carol', 'carol-password');
    await t.http.get('/auth/me').set('Authorization', `Bearer ${other}`).expect(200);
  });

  it('changes a password only with the right original', async () => {
    const jwt = await t.login('carol', 'carol-password');
    const wrong = await t.graphql(
      `mutation { changePassword(id: ${carolId}, originalPassword: "nope", newPassword: "carol-password-2") }`,
      undefined,
      jwt,
    );
    expect(wrong.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'original_password' });
    await t.login('carol', 'carol-password');
    const short = await t.graphql(
      `mutation { changePassword(id: ${carolId}, originalPassword: "carol-password", newPassword: "short") }`,
      undefined,
      jwt,
    );
    expect(short.body.errors[0].extensions.field).toBe('new_password');
  });

  it('mails a one-time reset link through the outbox', async () => {
    await t.graphql(`mutation { requestPasswordReset(id: ${carolId}) }`, undefined, admin).expect(200);
    const [mail] = await t.dataSource.getRepository(MailMessage).find({ order: { id: 'DESC' }, take: 1 });
    expect(mail.recipient).toBe('carol@example.test');
    const token = /token=([\w-]+)/.exec(mail.body)?.[1] as string;
    expect(token).toBeDefined();

    await t.http.post('/auth/reset-password').send({ token, password: 'short' }).expect(400);
    await t.http.post('/auth/reset-password').send({ token, password: 'brand-new-password' }).expect(204);
    await t.login('carol', 'brand-new-password');
    const again = await t.http.post('/auth/reset-password').send({ token, password: 'another-password' }).expect(400);
    expect(again.body.message).toMatch(/token: is invalid, used or expired/);
    // The mail's secret link is not in the audit log.
    const audit = await t.graphql('{ auditEntries(limit: 200) { items { detail before after } } }', undefined, admin);
    expect(JSON.stringify(audit.body)).not.toContain(token);
  });

  it('never shows password hashes, secrets or token values in user listings', async () => {
    const res = await t.graphql(
      '{ users(limit: 200) { total items { id username email roles { name } } } }',
      undefined,
      admin,
    );
    expect(res.body.data.users.total).toBeGreaterThanOrEqual(3);
    const bad = await t.graphql('{ users { items { passwordHash apiSecret } } }', undefined, admin);
    expect(bad.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
