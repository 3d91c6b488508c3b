import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/paginated';
import { Application } from '../../cmdb/inventory/entities/application.entity';
import { DeployConfig, EffectiveConfig, HOOK_SLOTS, HookConfig, RepositoryConfig } from '../deploy-config';
import type { DeploySettingsView } from '../deploy-settings.service';
import { DeployScript } from '../entities/deploy-script.entity';
import { DeployTemplate } from '../entities/deploy-template.entity';
import { RepositoryCredential } from '../entities/repository-credential.entity';

@ObjectType({ description: 'Where the sources come from; the credential shows its type and user, never its secret' })
export class DeployRepository {
  @Field({ description: 'GIT, SVN, HTTP, FTP or PATH' })
  type: string;

  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  branch: string | null;

  @Field(() => Int, { nullable: true })
  credentialId: number | null;
}

@ObjectType()
export class DeployHook {
  @Field(() => Int)
  scriptId: number;

  @Field(() => String, { nullable: true, description: "Else the settings' script running user" })
  runningUser: string | null;
}

@ObjectType()
export class DeployHooks {
  @Field(() => DeployHook, { nullable: true })
  globalPreExec: DeployHook | null;

  @Field(() => DeployHook, { nullable: true })
  preExec: DeployHook | null;

  @Field(() => DeployHook, { nullable: true })
  postExec: DeployHook | null;

  @Field(() => DeployHook, { nullable: true })
  globalPostExec: DeployHook | null;
}

@ObjectType({ description: 'One layer of deploy settings, or their effective values; null: not set' })
export class DeployConfigLayer {
  @Field(() => Boolean, { nullable: true })
  enabled: boolean | null;

  @Field(() => DeployRepository, { nullable: true })
  repository: DeployRepository | null;

  @Field(() => String, { nullable: true })
  deployPath: string | null;

  @Field(() => String, { nullable: true })
  scriptRunningUser: string | null;

  @Field(() => Int, { nullable: true, description: 'Seconds' })
  timeout: number | null;

  @Field(() => Int, { nullable: true })
  keepBackups: number | null;

  @Field(() => DeployHooks)
  hooks: DeployHooks;

  @Field(() => [String], { description: 'Effective values only: the fields the template gave' })
  inherited: string[];
}

@ObjectType()
export class DeploySettings {
  @Field(() => Int)
  applicationId: number;

  @Field(() => Application)
  application: Application;

  @Field(() => DeployTemplate, { nullable: true })
  template: DeployTemplate | null;

  @Field(() => DeployConfigLayer, { description: "The application's own values" })
  own: DeployConfigLayer;

  @Field(() => DeployConfigLayer, { description: 'What a deploy uses: own values over the template, then defaults' })
  effective: DeployConfigLayer;

  @Field(() => String, { nullable: true })
  creator: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  updatedAt: Date | null;
}

@ObjectType()
export class DeploySettingsPage extends Paginated(DeploySettings) {}

@ObjectType()
export class DeployTemplatePage extends Paginated(DeployTemplate) {}

@ObjectType()
export class DeployScriptPage extends Paginated(DeployScript) {}

@ObjectType()
export class RepositoryCredentialPage extends Paginated(RepositoryCredential) {}

function hook(h: HookConfig | null): DeployHook | null {
  return h && Object.assign(new DeployHook(), h);
}

function repository(r: RepositoryConfig | null): DeployRepository | null {
  return r && Object.assign(new DeployRepository(), r);
}

export function toLayer(c: DeployConfig | EffectiveConfig): DeployConfigLayer {
  const hooks = new DeployHooks();
  for (const slot of HOOK_SLOTS) hooks[slot] = hook(c.hooks[slot]);
  return Object.assign(new DeployConfigLayer(), {
    enabled: c.enabled,
    repository: repository(c.repository),
    deployPath: c.deployPath,
    scriptRunningUser: c.scriptRunningUser,
    timeout: c.timeout,
    keepBackups: c.keepBackups,
    hooks,
    inherited: 'inherited' in c ? c.inherited : [],
  });
}

export function toSettings(v: DeploySettingsView): DeploySettings {
  return Object.assign(new DeploySettings(), {
    applicationId: v.application.id,
    application: v.application,
    template: v.template,
    own: toLayer(v.own),
    effective: toLayer(v.effective),
    creator: v.creatorName,
    updatedAt: v.updatedAt,
  });
}
