import { AclService } from '../../src/acl/acl.service';
import { GrantsService } from '../../src/acl/grants.service';
import { RolesService } from '../../src/acl/roles.service';
import { UsersService } from '../../src/acl/users.service';
import type { Principal } from '../../src/common/auth/principal';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const HOST_ACTIONS = ['view_host', 'edit_host', 'delete_host', 'login_host'];

describe('available actions for lists', () => {
  let t: TestApp;
  let acl: AclService;
  let admin: Principal;

  beforeAll(async () => {
    t = await createTestApp();
    acl = t.app.get(AclService);
    const users = t.app.get(UsersService);
    admin = await acl.principalOf(await users.getByUsername('admin'));
  });
  afterAll(() => t.close());

  it('unions direct, role and module grants per resource, and gives admins everything', async () => {
    const grants = t.app.get(GrantsService);
    const roles = t.app.get(RolesService);
    const user = await createUser(t, 'frank', 'frank-password');
    const role = await roles.create(admin, { name: 'host-viewers' });
    await roles.changeMembers(admin, role.id, [user.id], 'add');
    await grants.setResourcePermissions(
      admin,
      { type: 'user', id: user.id },
      { type: 'host', id: 1 },
      { edit_host: true },
    );
    await grants.setResourcePermissions(
      admin,
      { type: 'role', id: role.id },
      { type: 'host', id: 2 },
      { view_host: true },
    );
    await grants.setModulePermissions(admin, { type: 'user', id: user.id }, 'host', { delete_host: true });

    const frank = await acl.principalOf(user);
    const actions = await acl.availableActions(frank, 'host', [1, 2, 3], HOST_ACTIONS);
    expect(Object.fromEntries(actions)).toEqual({
      '1': ['edit_host', 'delete_host'],
      '2': ['view_host', 'delete_host'],
      '3': ['delete_host'],
    });
    const all = await acl.availableActions(admin, 'host', [1], HOST_ACTIONS);
    expect(all.get('1')).toEqual(HOST_ACTIONS);
    expect(await acl.can(frank, 'edit_host', { type: 'host', id: 2 })).toBe(false);
  });

  it('reads the module "manage" permission as every permission on every resource of its type', async () => {
    const grants = t.app.get(GrantsService);
    const user = await createUser(t, 'gina', 'gina-password');
    const gina = await acl.principalOf(user);
    expect(await acl.can(gina, 'restart_host', { type: 'host', id: 42 })).toBe(false);
    await grants.setModulePermissions(admin, { type: 'user', id: user.id }, 'host', { manage_host: true });
    expect(await acl.can(gina, 'restart_host', { type: 'host', id: 42 })).toBe(true);
    expect(await acl.can(gina, 'view_app', { type: 'application', id: 1 })).toBe(false);
    const actions = await acl.availableActions(gina, 'host', [42], HOST_ACTIONS);
    expect(actions.get('42')).toEqual(HOST_ACTIONS);
  });
});
