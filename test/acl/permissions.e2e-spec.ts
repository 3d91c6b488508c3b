import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const CHECK = `query($p: [String!]!, $r: ResourceInput) { checkPermissions(permissions: $p, resource: $r) { permission allowed } }`;
const SET = `mutation($i: SetPermissionsInput!) { setPermissions(input: $i) { permission resourceType resourceId } }`;

describe('permissions: grants, roles, parent roles (GraphQL)', () => {
  let t: TestApp;
  let admin: string;
  let bob: string;
  let bobId: number;

  const gql = async (token: string, query: string, variables?: Record<string, unknown>) =>
    (await t.graphql(query, variables, token)).body;
  const allowed = async (permission: string, resource?: { type: string; id: string }) => {
    const body = await gql(bob, CHECK, { p: [permission], r: resource });
    return body.data.checkPermissions[0].allowed as boolean;
  };
  const grant = (
    subject: { type: string; id: number },
    resource: { type: string; id: string },
    permission: string,
    enabled = true,
  ) => gql(admin, SET, { i: { subject, resource, changes: [{ permission, enabled }] } });
  const createRole = async (name: string, isAdmin = false): Promise<number> =>
    Number(
      (await gql(admin, `mutation($i: CreateRoleInput!) { createRole(input: $i) { id } }`, { i: { name, isAdmin } }))
        .data.createRole.id,
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    bobId = (await createUser(t, 'bob', 'bob-password')).id;
    bob = await t.login('bob', 'bob-password');
  });
  afterAll(() => t.close());

  it('grants directly on one resource, and a revoke applies on the next request', async () => {
    const host7 = { type: 'host', id: '7' };
    expect(await allowed('edit_host', host7)).toBe(false);
    const res = await grant({ type: 'USER', id: bobId }, host7, 'edit_host');
    expect(res.data.setPermissions).toEqual([{ permission: 'edit_host', resourceType: 'host', resourceId: '7' }]);
    expect(await allowed('edit_host', host7)).toBe(true);
    expect(await allowed('edit_host', { type: 'host', id: '8' })).toBe(false);
    expect(await allowed('delete_host', host7)).toBe(false);
    await grant({ type: 'USER', id: bobId }, host7, 'edit_host', false);
    expect(await allowed('edit_host', host7)).toBe(false);
  });

  it('lets a module grant cover every resource of the module', async () => {
    await grant({ type: 'USER', id: bobId }, { type: 'module', id: 'host' }, 'delete_host');
    expect(await allowed('delete_host', { type: 'host', id: '123' })).toBe(true);
    expect(await allowed('delete_host')).toBe(true);
    await grant({ type: 'USER', id: bobId }, { type: 'module', id: 'host' }, 'delete_host', false);
    expect(await allowed('delete_host', { type: 'host', id: '123' })).toBe(false);
  });

  it('passes grants through a role and through its parents, and stops when the link goes', async () => {
    const senior = await createRole('senior');
    const junior = await createRole('junior');
    await gql(admin, `mutation { addRoleMembers(id: ${junior}, userIds: [${bobId}]) { id } }`);
    await grant({ type: 'ROLE', id: senior }, { type: 'application', id: '5' }, 'deploy_app');
    await grant({ type: 'ROLE', id: junior }, { type: 'application', id: '3' }, 'view_app');

    expect(await allowed('view_app', { type: 'application', id: '3' })).toBe(true);
    expect(await allowed('deploy_app', { type: 'application', id: '5' })).toBe(false);

    const linked = await gql(
      admin,
      `mutation { addRoleParent(childId: ${junior}, parentId: ${senior}) { parents { name } } }`,
    );
    expect(linked.data.addRoleParent.parents).toEqual([{ name: 'senior' }]);
    expect(await allowed('deploy_app', { type: 'application', id: '5' })).toBe(true);

    const mine = await gql(bob, '{ myPermissions { permission resourceType resourceId subjectType } }');
    expect(mine.data.myPermissions).toEqual(
      expect.arrayContaining([
        { permission: 'deploy_app', resourceType: 'application', resourceId: '5', subjectType: 'role' },
        { permission: 'view_app', resourceType: 'application', resourceId: '3', subjectType: 'role' },
      ]),
    );

    await gql(admin, `mutation { removeRoleParent(childId: ${junior}, parentId: ${senior}) { id } }`);
    expect(await allowed('deploy_app', { type: 'application', id: '5' })).toBe(false);
  });

  it('keeps every role of a user who holds hundreds of them', async () => {
    // Enough role ids that a comma-joined list would pass MySQL's default group_concat_max_len.
    const names = Array.from({ length: 300 }, (_, i) => `crowd-${String(i).padStart(3, '0')}`);
    await t.dataSource.query(`INSERT INTO roles (name) VALUES ${names.map(() => '(?)').join(', ')}`, names);
    const ids = (await t.dataSource.query('SELECT id FROM roles WHERE name LIKE ? ORDER BY id', ['crowd-%'])) as {
      id: number;
    }[];
    await gql(admin, `mutation { addRoleMembers(id: ${ids[299].id}, userIds: [${bobId}]) { id } }`);
    for (const { id } of ids.slice(0, 299)) {
      await t.dataSource.query('INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)', [bobId, id]);
    }
    await grant({ type: 'ROLE', id: Number(ids[299].id) }, { type: 'application', id: '77' }, 'restart_app');
    expect(await allowed('restart_app', { type: 'application', id: '77' })).toBe(true);
  });

  it('makes members of a child of an admin role administrators', async () => {
    const query = '{ auditEntries(limit: 1) { total } }';
    expect((await gql(bob, query)).errors[0].extensions.code).toBe('FORBIDDEN');
    const admins = await createRole('admins', true);
    const deputies = await createRole('deputies');
    await gql(admin, `mutation { addRoleParent(childId: ${deputies}, parentId: ${admins}) { id } }`);
    await gql(admin, `mutation { addRoleMembers(id: ${deputies}, userIds: [${bobId}]) { id } }`);
    expect((await gql(bob, query)).data.auditEntries.total).toBeGreaterThan(0);
    await gql(admin, `mutation { removeRoleMembers(id: ${deputies}, userIds: [${bobId}]) { id } }`);
    expect((await gql(bob, query)).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses role cycles with 400 and leaves the parents as they were', async () => {
    const a = await createRole('cycle-a');
    const b = await createRole('cycle-b');
    const c = await createRole('cycle-c');
    await gql(admin, `mutation { addRoleParent(childId: ${a}, parentId: ${b}) { id } }`);
    await gql(admin, `mutation { addRoleParent(childId: ${b}, parentId: ${c}) { id } }`);
    for (const [child, parent] of [
      [c, a],
      [a, a],
    ]) {
      const res = await gql(admin, `mutation { addRoleParent(childId: ${child}, parentId: ${parent}) { id } }`);
      expect(res.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'parent_id' } });
      expect(res.errors[0].message).toMatch(/cycle/);
    }
    const after = await gql(admin, `{ role(id: ${c}) { parents { id } } }`);
    expect(after.data.role.parents).toEqual([]);
  });

  it('refuses unknown permission names, naming them, and writes nothing', async () => {
    const before = (await gql(admin, `{ grants(subject: {type: USER, id: ${bobId}}) { id } }`)).data.grants;
    const res = await gql(admin, SET, {
      i: {
        subject: { type: 'USER', id: bobId },
        resource: { type: 'module', id: 'application' },
        changes: [
          { permission: 'view_app', enabled: true },
          { permission: 'restart_app', enabled: true },
        ],
      },
    });
    expect(res.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'permissions' });
    expect(res.errors[0].message).toMatch(/undefined permission restart_app/);
    const unknownModule = await grant({ type: 'USER', id: bobId }, { type: 'module', id: 'billing' }, 'view_app');
    expect(unknownModule.errors[0].message).toMatch(/unknown module "billing"/);
    const after = (await gql(admin, `{ grants(subject: {type: USER, id: ${bobId}}) { id } }`)).data.grants;
    expect(after).toEqual(before);
  });

  it('lets only administrators grant, and audits every grant and revoke', async () => {
    const res = await gql(bob, SET, {
      i: {
        subject: { type: 'USER', id: bobId },
        resource: { type: 'host', id: '1' },
        changes: [{ permission: 'login_host', enabled: true }],
      },
    });
    expect(res.errors[0].extensions.code).toBe('FORBIDDEN');
    await grant({ type: 'USER', id: bobId }, { type: 'host', id: '9' }, 'login_host');
    await grant({ type: 'USER', id: bobId }, { type: 'host', id: '9' }, 'login_host', false);
    const audit = await gql(
      admin,
      '{ auditEntries(operation: "authorize_resource", targetType: "user", limit: 2) { items { operatorName targetName detail after } } }',
    );
    expect(audit.data.auditEntries.items).toEqual([
      expect.objectContaining({ operatorName: 'admin', targetName: 'bob', detail: 'disable login_host on host 9' }),
      expect.objectContaining({
        detail: 'enable login_host on host 9',
        after: expect.objectContaining({ enabled: true }),
      }),
    ]);
  });

  it('refuses duplicate usernames and role names with CONFLICT', async () => {
    const user = await gql(admin, `mutation { createUser(input: {username: "bob", password: "long-enough"}) { id } }`);
    expect(user.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'username' });
    await createRole('unique-role');
    const role = await gql(admin, `mutation { createRole(input: {name: "unique-role"}) { id } }`);
    expect(role.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('creates a role or user asked for by many requests at once once, the others answer CONFLICT', async () => {
    const attempts = async (query: string) =>
      (await Promise.all(Array.from({ length: 12 }, () => gql(admin, query)))).map((b) =>
        b.errors ? b.errors[0].extensions.code : 'CREATED',
      );
    for (const query of [
      'mutation { createRole(input: {name: "raced-role"}) { id } }',
      'mutation { createUser(input: {username: "raced-user", password: "long-enough"}) { id } }',
    ]) {
      const codes = await attempts(query);
      expect(codes.filter((c: string) => c === 'CREATED')).toHaveLength(1);
      expect(codes.filter((c: string) => c !== 'CREATED')).toEqual(Array(11).fill('CONFLICT'));
    }
    const roles = await gql(admin, '{ roles(search: "raced-role", limit: 50) { items { name } } }');
    expect(roles.data.roles.items).toEqual([{ name: 'raced-role' }]);
  });

  it('lists each user with its own roles, a shared role under each member', async () => {
    const shared = await createRole('shared');
    const other = await createRole('other');
    const zoe = await createUser(t, 'zoe', 'zoe-password');
    await gql(admin, `mutation { addRoleMembers(id: ${shared}, userIds: [${bobId}, ${zoe.id}]) { id } }`);
    await gql(admin, `mutation { setUserRoles(id: ${zoe.id}, roleIds: [${shared}, ${other}]) { id } }`);
    const res = await gql(admin, '{ users(search: "o", limit: 50) { items { username roles { name } } } }');
    const byName = Object.fromEntries(
      res.data.users.items.map((u: { username: string; roles: { name: string }[] }) => [
        u.username,
        u.roles.map((r) => r.name),
      ]),
    );
    expect(byName.zoe).toEqual(['shared', 'other']);
    expect(byName.bob).toContain('shared');
    const one = await gql(admin, `{ user(id: ${zoe.id}) { roles { name } } }`);
    expect(one.data.user.roles.map((r: { name: string }) => r.name)).toEqual(['shared', 'other']);
  });
});
