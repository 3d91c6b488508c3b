// Our ACL objects in the shapes the CMDB's `/api/v1/acl` answers with (cmdb.md §10).
import type { AclResourceGroup } from '../../acl/entities/acl-resource-group.entity';
import type { AclResourceType } from '../../acl/entities/acl-resource-type.entity';
import type { AclResource } from '../../acl/entities/acl-resource.entity';
import type { Role } from '../../acl/entities/role.entity';
import { UserStatus, type User } from '../../acl/entities/user.entity';
import { CMDB_APP_ID } from './cmdb-params';

/** `YYYY-MM-DD HH:MM:SS` in UTC, as the original's `to_dict` prints datetimes. */
export function cmdbTime(d: Date | null | undefined): string | null {
  if (!d) return null;
  return new Date(d).toISOString().slice(0, 19).replace('T', ' ');
}

/** The columns every row of the original carries; nothing is soft-deleted here. */
function rowMeta(row: { createdAt: Date; updatedAt: Date }) {
  return { created_at: cmdbTime(row.createdAt), updated_at: cmdbTime(row.updatedAt), deleted: false, deleted_at: null };
}

/** Personal roles are not modelled, so `uid` is always null. */
export function roleDict(r: Role) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    app_id: CMDB_APP_ID,
    is_app_admin: r.isAdmin,
    uid: null,
    ...rowMeta(r),
  };
}

export function resourceTypeDict(t: AclResourceType) {
  return { id: t.id, name: t.name, description: t.description, app_id: CMDB_APP_ID, ...rowMeta(t) };
}

/** Permission names have no rows of their own here: a permission is its name within its type. */
export function permDicts(t: Pick<AclResourceType, 'id' | 'perms'>) {
  return t.perms.map((name) => ({ name, resource_type_id: t.id, app_id: CMDB_APP_ID }));
}

export function resourceDict(r: AclResource) {
  return { id: r.id, name: r.name, resource_type_id: r.typeId, app_id: CMDB_APP_ID, ...rowMeta(r) };
}

export function groupDict(g: AclResourceGroup) {
  return { id: g.id, name: g.name, resource_type_id: g.typeId, app_id: CMDB_APP_ID, ...rowMeta(g) };
}

/** A user without password hash, API key or secret. */
export function userDict(u: User) {
  return {
    uid: u.id,
    username: u.username,
    nickname: u.nickname,
    email: u.email,
    mobile: u.phone,
    department: u.department,
    avatar: null,
    block: u.status === UserStatus.DISABLED,
    is_admin: u.isAdmin,
    date_joined: cmdbTime(u.createdAt),
    ...rowMeta(u),
  };
}

/** The paging keys every ACL list answers with. */
export function pageKeys(numfound: number, page: number, pageSize: number) {
  return { numfound, page, page_size: pageSize };
}
