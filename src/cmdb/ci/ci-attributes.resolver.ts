import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { JsonValue } from '../../common/graphql/json.scalar';
import type { GraphqlContext } from '../../common/graphql/request-loader';
import { AttributeFields, CiAttributesService } from './ci-attributes.service';
import { CiGraphqlLoaders } from './ci-graphql-loaders';
import { CiAttributeInput, CiAttributesArgs } from './dto/ci.inputs';
import { CiAttributePage } from './dto/ci.objects';
import { CiAttribute } from './entities/ci-attribute.entity';
import { parseValueType, ValueType, valueTypeName } from './value-types';

function fields(input: CiAttributeInput): AttributeFields {
  let valueType: ValueType | undefined;
  if (input.valueType !== undefined) {
    valueType = parseValueType(input.valueType);
    if (!valueType)
      throw new InvalidInputError('valueType', 'must be 0-6 or int, float, text, datetime, date, time, json');
  }
  const { choiceValues, ...rest } = input;
  return { ...rest, valueType, choices: choiceValues };
}

@Resolver(() => CiAttribute)
export class CiAttributesResolver {
  constructor(
    private readonly attributesService: CiAttributesService,
    private readonly loaders: CiGraphqlLoaders,
  ) {}

  @Query(() => CiAttributePage, { description: 'Live CI attributes, by id' })
  async attributes(@Args() args: CiAttributesArgs): Promise<CiAttributePage> {
    const [items, total] = await this.attributesService.list({ search: args.search }, args.offset, args.limit);
    return { items, total, offset: args.offset, limit: args.limit };
  }

  @Query(() => CiAttribute, { description: 'By id, name or alias' })
  attribute(@Args('key') key: string): Promise<CiAttribute> {
    return this.attributesService.get(key);
  }

  @ResolveField(() => [JsonValue])
  choiceValues(attr: CiAttribute, _args: unknown, ctx: GraphqlContext): Promise<unknown[]> {
    return this.loaders.choices(ctx, attr);
  }

  @ResolveField(() => Boolean)
  async isChoice(attr: CiAttribute, _args: unknown, ctx: GraphqlContext): Promise<boolean> {
    return (await this.loaders.choices(ctx, attr)).length > 0;
  }

  @ResolveField(() => String, { description: 'int, float, text, datetime, date, time or json' })
  valueTypeName(attr: CiAttribute): string {
    return valueTypeName((parseValueType(attr.valueType) ?? ValueType.TEXT) as ValueType);
  }

  @Mutation(() => CiAttribute)
  createAttribute(@CurrentPrincipal() actor: Principal, @Args('input') input: CiAttributeInput): Promise<CiAttribute> {
    return this.attributesService.create(actor, fields(input));
  }

  @Mutation(() => CiAttribute)
  updateAttribute(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: CiAttributeInput,
  ): Promise<CiAttribute> {
    return this.attributesService.update(actor, id, fields(input));
  }

  @Mutation(() => Boolean, { description: 'Detaches it from every type and drops its values' })
  async deleteAttribute(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.attributesService.remove(actor, id);
    return true;
  }
}
