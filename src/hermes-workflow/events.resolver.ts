import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { PubSubEngine } from 'graphql-subscriptions';
import { Host } from '../cmdb/inventory/entities/host.entity';
import { HostsService } from '../cmdb/inventory/hosts.service';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { HermesEventPage, HermesEventsArgs, ThrowHermesEventInput } from './dto/hermes.inputs';
import { HermesEventType } from './entities/hermes-event-type.entity';
import { HermesEvent } from './entities/hermes-event.entity';
import { EventTypesService } from './event-types.service';
import { EventFilter, EventsService } from './events.service';
import { HERMES_EVENTS } from './hermes-changes';
import { HermesHostQuery } from './hermes-host-query';
import { HermesHostsService } from './hermes-hosts.service';
import { requireHermesTime } from './hermes-time';

@Resolver(() => HermesEvent)
export class EventsResolver {
  constructor(
    private readonly events: EventsService,
    private readonly eventTypes: EventTypesService,
    private readonly hermesHosts: HermesHostsService,
    private readonly hostQuery: HermesHostQuery,
    private readonly hosts: HostsService,
    @Inject(PubSubEngine) private readonly pubsub: PubSubEngine,
  ) {}

  /** Newest events first. */
  @Query(() => HermesEventPage)
  async hermesEvents(@Args() args: HermesEventsArgs): Promise<HermesEventPage> {
    const { offset, limit } = args;
    const filter: EventFilter = {
      eventTypeIds: args.eventTypeIds,
      hostId: args.hostId,
      after: args.after === undefined ? undefined : requireHermesTime(args.after, 'after'),
      before: args.before === undefined ? undefined : requireHermesTime(args.before, 'before'),
    };
    if (args.hostname !== undefined) filter.hostIds = [await this.hermesHosts.filterId(args.hostname)];
    if (args.hostQuery !== undefined) {
      const ids = await this.hostQuery.hostIds(args.hostQuery);
      filter.hostIds = filter.hostIds ? filter.hostIds.filter((id) => ids.includes(id)) : ids;
    }
    const [items, total] = await this.events.list(filter, { offset, limit });
    return { items: items.reverse(), total, offset, limit };
  }

  @Query(() => HermesEvent)
  hermesEvent(@Args('id', { type: () => Int }) id: number): Promise<HermesEvent> {
    return this.events.get(id);
  }

  @ResolveField(() => Host)
  host(event: HermesEvent, _args: unknown, ctx: GraphqlContext): Promise<Host> {
    return requestLoader<number, Host>(ctx, 'hermes.host', async (ids) => {
      const hosts = await this.hosts.page({ ids: [...ids] }, 0, ids.length);
      return ids.map((id) => hosts.find((h) => h.id === id) as Host);
    }).load(event.hostId);
  }

  @ResolveField(() => HermesEventType)
  eventType(event: HermesEvent, _args: unknown, ctx: GraphqlContext): Promise<HermesEventType> {
    return requestLoader<number, HermesEventType>(ctx, 'hermes.eventType', async (ids) => {
      const byId = await this.eventTypes.byIds(ids);
      return ids.map((id) => byId.get(id) as HermesEventType);
    }).load(event.eventTypeId);
  }

  /** One event per host (unknown hostnames become hosts); the fate engine runs before the answer. */
  @Mutation(() => [HermesEvent])
  async throwHermesEvent(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: ThrowHermesEventInput,
  ): Promise<HermesEvent[]> {
    const eventTypeId = await this.eventTypes.resolveId(input);
    const hostnames = await this.hermesHosts.resolveNames({
      hostnames: input.hostnames ?? [],
      hostQuery: input.hostQuery,
      questId: input.questId,
    });
    return this.events.throw(actor, { hostnames, eventTypeId, user: input.user, note: input.note ?? null });
  }

  /** Events as they are thrown (after commit), optionally of one host or type. */
  @Subscription(() => HermesEvent, {
    filter: (
      payload: { hermesEventThrown: HermesEvent },
      vars: { hostId?: number | null; eventTypeId?: number | null },
    ) =>
      (vars.hostId == null || payload.hermesEventThrown.hostId === vars.hostId) &&
      (vars.eventTypeId == null || payload.hermesEventThrown.eventTypeId === vars.eventTypeId),
  })
  hermesEventThrown(
    @Args('hostId', { type: () => Int, nullable: true }) _hostId?: number,
    @Args('eventTypeId', { type: () => Int, nullable: true }) _eventTypeId?: number,
  ) {
    return this.pubsub.asyncIterableIterator(HERMES_EVENTS);
  }
}
