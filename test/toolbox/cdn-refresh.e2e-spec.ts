import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { CdnFakes, startCdnFakes } from '../support/cdn-fakes';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

interface Account {
  id: number;
  token: string;
}

const SECRETS = {
  ali: 'ali-secret-for-tests',
  tencent: 'tencent-secret-for-tests',
  wangsu: 'wangsu-api-key-for-tests',
};

/** A loopback port nothing listens on: a provider that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * CDN refresh tasks under /platform/common-utils/cdn-refresh-tasks/ (seed 003). The providers'
 * real services are out of reach: each client talks to a local fake of its documented API shape,
 * which checks the signature with its own code.
 */
describe('CDN refresh tasks', () => {
  let t: TestApp;
  let admin: string;
  let fakes: CdnFakes;
  let downPort: number;
  const lines: string[] = [];
  const who: Record<string, Account> = {};
  const base = '/platform/common-utils/cdn-refresh-tasks';
  const bearer = (a: Account | string) => ({ Authorization: `Bearer ${typeof a === 'string' ? a : a.token}` });
  const configure = async (provider: string, endpoint: string, accessKeyId: string, secret?: string) => {
    const res = await t.graphql(
      'mutation($i: CdnProviderInput!) { configureCdnProvider(input: $i) { provider endpoint accessKeyId hasSecret } }',
      { i: { provider, endpoint, accessKeyId, ...(secret === undefined ? {} : { secret }) } },
      admin,
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data.configureCdnProvider;
  };
  const submit = (body: Record<string, unknown>, by = who.alice) => t.http.post(`${base}/`).set(bearer(by)).send(body);
  const settle = async (id: number) => {
    for (let i = 0; i < 200; i++) {
      const res = await t.http.get(`${base}/${id}/`).set(bearer(who.alice)).expect(200);
      if (res.body.status !== 'running') return res.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`task ${id} still running`);
  };
  const countTasks = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM cdn_refresh_tasks'))[0].n);

  beforeAll(async () => {
    fakes = await startCdnFakes(SECRETS);
    downPort = await closedPort();
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await createTestApp({ LOG_LEVEL: 'debug', CDN_REFRESH_MAX_URLS: '3' }, undefined, { logStream: stream });
    admin = await t.adminToken();
    for (const name of ['alice', 'bob']) {
      const user = await createUser(t, name, `${name}-password`);
      who[name] = { id: user.id, token: await t.login(name, `${name}-password`) };
    }
    await t.http
      .post(`/platform/users/${who.alice.id}/system/perms/`)
      .set(bearer(admin))
      .send({ module_name: 'common_tools', permissions: { enable_common_tools: true, enable_cdn_refresher: true } })
      .expect(200);
    await t.http
      .post(`/platform/users/${who.bob.id}/system/perms/`)
      .set(bearer(admin))
      .send({ module_name: 'common_tools', permissions: { enable_cdn_refresher: true } })
      .expect(200);
    await configure('ALI', fakes.endpoints.ali, 'ali-key-id', SECRETS.ali);
    await configure('TECENT', fakes.endpoints.tencent, 'AKID-tests', SECRETS.tencent);
    await configure('WANGSU', fakes.endpoints.wangsu, 'wangsu-user', SECRETS.wangsu);
  });
  afterAll(async () => {
    await t.close();
    await fakes.close();
  });

  it('keeps provider settings to administrators and never answers a secret', async () => {
    const refused = await t.graphql('{ cdnProviders { provider } }', undefined, who.alice.token);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const res = await t.graphql('{ cdnProviders { provider endpoint accessKeyId hasSecret } }', undefined, admin);
    expect(res.body.data.cdnProviders).toEqual([
      { provider: 'ALI', endpoint: `${fakes.endpoints.ali}`, accessKeyId: 'ali-key-id', hasSecret: true },
      { provider: 'TECENT', endpoint: fakes.endpoints.tencent, accessKeyId: 'AKID-tests', hasSecret: true },
      { provider: 'WANGSU', endpoint: fakes.endpoints.wangsu, accessKeyId: 'wangsu-user', hasSecret: true },
    ]);
    const bad = await t.graphql(
      'mutation { configureCdnProvider(input: {provider: ALI, endpoint: "ftp://127.0.0.1/", accessKeyId: "k"}) { provider } }',
      undefined,
      admin,
    );
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endpoint' });
    const stored = JSON.stringify(await t.dataSource.query('SELECT * FROM cdn_provider_settings'));
    for (const secret of Object.values(SECRETS)) expect(stored).not.toContain(secret);
  });

  it.each([
    ['ali', 'single_file', ['http://static.example.com/a.js'], 'RefreshObjectCaches File'],
    ['ali', 'recursive', ['http://static.example.com/img/'], 'RefreshObjectCaches Directory'],
    ['tecent', 'single_file', ['https://static.example.com/a.js'], 'PurgeUrlsCache'],
    ['TECENT_CDN', 'recursive', ['https://static.example.com/img/'], 'PurgePathCache flush'],
    ['wangsu', 'single_file', ['http://static.example.com/a.js', 'http://static.example.com/b.js'], 'urls'],
    ['WANGSU', 'recursive', ['http://url-a.example.com'], 'dirs'],
  ])('refreshes through %s (%s) with a signed call of the documented shape', async (provider, mode, urls, action) => {
    const res = await submit({ urls, cdn_service_provider: provider, refresh_mode: mode }).expect(201);
    expect(res.body).toMatchObject({ status: 'running', creator: 'alice', refresh_mode: mode, finished_time: null });
    const done = await settle(res.body.id);
    expect(done).toMatchObject({ status: 'finished', error: null, finished_time: expect.any(String) });
    const call = fakes.calls[fakes.calls.length - 1];
    expect(call).toEqual({
      provider: expect.any(String),
      action,
      urls: urls.map((u) => new URL(u).toString()),
      signed: true,
    });
  });

  it('fails a task the provider refuses, with its message, without retrying', async () => {
    fakes.plan.ali.push('refuse');
    const before = fakes.calls.length;
    const res = await submit({
      urls: ['http://other.example.com/a.js'],
      cdn_service_provider: 'ali',
      refresh_mode: 'single_file',
    }).expect(201);
    const done = await settle(res.body.id);
    expect(done).toMatchObject({
      status: 'failed',
      error: 'InvalidDomain.NotFound: The domain provided does not belong to you.',
      finished_time: null,
    });
    expect(fakes.calls.length - before).toBe(1);
  });

  it('retries a task the provider could not serve, then finishes it', async () => {
    fakes.plan.tencent.push('unavailable');
    const before = fakes.calls.length;
    const res = await submit({
      urls: ['https://static.example.com/c.js'],
      cdn_service_provider: 'tecent',
      refresh_mode: 'single_file',
    }).expect(201);
    const done = await settle(res.body.id);
    expect(done).toMatchObject({ status: 'finished', error: null });
    expect(fakes.calls.length - before).toBe(2);
    const gql = await t.graphql(
      `{ cdnRefreshTask(id: ${res.body.id}) { status attempts providerTaskId } }`,
      undefined,
      admin,
    );
    expect(gql.body.data.cdnRefreshTask).toEqual({ status: 'FINISHED', attempts: 2, providerTaskId: 'tencent-task-1' });
  });

  it('fails a task whose provider stays down after its retries', async () => {
    await configure('WANGSU', `http://127.0.0.1:${downPort}/wangsu`, 'wangsu-user', SECRETS.wangsu);
    try {
      const res = await submit({
        urls: ['http://static.example.com/d.js'],
        cdn_service_provider: 'wangsu',
        refresh_mode: 'single_file',
      }).expect(201);
      const done = await settle(res.body.id);
      expect(done.status).toBe('failed');
      expect(done.error).toContain(`cannot reach 127.0.0.1:${downPort}`);
      const gql = await t.graphql(`{ cdnRefreshTask(id: ${res.body.id}) { attempts } }`, undefined, admin);
      expect(gql.body.data.cdnRefreshTask.attempts).toBe(3);
    } finally {
      await configure('WANGSU', fakes.endpoints.wangsu, 'wangsu-user', SECRETS.wangsu);
    }
  });

  it('drops the secret when the endpoint moves without a new one: the provider is then unusable', async () => {
    const moved = await configure('ALI', `${fakes.endpoints.ali}/v2`, 'ali-key-id');
    expect(moved.hasSecret).toBe(false);
    const res = await submit({
      urls: ['http://a.example.com/x'],
      cdn_service_provider: 'ali',
      refresh_mode: 'single_file',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error_code: 30004, field: 'cdn_service_provider' });
    await configure('ALI', fakes.endpoints.ali, 'ali-key-id', SECRETS.ali);
    // The same endpoint again without a secret keeps the one stored.
    expect((await configure('ALI', fakes.endpoints.ali, 'ali-key-id')).hasSecret).toBe(true);
  });

  it.each([
    [{ urls: [], cdn_service_provider: 'ali', refresh_mode: 'single_file' }, 30001, 'urls'],
    [{ cdn_service_provider: 'ali', refresh_mode: 'single_file' }, 30001, 'urls'],
    [{ urls: ['ftp://a.example.com/x'], cdn_service_provider: 'ali', refresh_mode: 'single_file' }, 30002, 'urls[0]'],
    [{ urls: ['javascript:alert(1)'], cdn_service_provider: 'ali', refresh_mode: 'single_file' }, 30002, 'urls[0]'],
    [{ urls: ['http://a.example.com/x.js'], cdn_service_provider: 'ali', refresh_mode: 'recursive' }, 30002, 'urls[0]'],
    [
      {
        urls: ['http://a.example.com/1', 'http://a.example.com/2', 'http://a.example.com/3', 'http://a.example.com/4'],
        cdn_service_provider: 'ali',
        refresh_mode: 'single_file',
      },
      30002,
      'urls',
    ],
    [
      { urls: ['http://a.example.com/x'], cdn_service_provider: 'ali', refresh_mode: 'everything' },
      30003,
      'refresh_mode',
    ],
    [
      { urls: ['http://a.example.com/x'], cdn_service_provider: 'akamai', refresh_mode: 'single_file' },
      30004,
      'cdn_service_provider',
    ],
  ])('refuses %j with error_code %i naming %s, writing nothing', async (body, code, field) => {
    const before = await countTasks();
    const res = await submit(body).expect(400);
    expect(res.body).toMatchObject({ error_code: code, field });
    expect(await countTasks()).toBe(before);
  });

  it('needs both module switches', async () => {
    const res = await submit(
      { urls: ['http://a.example.com/x'], cdn_service_provider: 'ali', refresh_mode: 'single_file' },
      who.bob,
    );
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('enable_common_tools');
    await t.http.get(`${base}/`).set(bearer(who.bob)).expect(403);
  });

  it('lists with the seed filters', async () => {
    const all = await t.http.get(`${base}/?page_size=100`).set(bearer(who.alice)).expect(200);
    expect(all.body.count).toBeGreaterThanOrEqual(9);
    const tencent = await t.http
      .get(`${base}/?cdn_service_provider=TECENT_CDN&page_size=100`)
      .set(bearer(who.alice))
      .expect(200);
    expect(
      tencent.body.results.every((r: { cdn_service_provider: string }) => r.cdn_service_provider === 'tecent'),
    ).toBe(true);
    expect(tencent.body.count).toBe(3);
    const byCreator = await t.http.get(`${base}/?creator=bob`).set(bearer(who.alice)).expect(200);
    expect(byCreator.body.count).toBe(0);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await t.http.get(`${base}/?created_time__gt=${future}`).set(bearer(who.alice)).expect(200)).body.count,
    ).toBe(0);
    expect(
      (await t.http.get(`${base}/?created_time__lt=${future}`).set(bearer(who.alice)).expect(200)).body.count,
    ).toBe(all.body.count);
    await t.http.get(`${base}/?cdn_service_provider=akamai`).set(bearer(who.alice)).expect(400);
    await t.http.get(`${base}/999999/`).set(bearer(who.alice)).expect(404);
  });

  it('creates through GraphQL too', async () => {
    const res = await t.graphql(
      'mutation { createCdnRefreshTask(input: {urls: ["http://g.example.com/a.css"], provider: WANGSU, refreshMode: SINGLE_FILE}) { id status provider } }',
      undefined,
      who.alice.token,
    );
    expect(res.body.data.createCdnRefreshTask).toMatchObject({ status: 'RUNNING', provider: 'WANGSU' });
    expect((await settle(res.body.data.createCdnRefreshTask.id)).status).toBe('finished');
  });

  it('never logs a provider secret', () => {
    const log = lines.join('');
    expect(log).toContain('cdn');
    for (const secret of Object.values(SECRETS)) expect(log).not.toContain(secret);
  });
});
