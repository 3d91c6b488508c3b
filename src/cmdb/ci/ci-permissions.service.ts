import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AclResourcesService } from '../../acl/acl-resources.service';
import { AclService } from '../../acl/acl.service';
import type { Principal } from '../../common/auth/principal';
import { ForbiddenError } from '../../common/errors/domain-errors';

/** The CMDB ACL resource type that stands for CI types: one resource per type, named after it. */
export const CI_TYPE_RESOURCE = 'CIType';

export const CI_PERMISSIONS = ['read', 'add', 'update', 'delete'] as const;
export type CiPermission = (typeof CI_PERMISSIONS)[number];

/**
 * Who may do what with CIs (cmdb.md §9.3 with our ACL): configuration needs an administrator; CI
 * reads and writes need the permission on the CI type's resource, held directly, through a
 * resource group or through a role. Administrators pass every check.
 */
@Injectable()
export class CiPermissionsService {
  constructor(
    private readonly acl: AclService,
    private readonly resources: AclResourcesService,
  ) {}

  assertConfig(actor: Principal, what: string): void {
    this.acl.assertAdmin(actor, what);
  }

  async can(actor: Principal, typeName: string, permission: CiPermission): Promise<boolean> {
    if (actor.isAdmin) return true;
    const resource = await this.resources.findResource(CI_TYPE_RESOURCE, typeName);
    return !!resource && (await this.acl.can(actor, permission, { type: 'acl_resource', id: resource.id }));
  }

  async assert(actor: Principal, typeName: string, permission: CiPermission): Promise<void> {
    if (!(await this.can(actor, typeName, permission))) {
      throw new ForbiddenError(`Permission ${permission} on CIType ${typeName} required`);
    }
  }

  /** Of these types, the ones the caller may `permission`: all of them for an administrator. */
  async permittedTypes<T extends { name: string }>(
    actor: Principal,
    types: readonly T[],
    permission: CiPermission = 'read',
  ): Promise<T[]> {
    if (actor.isAdmin) return [...types];
    const resources = await this.resources.resourcesOfType(CI_TYPE_RESOURCE);
    const granted = await this.acl.grantedAclResources(
      actor,
      permission,
      resources.map((r) => r.id),
    );
    const names = new Set(resources.filter((r) => granted.has(r.id)).map((r) => r.name));
    return types.filter((t) => names.has(t.name));
  }

  // --- the type's resource follows the type

  typeCreated(em: EntityManager, name: string): Promise<void> {
    return this.resources.ensureResourceIn(em, CI_TYPE_RESOURCE, name, CI_PERMISSIONS);
  }

  async typeRenamed(em: EntityManager, from: string, to: string): Promise<void> {
    await this.resources.ensureResourceIn(em, CI_TYPE_RESOURCE, from, CI_PERMISSIONS);
    await this.resources.renameResourceIn(em, CI_TYPE_RESOURCE, from, to);
  }

  typeDeleted(em: EntityManager, name: string): Promise<void> {
    return this.resources.removeResourceIn(em, CI_TYPE_RESOURCE, name);
  }
}
