import { Role } from '../../src/acl/entities/role.entity';
import { User } from '../../src/acl/entities/user.entity';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import type { Response } from 'supertest';

/**
 * The same administrative right through every API: refused without it, allowed when held
 * directly (the user's admin flag), through a role, or through a parent role — and refused
 * again on the very next request once it is taken away.
 */
describe('authorization matrix across REST families and GraphQL', () => {
  let t: TestApp;
  let token: string;
  let user: User;
  let n = 0;

  /** One call per API that needs the right; each answers whether it was allowed. */
  const calls: Record<string, () => Promise<Response>> = {
    graphql: () => t.graphql('{ auditEntries(limit: 1) { total } }', undefined, token),
    platform: () =>
      t.http
        .post('/platform/roles/')
        .set('Authorization', `Bearer ${token}`)
        .send({ name: `p-${++n}` }),
    ops: () =>
      t.http
        .post('/ops/api/user')
        .set('Authorization', `Bearer ${token}`)
        .send({
          action: 'add',
          data: [
            {
              username: `o-${++n}`,
              passwd: 'ops-password',
              mail: `o${n}@example.test`,
              department: 'ops',
              permissions: '',
            },
          ],
        }),
    cmdb: () =>
      t.http
        .post('/cmdb/api/v1/acl/roles')
        .set('Authorization', `Bearer ${token}`)
        .send({ name: `c-${++n}`, app_id: 'cmdb' }),
    sophon: () =>
      t.http
        .post('/sophon/api/user/reg')
        .set('Authorization', `Bearer ${token}`)
        .send({ username: `s-${++n}`, password: 'sophon-password', type: 1 }),
  };

  const outcome = (family: string, res: Response): 'allowed' | 'refused' => {
    if (family === 'graphql') return res.body.errors?.[0]?.extensions?.code === 'FORBIDDEN' ? 'refused' : 'allowed';
    if (res.status === 403) return 'refused';
    if (res.status >= 400) throw new Error(`${family}: unexpected ${res.status} ${JSON.stringify(res.body)}`);
    if (family === 'ops' && res.body.ok !== true) throw new Error(`ops: ${JSON.stringify(res.body)}`);
    return 'allowed';
  };

  const expectAll = async (expected: 'allowed' | 'refused') => {
    for (const [family, call] of Object.entries(calls)) {
      expect([family, outcome(family, await call())]).toEqual([family, expected]);
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t, 'matrix', 'matrix-password');
    token = await t.login('matrix', 'matrix-password');
  });
  afterAll(() => t.close());

  it('refuses a user without the right everywhere', async () => {
    await expectAll('refused');
  });

  it('allows it held directly, and refuses again once taken away', async () => {
    const admin = await t.adminToken();
    await t.graphql(`mutation { updateUser(id: ${user.id}, input: {isAdmin: true}) { id } }`, undefined, admin);
    await expectAll('allowed');
    await t.graphql(`mutation { updateUser(id: ${user.id}, input: {isAdmin: false}) { id } }`, undefined, admin);
    await expectAll('refused');
  });

  it('allows it through a role, and through a parent role', async () => {
    const admin = await t.adminToken();
    const gql = async (q: string) => (await t.graphql(q, undefined, admin)).body.data;
    const admins = (await gql('mutation { createRole(input: {name: "matrix-admins", isAdmin: true}) { id } }'))
      .createRole.id;
    const deputies = (await gql('mutation { createRole(input: {name: "matrix-deputies"}) { id } }')).createRole.id;

    await gql(`mutation { addRoleMembers(id: ${admins}, userIds: [${user.id}]) { id } }`);
    await expectAll('allowed');
    await gql(`mutation { removeRoleMembers(id: ${admins}, userIds: [${user.id}]) { id } }`);
    await expectAll('refused');

    await gql(`mutation { addRoleMembers(id: ${deputies}, userIds: [${user.id}]) { id } }`);
    await expectAll('refused');
    await gql(`mutation { addRoleParent(childId: ${deputies}, parentId: ${admins}) { id } }`);
    await expectAll('allowed');
    await t.dataSource.getRepository(Role).update({ id: admins }, { isAdmin: false });
    await expectAll('refused');
  });
});
