import { createUser } from '../support/fixtures';
import { countQueries } from '../support/query-count';
import { createTestApp, TestApp } from '../support/test-app';

describe('inventory over GraphQL: hosts, applications, product lines', () => {
  let t: TestApp;
  let admin: string;
  const gql = async (query: string, variables?: Record<string, unknown>, token = admin) =>
    (await t.graphql(query, variables, token)).body;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  it('creates a host with addresses and a sealed SSH secret it never shows', async () => {
    const res = await gql(
      `mutation($i: HostInput!) { createHost(input: $i) { id name hostType status sshUser sshSecretKind ips { address addrType netmask } } }`,
      {
        i: {
          name: 'web-1',
          hostType: 'ALI_ECS',
          ips: [
            { address: '10.0.0.11', netmask: '255.255.255.0', addrType: 'PRIVATE' },
            { address: '203.0.113.11', addrType: 'PUBLIC' },
          ],
          ssh: { user: 'deploy', password: 'ssh-password-value' },
        },
      },
    );
    expect(res.data.createHost).toMatchObject({
      name: 'web-1',
      hostType: 'ALI_ECS',
      status: 'RAW',
      sshUser: 'deploy',
      sshSecretKind: 'password',
      ips: [
        { address: '10.0.0.11', addrType: 'PRIVATE', netmask: '255.255.255.0' },
        { address: '203.0.113.11', addrType: 'PUBLIC', netmask: null },
      ],
    });
    const stored = await t.dataSource.query('SELECT ssh_secret FROM hosts WHERE name = ?', ['web-1']);
    expect(JSON.stringify(stored)).not.toContain('ssh-password-value');
    const audit = await gql('{ auditEntries(module: "host", operation: "add") { items { targetName after } } }');
    expect(JSON.stringify(audit)).not.toContain('ssh-password-value');
    expect(audit.data.auditEntries.items[0].targetName).toBe('web-1');
  });

  it('refuses bad addresses, unknown enum values and duplicate names, writing nothing', async () => {
    const before = (await gql('{ hosts { total } }')).data.hosts.total;
    const badIp = await gql(`mutation { createHost(input: {name: "x-1", ips: [{address: "10.0.0.300"}]}) { id } }`);
    expect(badIp.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ips[0].address' });
    const badMask = await gql(
      `mutation { createHost(input: {name: "x-1", ips: [{address: "10.0.0.3", netmask: "255.0.255.0"}]}) { id } }`,
    );
    expect(badMask.errors[0].extensions.field).toBe('ips[0].netmask');
    const badType = await gql(`mutation { createHost(input: {name: "x-1", hostType: MAINFRAME}) { id } }`);
    expect(badType.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const dup = await gql(`mutation { createHost(input: {name: "web-1"}) { id } }`);
    expect(dup.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect((await gql('{ hosts { total } }')).data.hosts.total).toBe(before);
    // The total is right on a page past the end too.
    const past = await gql('{ hosts(offset: 500, limit: 5) { total items { id } } }');
    expect(past.data.hosts).toEqual({ total: before, items: [] });
  });

  it('keeps full names right when an application is renamed or moved, and refuses moving under itself', async () => {
    const create = async (name: string, parentId?: number) =>
      (
        await gql(`mutation($i: ApplicationInput!) { createApplication(input: $i) { id fullName } }`, {
          i: { name, parentId },
        })
      ).data.createApplication;
    const a = await create('shop');
    const b = await create('api', a.id);
    const c = await create('orders', b.id);
    expect(c.fullName).toBe('shop.api.orders');

    await gql(`mutation { updateApplication(id: ${a.id}, input: {name: "store"}) { fullName } }`);
    expect((await gql(`{ application(id: ${c.id}) { fullName ancestors { name } } }`)).data.application).toEqual({
      fullName: 'store.api.orders',
      ancestors: [{ name: 'store' }, { name: 'api' }],
    });

    const under = await gql(`mutation { updateApplication(id: ${a.id}, input: {parentId: ${c.id}}) { id } }`);
    expect(under.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parent_app' });

    const other = await create('billing');
    await gql(`mutation { updateApplication(id: ${b.id}, input: {parentId: ${other.id}}) { fullName } }`);
    expect((await gql(`{ application(id: ${c.id}) { fullName } }`)).data.application.fullName).toBe(
      'billing.api.orders',
    );
    const tree = await gql(`{ applications(fullName: "billing") { items { fullName } } }`);
    expect(tree.data.applications.items.map((x: { fullName: string }) => x.fullName)).toEqual([
      'billing',
      'billing.api',
      'billing.api.orders',
    ]);

    const missing = await gql(`mutation { createApplication(input: {name: "x", parentId: 9999}) { id } }`);
    expect(missing.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parent_app' });
  });

  it('refuses a dependency cycle', async () => {
    const ids: number[] = [];
    for (const name of ['dep-a', 'dep-b', 'dep-c']) {
      ids.push(
        (await gql(`mutation { createApplication(input: {name: "${name}"}) { id } }`)).data.createApplication.id,
      );
    }
    await gql(`mutation { setRequiredApps(id: ${ids[0]}, requiredIds: [${ids[1]}], add: true) { id } }`);
    await gql(`mutation { setRequiredApps(id: ${ids[1]}, requiredIds: [${ids[2]}], add: true) { id } }`);
    const cycle = await gql(`mutation { setRequiredApps(id: ${ids[2]}, requiredIds: [${ids[0]}], add: true) { id } }`);
    expect(cycle.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'required_apps' });
    const c = await gql(`{ application(id: ${ids[2]}) { requires { id } requiredBy { name } } }`);
    expect(c.data.application).toEqual({ requires: [], requiredBy: [{ name: 'dep-b' }] });
  });

  it('attaches applications to hosts, audited on both sides', async () => {
    const host = (await gql('{ host(name: "web-1") { id } }')).data.host.id;
    const app = (await gql(`mutation { createApplication(input: {name: "cache"}) { id } }`)).data.createApplication.id;
    await gql(
      `mutation { setApplicationInstances(id: ${app}, instances: [{hostId: ${host}, status: RUNNING, version: "1.2"}], add: true) { id } }`,
    );
    const res = await gql(
      `{ host(id: ${host}) { applications { name } } application(id: ${app}) { instances { status version hostId } } }`,
    );
    expect(res.data.host.applications).toEqual([{ name: 'cache' }]);
    expect(res.data.application.instances).toEqual([{ status: 'RUNNING', version: '1.2', hostId: host }]);
    const again = await gql(
      `mutation { setApplicationInstances(id: ${app}, instances: [{hostId: ${host}}], add: true) { id } }`,
    );
    expect(again.errors[0].extensions.code).toBe('CONFLICT');
    const ops = await gql(
      '{ a: auditEntries(operation: "attach_host") { total } h: auditEntries(operation: "attach_app") { total } }',
    );
    expect([ops.data.a.total, ops.data.h.total]).toEqual([1, 1]);
  });

  it('checks permissions: module grants to add, per-host grants to edit', async () => {
    const user = await createUser(t, 'inv', 'inventory-password');
    const token = await t.login('inv', 'inventory-password');
    const denied = await gql(`mutation { createHost(input: {name: "db-1"}) { id } }`, undefined, token);
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    const grant = (resource: { type: string; id: string }, permission: string) =>
      gql(`mutation($i: SetPermissionsInput!) { setPermissions(input: $i) { id } }`, {
        i: { subject: { type: 'USER', id: user.id }, resource, changes: [{ permission, enabled: true }] },
      });
    await grant({ type: 'module', id: 'host' }, 'add_host');
    const created = await gql(
      `mutation { createHost(input: {name: "db-1"}) { id availableActions } }`,
      undefined,
      token,
    );
    const id = created.data.createHost.id;
    expect(created.data.createHost.availableActions).toEqual([]);
    const edit = await gql(`mutation { updateHost(id: ${id}, input: {location: "rack 4"}) { id } }`, undefined, token);
    expect(edit.errors[0].extensions.code).toBe('FORBIDDEN');
    await grant({ type: 'host', id: String(id) }, 'edit_host');
    const ok = await gql(
      `mutation { updateHost(id: ${id}, input: {location: "rack 4"}) { location availableActions } }`,
      undefined,
      token,
    );
    expect(ok.data.updateHost).toEqual({ location: 'rack 4', availableActions: ['edit_host'] });
  });

  it('pages hosts by cursor (first/after) over the same hosts, in the same order, as offset paging', async () => {
    for (let i = 0; i < 5; i++) await gql(`mutation { createHost(input: {name: "cursor-${i}"}) { id } }`);
    const byOffset = (await gql('{ hosts(search: "cursor-", limit: 200) { items { name } } }')).data.hosts.items;
    interface CursorPage {
      total: number;
      endCursor: string;
      hasNextPage: boolean;
      items: { name: string }[];
    }
    const pageAfter = async (after: string | null): Promise<CursorPage> =>
      (
        await gql(
          'query($after: String) { hosts(search: "cursor-", first: 2, after: $after) { total endCursor hasNextPage items { name } } }',
          { after },
        )
      ).data.hosts;
    const pages: CursorPage[] = [await pageAfter(null)];
    while (pages[pages.length - 1].hasNextPage) pages.push(await pageAfter(pages[pages.length - 1].endCursor));
    expect(pages.flatMap((p) => p.items)).toEqual(byOffset);
    expect(byOffset).toHaveLength(5);
    expect(pages.map((p) => [p.items.length, p.hasNextPage, p.total])).toEqual([
      [2, true, 5],
      [2, true, 5],
      [1, false, 5],
    ]);

    const bad = await gql('{ hosts(first: 2, after: "not-a-cursor") { total } }');
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const mixed = await gql('query($a: String) { hosts(offset: 2, after: $a) { total } }', { a: pages[0].endCursor });
    expect(mixed.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('reads a filter or paging argument sent as null as one left out, as clients send unset variables', async () => {
    await gql('mutation { createHost(input: {name: "unset-1"}) { id } }');
    await gql('mutation { createApplication(input: {name: "unset-app"}) { id } }');
    const all = (await gql('{ hosts(limit: 200) { total items { name } } applications(limit: 200) { total } }')).data;
    expect(all.hosts.total).toBeGreaterThan(0);
    expect(all.applications.total).toBeGreaterThan(0);
    const query = `query($type: HostType, $status: HostStatus, $search: String, $first: Int, $name: String) {
      hosts(hostType: $type, status: $status, search: $search, first: $first, limit: 200) { total items { name } }
      applications(name: $name, limit: 200) { total } }`;
    const unset = { type: null, status: null, search: null, first: null, name: null };
    expect((await gql(query, unset)).data).toEqual(all);
  });

  it('answers a 100-host dashboard query with a constant number of SQL queries', async () => {
    const app = (await gql(`mutation { createApplication(input: {name: "fleet"}) { id } }`)).data.createApplication.id;
    // Every query of every driver passes the data source's logger, whether logging is on or not.
    const queriesOf = (query: string) =>
      countQueries(t, async () => {
        expect((await gql(query)).errors).toBeUndefined();
      });
    const dashboard = (limit: number) =>
      `{ hosts(limit: ${limit}, search: "fleet-") { items { name ips { address } applications { name } poll { reachable } availableActions } } }`;

    const addHosts = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const h = await gql(
          `mutation { createHost(input: {name: "fleet-${i}", ips: [{address: "10.1.${Math.floor(i / 250)}.${i % 250}"}]}) { id } }`,
        );
        await gql(
          `mutation { setApplicationInstances(id: ${app}, instances: [{hostId: ${h.data.createHost.id}}], add: true) { id } }`,
        );
      }
    };
    await addHosts(0, 10);
    const forTen = await queriesOf(dashboard(10));
    await addHosts(10, 100);
    const forHundred = await queriesOf(dashboard(100));
    expect(forHundred).toBe(forTen);
    // 1 to authenticate the token, 1 for the page, 1 each for addresses, apps and polls.
    expect(forHundred).toBe(5);
    // The total is counted only when the query asks for it.
    expect(await queriesOf(dashboard(100).replace('items {', 'total items {'))).toBe(6);
  });
});
