import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { AuthService } from './auth.service';
import { KeySecret, CreateUserInput, UpdateUserInput, UserPage, UsersArgs } from './dto/user.inputs';
import { Role } from './entities/role.entity';
import { User, UserStatus } from './entities/user.entity';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly usersService: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Query(() => UserPage, { description: 'Users, by id; any signed-in user may list them to pick people' })
  async users(@Args() args: UsersArgs): Promise<UserPage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.usersService.list(filter, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => User)
  user(@Args('id', { type: () => Int }) id: number): Promise<User> {
    return this.usersService.get(id);
  }

  @Query(() => User, { description: 'The authenticated user' })
  me(@CurrentPrincipal() principal: Principal): Promise<User> {
    return this.usersService.get(principal.userId);
  }

  @ResolveField(() => [Role])
  roles(user: User, _args: unknown, ctx: GraphqlContext): Promise<Role[]> {
    if (user.roles) return Promise.resolve(user.roles);
    return requestLoader<number, Role[]>(ctx, 'user.roles', (ids) => this.usersService.rolesOfMany(ids)).load(user.id);
  }

  @Mutation(() => User)
  createUser(@CurrentPrincipal() actor: Principal, @Args('input') input: CreateUserInput): Promise<User> {
    return this.usersService.create(actor, input);
  }

  @Mutation(() => User)
  updateUser(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: UpdateUserInput,
  ): Promise<User> {
    return this.usersService.update(actor, id, input);
  }

  @Mutation(() => User)
  setUserStatus(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('status', { type: () => UserStatus }) status: UserStatus,
  ): Promise<User> {
    return this.usersService.setStatus(actor, id, status);
  }

  @Mutation(() => Boolean)
  async deleteUser(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.usersService.remove(actor, id);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Your own password needs the original; an administrator may omit it for others',
  })
  async changePassword(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('newPassword') newPassword: string,
    @Args('originalPassword', { nullable: true }) originalPassword?: string,
  ) {
    await this.usersService.changePassword(actor, id, originalPassword, newPassword);
    return true;
  }

  @Mutation(() => Boolean, { description: "Mails a one-time reset link to the user's address" })
  async requestPasswordReset(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.usersService.requestPasswordReset(actor, id);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets a new password with the token of a reset link (once)' })
  async resetPassword(@Args('token') token: string, @Args('password') password: string) {
    await this.usersService.resetPassword(token, password);
    return true;
  }

  @Mutation(() => [Role], { description: "Replaces the user's roles" })
  setUserRoles(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('roleIds', { type: () => [Int] }) roleIds: number[],
  ): Promise<Role[]> {
    return this.usersService.changeRoles(actor, id, roleIds, 'set');
  }

  @Mutation(() => KeySecret, { description: 'New CMDB API key and secret for yourself; the secret is shown once' })
  resetKeySecret(@CurrentPrincipal() actor: Principal): Promise<KeySecret> {
    return this.usersService.resetKeySecret(actor);
  }

  @Mutation(() => Boolean, { description: 'Revokes the access token of this request' })
  async logout(@CurrentPrincipal() actor: Principal) {
    await this.auth.logout(actor);
    return true;
  }
}
