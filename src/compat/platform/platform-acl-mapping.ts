import type { Request } from 'express';
import type { Grant } from '../../acl/entities/grant.entity';
import type { Role } from '../../acl/entities/role.entity';
import type { User } from '../../acl/entities/user.entity';
import type { PermissionChanges } from '../../acl/grants.service';
import type { AuditEntry } from '../../audit/entities/audit-entry.entity';

/** A permission object as the platform sends it (`{view_app: true}`), or a list of the names held. */
export type PermissionSet = Record<string, boolean> | string[];

export interface PlatformRoleRef {
  id: number;
  name: string;
}

/** The platform's user object: never a password hash, an API key or a public key. */
export interface PlatformUser {
  id: number;
  username: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  department: string | null;
  status: string;
  /** Present where the roles were loaded (not in a role's member list). */
  roles?: PlatformRoleRef[];
}

export interface PlatformRole {
  id: number;
  name: string;
  description: string | null;
  creator: string | null;
}

export function toPlatformUser(user: User, roles: Role[] | undefined = user.roles): PlatformUser {
  return {
    id: user.id,
    username: user.username,
    name: user.nickname,
    email: user.email,
    phone: user.phone,
    department: user.department,
    status: user.status,
    ...(roles ? { roles: roles.map((r) => ({ id: r.id, name: r.name })) } : {}),
  };
}

export function toPlatformRole(role: Role, creator: string | null): PlatformRole {
  return { id: role.id, name: role.name, description: role.description, creator };
}

/** The absolute URL of the request, for DRF page links. */
export function requestUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
}

/** Rows of one page of an in-memory list. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  return rows.slice((page - 1) * pageSize, page * pageSize);
}

/**
 * Changes from a permission set: an object changes only the names it mentions (true grants,
 * false revokes); a list grants what it names and revokes the rest of `catalog`.
 */
export function changesFrom(set: PermissionSet, catalog: readonly string[]): PermissionChanges {
  if (!Array.isArray(set)) return { ...set };
  return {
    ...Object.fromEntries(catalog.map((p) => [p, false])),
    ...Object.fromEntries(set.map((p) => [p, true])),
  };
}

/** Every permission of `catalog` with whether it is held, so a client reads false rather than a missing key. */
export function permissionObject(catalog: readonly string[], held: ReadonlySet<string>): Record<string, boolean> {
  return Object.fromEntries(catalog.map((p) => [p, held.has(p)]));
}

/** Permission names held, by a key of each grant (resource id, subject id), in first-seen order. */
export function groupGrants<K>(grants: readonly Grant[], keyOf: (g: Grant) => K): Map<K, Set<string>> {
  const groups = new Map<K, Set<string>>();
  for (const g of grants) {
    const key = keyOf(g);
    const held = groups.get(key) ?? new Set<string>();
    held.add(g.permission);
    groups.set(key, held);
  }
  return groups;
}

/** Resource ids are numeric for hosts and applications; anything else is passed through as text. */
export function wireId(id: string): number | string {
  return /^[0-9]{1,15}$/.test(id) ? Number(id) : id;
}

interface Authorization {
  resourceType: string;
  resourceId: string;
  permission: string;
  enabled: boolean;
}

function isAuthorization(value: unknown): value is Authorization {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.resourceType === 'string' &&
    typeof v.resourceId === 'string' &&
    typeof v.permission === 'string' &&
    typeof v.enabled === 'boolean'
  );
}

/** What an authorization entry records: its `after` snapshot, else its `enable x on type id` detail. */
export function authorizationOf(entry: AuditEntry): Authorization | undefined {
  if (isAuthorization(entry.after)) return entry.after;
  const m = /^(enable|disable) (\S+) on (\S+) (.+)$/.exec(entry.detail ?? '');
  if (!m) return undefined;
  return { enabled: m[1] === 'enable', permission: m[2], resourceType: m[3], resourceId: m[4] };
}

export interface ModuleAuthorizedOperation {
  id: number;
  operator: string | null;
  module_name: string | null;
  perm_name: string | null;
  action: 'enable' | 'disable' | null;
  authorized_target_type: string;
  authorized_target_name: string | null;
  op_time: string;
}

export interface ResourceAuthorizedOperation extends Omit<ModuleAuthorizedOperation, 'module_name'> {
  resource_type: string | null;
  resource_id: number | string | null;
  resource: { id: number | string } | null;
}

function operationBase(entry: AuditEntry, a: Authorization | undefined) {
  return {
    id: entry.id,
    operator: entry.operatorName,
    perm_name: a?.permission ?? null,
    action: a ? (a.enabled ? ('enable' as const) : ('disable' as const)) : null,
    authorized_target_type: entry.targetType,
    authorized_target_name: entry.targetName,
    op_time: new Date(entry.createdAt).toISOString(),
  };
}

export function toModuleOperation(entry: AuditEntry): ModuleAuthorizedOperation {
  const a = authorizationOf(entry);
  return { ...operationBase(entry, a), module_name: a?.resourceId ?? null };
}

export function toResourceOperation(entry: AuditEntry): ResourceAuthorizedOperation {
  const a = authorizationOf(entry);
  const id = a ? wireId(a.resourceId) : null;
  return {
    ...operationBase(entry, a),
    resource_type: a?.resourceType ?? null,
    resource_id: id,
    resource: id === null ? null : { id },
  };
}
