import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError } from '../common/errors/domain-errors';
import { GraphqlContext, principalOf, requestLoader } from '../common/graphql/request-loader';
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

  @Query(() => HostPage)
  async hosts(@Args() args: HostsArgs): Promise<HostPage> {
    const { offset, limit, ...filter } = args;
    const hosts = this.hostsService;
    const items = await hosts.page(filter, offset, limit);
    return {
      items,
      offset,
      limit,
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
