import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { GraphqlContext, principalOf } from '../../common/graphql/request-loader';
import { CiGraphqlLoaders } from './ci-graphql-loaders';
import { CiQueriesService } from './ci-queries.service';
import { CiRelationsService } from './ci-relations.service';
import { CiRelationType } from './entities/ci-relation-type.entity';
import { CiRelation } from './entities/ci-relation.entity';
import { Ci } from './entities/ci.entity';

@Resolver(() => CiRelation)
export class CiRelationsResolver {
  constructor(
    private readonly relations: CiRelationsService,
    private readonly queries: CiQueriesService,
    private readonly loaders: CiGraphqlLoaders,
  ) {}

  @Query(() => [CiRelation], { description: "A CI's relations, as parent and as child" })
  async ciRelations(
    @CurrentPrincipal() actor: Principal,
    @Args('ciId', { type: () => Int }) ciId: number,
  ): Promise<CiRelation[]> {
    await this.queries.get(actor, ciId);
    return this.relations.ofCis([ciId]);
  }

  @ResolveField(() => Ci, { nullable: true, description: 'The parent; null when you may not read it' })
  first(r: CiRelation, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.ci(ctx, principalOf(ctx), r.firstCiId);
  }

  @ResolveField(() => Ci, { nullable: true, description: 'The child; null when you may not read it' })
  second(r: CiRelation, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.ci(ctx, principalOf(ctx), r.secondCiId);
  }

  @ResolveField(() => CiRelationType, { nullable: true })
  relationType(r: CiRelation, _args: unknown, ctx: GraphqlContext): Promise<CiRelationType | null> {
    return this.loaders.relationType(ctx, r.relationTypeId);
  }

  @Mutation(() => Int, {
    description: "Relates parent → child with their types' relation type; answers the relation id",
  })
  addCiRelation(
    @CurrentPrincipal() actor: Principal,
    @Args('firstCiId', { type: () => Int }) firstCiId: number,
    @Args('secondCiId', { type: () => Int }) secondCiId: number,
    @Args('relationType', { nullable: true }) relationType?: string,
  ): Promise<number> {
    return this.relations.add(actor, firstCiId, secondCiId, { relationType });
  }

  @Mutation(() => Boolean)
  async deleteCiRelation(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.relations.removeById(actor, id);
    return true;
  }
}
