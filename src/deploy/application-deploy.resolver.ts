import { ResolveField, Resolver } from '@nestjs/graphql';
import { Application } from '../cmdb/inventory/entities/application.entity';
import { GraphqlContext, principalOf, requestLoader } from '../common/graphql/request-loader';
import { DeploySettingsService } from './deploy-settings.service';
import { DeploySettings, toSettings } from './dto/deploy.objects';

/** An application's deploy settings as a field of the application, batched over a list. */
@Resolver(() => Application)
export class ApplicationDeployResolver {
  constructor(private readonly settings: DeploySettingsService) {}

  @ResolveField(() => DeploySettings, { nullable: true, description: 'Null without view_app on the application' })
  deploySettings(app: Application, _args: unknown, ctx: GraphqlContext): Promise<DeploySettings | null> {
    const actor = principalOf(ctx);
    return requestLoader<Application, DeploySettings | null>(ctx, 'deploy.appSettings', async (apps) => {
      const visible = await this.settings.viewable(
        actor,
        apps.map((a) => a.id),
      );
      const views = await this.settings.viewsOf(apps.filter((a) => visible.has(a.id)));
      return apps.map((a) => {
        const view = views.find((v) => v.application.id === a.id);
        return view ? toSettings(view) : null;
      });
    }).load(app);
  }
}
