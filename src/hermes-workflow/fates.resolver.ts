import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { PageArgs } from '../common/pagination/page.args';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { CreateHermesFateInput, HermesFatePage, UpdateHermesFateInput } from './dto/hermes.inputs';
import { HermesEventType } from './entities/hermes-event-type.entity';
import { HermesFate } from './entities/hermes-fate.entity';
import { EventTypesService } from './event-types.service';
import { FateChanges, FatesService } from './fates.service';

@Resolver(() => HermesFate)
export class FatesResolver {
  constructor(
    private readonly fates: FatesService,
    private readonly eventTypes: EventTypesService,
  ) {}

  @Query(() => HermesFatePage)
  async hermesFates(@Args() { offset, limit }: PageArgs): Promise<HermesFatePage> {
    const [items, total] = await this.fates.list({ offset, limit });
    return { items, total, offset, limit };
  }

  @Query(() => HermesFate)
  hermesFate(@Args('id', { type: () => Int }) id: number): Promise<HermesFate> {
    return this.fates.get(id);
  }

  @ResolveField(() => HermesEventType)
  async creationEventType(fate: HermesFate, _args: unknown, ctx: GraphqlContext): Promise<HermesEventType> {
    return requestLoader<number, HermesEventType>(ctx, 'hermes.eventType', async (ids) => {
      const byId = await this.eventTypes.byIds(ids);
      return ids.map((id) => byId.get(id) as HermesEventType);
    }).load(fate.creationTypeId);
  }

  @ResolveField(() => [Int], { description: 'Ids of the fates that follow this one' })
  precedesIds(fate: HermesFate, _args: unknown, ctx: GraphqlContext): Promise<number[]> {
    return requestLoader<number, number[]>(ctx, 'hermes.precedes', async (ids) => {
      const byId = await this.fates.precedesOf(ids);
      return ids.map((id) => byId.get(id) ?? []);
    }).load(fate.id);
  }

  @Mutation(() => HermesFate)
  createHermesFate(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: CreateHermesFateInput,
  ): Promise<HermesFate> {
    return this.fates.create(actor, {
      creationEventTypeId: input.creationEventTypeId,
      followsId: input.followsId ?? null,
      forCreator: input.forCreator ?? false,
      forOwner: input.forOwner ?? true,
      description: input.description,
    });
  }

  @Mutation(() => HermesFate)
  updateHermesFate(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: UpdateHermesFateInput,
  ): Promise<HermesFate> {
    const changes: FateChanges = {};
    if (input.description !== undefined) changes.description = input.description;
    if (input.followsId !== undefined) changes.followsId = input.followsId;
    return this.fates.update(actor, id, changes);
  }
}
