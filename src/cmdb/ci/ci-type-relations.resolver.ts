import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import type { GraphqlContext } from '../../common/graphql/request-loader';
import { CiGraphqlLoaders } from './ci-graphql-loaders';
import { CiTypeRelationsService } from './ci-type-relations.service';
import { CiRelationType } from './entities/ci-relation-type.entity';
import { CiTypeRelation } from './entities/ci-type-relation.entity';
import { CiType } from './entities/ci-type.entity';

@Resolver(() => CiTypeRelation)
export class CiTypeRelationsResolver {
  constructor(
    private readonly relations: CiTypeRelationsService,
    private readonly loaders: CiGraphqlLoaders,
  ) {}

  @Query(() => [CiRelationType])
  relationTypes(): Promise<CiRelationType[]> {
    return this.relations.relationTypes();
  }

  @Query(() => [CiTypeRelation])
  ciTypeRelations(): Promise<CiTypeRelation[]> {
    return this.relations.list();
  }

  @ResolveField(() => CiType, { nullable: true })
  parent(r: CiTypeRelation, _args: unknown, ctx: GraphqlContext): Promise<CiType | null> {
    return this.loaders.type(ctx, r.parentId);
  }

  @ResolveField(() => CiType, { nullable: true })
  child(r: CiTypeRelation, _args: unknown, ctx: GraphqlContext): Promise<CiType | null> {
    return this.loaders.type(ctx, r.childId);
  }

  @ResolveField(() => CiRelationType, { nullable: true })
  relationType(r: CiTypeRelation, _args: unknown, ctx: GraphqlContext): Promise<CiRelationType | null> {
    return this.loaders.relationType(ctx, r.relationTypeId);
  }

  @Mutation(() => CiRelationType)
  createRelationType(@CurrentPrincipal() actor: Principal, @Args('name') name: string): Promise<CiRelationType> {
    return this.relations.createRelationType(actor, name);
  }

  @Mutation(() => Boolean, { description: 'Refused while a CI type relation uses it' })
  async deleteRelationType(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.relations.deleteRelationType(actor, id);
    return true;
  }

  @Mutation(() => CiTypeRelation, { description: 'An existing pair keeps its id and takes the relation type' })
  setCiTypeRelation(
    @CurrentPrincipal() actor: Principal,
    @Args('parentId', { type: () => Int }) parentId: number,
    @Args('childId', { type: () => Int }) childId: number,
    @Args('relationType', { description: 'Relation type name or id' }) relationType: string,
  ): Promise<CiTypeRelation> {
    return this.relations.set(actor, parentId, childId, relationType);
  }

  @Mutation(() => Boolean)
  async deleteCiTypeRelation(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.relations.remove(actor, { id });
    return true;
  }
}
