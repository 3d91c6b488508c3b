import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

describe('log lines', () => {
  const lines: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await createTestApp({ LOG_LEVEL: 'trace' }, undefined, { logStream: stream });
  });
  afterAll(() => t.close());

  it('carry request ids but no password, hash, token value or API secret', async () => {
    const user = await createUser(t, 'erin', 'erin-secret-password', { email: 'erin@example.test' });
    await t.http.post('/auth/login').send({ username: 'erin', password: 'erin-wrong-password' }).expect(401);
    const jwt = await t.login('erin', 'erin-secret-password');
    const { value } = (await t.graphql('mutation { createApiToken(input: {name: "x"}) { value } }', undefined, jwt))
      .body.data.createApiToken;
    await t.http.get('/auth/me').set('Authorization', `Token ${value}`).expect(200);
    const { key, secret } = (await t.graphql('mutation { resetKeySecret { key secret } }', undefined, jwt)).body.data
      .resetKeySecret;
    const signature = sha1(`/auth/me${secret}`);
    await t.http.get('/auth/me').query({ _key: key, _secret: signature }).expect(200);
    await t.graphql(`mutation { requestPasswordReset(id: ${user.id}) }`, undefined, jwt).expect(200);

    const log = lines.join('');
    expect(log).toContain('"path":"/auth/me"');
    expect(log).toMatch(/"reqId":"[0-9a-f-]{36}"|"id":"[0-9a-f-]{36}"/);
    for (const leak of ['erin-secret-password', 'erin-wrong-password', value, secret, signature, jwt, 'scrypt$']) {
      expect(log).not.toContain(leak);
    }
  });
});
