import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Transactions } from '../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { AclResourceGroup } from './entities/acl-resource-group.entity';
import { AclResourceType } from './entities/acl-resource-type.entity';
import { AclResource } from './entities/acl-resource.entity';
import { Grant, SubjectType } from './entities/grant.entity';
import { Role } from './entities/role.entity';
import { User } from './entities/user.entity';
import { canonicalPermission, unknownModulePermissions, unknownResourcePermissions } from './permission-catalog';
import { ResourceRef } from './acl.service';

export interface Subject {
  type: SubjectType;
  id: number;
}

/** permission name → true to grant, false to revoke. */
export type PermissionChanges = Record<string, boolean>;

/** One subject's permission changes on one module or resource. */
export interface PermissionChangeSet {
  subject: Subject;
  ref: ResourceRef;
  changes: PermissionChanges;
}

/** Audit operations of authorizations, as the platform's audit endpoints list them. */
export const AUTHORIZE_MODULE = 'authorize_module';
export const AUTHORIZE_RESOURCE = 'authorize_resource';

/**
 * Giving and taking permissions. Only administrators grant; every change is
 * audited (who, to which user or role, which permission, on or off).
 */
@Injectable()
export class GrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    @InjectRepository(Grant) private readonly grants: Repository<Grant>,
    private readonly audit: AuditService,
  ) {}

  /** Grants of one subject, optionally narrowed to a resource type. */
  listForSubject(subject: Subject, resourceType?: string): Promise<Grant[]> {
    return this.grants.find({
      where: { subjectType: subject.type, subjectId: subject.id, ...(resourceType ? { resourceType } : {}) },
      order: { resourceType: 'ASC', resourceId: 'ASC', permission: 'ASC' },
    });
  }

  /** Grants made directly on a resource (not through its module or groups). */
  listForResource(ref: ResourceRef, subjectType?: SubjectType): Promise<Grant[]> {
    return this.grants.find({
      where: { resourceType: ref.type, resourceId: String(ref.id), ...(subjectType ? { subjectType } : {}) },
      order: { subjectType: 'ASC', subjectId: 'ASC', permission: 'ASC' },
    });
  }

  /**
   * Removes every grant on a resource inside the caller's transaction: the owner of the resource
   * calls it when the resource is deleted. Not audited here: the deletion itself is.
   */
  async removeOnResourceIn(em: EntityManager, ref: ResourceRef): Promise<void> {
    await em.delete(Grant, { resourceType: ref.type, resourceId: String(ref.id) });
  }

  /**
   * Grants permissions inside the caller's transaction, for a module that decided the subject gets
   * them (an approved host request gives its login users login_host on the new hosts). Checked
   * against the catalog and audited like any grant; `actor` null is the service itself.
   */
  async grantIn(
    em: EntityManager,
    actor: Principal | null,
    subject: Subject,
    ref: ResourceRef,
    permissions: readonly string[],
  ): Promise<void> {
    const checked = catalogChecked(ref, Object.fromEntries(permissions.map((p) => [p, true])));
    await this.applyIn(em, actor, subject, ref, checked.changes, checked.operation);
  }

  /** Module permissions (`module_name` + `{perm: bool}`), checked against the module's catalog. */
  async setModulePermissions(actor: Principal, subject: Subject, module: string, changes: PermissionChanges) {
    const [grants] = await this.setPermissionsMany(actor, [{ subject, ref: { type: 'module', id: module }, changes }]);
    return grants;
  }

  /** Permissions on one host or application, checked against that type's catalog. */
  async setResourcePermissions(actor: Principal, subject: Subject, ref: ResourceRef, changes: PermissionChanges) {
    const [grants] = await this.setPermissionsMany(actor, [{ subject, ref, changes }]);
    return grants;
  }

  /**
   * Module and host/application permissions of several subjects or resources at once, as legacy
   * forms post them: every item is checked first, then all apply in one transaction. Answers the
   * resulting grants of each item.
   */
  async setPermissionsMany(actor: Principal, items: readonly PermissionChangeSet[]): Promise<Grant[][]> {
    this.assertCanGrant(actor);
    const checked = items.map((item) => ({ ...item, ...catalogChecked(item.ref, item.changes) }));
    return this.tx.run(async (em) => {
      const results: Grant[][] = [];
      for (const { subject, ref, changes, operation } of checked) {
        results.push(await this.applyIn(em, actor, subject, ref, changes, operation));
      }
      return results;
    });
  }

  /** Permissions on a CMDB ACL resource or resource group, checked against its resource type's perms. */
  async setAclResourcePermissions(actor: Principal, subject: Subject, ref: ResourceRef, changes: PermissionChanges) {
    this.assertCanGrant(actor);
    const typeId = await this.typeIdOf(ref);
    const type = await this.dataSource.getRepository(AclResourceType).findOneBy({ id: typeId });
    const unknown = Object.keys(changes).filter((p) => !type?.perms.includes(p));
    if (unknown.length > 0) throw undefinedPermissions('perms', unknown);
    return this.tx.run((em) => this.applyIn(em, actor, subject, ref, changes, AUTHORIZE_RESOURCE));
  }

  private async typeIdOf(ref: ResourceRef): Promise<number> {
    const repo =
      ref.type === 'acl_resource'
        ? this.dataSource.getRepository(AclResource)
        : this.dataSource.getRepository(AclResourceGroup);
    const row = await repo.findOneBy({ id: Number(ref.id) });
    if (!row) throw new NotFoundError(ref.type === 'acl_resource' ? 'resource' : 'resource group', ref.id);
    return row.typeId;
  }

  private assertCanGrant(actor: Principal): void {
    if (!actor.isAdmin) {
      throw new ForbiddenError('Granting permissions requires an administrator').because('no_grant_permission');
    }
  }

  private async applyIn(
    em: EntityManager,
    actor: Principal | null,
    subject: Subject,
    ref: ResourceRef,
    changes: PermissionChanges,
    operation: string,
  ): Promise<Grant[]> {
    const name = await this.subjectName(em, subject);
    const where = {
      subjectType: subject.type,
      subjectId: subject.id,
      resourceType: ref.type,
      resourceId: String(ref.id),
    };
    for (const [permission, on] of Object.entries(changes)) {
      const held = await em.existsBy(Grant, { ...where, permission });
      if (held === on) continue; // no change, no audit entry
      // orIgnore: a concurrent identical grant is not an error.
      if (on)
        await em
          .createQueryBuilder()
          .insert()
          .into(Grant)
          .values({ ...where, permission })
          .orIgnore()
          .execute();
      else await em.delete(Grant, { ...where, permission });
      await this.audit.record(em, {
        operator: actor,
        module: 'acl',
        targetType: subject.type,
        targetId: subject.id,
        targetName: name,
        operation,
        detail: `${on ? 'enable' : 'disable'} ${permission} on ${ref.type} ${ref.id}`,
        after: { resourceType: ref.type, resourceId: String(ref.id), permission, enabled: on },
      });
    }
    return em.find(Grant, { where, order: { permission: 'ASC' } });
  }

  private async subjectName(em: EntityManager, subject: Subject): Promise<string> {
    if (subject.type === 'user') {
      const user = await em.findOneBy(User, { id: subject.id });
      if (!user) throw new NotFoundError('user', subject.id);
      return user.username;
    }
    const role = await em.findOneBy(Role, { id: subject.id });
    if (!role) throw new NotFoundError('role', subject.id);
    return role.name;
  }

  /** Grants of one subject, for that subject (the user, a member of the role) or an administrator. */
  async listForSubjectAs(actor: Principal, subject: Subject, resourceType?: string): Promise<Grant[]> {
    const own =
      (subject.type === 'user' && subject.id === actor.userId) ||
      (subject.type === 'role' && actor.roleIds.includes(subject.id));
    if (!own && !actor.isAdmin) throw new ForbiddenError("Reading other subjects' grants requires an administrator");
    await this.subjectName(this.dataSource.manager, subject);
    return this.listForSubject(subject, resourceType);
  }

  /** Who holds what on a resource: an administrator's view, since granting there is theirs alone. */
  listForResourceAs(actor: Principal, ref: ResourceRef, subjectType?: SubjectType): Promise<Grant[]> {
    if (!actor.isAdmin) throw new ForbiddenError("Reading a resource's grants requires an administrator");
    return this.listForResource(ref, subjectType);
  }
}

