import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { MAX_PAGE_SIZE } from '../common/pagination/page.args';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { CreateRoleInput, RoleInput, RolePage, RolesArgs } from './dto/role.inputs';
import { Role } from './entities/role.entity';
import { User } from './entities/user.entity';
import { RolesService } from './roles.service';

@Resolver(() => Role)
export class RolesResolver {
  constructor(private readonly rolesService: RolesService) {}

  @Query(() => RolePage)
  async roles(@Args() args: RolesArgs): Promise<RolePage> {
    const [items, total] = await this.rolesService.list(args.search, args.offset, args.limit);
    return { items, total, offset: args.offset, limit: args.limit };
  }

  @Query(() => Role)
  role(@Args('id', { type: () => Int }) id: number): Promise<Role> {
    return this.rolesService.get(id);
  }

  @ResolveField(() => [Role], { description: 'Direct parents; the role inherits their grants and their ancestors’' })
  parents(role: Role, _args: unknown, ctx: GraphqlContext): Promise<Role[]> {
    return requestLoader<number, Role[]>(ctx, 'role.parents', async (ids) => {
      const byRole = await this.rolesService.parentsOf([...ids]);
      return ids.map((id) => byRole.get(id) ?? []);
    }).load(role.id);
  }

  @ResolveField(() => [User], { description: `Members (the first ${MAX_PAGE_SIZE})` })
  async members(role: Role): Promise<User[]> {
    const [users] = await this.rolesService.members(role.id, 0, MAX_PAGE_SIZE);
    return users;
  }

  @Mutation(() => Role)
  createRole(@CurrentPrincipal() actor: Principal, @Args('input') input: CreateRoleInput): Promise<Role> {
    return this.rolesService.create(actor, input);
  }

  @Mutation(() => Role)
  updateRole(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: RoleInput,
  ): Promise<Role> {
    return this.rolesService.update(actor, id, input);
  }

  @Mutation(() => Boolean)
  async deleteRole(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.rolesService.remove(actor, id);
    return true;
  }

  @Mutation(() => Role, { description: 'The child then inherits every grant of the parent; cycles are refused' })
  async addRoleParent(
    @CurrentPrincipal() actor: Principal,
    @Args('childId', { type: () => Int }) childId: number,
    @Args('parentId', { type: () => Int }) parentId: number,
  ): Promise<Role> {
    await this.rolesService.addParent(actor, childId, parentId);
    return this.rolesService.get(childId);
  }

  @Mutation(() => Role)
  async removeRoleParent(
    @CurrentPrincipal() actor: Principal,
    @Args('childId', { type: () => Int }) childId: number,
    @Args('parentId', { type: () => Int }) parentId: number,
  ): Promise<Role> {
    await this.rolesService.removeParent(actor, childId, parentId);
    return this.rolesService.get(childId);
  }

  @Mutation(() => Role)
  async addRoleMembers(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('userIds', { type: () => [Int] }) userIds: number[],
  ): Promise<Role> {
    await this.rolesService.changeMembers(actor, id, userIds, 'add');
    return this.rolesService.get(id);
  }

  @Mutation(() => Role)
  async removeRoleMembers(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('userIds', { type: () => [Int] }) userIds: number[],
  ): Promise<Role> {
    await this.rolesService.changeMembers(actor, id, userIds, 'remove');
    return this.rolesService.get(id);
  }
}
