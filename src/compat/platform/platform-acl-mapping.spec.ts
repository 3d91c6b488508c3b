import type { AuditEntry } from '../../audit/entities/audit-entry.entity';
import {
  authorizationOf,
  changesFrom,
  pageOf,
  permissionObject,
  toModuleOperation,
  toResourceOperation,
} from './platform-acl-mapping';

const entry = (over: Partial<AuditEntry>): AuditEntry =>
  ({
    id: 3,
    operatorName: 'admin',
    targetType: 'role',
    targetName: 'ops',
    detail: null,
    after: null,
    createdAt: new Date('2024-05-01T08:00:00Z'),
    ...over,
  }) as AuditEntry;

describe('platform ACL mapping', () => {
  it('reads a permission object as the changes it names', () => {
    expect(changesFrom({ view_app: true, edit_app: false }, ['view_app', 'edit_app', 'delete_app'])).toEqual({
      view_app: true,
      edit_app: false,
    });
  });

  it('reads a list as exactly the permissions held, revoking the rest of the catalog', () => {
    expect(changesFrom(['view_host', 'bogus'], ['view_host', 'edit_host'])).toEqual({
      view_host: true,
      edit_host: false,
      bogus: true,
    });
  });

  it('spells out every catalog permission with whether it is held', () => {
    expect(permissionObject(['a', 'b'], new Set(['b']))).toEqual({ a: false, b: true });
  });

  it('slices a page', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageOf([1, 2], 3, 2)).toEqual([]);
  });

  it('maps a module authorization from its snapshot', () => {
    const after = { resourceType: 'module', resourceId: 'dns', permission: 'manage_dns_server', enabled: false };
    expect(toModuleOperation(entry({ after }))).toEqual({
      id: 3,
      operator: 'admin',
      module_name: 'dns',
      perm_name: 'manage_dns_server',
      action: 'disable',
      authorized_target_type: 'role',
      authorized_target_name: 'ops',
      op_time: '2024-05-01T08:00:00.000Z',
    });
  });

  it('falls back to the detail text when there is no snapshot', () => {
    const e = entry({ detail: 'enable login_host on host 12' });
    expect(authorizationOf(e)).toEqual({
      enabled: true,
      permission: 'login_host',
      resourceType: 'host',
      resourceId: '12',
    });
    expect(toResourceOperation(e)).toMatchObject({ resource_type: 'host', resource_id: 12, resource: { id: 12 } });
    expect(toResourceOperation(entry({}))).toMatchObject({ resource_type: null, resource_id: null, perm_name: null });
  });
});