/** A grant's permission names refused, naming them. */
function undefinedPermissions(field: string, names: string[]): InvalidInputError {
  return new InvalidInputError(field, `undefined permission ${names.join(', ')}`).because('undefined_permission');
}

/** Checks names against the module or resource-type catalog; module grants use canonical names. */
function catalogChecked(
  ref: ResourceRef,
  changes: PermissionChanges,
): { changes: PermissionChanges; operation: string } {
  const names = Object.keys(changes);
  if (ref.type === 'module') {
    const unknown = unknownModulePermissions(String(ref.id), names);
    if (unknown === undefined) {
      throw new InvalidInputError('module_name', `unknown module "${ref.id}"`).because('undefined_permission');
    }
    if (unknown.length > 0) throw undefinedPermissions('permissions', unknown);
    const canonical = Object.fromEntries(Object.entries(changes).map(([p, on]) => [canonicalPermission(p), on]));
    return { changes: canonical, operation: AUTHORIZE_MODULE };
  }
  const unknown = unknownResourcePermissions(ref.type, names);
  if (unknown === undefined) throw new InvalidInputError('resource_type', `unknown resource type "${ref.type}"`);
  if (unknown.length > 0) throw undefinedPermissions('permissions', unknown);
  return { changes, operation: AUTHORIZE_RESOURCE };
}
