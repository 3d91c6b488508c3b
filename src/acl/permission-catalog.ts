/**
 * Every permission name the service knows, by module and by resource type.
 * A grant naming anything else is refused.
 */
export const MODULE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  resource_request: [
    'enable_resource_req',
    'approve_host_req',
    'approve_domain_req',
    'approve_ssl_cert_req',
    'create_resource_req',
  ],
  // manage_app appears in the platform API's own request example.
  application: ['enable_app_mgmt', 'view_app', 'create_app', 'delete_app', 'edit_app', 'manage_app'],
  dns: ['enable_dns_mgmt', 'manage_dns_server'],
  host: [
    'enable_host_mgmt',
    'add_host',
    'edit_host',
    'delete_host',
    'manage_host',
    'enable_business_mgmt',
    'view_business',
    'add_business',
    'delete_business',
  ],
  navigator: ['enable_navigator', 'view_navigator', 'manage_navigator'],
  common_tools: ['enable_common_tools', 'enable_cdn_refresher', 'enable_jumpserver_log_mgmt'],
  // Hermes workflows: throwing events (and naming hosts), running quests, shaping the fate graph.
  hermes: ['throw_event', 'manage_quest', 'manage_workflow'],
  // enable_deploy_template_mgmt manages deploy templates, scripts and repository credentials, and is
  // what pairing a stored credential with a repository URL takes; the seed's table lists the other two here too.
  deploy_template: ['enable_deploy_template_mgmt', 'enable_cdn_refresher', 'enable_jumpserver_log_mgmt'],
};

/** Misspellings real clients send (the platform API's example), read as the permission meant. */
export const PERMISSION_ALIASES: Readonly<Record<string, string>> = {
  delte_app: 'delete_app',
  add_app: 'create_app',
  // The resource-request issue's name for the SSL certificate review.
  approve_ssl_req: 'approve_ssl_cert_req',
};

export const RESOURCE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  host: ['view_host', 'edit_host', 'delete_host', 'init_host', 'restart_host', 'login_host', 'deactivate_host'],
  application: [
    'view_app',
    'edit_app',
    'delete_app',
    // Creating and running deploy tasks, and changing the application's deploy settings.
    'deploy_app',
    'review_app_deploy_task',
    'restart_app',
    'view_app_log',
    'view_app_monitor',
  ],
};

/** A module grant of the same name covers every resource of the module's type ("edit any host"). */
export const MODULE_OF_RESOURCE: Readonly<Record<string, string>> = { host: 'host', application: 'application' };

/** Own keys only: a name such as `constructor` must not reach Object.prototype. */
function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The module permission that means "anything on any resource of this type" (管理任意主机). */
export const MANAGE_PERMISSION: Readonly<Record<string, string>> = { host: 'manage_host', application: 'manage_app' };

export function managePermissionOf(type: string): string | undefined {
  return lookup(MANAGE_PERMISSION, type);
}

/** The module whose grants cover every resource of `type`, if any. */
export function moduleOfResource(type: string): string | undefined {
  return lookup(MODULE_OF_RESOURCE, type);
}

export function canonicalPermission(name: string): string {
  return lookup(PERMISSION_ALIASES, name) ?? name;
}

/** Names in `names` that `module` does not define (after aliases); undefined when the module is unknown. */
export function unknownModulePermissions(module: string, names: readonly string[]): string[] | undefined {
  const known = lookup(MODULE_PERMISSIONS, module);
  if (!known) return undefined;
  return names.filter((n) => !known.includes(canonicalPermission(n)));
}

export function unknownResourcePermissions(type: string, names: readonly string[]): string[] | undefined {
  const known = lookup(RESOURCE_PERMISSIONS, type);
  if (!known) return undefined;
  return names.filter((n) => !known.includes(n));
}
