import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import type { GraphqlContext } from '../../common/graphql/request-loader';
import { CiGraphqlLoaders } from './ci-graphql-loaders';
import { CiTypesService } from './ci-types.service';
import { CiTypeInput } from './dto/ci.inputs';
import { CiTypeAttributeItem } from './dto/ci.objects';
import { CiTypeRelation } from './entities/ci-type-relation.entity';
import { CiType } from './entities/ci-type.entity';

@Resolver(() => CiType)
export class CiTypesResolver {
  constructor(
    private readonly types: CiTypesService,
    private readonly loaders: CiGraphqlLoaders,
  ) {}

  @Query(() => [CiType], { description: 'Live CI types in display order; `search` matches part of the name or alias' })
  ciTypes(@Args('search', { nullable: true }) search?: string): Promise<CiType[]> {
    return this.types.list(search);
  }

  @Query(() => CiType, { description: 'By id, name or alias' })
  ciType(@Args('key') key: string): Promise<CiType> {
    return this.types.get(key);
  }

  @ResolveField(() => [CiTypeAttributeItem])
  attributes(type: CiType, _args: unknown, ctx: GraphqlContext): Promise<CiTypeAttributeItem[]> {
    return this.loaders.typeAttributes(ctx, type.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'Name of the key attribute' })
  uniqueKey(type: CiType, _args: unknown, ctx: GraphqlContext): Promise<string | null> {
    return this.loaders.uniqueKey(ctx, type);
  }

  @ResolveField(() => [CiTypeRelation], { description: 'Relations to child types' })
  children(type: CiType, _args: unknown, ctx: GraphqlContext): Promise<CiTypeRelation[]> {
    return this.loaders.typeRelations(ctx, type.id, 'children');
  }

  @ResolveField(() => [CiTypeRelation], { description: 'Relations from parent types' })
  parents(type: CiType, _args: unknown, ctx: GraphqlContext): Promise<CiTypeRelation[]> {
    return this.loaders.typeRelations(ctx, type.id, 'parents');
  }

  @Mutation(() => CiType, { description: 'Needs name and uniqueKey; the key attribute is attached as required' })
  createCiType(@CurrentPrincipal() actor: Principal, @Args('input') input: CiTypeInput): Promise<CiType> {
    return this.types.create(actor, input);
  }

  @Mutation(() => CiType)
  updateCiType(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: CiTypeInput,
  ): Promise<CiType> {
    return this.types.update(actor, id, input);
  }

  @Mutation(() => Boolean, { description: 'Refused while CIs of the type exist' })
  async deleteCiType(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.types.remove(actor, id);
    return true;
  }

  @Mutation(() => CiType)
  async addCiTypeAttributes(
    @CurrentPrincipal() actor: Principal,
    @Args('typeId', { type: () => Int }) typeId: number,
    @Args('attributeIds', { type: () => [Int] }) attributeIds: number[],
    @Args('isRequired', { nullable: true }) isRequired?: boolean,
    @Args('defaultShow', { nullable: true }) defaultShow?: boolean,
  ): Promise<CiType> {
    await this.types.addAttributes(actor, typeId, attributeIds, { isRequired, defaultShow });
    return this.types.get(typeId);
  }

  @Mutation(() => CiType, { description: "Also drops those attributes' values from the type's CIs" })
  async removeCiTypeAttributes(
    @CurrentPrincipal() actor: Principal,
    @Args('typeId', { type: () => Int }) typeId: number,
    @Args('attributeIds', { type: () => [Int] }) attributeIds: number[],
  ): Promise<CiType> {
    await this.types.removeAttributes(actor, typeId, attributeIds);
    return this.types.get(typeId);
  }
}
