import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { GraphqlContext, principalOf, requestLoader } from '../../common/graphql/request-loader';
import { ApplicationDependenciesService } from './application-dependencies.service';
import { ApplicationInstancesService } from './application-instances.service';
import { ApplicationPersonsService } from './application-persons.service';
import { ApplicationsService } from './applications.service';
import {
  ApplicationInput,
  ApplicationPage,
  ApplicationsArgs,
  InstanceInputType,
  PersonInputType,
} from './dto/application.inputs';
import { ApplicationInstance } from './entities/application-instance.entity';
import { Application } from './entities/application.entity';
import { ResponsePerson } from './entities/response-person.entity';

@Resolver(() => Application)
export class ApplicationsResolver {
  constructor(
    private readonly appsService: ApplicationsService,
    private readonly dependencies: ApplicationDependenciesService,
    private readonly instancesService: ApplicationInstancesService,
    private readonly persons: ApplicationPersonsService,
  ) {}

  @Query(() => ApplicationPage, { description: 'Applications in full-name order' })
  async applications(@Args() args: ApplicationsArgs): Promise<ApplicationPage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.appsService.list(filter, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => Application)
  application(@Args('id', { type: () => Int }) id: number): Promise<Application> {
    return this.appsService.get(id);
  }

  @ResolveField(() => [Application])
  children(app: Application, _args: unknown, ctx: GraphqlContext): Promise<Application[]> {
    return requestLoader<number, Application[]>(ctx, 'app.children', (ids) => this.appsService.childrenOf(ids)).load(
      app.id,
    );
  }

  @ResolveField(() => [Application], { description: 'Root first' })
  ancestors(app: Application): Promise<Application[]> {
    return this.appsService.ancestors(app.id);
  }

  @ResolveField(() => [Application], { description: 'Applications this one depends on' })
  requires(app: Application): Promise<Application[]> {
    return this.dependencies.requirementsOf(app.id, 'requires');
  }

  @ResolveField(() => [Application], { description: 'Applications that depend on this one' })
  requiredBy(app: Application): Promise<Application[]> {
    return this.dependencies.requirementsOf(app.id, 'required_by');
  }

  @ResolveField(() => [ApplicationInstance])
  instances(app: Application, _args: unknown, ctx: GraphqlContext): Promise<ApplicationInstance[]> {
    return requestLoader<number, ApplicationInstance[]>(ctx, 'app.instances', (ids) =>
      this.instancesService.instancesOf(ids),
    ).load(app.id);
  }

  @ResolveField(() => [ResponsePerson])
  responsePersons(app: Application, _args: unknown, ctx: GraphqlContext): Promise<ResponsePerson[]> {
    return requestLoader<number, ResponsePerson[]>(ctx, 'app.persons', (ids) =>
      this.persons.responsePersonsOf(ids),
    ).load(app.id);
  }

  @ResolveField(() => [String], { description: 'What you may do with this application' })
  availableActions(app: Application, _args: unknown, ctx: GraphqlContext): Promise<string[]> {
    const actor = principalOf(ctx);
    return requestLoader<number, string[]>(ctx, 'app.actions', async (ids) => {
      const actions = await this.appsService.availableActions(actor, ids);
      return ids.map((id) => actions.get(String(id)) ?? []);
    }).load(app.id);
  }

  @Mutation(() => Application)
  createApplication(@CurrentPrincipal() actor: Principal, @Args('input') input: ApplicationInput) {
    if (input.name === undefined) throw new InvalidInputError('name', 'is required');
    return this.appsService.create(actor, { ...input, name: input.name });
  }

  @Mutation(() => Application, { description: 'Renaming or moving keeps the full names below it right' })
  updateApplication(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: ApplicationInput,
  ) {
    return this.appsService.update(actor, id, input);
  }

  @Mutation(() => Boolean)
  async deleteApplication(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.appsService.remove(actor, id);
    return true;
  }

  @Mutation(() => Application, { description: 'add: true adds the dependencies, false removes them' })
  async setRequiredApps(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('requiredIds', { type: () => [Int] }) requiredIds: number[],
    @Args('add') add: boolean,
  ) {
    await this.dependencies.changeRequirements(actor, id, requiredIds, add ? 'add' : 'remove');
    return this.appsService.get(id);
  }

  @Mutation(() => Application)
  async setApplicationInstances(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('instances', { type: () => [InstanceInputType] }) instances: InstanceInputType[],
    @Args('add') add: boolean,
  ) {
    await this.instancesService.changeInstances(actor, id, instances, add ? 'add' : 'remove');
    return this.appsService.get(id);
  }

  @Mutation(() => Application)
  async setResponsePersons(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('persons', { type: () => [PersonInputType] }) persons: PersonInputType[],
    @Args('add') add: boolean,
  ) {
    await this.persons.changeResponsePersons(actor, id, persons, add ? 'add' : 'remove');
    return this.appsService.get(id);
  }
}
