import { ApplicationDependenciesService } from '../../../cmdb/inventory/application-dependencies.service';
import { ApplicationPersonsService } from '../../../cmdb/inventory/application-persons.service';
import type { AuditEntry } from '../../../audit/entities/audit-entry.entity';
import type { ApplicationsService } from '../../../cmdb/inventory/applications.service';
import type { ApplicationInstance } from '../../../cmdb/inventory/entities/application-instance.entity';
import type { Application } from '../../../cmdb/inventory/entities/application.entity';
import type { Host } from '../../../cmdb/inventory/entities/host.entity';
import type { IpAddress } from '../../../cmdb/inventory/entities/ip-address.entity';
import type { Production } from '../../../cmdb/inventory/entities/production.entity';
import type { ResponsePerson } from '../../../cmdb/inventory/entities/response-person.entity';
import type { HostsService } from '../../../cmdb/inventory/hosts.service';
import type { Principal } from '../../../common/auth/principal';

/**
 * The seed's list examples key an application's actions view, deploy, ...; its type table and
 * get-by-users example key them by permission (view_app, deploy_app, ...). Both are sent.
 */
const APP_ACTION_KEYS: Readonly<Record<string, string>> = {
  view_app: 'view',
  deploy_app: 'deploy',
  review_app_deploy_task: 'check_deploy_task',
  edit_app: 'edit',
  delete_app: 'delete',
  restart_app: 'reboot',
  view_app_log: 'view_log',
  view_app_monitor: 'view_monitor',
};

/** The seed's host action object has three keys. */
const HOST_ACTION_KEYS: Readonly<Record<string, string>> = {
  view_host: 'view',
  delete_host: 'delete',
  restart_host: 'reboot',
};

/** Product lines: viewing, editing (add_business, as the service requires) and deleting, module-wide. */
const PRODUCTION_ACTION_KEYS: Readonly<Record<string, string>> = {
  view_business: 'view',
  add_business: 'edit',
  delete_business: 'delete',
};

function actionObject(keys: Readonly<Record<string, string>>, held: readonly string[], both: boolean) {
  const out: Record<string, boolean> = {};
  for (const [permission, key] of Object.entries(keys)) out[key] = held.includes(permission);
  if (both) for (const permission of Object.keys(keys)) out[permission] = held.includes(permission);
  return out;
}

export interface PlatformApp {
  id: number;
  name: string;
  full_name: string;
  has_child: boolean;
  production: number | null;
  parent_app: number | null;
  application_type: string | null;
  run_user: string | null;
  directory: string | null;
  startup_cmd: string | null;
  stop_cmd: string | null;
  stdout_path: string | null;
  stderr_path: string | null;
  pid_path: string | null;
  available_actions: Record<string, boolean>;
}

export interface PlatformAppDetail extends PlatformApp {
  child_apps: number[];
  required_apps: number[];
  response_person: number[];
}

export function toPlatformApp(app: Application, hasChild: boolean, held: readonly string[]): PlatformApp {
  return {
    id: app.id,
    name: app.name,
    full_name: app.fullName,
    has_child: hasChild,
    production: app.productionId,
    parent_app: app.parentId,
    application_type: app.applicationType,
    run_user: app.runUser,
    directory: app.directory,
    startup_cmd: app.startupCommand,
    stop_cmd: app.stopCommand,
    stdout_path: app.stdoutPath,
    stderr_path: app.stderrPath,
    pid_path: app.pidPath,
    available_actions: actionObject(APP_ACTION_KEYS, held, true),
  };
}

/** Application objects for a page: children and the caller's actions in one batch each. */
export async function platformApps(
  apps: ApplicationsService,
  actor: Principal,
  rows: readonly Application[],
): Promise<PlatformApp[]> {
  const ids = rows.map((a) => a.id);
  const [children, actions] = await Promise.all([apps.childrenOf(ids), apps.availableActions(actor, ids)]);
  return rows.map((a, i) => toPlatformApp(a, (children[i] ?? []).length > 0, actions.get(String(a.id)) ?? []));
}

/** Application objects with their children, requirements and people, as get-by-users shows them. */
export async function platformAppDetails(
  apps: ApplicationsService,
  dependencies: ApplicationDependenciesService,
  people: ApplicationPersonsService,
  actor: Principal,
  rows: readonly Application[],
): Promise<PlatformAppDetail[]> {
  const ids = rows.map((a) => a.id);
  const [children, actions, required, persons] = await Promise.all([
    apps.childrenOf(ids),
    apps.availableActions(actor, ids),
    dependencies.requiredIdsOf(ids),
    people.responsePersonsOf(ids),
  ]);
  return rows.map((a, i) => ({
    ...toPlatformApp(a, (children[i] ?? []).length > 0, actions.get(String(a.id)) ?? []),
    child_apps: (children[i] ?? []).map((c) => c.id),
    required_apps: required[i] ?? [],
    response_person: [...new Set((persons[i] ?? []).map((p) => p.userId))],
  }));
}

export interface PlatformIpAddress {
  id: number;
  owner: string;
  is_virtual: boolean;
  addr_type: string;
  network: string | null;
  netmask: string | null;
  address: string;
}

