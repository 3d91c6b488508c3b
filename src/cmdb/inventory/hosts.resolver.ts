import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { cursorOf, idOfCursor } from '../../common/pagination/cursor';
import { GraphqlContext, principalOf, requestLoader } from '../../common/graphql/request-loader';
import { ApplicationsService } from './applications.service';
import { HostInput, HostPage, HostsArgs } from './dto/host.inputs';
import { Application } from './entities/application.entity';
import { HostPoll } from './entities/host-poll.entity';
import { Host } from './entities/host.entity';
import { IpAddress } from './entities/ip-address.entity';
import { HostsService } from './hosts.service';

@Resolver(() => Host)
export class HostsResolver {
  constructor(
    private readonly hostsService: HostsService,
    private readonly apps: ApplicationsService,
  ) {}

  @Query(() => HostPage, { description: 'Hosts in id order, by offset and limit or by first and after' })
  async hosts(@Args() args: HostsArgs): Promise<HostPage> {
    const { offset, limit, first, after, ...filter } = args;
    // A client may send null for either argument it does not use.
    const afterId = after === undefined || after === null ? undefined : idOfCursor(after, 'after');
    if (afterId !== undefined && offset > 0) throw new InvalidInputError('after', 'cursor paging takes no offset');
    const size = first ?? limit;
    const hosts = this.hostsService;
    // One host past the page tells whether another page follows.
    const rows = await hosts.page({ ...filter, afterId }, offset, size + 1);
    const items = rows.slice(0, size);
    return {
      items,
      offset,
      limit: size,
      endCursor: items.length > 0 ? cursorOf(items[items.length - 1].id) : null,
      hasNextPage: rows.length > size,
      // The total of the whole filter, counted only when the query selects it.
      get total() {
        return hosts.count(filter);
      },
    };
  }

  @Query(() => Host)
  host(
    @Args('id', { type: () => Int, nullable: true }) id?: number,
    @Args('name', { nullable: true }) name?: string,
  ): Promise<Host> {
    if (id !== undefined) return this.hostsService.get(id);
    if (name !== undefined) return this.hostsService.getByName(name);
    throw new InvalidInputError('id', 'give an id or a name');
  }

  @ResolveField(() => [IpAddress])
  ips(host: Host, _args: unknown, ctx: GraphqlContext): Promise<IpAddress[]> {
    return requestLoader<number, IpAddress[]>(ctx, 'host.ips', (ids) => this.hostsService.ipsOf(ids)).load(host.id);
  }

  @ResolveField(() => HostPoll, { nullable: true, description: 'Latest poll by the scheduler' })
  poll(host: Host, _args: unknown, ctx: GraphqlContext): Promise<HostPoll | null> {
    return requestLoader<number, HostPoll | null>(ctx, 'host.poll', (ids) => this.hostsService.pollsOf(ids)).load(
      host.id,
    );
  }

  @ResolveField(() => [Application], { description: 'Applications with an instance on the host' })
  applications(host: Host, _args: unknown, ctx: GraphqlContext): Promise<Application[]> {
    return requestLoader<number, Application[]>(ctx, 'host.apps', (ids) => this.apps.appsOnHosts(ids)).load(host.id);
  }

  @ResolveField(() => [String], { description: 'What you may do with this host' })
  availableActions(host: Host, _args: unknown, ctx: GraphqlContext): Promise<string[]> {
    const actor = principalOf(ctx);
    return requestLoader<number, string[]>(ctx, 'host.actions', async (ids) => {
      const actions = await this.hostsService.availableActions(actor, ids);
      return ids.map((id) => actions.get(String(id)) ?? []);
    }).load(host.id);
  }

  @Mutation(() => Host)
  createHost(@CurrentPrincipal() actor: Principal, @Args('input') input: HostInput): Promise<Host> {
    if (input.name === undefined) throw new InvalidInputError('name', 'is required');
    return this.hostsService.create(actor, { ...input, name: input.name });
  }

  @Mutation(() => Host)
  updateHost(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: HostInput,
  ): Promise<Host> {
    return this.hostsService.update(actor, id, input);
  }

  @Mutation(() => Boolean)
  async deleteHost(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.hostsService.remove(actor, id);
    return true;
  }
}
