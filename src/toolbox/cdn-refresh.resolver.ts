import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { CdnProvidersService } from './cdn-providers.service';
import { CdnRefreshService } from './cdn-refresh.service';
import { CdnProviderInput, CdnRefreshTaskInput, CdnRefreshTaskPage, CdnRefreshTasksArgs } from './dto/toolbox.inputs';
import { CdnProviderSetting } from './entities/cdn-provider-setting.entity';
import { CdnRefreshTask } from './entities/cdn-refresh-task.entity';

@Resolver(() => CdnProviderSetting)
export class CdnRefreshResolver {
  constructor(
    private readonly refresh: CdnRefreshService,
    private readonly providers: CdnProvidersService,
  ) {}

  @Query(() => CdnRefreshTaskPage)
  async cdnRefreshTasks(
    @CurrentPrincipal() actor: Principal,
    @Args() args: CdnRefreshTasksArgs,
  ): Promise<CdnRefreshTaskPage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.refresh.list(actor, filter, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => CdnRefreshTask)
  cdnRefreshTask(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    return this.refresh.get(actor, id);
  }

  @Mutation(() => CdnRefreshTask, {
    description: 'Runs on the job queue; status moves from RUNNING to FINISHED or FAILED',
  })
  createCdnRefreshTask(@CurrentPrincipal() actor: Principal, @Args('input') input: CdnRefreshTaskInput) {
    return this.refresh.create(actor, input);
  }

  @Query(() => [CdnProviderSetting], { description: 'Administrators: where each provider is; never its secret' })
  cdnProviders(@CurrentPrincipal() actor: Principal) {
    return this.providers.list(actor);
  }

  @Mutation(() => CdnProviderSetting, { description: 'Administrators: set a provider’s endpoint and credentials' })
  configureCdnProvider(@CurrentPrincipal() actor: Principal, @Args('input') input: CdnProviderInput) {
    return this.providers.configure(actor, input);
  }

  @ResolveField(() => Boolean, { description: 'Whether a secret is stored (it is never shown)' })
  hasSecret(setting: CdnProviderSetting): boolean {
    return setting.sealedSecret !== null;
  }
}