export interface PlatformHost {
  id: number;
  name: string;
  host_type: string;
  location: string | null;
  status: string;
  os_status: string | null;
  os_type: string | null;
  description: string | null;
  cpu: number | null;
  memory: number | null;
  /** The seed's spelling in its type table. */
  ip_adress: PlatformIpAddress[];
  /** The spelling of the seed's list example. */
  ip_address: PlatformIpAddress[];
  available_actions: Record<string, boolean>;
}

function toPlatformIp(ip: IpAddress): PlatformIpAddress {
  return {
    id: ip.id,
    owner: ip.owner,
    is_virtual: ip.isVirtual,
    addr_type: ip.addrType,
    network: ip.network,
    netmask: ip.netmask,
    address: ip.address,
  };
}

export function toPlatformHost(host: Host, ips: readonly IpAddress[], held: readonly string[]): PlatformHost {
  const addresses = ips.map(toPlatformIp);
  return {
    id: host.id,
    name: host.name,
    host_type: host.hostType,
    location: host.location,
    status: host.status,
    os_status: host.osStatus,
    os_type: host.osType,
    description: host.description,
    cpu: host.cpu,
    memory: host.memory,
    ip_adress: addresses,
    ip_address: addresses,
    available_actions: actionObject(HOST_ACTION_KEYS, held, false),
  };
}

/** Host objects for a page: addresses and the caller's actions in one batch each. */
export async function platformHosts(
  hosts: HostsService,
  actor: Principal,
  rows: readonly Host[],
): Promise<PlatformHost[]> {
  const ids = rows.map((h) => h.id);
  const [ips, actions] = await Promise.all([hosts.ipsOf(ids), hosts.availableActions(actor, ids)]);
  return rows.map((h, i) => toPlatformHost(h, ips[i] ?? [], actions.get(String(h.id)) ?? []));
}

export interface PlatformProduction {
  id: number;
  name: string;
  description: string | null;
  available_actions: Record<string, boolean>;
}

export function toPlatformProduction(p: Production, held: readonly string[]): PlatformProduction {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    available_actions: actionObject(PRODUCTION_ACTION_KEYS, held, false),
  };
}

export interface PlatformInstance {
  id: number;
  hostid: number;
  hostname: string | null;
  status: string;
  version: string | null;
}

export function toPlatformInstance(i: ApplicationInstance): PlatformInstance {
  return { id: i.id, hostid: i.hostId, hostname: i.host?.name ?? null, status: i.status, version: i.version };
}

/** One capacity of one person: a user answering as dev and ops is two rows. */
export interface PlatformResponsePerson {
  id: number;
  username: string | null;
  name: string | null;
  email: string | null;
  /** The user's phone as stored (text keeps a leading + or 0 that a number would lose). */
  mobile: string | null;
  type: string;
}

export function toPlatformPerson(p: ResponsePerson): PlatformResponsePerson {
  return {
    id: p.userId,
    username: p.user?.username ?? null,
    name: p.user?.nickname ?? p.user?.username ?? null,
    email: p.user?.email ?? null,
    mobile: p.user?.phone ?? null,
    type: p.type,
  };
}

export interface PlatformHostOperation {
  id: number;
  hostname: string | null;
  op_type: string;
  operator: string | null;
  op_detail: string;
  op_time: string;
}

export interface PlatformAppOperation {
  id: number;
  app_name: string | null;
  op_type: string;
  operator: string | null;
  op_detail: string;
  op_time: string;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function names(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') : '';
}

/** A sentence for an entry that has no recorded detail, from its operation and snapshot. */
function describe(entry: AuditEntry, noun: 'host' | 'application'): string {
  if (entry.detail) return entry.detail;
  const target = entry.targetName ?? entry.targetId ?? '';
  const after = entry.after;
  switch (entry.operation) {
    case 'attach_app':
      return `attach application ${String(field(after, 'application'))} to host ${target}`;
    case 'deatach_app':
      return `detach application ${String(field(after, 'application'))} from host ${target}`;
    case 'attach_host':
      return `attach host ${String(field(after, 'host'))} to application ${target}`;
    case 'deatach_host':
      return `detach host ${String(field(after, 'host'))} from application ${target}`;
    case 'add_required_apps':
      return `application ${target} requires ${names(field(after, 'requiredApps'))}`;
    case 'remove_required_apps':
      return `application ${target} no longer requires ${names(field(after, 'requiredApps'))}`;
    case 'add_response_persons':
    case 'remove_response_persons': {
      const persons = field(after, 'persons');
      const who = Array.isArray(persons)
        ? persons.map((p) => `${String(field(p, 'user'))} (${String(field(p, 'type'))})`).join(', ')
        : '';
      const verb = entry.operation === 'add_response_persons' ? 'add' : 'remove';
      return `${verb} response persons of application ${target}: ${who}`;
    }
    default:
      return `${entry.operation} ${noun} ${target}`;
  }
}

export function toHostOperation(entry: AuditEntry): PlatformHostOperation {
  return {
    id: entry.id,
    hostname: entry.targetName,
    op_type: entry.operation,
    operator: entry.operatorName,
    op_detail: describe(entry, 'host'),
    op_time: new Date(entry.createdAt).toISOString(),
  };
}

export function toAppOperation(entry: AuditEntry): PlatformAppOperation {
  return {
    id: entry.id,
    app_name: entry.targetName,
    op_type: entry.operation,
    operator: entry.operatorName,
    op_detail: describe(entry, 'application'),
    op_time: new Date(entry.createdAt).toISOString(),
  };
}
