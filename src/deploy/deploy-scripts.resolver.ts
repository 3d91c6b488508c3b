import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApplicationPage } from '../cmdb/inventory/dto/application.inputs';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError } from '../common/errors/domain-errors';
import { DeployScriptsService } from './deploy-scripts.service';
import { DeployScriptInput, DeployScriptsArgs, ScriptApplicationsArgs, ScriptPreviewArgs } from './dto/deploy.inputs';
import { DeployScriptPage } from './dto/deploy.objects';
import { DeployScript } from './entities/deploy-script.entity';

@Resolver(() => DeployScript)
export class DeployScriptsResolver {
  constructor(private readonly scripts: DeployScriptsService) {}

  @Query(() => DeployScriptPage)
  async deployScripts(@Args() args: DeployScriptsArgs): Promise<DeployScriptPage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.scripts.list(filter, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => DeployScript)
  deployScript(@Args('id', { type: () => Int }) id: number): Promise<DeployScript> {
    return this.scripts.get(id);
  }

  @Query(() => ApplicationPage, { description: 'The applications whose deploys run the script' })
  async deployScriptApplications(@Args() { id, offset, limit }: ScriptApplicationsArgs): Promise<ApplicationPage> {
    const [items, total] = await this.scripts.applicationsUsing(id, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => String, { description: 'The script rendered for an application (view_app), or with sample variables' })
  previewDeployScript(@CurrentPrincipal() actor: Principal, @Args() args: ScriptPreviewArgs): Promise<string> {
    const { id, applicationId, instanceId, version } = args;
    return this.scripts.preview(
      actor,
      id,
      applicationId === undefined ? undefined : { applicationId, instanceId, version },
    );
  }

  @Mutation(() => DeployScript)
  createDeployScript(@CurrentPrincipal() actor: Principal, @Args('input') input: DeployScriptInput) {
    for (const field of ['name', 'language', 'content'] as const) {
      if (input[field] === undefined || input[field] === null) throw new InvalidInputError(field, 'is required');
    }
    return this.scripts.create(actor, {
      name: input.name as string,
      language: input.language as string,
      content: input.content as string,
      templateEngine: input.templateEngine ?? undefined,
    });
  }

  @Mutation(() => DeployScript)
  updateDeployScript(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: DeployScriptInput,
  ) {
    return this.scripts.update(actor, id, {
      name: input.name ?? undefined,
      language: input.language ?? undefined,
      content: input.content ?? undefined,
      templateEngine: input.templateEngine ?? undefined,
    });
  }

  @Mutation(() => Boolean, { description: 'Refused while a template or an application uses it' })
  async deleteDeployScript(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    await this.scripts.remove(actor, id);
    return true;
  }
}
