import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { PageArgs } from '../common/pagination/page.args';
import { ApiTokensService } from './api-tokens.service';
import { ApiTokenInput, ApiTokenPage, CreatedApiToken } from './dto/api-token.inputs';
import { ApiToken } from './entities/api-token.entity';
import { InvalidInputError } from '../common/errors/domain-errors';

@Resolver(() => ApiToken)
export class ApiTokensResolver {
  constructor(private readonly tokens: ApiTokensService) {}

  @Query(() => ApiTokenPage, {
    description: 'Your API tokens (all of them for administrators); values are never shown',
  })
  async apiTokens(@CurrentPrincipal() actor: Principal, @Args() page: PageArgs): Promise<ApiTokenPage> {
    const [items, total] = await this.tokens.list(actor, undefined, page.offset, page.limit);
    return { items, total, offset: page.offset, limit: page.limit };
  }

  @Mutation(() => CreatedApiToken)
  async createApiToken(@CurrentPrincipal() actor: Principal, @Args('input') input: ApiTokenInput) {
    if (input.name === undefined) throw new InvalidInputError('name', 'is required');
    return this.tokens.create(actor, { ...input, name: input.name });
  }

  @Mutation(() => ApiToken)
  updateApiToken(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: ApiTokenInput,
  ): Promise<ApiToken> {
    return this.tokens.update(actor, id, input);
  }

  @Mutation(() => Boolean)
  async deleteApiToken(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.tokens.remove(actor, id);
    return true;
  }
}
