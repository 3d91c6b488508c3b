import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { JsonValue } from '../../common/graphql/json.scalar';
import type { GraphqlContext } from '../../common/graphql/request-loader';
import { CiGraphqlLoaders } from './ci-graphql-loaders';
import { CiQueriesService } from './ci-queries.service';
import { CisService } from './cis.service';
import { CisArgs, CreateCisArgs } from './dto/ci.inputs';
import { CiPage, CiValue } from './dto/ci.objects';
import { CiType } from './entities/ci-type.entity';
import { Ci } from './entities/ci.entity';

@Resolver(() => Ci)
export class CisResolver {
  constructor(
    private readonly cisService: CisService,
    private readonly queries: CiQueriesService,
    private readonly loaders: CiGraphqlLoaders,
  ) {}

  @Query(() => Ci)
  ci(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number): Promise<Ci> {
    return this.queries.get(actor, id);
  }

  @Query(() => CiPage, { description: 'CIs of one type by id' })
  async cis(
    @CurrentPrincipal() actor: Principal,
    @Args() args: CisArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<CiPage> {
    const { catalog } = await this.loaders.bundle(ctx);
    const { numfound, cis } = await this.queries.pageOfType(actor, args.type, args.offset, args.limit, catalog);
    return { items: cis, total: numfound, offset: args.offset, limit: args.limit };
  }

  @ResolveField(() => CiType, { nullable: true })
  type(@Parent() ci: Ci, @Context() ctx: GraphqlContext): Promise<CiType | null> {
    return this.loaders.type(ctx, ci.typeId);
  }

  @ResolveField(() => [CiValue], { description: "Every attribute of the CI's type, with its value" })
  values(@Parent() ci: Ci, @Context() ctx: GraphqlContext): Promise<CiValue[]> {
    return this.loaders.values(ctx, ci);
  }

  @ResolveField(() => JsonValue, { nullable: true, description: 'The key attribute value' })
  async unique(@Parent() ci: Ci, @Context() ctx: GraphqlContext): Promise<unknown> {
    const type = await this.loaders.type(ctx, ci.typeId);
    const values = await this.loaders.values(ctx, ci);
    return values.find((v) => v.attribute.id === type?.uniqueId)?.value ?? null;
  }

  @Mutation(() => Ci, { description: 'values: {attribute: value} keyed by name, id or alias' })
  async createCi(
    @CurrentPrincipal() actor: Principal,
    @Args('type') type: string,
    @Args('values', { type: () => JsonValue }) values: Record<string, unknown>,
    @Args('existPolicy', { defaultValue: 'reject', description: 'reject, need or replace an existing key value' })
    existPolicy: string,
    @Args('noAttributePolicy', { defaultValue: 'ignore' }) noAttributePolicy: string,
  ): Promise<Ci> {
    const [ci] = await this.createCis(actor, {
      type,
      cis: [values],
      existPolicy: existPolicy as CreateCisArgs['existPolicy'],
      noAttributePolicy: noAttributePolicy as CreateCisArgs['noAttributePolicy'],
    });
    return ci;
  }

  @Mutation(() => [Ci], { description: 'Many CIs of one type in one transaction (at most 2000)' })
  async createCis(@CurrentPrincipal() actor: Principal, @Args() args: CreateCisArgs): Promise<Ci[]> {
    const ids = await this.cisService.writeMany(actor, args.type, args.cis, {
      existPolicy: args.existPolicy,
      noAttributePolicy: args.noAttributePolicy,
    });
    return this.queries.getMany(actor, ids);
  }

  @Mutation(() => Ci, { description: 'Writes the given attributes; null clears one' })
  async updateCi(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('values', { type: () => JsonValue }) values: Record<string, unknown>,
  ): Promise<Ci> {
    await this.cisService.update(actor, id, values);
    return this.queries.get(actor, id);
  }

  @Mutation(() => Boolean, { description: 'Also removes its relations' })
  async deleteCi(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.cisService.remove(actor, id);
    return true;
  }
}
