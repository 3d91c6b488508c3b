import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { NavigatorInput, NavigatorPage, NavigatorsArgs } from './dto/toolbox.inputs';
import { ExternalNavigator } from './entities/external-navigator.entity';
import { NavigatorsService } from './navigators.service';

@Resolver(() => ExternalNavigator)
export class NavigatorsResolver {
  constructor(private readonly navigators: NavigatorsService) {}

  @Query(() => NavigatorPage)
  async externalNavigators(@CurrentPrincipal() actor: Principal, @Args() args: NavigatorsArgs): Promise<NavigatorPage> {
    const [items, total] = await this.navigators.list(actor, args.name, args.offset, args.limit);
    return { items, total, offset: args.offset, limit: args.limit };
  }

  @Query(() => ExternalNavigator)
  externalNavigator(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    return this.navigators.get(actor, id);
  }

  @Mutation(() => ExternalNavigator)
  createExternalNavigator(@CurrentPrincipal() actor: Principal, @Args('input') input: NavigatorInput) {
    return this.navigators.create(actor, input);
  }

  @Mutation(() => ExternalNavigator)
  updateExternalNavigator(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: NavigatorInput,
  ) {
    return this.navigators.update(actor, id, input);
  }

  @Mutation(() => Boolean)
  async deleteExternalNavigator(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.navigators.remove(actor, id);
    return true;
  }
}
