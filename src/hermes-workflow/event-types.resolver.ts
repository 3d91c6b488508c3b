import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { CreateHermesEventTypeInput, HermesEventTypePage, HermesEventTypesArgs } from './dto/hermes.inputs';
import { HermesEventType } from './entities/hermes-event-type.entity';
import { HermesFate } from './entities/hermes-fate.entity';
import { EventTypesService } from './event-types.service';
import { FatesService } from './fates.service';

@Resolver(() => HermesEventType)
export class EventTypesResolver {
  constructor(
    private readonly eventTypes: EventTypesService,
    private readonly fates: FatesService,
  ) {}

  @Query(() => HermesEventTypePage)
  async hermesEventTypes(@Args() args: HermesEventTypesArgs): Promise<HermesEventTypePage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.eventTypes.list(filter, { offset, limit });
    return { items, total, offset, limit };
  }

  @Query(() => HermesEventType)
  hermesEventType(@Args('id', { type: () => Int }) id: number): Promise<HermesEventType> {
    return this.eventTypes.get(id);
  }

  @ResolveField(() => [HermesFate], { description: 'Fates this type triggers, starting or not' })
  autoCreates(type: HermesEventType, _args: unknown, ctx: GraphqlContext): Promise<HermesFate[]> {
    return requestLoader<number, HermesFate[]>(ctx, 'hermes.autoCreates', async (ids) => {
      const byType = await this.fates.createdByTypes(ids);
      return ids.map((id) => byType.get(id) ?? []);
    }).load(type.id);
  }

  /** Creates all or none. */
  @Mutation(() => [HermesEventType])
  createHermesEventTypes(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => [CreateHermesEventTypeInput] }) input: CreateHermesEventTypeInput[],
  ): Promise<HermesEventType[]> {
    return this.eventTypes.create(
      actor,
      input.map((t) => ({ ...t, restricted: t.restricted ?? false })),
    );
  }

  @Mutation(() => HermesEventType)
  updateHermesEventType(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('description') description: string,
  ): Promise<HermesEventType> {
    return this.eventTypes.update(actor, id, description);
  }
}
