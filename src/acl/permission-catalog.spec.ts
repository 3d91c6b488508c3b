import {
  canonicalPermission,
  moduleOfResource,
  unknownModulePermissions,
  unknownResourcePermissions,
} from './permission-catalog';

describe('permission catalog', () => {
  it('names the permissions a module or resource type does not define', () => {
    expect(unknownModulePermissions('application', ['view_app', 'restart_app'])).toEqual(['restart_app']);
    expect(unknownModulePermissions('application', ['delte_app', 'add_app'])).toEqual([]);
    expect(unknownResourcePermissions('host', ['login_host', 'view_app'])).toEqual(['view_app']);
  });

  it('knows no module or type by an Object.prototype name', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(unknownModulePermissions(name, ['view_app'])).toBeUndefined();
      expect(unknownResourcePermissions(name, ['view_app'])).toBeUndefined();
      expect(moduleOfResource(name)).toBeUndefined();
      expect(canonicalPermission(name)).toBe(name);
    }
  });

  it('reads the misspellings real clients send as the permission meant', () => {
    expect(canonicalPermission('delte_app')).toBe('delete_app');
    expect(moduleOfResource('host')).toBe('host');
  });
});
