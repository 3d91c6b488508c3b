import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { DeploySettingsService } from './deploy-settings.service';
import { DeployConfigInput, DeploySettingsListArgs } from './dto/deploy.inputs';
import { DeploySettings, DeploySettingsPage, toSettings } from './dto/deploy.objects';
import { configRequestOf } from './dto/deploy-request';

@Resolver(() => DeploySettings)
export class DeploySettingsResolver {
  constructor(private readonly settings: DeploySettingsService) {}

  @Query(() => DeploySettings, { description: "An application's deploy settings (view_app)" })
  async deploySettings(
    @CurrentPrincipal() actor: Principal,
    @Args('applicationId', { type: () => Int }) applicationId: number,
  ): Promise<DeploySettings> {
    return toSettings(await this.settings.get(actor, applicationId));
  }

  @Query(() => DeploySettingsPage, { description: 'Applications with deploy settings the caller may view' })
  async deploySettingsList(
    @CurrentPrincipal() actor: Principal,
    @Args() args: DeploySettingsListArgs,
  ): Promise<DeploySettingsPage> {
    const { offset, limit, ...filter } = args;
    const [views, total] = await this.settings.list(actor, filter, offset, limit);
    return { items: views.map(toSettings), total, offset, limit };
  }

  @Mutation(() => DeploySettings, { description: 'Changes the application’s own values (deploy_app)' })
  async updateDeploySettings(
    @CurrentPrincipal() actor: Principal,
    @Args('applicationId', { type: () => Int }) applicationId: number,
    @Args('input') input: DeployConfigInput,
  ): Promise<DeploySettings> {
    return toSettings(await this.settings.update(actor, applicationId, configRequestOf(input)));
  }

  @Mutation(() => DeploySettings)
  async linkDeployTemplate(
    @CurrentPrincipal() actor: Principal,
    @Args('applicationId', { type: () => Int }) applicationId: number,
    @Args('templateId', { type: () => Int }) templateId: number,
  ): Promise<DeploySettings> {
    return toSettings(await this.settings.linkTemplate(actor, applicationId, templateId));
  }

  @Mutation(() => DeploySettings, {
    description: 'clean: false copies what the template gave into the application, true drops it',
  })
  async unlinkDeployTemplate(
    @CurrentPrincipal() actor: Principal,
    @Args('applicationId', { type: () => Int }) applicationId: number,
    @Args('templateId', { type: () => Int }) templateId: number,
    @Args('clean', { defaultValue: false }) clean: boolean,
  ): Promise<DeploySettings> {
    return toSettings(await this.settings.unlinkTemplate(actor, applicationId, templateId, clean));
  }
}
