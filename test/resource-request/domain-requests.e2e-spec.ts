import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

interface Account {
  id: number;
  token: string;
}

/**
 * Domain requests under /platform/resource-request/domains/ (seed 003). The DNS module is not wired
 * in on this branch: an approved request stays approved with "no DNS writer configured".
 */
describe('domain requests', () => {
  let t: TestApp;
  let admin: string;
  let appId: number;
  const who: Record<string, Account> = {};
  const base = '/platform/resource-request/domains';
  const bearer = (a: Account | string) => ({ Authorization: `Bearer ${typeof a === 'string' ? a : a.token}` });
  const seedRecords = [
    { record: 'record-a.example.com', value: '10.10.10.10', type: 'A' },
    { record: 'record-b.example.com', value: '10.10.10.11', type: 'A' },
  ];
  const countRows = async (table: string) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const create = async (body: Record<string, unknown> = { records: seedRecords }) =>
    (await t.http.post(`${base}/`).set(bearer(who.alice)).send(body).expect(201)).body as { id: number };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    appId = (await t.http.post('/platform/applications/').set(bearer(admin)).send({ name: 'shop' }).expect(201)).body
      .id;
    for (const name of ['alice', 'bob']) {
      const user = await createUser(t, name, `${name}-password`);
      who[name] = { id: user.id, token: await t.login(name, `${name}-password`) };
    }
    const grant = (a: Account, permissions: Record<string, boolean>) =>
      t.http
        .post(`/platform/users/${a.id}/system/perms/`)
        .set(bearer(admin))
        .send({ module_name: 'resource_request', permissions })
        .expect(200);
    await grant(who.alice, { enable_resource_req: true, create_resource_req: true });
    await grant(who.bob, { enable_resource_req: true, approve_domain_req: true });
  });
  afterAll(() => t.close());

  it('creates a request as the seed sends it', async () => {
    const res = await t.http
      .post(`${base}/`)
      .set(bearer(who.alice))
      .send({
        records: [...seedRecords, { name: 'Mail.Example.com.', type: 'mx', value: '10 mx.example.com', ttl: 600 }],
        associated_app: [appId],
      })
      .expect(201);
    expect(res.body).toMatchObject({
      creator: 'alice',
      status: 'wait_review',
      associated_app: [appId],
      error: null,
      records: [
        { record: 'record-a.example.com', name: 'record-a.example.com', value: '10.10.10.10', type: 'A', ttl: null },
        { record: 'record-b.example.com', value: '10.10.10.11', type: 'A' },
        { record: 'mail.example.com', value: '10 mx.example.com', type: 'MX', ttl: 600 },
      ],
    });
    // The object model types associated_app as one number: read as a list of one.
    const single = await create({ records: seedRecords, associated_app: appId });
    const got = await t.http.get(`${base}/${single.id}/`).set(bearer(who.alice)).expect(200);
    expect(got.body.associated_app).toEqual([appId]);
  });

  it.each([
    [{}, 400, 'records'],
    [{ records: [] }, 400, 'records'],
    [{ records: [{ record: 'bad name.example.com', value: '10.0.0.1', type: 'A' }] }, 400, 'records[0].record'],
    [{ records: [{ record: 'a.example.com', value: '10.0.0.300', type: 'A' }] }, 400, 'records[0].value'],
    [{ records: [{ record: 'a.example.com', value: '10.0.0.1', type: 'AAAA' }] }, 400, 'records[0].value'],
    [{ records: [{ record: 'a.example.com', value: 'x', type: 'PTR' }] }, 400, 'records[0].type'],
    [{ records: [{ record: 'a.example.com', value: 'mail.example.com', type: 'MX' }] }, 400, 'records[0].value'],
    [{ records: [{ record: 'a.example.com', value: '10.0.0.1', type: 'A', ttl: 0 }] }, 400, 'records[0].ttl'],
    [{ records: [{ record: 'a.example.com', value: '10.0.0.1', type: 'A', ttl: 700000 }] }, 400, 'records[0].ttl'],
    [
      {
        records: [
          { record: 'a.example.com', value: '10.0.0.1', type: 'A' },
          { record: 'a.example.com', value: 'b.example.com', type: 'CNAME' },
        ],
      },
      400,
      'records[1].record',
    ],
    [{ records: [{ value: '10.0.0.1', type: 'A' }] }, 400, 'records[0].record'],
    [{ records: seedRecords, associated_app: [999999] }, 404, 'associated_app[0].id'],
  ])('refuses %j with %i naming %s, writing nothing', async (body, status, field) => {
    const before = await countRows('domain_requests');
    const res = await t.http.post(`${base}/`).set(bearer(who.alice)).send(body).expect(status);
    expect(res.body).toMatchObject({ error_code: expect.any(Number) });
    expect(`${res.body.field ?? ''} ${res.body.message}`).toContain(field);
    expect(await countRows('domain_requests')).toBe(before);
  });

  it('stays approved, not finished, with the reason while no DNS writer is configured; a retry says so again', async () => {
    const { id } = await create();
    await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.bob)).expect(200);
    const got = await t.http.get(`${base}/${id}/`).set(bearer(who.alice)).expect(200);
    expect(got.body).toMatchObject({ status: 'approved', error: 'no DNS writer configured', finished_time: null });
    const retried = await t.http.post(`${base}/${id}/actions/retry/`).set(bearer(who.bob)).expect(200);
    expect(retried.body).toMatchObject({ status: 'approved', error: 'no DNS writer configured' });
    await t.http.post(`${base}/${id}/actions/retry/`).set(bearer(who.alice)).expect(403);
    const again = await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.bob)).expect(400);
    expect(again.body.error_code).toBe(30001);
    const gql = await t.graphql(
      'query($id: Int!) { domainRequest(id: $id) { status records { name type value } approval { status error } } }',
      { id },
      who.alice.token,
    );
    expect(gql.body.data.domainRequest).toEqual({
      status: 'APPROVED',
      records: [
        { name: 'record-a.example.com', type: 'A', value: '10.10.10.10' },
        { name: 'record-b.example.com', type: 'A', value: '10.10.10.11' },
      ],
      approval: { status: 'APPROVED', error: 'no DNS writer configured' },
    });
    // An approved request is still open: it can be closed, and then nothing more happens.
    await t.http.post(`${base}/${id}/actions/close/`).set(bearer(who.alice)).expect(200);
    const closed = await t.http.post(`${base}/${id}/actions/retry/`).set(bearer(who.bob)).expect(400);
    expect(closed.body.error_code).toBe(30002);
  });

  it('refuses retrying a request that was never approved', async () => {
    const { id } = await create();
    const res = await t.http.post(`${base}/${id}/actions/retry/`).set(bearer(who.bob)).expect(400);
    expect(res.body.message).toContain('waiting for review');
  });

  it('changes records while waiting, checked the same way', async () => {
    const { id } = await create();
    await t.http
      .patch(`${base}/${id}/`)
      .set(bearer(who.alice))
      .send({ records: [{ record: 'x.example.com', value: 'oops', type: 'A' }] })
      .expect(400);
    const res = await t.http
      .patch(`${base}/${id}/`)
      .set(bearer(who.alice))
      .send({ records: [{ record: 'x.example.com', value: '"hello world"', type: 'TXT' }] })
      .expect(200);
    expect(res.body.records).toEqual([
      { record: 'x.example.com', name: 'x.example.com', value: '"hello world"', type: 'TXT', ttl: null },
    ]);
  });

  it('creates, rejects and lists through GraphQL', async () => {
    const created = await t.graphql(
      'mutation($i: DomainRequestInput!) { createDomainRequest(input: $i) { id status records { name } } }',
      { i: { records: [{ name: 'g.example.com', type: 'AAAA', value: '2001:db8::1' }] } },
      who.alice.token,
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data.createDomainRequest.id;
    const rejected = await t.graphql(
      'mutation($id: Int!) { rejectResourceRequest(kind: DOMAIN, id: $id, reason: "not ours") { kind id status } }',
      { id },
      who.bob.token,
    );
    expect(rejected.body.data.rejectResourceRequest).toEqual({ kind: 'DOMAIN', id, status: 'REJECTED' });
    const list = await t.graphql(
      '{ domainRequests(status: REJECTED) { total items { id } } }',
      undefined,
      who.bob.token,
    );
    expect(list.body.data.domainRequests).toEqual({ total: 1, items: [{ id }] });
  });
});
