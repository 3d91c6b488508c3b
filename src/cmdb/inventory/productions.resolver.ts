import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { PageArgs } from '../../common/pagination/page.args';
import { ProductionPage } from './dto/application.inputs';
import { Production } from './entities/production.entity';
import { ProductionsService } from './productions.service';

@Resolver(() => Production)
export class ProductionsResolver {
  constructor(private readonly productionsService: ProductionsService) {}

  @Query(() => ProductionPage)
  async productions(
    @Args() page: PageArgs,
    @Args('search', { nullable: true }) search?: string,
  ): Promise<ProductionPage> {
    const [items, total] = await this.productionsService.list(search, page.offset, page.limit);
    return { items, total, offset: page.offset, limit: page.limit };
  }

  @Query(() => Production)
  production(@Args('id', { type: () => Int }) id: number): Promise<Production> {
    return this.productionsService.get(id);
  }

  @Mutation(() => Production)
  createProduction(
    @CurrentPrincipal() actor: Principal,
    @Args('name') name: string,
    @Args('description', { type: () => String, nullable: true }) description?: string | null,
  ): Promise<Production> {
    if (name.length > 128) throw new InvalidInputError('name', 'must be 1-128 characters');
    return this.productionsService.create(actor, { name, description });
  }

  @Mutation(() => Production)
  updateProduction(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('name', { nullable: true }) name?: string,
    @Args('description', { type: () => String, nullable: true }) description?: string | null,
  ): Promise<Production> {
    return this.productionsService.update(actor, id, { name, description });
  }

  @Mutation(() => Boolean)
  async deleteProduction(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.productionsService.remove(actor, id);
    return true;
  }
}
