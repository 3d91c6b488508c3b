import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Application } from '../cmdb/inventory/entities/application.entity';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { DeployTemplatesService } from './deploy-templates.service';
import { DeployTemplateInput, DeployTemplatesArgs } from './dto/deploy.inputs';
import { DeployConfigLayer, DeployTemplatePage, toLayer } from './dto/deploy.objects';
import { configRequestOf } from './dto/deploy-request';
import { configOf } from './deploy-config-rows';
import { DeployTemplate } from './entities/deploy-template.entity';

@Resolver(() => DeployTemplate)
export class DeployTemplatesResolver {
  constructor(private readonly templates: DeployTemplatesService) {}

  @Query(() => DeployTemplatePage)
  async deployTemplates(@Args() args: DeployTemplatesArgs): Promise<DeployTemplatePage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.templates.list(filter, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => DeployTemplate)
  deployTemplate(@Args('id', { type: () => Int }) id: number): Promise<DeployTemplate> {
    return this.templates.get(id);
  }

  @ResolveField(() => DeployConfigLayer)
  config(template: DeployTemplate): DeployConfigLayer {
    return toLayer(configOf(template));
  }

  @ResolveField(() => [Application], { description: 'The applications linked to it' })
  applications(template: DeployTemplate, _args: unknown, ctx: GraphqlContext): Promise<Application[]> {
    return requestLoader<number, Application[]>(ctx, 'deploy.templateApps', (ids) =>
      this.templates.applicationsOf(ids),
    ).load(template.id);
  }

  @Mutation(() => DeployTemplate)
  createDeployTemplate(@CurrentPrincipal() actor: Principal, @Args('input') input: DeployTemplateInput) {
    return this.templates.create(actor, {
      name: input.name ?? undefined,
      config: configRequestOf(input.config),
      applicationIds: input.applicationIds ?? undefined,
    });
  }

  @Mutation(() => DeployTemplate)
  updateDeployTemplate(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: DeployTemplateInput,
  ) {
    return this.templates.update(actor, id, {
      name: input.name ?? undefined,
      config: configRequestOf(input.config),
      applicationIds: input.applicationIds ?? undefined,
    });
  }

  @Mutation(() => Boolean, { description: 'Refused while applications are linked to it' })
  async deleteDeployTemplate(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.templates.remove(actor, id);
    return true;
  }
}
