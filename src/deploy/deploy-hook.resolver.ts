import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { DeployScriptsService } from './deploy-scripts.service';
import { DeployHook } from './dto/deploy.objects';
import { DeployScript } from './entities/deploy-script.entity';

/** A hook's script, batched over every hook of a response. */
@Resolver(() => DeployHook)
export class DeployHookResolver {
  constructor(private readonly scripts: DeployScriptsService) {}

  @ResolveField(() => DeployScript, { nullable: true })
  script(hook: DeployHook, _args: unknown, ctx: GraphqlContext): Promise<DeployScript | null> {
    return requestLoader<number, DeployScript | null>(ctx, 'deploy.script', async (ids) => {
      const byId = await this.scripts.byIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    }).load(hook.scriptId);
  }
}
