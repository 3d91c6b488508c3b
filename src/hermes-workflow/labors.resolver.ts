import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { PubSubEngine } from 'graphql-subscriptions';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { HermesLaborPage, HermesLaborsArgs, UpdateHermesLaborInput } from './dto/hermes.inputs';
import { HermesEvent } from './entities/hermes-event.entity';
import { HermesFate } from './entities/hermes-fate.entity';
import { HermesLabor } from './entities/hermes-labor.entity';
import { HermesQuest } from './entities/hermes-quest.entity';
import { EventsService } from './events.service';
import { FatesService } from './fates.service';
import { HERMES_LABORS } from './hermes-changes';
import { HermesHostsService } from './hermes-hosts.service';
import { LaborFilter, LaborsService } from './labors.service';
import { QuestsService } from './quests.service';

@Resolver(() => HermesLabor)
export class LaborsResolver {
  constructor(
    private readonly labors: LaborsService,
    private readonly fates: FatesService,
    private readonly events: EventsService,
    private readonly quests: QuestsService,
    private readonly hosts: HermesHostsService,
    @Inject(PubSubEngine) private readonly pubsub: PubSubEngine,
  ) {}

  @Query(() => HermesLaborPage)
  async hermesLabors(@Args() args: HermesLaborsArgs): Promise<HermesLaborPage> {
    const { offset, limit, hostname, ...rest } = args;
    const filter: LaborFilter = { ...rest };
    if (hostname !== undefined) filter.hostId = await this.hosts.filterId(hostname);
    const [items, total] = await this.labors.list(filter, { offset, limit });
    return { items, total, offset, limit };
  }

  @Query(() => HermesLabor)
  hermesLabor(@Args('id', { type: () => Int }) id: number): Promise<HermesLabor> {
    return this.labors.get(id);
  }

  @ResolveField(() => HermesFate)
  fate(labor: HermesLabor, _args: unknown, ctx: GraphqlContext): Promise<HermesFate> {
    return this.fateLoader(ctx).load(labor.fateId) as Promise<HermesFate>;
  }

  @ResolveField(() => HermesFate, { nullable: true, description: 'The follower fate whose event closed it' })
  closingFate(labor: HermesLabor, _args: unknown, ctx: GraphqlContext): Promise<HermesFate | null> {
    return labor.closingFateId === null ? Promise.resolve(null) : this.fateLoader(ctx).load(labor.closingFateId);
  }

  @ResolveField(() => HermesQuest, { nullable: true })
  quest(labor: HermesLabor, _args: unknown, ctx: GraphqlContext): Promise<HermesQuest | null> {
    if (labor.questId === null) return Promise.resolve(null);
    return requestLoader<number, HermesQuest | null>(ctx, 'hermes.quest', async (ids) => {
      const byId = await this.quests.byIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    }).load(labor.questId);
  }

  @ResolveField(() => HermesEvent)
  creationEvent(labor: HermesLabor, _args: unknown, ctx: GraphqlContext): Promise<HermesEvent> {
    return this.eventLoader(ctx).load(labor.creationEventId) as Promise<HermesEvent>;
  }

  @ResolveField(() => HermesEvent, { nullable: true })
  completionEvent(labor: HermesLabor, _args: unknown, ctx: GraphqlContext): Promise<HermesEvent | null> {
    return labor.completionEventId === null
      ? Promise.resolve(null)
      : this.eventLoader(ctx).load(labor.completionEventId);
  }

  /** Acknowledge (`ackUser`) and/or move to a quest. */
  @Mutation(() => HermesLabor)
  updateHermesLabor(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: UpdateHermesLaborInput,
  ): Promise<HermesLabor> {
    return this.labors.update(actor, id, input);
  }

  /** Labors as the engine opens or closes them (after commit), optionally of one quest or host. */
  @Subscription(() => HermesLabor, {
    filter: (payload: { laborChanged: HermesLabor }, vars: { questId?: number | null; hostId?: number | null }) =>
      (vars.questId == null || payload.laborChanged.questId === vars.questId) &&
      (vars.hostId == null || payload.laborChanged.hostId === vars.hostId),
  })
  laborChanged(
    @Args('questId', { type: () => Int, nullable: true }) _questId?: number,
    @Args('hostId', { type: () => Int, nullable: true }) _hostId?: number,
  ) {
    return this.pubsub.asyncIterableIterator(HERMES_LABORS);
  }

  private fateLoader(ctx: GraphqlContext) {
    return requestLoader<number, HermesFate | null>(ctx, 'hermes.fate', async (ids) => {
      const byId = await this.fates.byIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  private eventLoader(ctx: GraphqlContext) {
    return requestLoader<number, HermesEvent | null>(ctx, 'hermes.event', async (ids) => {
      const byId = await this.events.byIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
