import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { AclService } from './acl.service';
import { CheckPermissionsArgs, PermissionCheck, SetPermissionsInput, SubjectInput } from './dto/grant.inputs';
import { Grant } from './entities/grant.entity';
import { GrantsService, PermissionChanges } from './grants.service';

@Resolver(() => Grant)
export class GrantsResolver {
  constructor(
    private readonly acl: AclService,
    private readonly grantsService: GrantsService,
  ) {}

  @Query(() => [Grant], { description: 'Grants made to one user or role (yours, your roles’, or anyone’s for admins)' })
  grants(@CurrentPrincipal() principal: Principal, @Args('subject') subject: SubjectInput): Promise<Grant[]> {
    return this.grantsService.listForSubjectAs(principal, subject);
  }

  @Query(() => [Grant], { description: 'Every grant that applies to you: your own and your roles’ (with ancestors)' })
  myPermissions(@CurrentPrincipal() principal: Principal): Promise<Grant[]> {
    return this.acl.effectiveGrants(principal);
  }

  @Query(() => [PermissionCheck], { description: 'Whether you hold each permission, on a resource or anywhere' })
  checkPermissions(
    @CurrentPrincipal() principal: Principal,
    @Args() { permissions, resource }: CheckPermissionsArgs,
  ): Promise<PermissionCheck[]> {
    return Promise.all(
      permissions.map(async (permission) => ({
        permission,
        allowed: await this.acl.can(principal, permission, resource),
      })),
    );
  }

  @Mutation(() => [Grant], {
    description: 'Grants (enabled: true) or revokes permissions; returns the resulting grants',
  })
  setPermissions(@CurrentPrincipal() actor: Principal, @Args('input') input: SetPermissionsInput): Promise<Grant[]> {
    const changes: PermissionChanges = Object.fromEntries(input.changes.map((c) => [c.permission, c.enabled]));
    const { subject, resource } = input;
    if (resource.type === 'module')
      return this.grantsService.setModulePermissions(actor, subject, resource.id, changes);
    if (resource.type === 'host' || resource.type === 'application') {
      return this.grantsService.setResourcePermissions(actor, subject, resource, changes);
    }
    return this.grantsService.setAclResourcePermissions(actor, subject, resource, changes);
  }
}
