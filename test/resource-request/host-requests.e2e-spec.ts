import { createUser } from '../support/fixtures';
import { countQueries } from '../support/query-count';
import { createTestApp, TestApp } from '../support/test-app';

interface Account {
  id: number;
  token: string;
}

/** Host requests under /platform/resource-request/hosts/ (seed 003) and in GraphQL, through the approval flow. */
describe('host requests', () => {
  let t: TestApp;
  let admin: string;
  const who: Record<string, Account> = {};
  const base = '/platform/resource-request/hosts';
  const bearer = (a: Account | string) => ({ Authorization: `Bearer ${typeof a === 'string' ? a : a.token}` });

  const grantModule = (user: Account, permissions: Record<string, boolean>) =>
    t.http
      .post(`/platform/users/${user.id}/system/perms/`)
      .set(bearer(admin))
      .send({ module_name: 'resource_request', permissions })
      .expect(200);
  const gql = async (query: string, variables?: Record<string, unknown>, token = admin) => {
    const res = await t.graphql(query, variables, token);
    return res.body;
  };
  const countRows = async (table: string) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const seedBody = (names: string[], extra: Record<string, unknown> = {}) => ({
    purpose: '服务扩容',
    expect_delivery_days: '7',
    expiration: 'never',
    login_users: [{ id: who.erin.id }],
    shiped_packackages: [{ id: 3 }, { id: 4 }],
    required_hosts: names.map((name) => ({
      name,
      specs: { cpu_core: 4, mem: 8192, storage: 100000 },
      os: 'centos-7.1',
      type: 'TECENT_CVM',
    })),
    ...extra,
  });
  const create = async (names: string[], by = who.alice) =>
    (await t.http.post(`${base}/`).set(bearer(by)).send(seedBody(names)).expect(201)).body as { id: number };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    for (const name of ['alice', 'bob', 'carol', 'dave', 'erin']) {
      const user = await createUser(t, name, `${name}-password`);
      who[name] = { id: user.id, token: await t.login(name, `${name}-password`) };
    }
    await grantModule(who.alice, { enable_resource_req: true, create_resource_req: true });
    await grantModule(who.bob, { enable_resource_req: true, approve_host_req: true });
    await grantModule(who.carol, { enable_resource_req: true, approve_host_req: true });
    await grantModule(who.dave, { enable_resource_req: true, create_resource_req: true });
  });
  afterAll(() => t.close());

  it('creates a request as the seed sends it and answers the request object', async () => {
    const res = await t.http
      .post(`${base}/`)
      .set(bearer(who.alice))
      .send(seedBody(['host-a', 'host-b']))
      .expect(201);
    expect(res.body).toMatchObject({
      creator: 'alice',
      status: 'wait_review',
      purpose: '服务扩容',
      expect_delivery_days: '7',
      expiration: 'never',
      login_users: [{ id: who.erin.id }],
      shiped_packackages: [{ id: 3 }, { id: 4 }],
      shipped_packages: [{ id: 3 }, { id: 4 }],
      required_hosts: [
        { name: 'host-a', specs: { cpu_core: 4, mem: 8192, storage: 100000 }, os: 'centos-7.1', type: 'TECENT_CVM' },
        { name: 'host-b', specs: { cpu_core: 4, mem: 8192, storage: 100000 }, os: 'centos-7.1', type: 'TECENT_CVM' },
      ],
      hosts: [],
    });
    expect(new Date(res.body.created_time).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const again = await t.http.get(`${base}/${res.body.id}/`).set(bearer(who.alice)).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it.each([
    [{ purpose: undefined }, 400, 'purpose'],
    [{ purpose: '   ' }, 400, 'purpose'],
    [{ expect_delivery_days: 'a week' }, 400, 'expect_delivery_days'],
    [{ expiration: 'soon' }, 400, 'expiration'],
    [{ login_users: [{ id: 999999 }] }, 404, 'login_users[0].id'],
    [{ users_with_log_perm: [{ id: 1 }] }, 400, 'users_with_log_perm'],
    [{ shipped_packages: [{ id: 1 }] }, 400, 'shiped_packackages'],
    [{ colour: 'red' }, 400, 'colour'],
  ])('refuses %j with %i naming %s, writing nothing', async (extra, status, field) => {
    const before = await countRows('host_requests');
    const res = await t.http
      .post(`${base}/`)
      .set(bearer(who.alice))
      .send(seedBody(['host-x'], extra))
      .expect(status);
    expect(res.body).toMatchObject({ error_code: expect.any(Number) });
    expect(`${res.body.field ?? ''} ${res.body.message}`).toContain(field);
    expect(await countRows('host_requests')).toBe(before);
    expect(await countRows('approvals')).toBe(before);
  });

  it.each([
    [[{ name: 'bad name' }], 400, 'required_hosts[0].name'],
    [[{ name: 'ok-1', type: 'MAINFRAME' }], 400, 'required_hosts[0].type'],
    [[{ name: 'ok-1', specs: { mem: -1 } }], 400, 'required_hosts[0].specs.mem'],
    [[{ name: 'ok-1' }, { name: 'ok-1' }], 400, 'required_hosts[1].name'],
  ])('refuses required hosts %j naming %s', async (hosts, status, field) => {
    const before = await countRows('host_requests');
    const res = await t.http
      .post(`${base}/`)
      .set(bearer(who.alice))
      .send({ purpose: 'x', required_hosts: hosts })
      .expect(status);
    expect(`${res.body.field ?? ''} ${res.body.message}`).toContain(field);
    expect(await countRows('host_requests')).toBe(before);
  });

  it('refuses a required host that already exists with 409 naming it', async () => {
    await gql('mutation { createHost(input: {name: "taken-1"}) { id } }');
    const res = await t.http
      .post(`${base}/`)
      .set(bearer(who.alice))
      .send(seedBody(['free-1', 'taken-1']))
      .expect(409);
    expect(res.body).toMatchObject({ error_code: 30001, field: 'required_hosts[1].name' });
  });

  it('needs the module switch and create_resource_req to create', async () => {
    await t.http
      .post(`${base}/`)
      .set(bearer(who.erin))
      .send(seedBody(['e-1']))
      .expect(403);
    const noCreate = await t.http
      .post(`${base}/`)
      .set(bearer(who.bob))
      .send(seedBody(['e-1']))
      .expect(403);
    expect(noCreate.body).toMatchObject({ error_code: 30002, message: expect.stringContaining('create_resource_req') });
    await t.http.get(`${base}/`).set(bearer(who.erin)).expect(403);
  });

  it('refuses the requester approving their own request, even holding approve_host_req', async () => {
    const { id } = await create(['own-1']);
    await grantModule(who.alice, { approve_host_req: true });
    try {
      const res = await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.alice)).expect(403);
      expect(res.body).toMatchObject({ error_code: 30002, message: expect.stringContaining('own') });
    } finally {
      await grantModule(who.alice, { approve_host_req: false });
    }
    const after = await t.http.get(`${base}/${id}/`).set(bearer(who.alice)).expect(200);
    expect(after.body.status).toBe('wait_review');
    // A user who may not review is refused too.
    await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.dave)).expect(403);
  });

  it('approving creates raw hosts with the specs and gives the login users login_host on them', async () => {
    const { id } = await create(['web-9', 'web-10']);
    const res = await t.http
      .post(`${base}/${id}/actions/approve/`)
      .set(bearer(who.bob))
      .send({ reason: 'capacity is short' })
      .expect(200);
    expect(res.body).toEqual({ message: 'success' });
    const done = await t.http.get(`${base}/${id}/`).set(bearer(who.alice)).expect(200);
    expect(done.body.status).toBe('finished');
    expect(done.body.finished_time).not.toBeNull();
    expect(done.body.hosts).toHaveLength(2);

    const hosts = await gql('{ hosts(search: "web-") { items { id name status hostType osType cpu memory } } }');
    expect(hosts.data.hosts).toMatchObject({
      items: [
        { name: 'web-9', status: 'RAW', hostType: 'TECENT_CVM', osType: 'centos-7.1', cpu: 4, memory: 8192 },
        { name: 'web-10', status: 'RAW', hostType: 'TECENT_CVM', osType: 'centos-7.1', cpu: 4, memory: 8192 },
      ],
    });
    const hostIds = done.body.hosts.map((h: { id: number }) => String(h.id));
    const grants = await gql(
      'query($s: SubjectInput!) { grants(subject: $s) { permission resourceType resourceId } }',
      { s: { type: 'USER', id: who.erin.id } },
    );
    expect(grants.data.grants).toEqual(
      expect.arrayContaining(
        hostIds.map((h: string) => ({ permission: 'login_host', resourceType: 'host', resourceId: h })),
      ),
    );

    // Who decided, when and why, on the request's approval.
    const q = await gql(
      'query($id: Int!) { hostRequest(id: $id) { status hostIds approval { status requiredApprovals decisions { action username reason } } } }',
      { id },
      who.alice.token,
    );
    expect(q.data.hostRequest).toMatchObject({
      status: 'FINISHED',
      approval: {
        status: 'FINISHED',
        requiredApprovals: 1,
        decisions: [
          { action: 'APPROVE', username: 'bob', reason: 'capacity is short' },
          { action: 'FINISH', username: 'bob', reason: null },
        ],
      },
    });
    const audit = await gql(
      'query($id: String) { auditEntries(targetType: "host_request", targetId: $id) { items { operation operatorName module } } }',
      { id: String(id) },
    );
    expect(audit.data.auditEntries.items.map((e: { operation: string }) => e.operation).sort()).toEqual([
      'add',
      'approve',
      'finish',
    ]);
  });

  it('answers the seed codes for steps the state refuses: 30001 approved, 30002 closed, 30003 finished', async () => {
    const { id } = await create(['st-1']);
    await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.bob)).expect(200);
    for (const action of ['approve', 'reject', 'close']) {
      const res = await t.http.post(`${base}/${id}/actions/${action}/`).set(bearer(who.bob)).expect(400);
      expect(res.body).toMatchObject({ error_code: 30003, message: expect.stringContaining('finished') });
    }
    const closed = await create(['st-2']);
    await t.http.post(`${base}/${closed.id}/actions/close/`).set(bearer(who.alice)).expect(200);
    for (const action of ['approve', 'reject', 'close']) {
      const res = await t.http.post(`${base}/${closed.id}/actions/${action}/`).set(bearer(who.bob)).expect(400);
      expect(res.body).toMatchObject({ error_code: 30002, message: expect.stringContaining('closed') });
    }
    const patched = await t.http
      .patch(`${base}/${closed.id}/`)
      .set(bearer(who.alice))
      .send({ purpose: 'again' })
      .expect(400);
    expect(patched.body.error_code).toBe(30002);
    const rejected = await create(['st-3']);
    await t.http.post(`${base}/${rejected.id}/actions/reject/`).set(bearer(who.bob)).send({ reason: 'no' }).expect(200);
    const res = await t.http.post(`${base}/${rejected.id}/actions/approve/`).set(bearer(who.bob)).expect(400);
    expect(res.body.message).toContain('rejected');
    const hosts = await gql('{ hosts(search: "st-") { total } }');
    expect(hosts.data.hosts.total).toBe(1);
  });

  it('lets the creator or a reviewer close, nobody else', async () => {
    const { id } = await create(['cl-1']);
    await t.http.post(`${base}/${id}/actions/close/`).set(bearer(who.dave)).expect(403);
    await t.http.post(`${base}/${id}/actions/close/`).set(bearer(who.carol)).expect(200);
  });

  it('delegates only to a holder of approve_host_req; then only the delegate decides', async () => {
    const { id } = await create(['dl-1']);
    const refused = await t.http
      .post(`${base}/${id}/actions/delegate/`)
      .set(bearer(who.bob))
      .send({ user_id: who.dave.id })
      .expect(400);
    expect(refused.body).toMatchObject({ field: 'user_id', message: expect.stringContaining('approve_host_req') });
    await t.http.post(`${base}/${id}/actions/delegate/`).set(bearer(who.bob)).send({ user_id: 999999 }).expect(404);
    await t.http
      .post(`${base}/${id}/actions/delegate/`)
      .set(bearer(who.bob))
      .send({ user_id: who.alice.id })
      .expect(403);
    await t.http
      .post(`${base}/${id}/actions/delegate/`)
      .set(bearer(who.bob))
      .send({ user_id: who.carol.id, reason: 'carol owns this rack' })
      .expect(200);
    const other = await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.bob)).expect(403);
    expect(other.body.message).toContain('delegated');
    await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.carol)).expect(200);
    const q = await gql(
      'query($id: Int!) { hostRequest(id: $id) { approval { decisions { action username toUsername reason } } } }',
      { id },
    );
    expect(q.data.hostRequest.approval.decisions.slice(0, 2)).toEqual([
      { action: 'DELEGATE', username: 'bob', toUsername: 'carol', reason: 'carol owns this rack' },
      { action: 'APPROVE', username: 'carol', toUsername: null, reason: null },
    ]);
  });

  it('lets the creator change a waiting request, refusing others', async () => {
    const { id } = await create(['pa-1']);
    await t.http.patch(`${base}/${id}/`).set(bearer(who.dave)).send({ purpose: 'mine now' }).expect(403);
    const res = await t.http
      .patch(`${base}/${id}/`)
      .set(bearer(who.alice))
      .send({
        users_with_log_perm: [{ id: who.dave.id }],
        requested_hosts: [{ name: 'pa-2', specs: { cpu_cores: 2 } }],
      })
      .expect(200);
    expect(res.body).toMatchObject({
      login_users: [{ id: who.dave.id }],
      required_hosts: [{ name: 'pa-2', specs: { cpu_core: 2, mem: null, storage: null }, os: null, type: null }],
    });
    await t.http.patch(`${base}/${id}/`).set(bearer(who.alice)).send({ expiration: 'x' }).expect(400);
  });

  it('shows reviewers every request and others their own, with the seed filters', async () => {
    const mine = await create(['fl-1'], who.dave);
    const all = await t.http.get(`${base}/?page_size=100`).set(bearer(who.bob)).expect(200);
    expect(all.body.count).toBeGreaterThan(5);
    const dave = await t.http.get(`${base}/`).set(bearer(who.dave)).expect(200);
    expect(dave.body.results.map((r: { id: number }) => r.id)).toEqual([mine.id]);
    const byCreator = await t.http.get(`${base}/?creator=dave`).set(bearer(who.bob)).expect(200);
    expect(byCreator.body.results.map((r: { id: number }) => r.id)).toEqual([mine.id]);
    const finished = await t.http.get(`${base}/?status=finished&page_size=100`).set(bearer(who.bob)).expect(200);
    expect(finished.body.results.every((r: { status: string }) => r.status === 'finished')).toBe(true);
    expect(finished.body.count).toBeGreaterThanOrEqual(2);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await t.http.get(`${base}/?time__gt=${future}`).set(bearer(who.bob)).expect(200);
    expect(none.body.count).toBe(0);
    const before = await t.http.get(`${base}/?time__lt=${future}&page_size=1`).set(bearer(who.bob)).expect(200);
    expect(before.body.count).toBe(all.body.count);
    expect(before.body.next).toContain('page=2');
    await t.http.get(`${base}/?status=done`).set(bearer(who.bob)).expect(400);
    await t.http.get(`${base}/?time__gt=yesterday`).set(bearer(who.bob)).expect(400);
    await t.http.get(`${base}/${mine.id}/`).set(bearer(who.alice)).expect(403);
    await t.http.get(`${base}/999999/`).set(bearer(who.bob)).expect(404);
  });

  it('approves several in one call, each on its own', async () => {
    const a = await create(['bt-1']);
    const b = await create(['bt-2']);
    await t.http.post(`${base}/${b.id}/actions/close/`).set(bearer(who.alice)).expect(200);
    const res = await gql(
      'mutation($ids: [Int!]!) { approveResourceRequests(kind: HOST, ids: $ids) { resourceId ok status reason error } }',
      { ids: [a.id, b.id, 999999] },
      who.bob.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.approveResourceRequests).toEqual([
      { resourceId: String(a.id), ok: true, status: 'finished', reason: null, error: null },
      {
        resourceId: String(b.id),
        ok: false,
        status: null,
        reason: 'already_closed',
        error: expect.stringContaining('closed'),
      },
      { resourceId: '999999', ok: false, status: null, reason: null, error: expect.stringContaining('not found') },
    ]);
  });

  it('creates and lists through GraphQL in a constant number of queries', async () => {
    const created = await gql(
      'mutation($i: HostRequestInput!) { createHostRequest(input: $i) { id status creatorName requiredHosts { name cpuCores } } }',
      { i: { purpose: 'graphql', requiredHosts: [{ name: 'gq-1', cpuCores: 2 }] } },
      who.alice.token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createHostRequest).toMatchObject({
      status: 'WAIT_REVIEW',
      creatorName: 'alice',
      requiredHosts: [{ name: 'gq-1', cpuCores: 2 }],
    });
    const bad = await gql(
      'mutation($i: HostRequestInput!) { createHostRequest(input: $i) { id } }',
      { i: { purpose: 'graphql', requiredHosts: [{ name: 'gq 2' }] } },
      who.alice.token,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'required_hosts[0].name' });
    const page = (limit: number) => async () => {
      const list = await gql(
        'query($l: Int!) { hostRequests(limit: $l) { total items { id approval { status decisions { action } } } } }',
        { l: limit },
        who.bob.token,
      );
      expect(list.data.hostRequests.items).toHaveLength(limit);
    };
    expect(await countQueries(t, page(10))).toBe(await countQueries(t, page(2)));
  });
});
