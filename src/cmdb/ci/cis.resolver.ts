import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { JsonValue } from '../../common/graphql/json.scalar';
import type { GraphqlContext } from '../../common/graphql/request-loader';
import { CiGraphqlLoaders } from './ci-graphql-loaders';
import { CiQueriesService } from './ci-queries.service';
import { CisService } from './cis.service';
import { resolveFields } from './ci-input';
import { CiSearchService } from './ci-search.service';
import { CiSearchArgs, CisArgs, CreateCisArgs } from './dto/ci.inputs';
import { CiPage, CiSearchResult, CiValue } from './dto/ci.objects';
import { CiAttribute } from './entities/ci-attribute.entity';
import { CiType } from './entities/ci-type.entity';
import { Ci } from './entities/ci.entity';

function checkValues(values: unknown): void {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new InvalidInputError('values', 'must be an object of {attribute: value}');
  }
}

@Resolver(() => Ci)
export class CisResolver {
  constructor(
    private readonly cisService: CisService,
    private readonly queries: CiQueriesService,
    private readonly loaders: CiGraphqlLoaders,
    private readonly search: CiSearchService,
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

  @Query(() => CiSearchResult, {
    description:
      'The CMDB search language over CIs of the types you may read: q like "_type:server,hostname:web*,cpu:[4 _TO_ 16]"',
  })
  async ciSearch(
    @CurrentPrincipal() actor: Principal,
    @Context() ctx: GraphqlContext,
    @Args() args: CiSearchArgs,
  ): Promise<CiSearchResult> {
    const { catalog, attributes } = await this.loaders.bundle(ctx);
    const found = await this.search.search(
      actor,
      {
        q: args.q,
        fl: args.fields,
        facet: args.facet,
        page: args.page,
        count: args.count,
        sort: args.sort,
        type: args.type,
      },
      catalog,
    );
    const cis = await this.queries.getMany(
      actor,
      found.cis.map((c) => c.id),
    );
    const fields = resolveFields(catalog, args.fields, 'fields');
    if (fields)
      this.loaders.showOnly(
        ctx,
        cis,
        fields.map((f) => f.id),
      );
    return {
      numfound: found.numfound,
      page: found.page,
      total: cis.length,
      cis,
      counter: found.counter,
      facets: found.facets.map((f) => ({
        attribute: attributes.get(f.attribute.id) as CiAttribute,
        values: f.values,
      })),
    };
  }

  @ResolveField(() => CiType, { nullable: true })
  type(ci: Ci, _args: unknown, ctx: GraphqlContext): Promise<CiType | null> {
    return this.loaders.type(ctx, ci.typeId);
  }

  @ResolveField(() => [CiValue], { description: "Every attribute of the CI's type with its value, or only `fields`" })
  values(
    @Parent() ci: Ci,
    @Context() ctx: GraphqlContext,
    @Args('fields', { type: () => [String], nullable: true, description: 'Attributes by name, id or alias' })
    fields?: string[],
  ): Promise<CiValue[]> {
    return this.loaders.values(ctx, ci, fields);
  }

  @ResolveField(() => JsonValue, { nullable: true, description: 'The key attribute value' })
  async unique(ci: Ci, _args: unknown, ctx: GraphqlContext): Promise<unknown> {
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
    checkValues(values);
    if (!['reject', 'need', 'replace'].includes(existPolicy)) {
      throw new InvalidInputError('existPolicy', 'must be reject, need or replace');
    }
    if (!['ignore', 'reject'].includes(noAttributePolicy)) {
      throw new InvalidInputError('noAttributePolicy', 'must be ignore or reject');
    }
    const id = await this.cisService.write(actor, type, values, {
      existPolicy: existPolicy as CreateCisArgs['existPolicy'],
      noAttributePolicy: noAttributePolicy as CreateCisArgs['noAttributePolicy'],
    });
    return this.queries.get(actor, id);
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
    checkValues(values);
    await this.cisService.update(actor, id, values);
    return this.queries.get(actor, id);
  }

  @Mutation(() => Boolean, { description: 'Also removes its relations' })
  async deleteCi(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.cisService.remove(actor, id);
    return true;
  }
}
