import { Injectable } from '@nestjs/common';
import type { Application } from '../../cmdb/inventory/entities/application.entity';
import {
  DeployConfig,
  EffectiveConfig,
  HOOK_SLOTS,
  HOOK_WIRE_NAMES,
  HookConfig,
  RepositoryConfig,
  scriptIdsOf,
} from '../../deploy/deploy-config';
import { DeployScriptsService } from '../../deploy/deploy-scripts.service';
import type { DeploySettingsView } from '../../deploy/deploy-settings.service';
import { DeployTemplatesService } from '../../deploy/deploy-templates.service';
import { configOf } from '../../deploy/deploy-config-rows';
import type { DeployScript } from '../../deploy/entities/deploy-script.entity';
import type { DeployTemplate } from '../../deploy/entities/deploy-template.entity';
import type { RepositoryCredential } from '../../deploy/entities/repository-credential.entity';
import { RepositoryCredentialsService } from '../../deploy/repository-credentials.service';

/** Seed 003's credential object, without its secret: the seed's example echoes the password, this never does. */
export interface PlatformCredential {
  id: number;
  name: string;
  type: string;
  username: string;
}

export interface PlatformScript {
  id: number;
  name: string;
  creator: string | null;
  language: string;
  content: string;
  template_engine: string;
}

interface PlatformRepository {
  type: string;
  url: string;
  branch: string | null;
  credential: PlatformCredential | null;
}

type PlatformHook = { running_user: string | null; script: PlatformScript | null } | null;

export interface PlatformDeployConfig {
  enabled: boolean | null;
  repository: PlatformRepository | null;
  deploy_path: string | null;
  script_running_user: string | null;
  timeout: number | null;
  keep_backups: number | null;
  lifecycle_hooks: Record<string, string | null | PlatformHook>;
}

export function toPlatformCredential(c: RepositoryCredential): PlatformCredential {
  return { id: c.id, name: c.name, type: c.type, username: c.username };
}

export function toPlatformScript(s: DeployScript): PlatformScript {
  return {
    id: s.id,
    name: s.name,
    creator: s.creatorName,
    language: s.language,
    content: s.content,
    template_engine: s.templateEngine,
  };
}

export function toPlatformAppRef(a: Application): { id: number; name: string; full_name: string } {
  return { id: a.id, name: a.name, full_name: a.fullName };
}

/** Deploy settings and templates in the platform's shape, their credentials and scripts loaded in one go. */
@Injectable()
export class PlatformDeployWire {
  constructor(
    private readonly credentials: RepositoryCredentialsService,
    private readonly scripts: DeployScriptsService,
    private readonly templates: DeployTemplatesService,
  ) {}

  async settings(views: readonly DeploySettingsView[]) {
    const render = await this.renderer(views.map((v) => v.effective));
    return views.map((v) => ({
      application: v.application.id,
      enabled: v.effective.enabled,
      template: v.template && { id: v.template.id, name: v.template.name },
      creator: v.creatorName,
      ...render(v.effective),
      // Which of the values came from the template.
      inherited: v.effective.inherited.map(wireField),
    }));
  }

  async templateObjects(rows: readonly DeployTemplate[]) {
    const configs = rows.map((t) => configOf(t));
    const [render, apps] = await Promise.all([
      this.renderer(configs),
      this.templates.applicationsOf(rows.map((t) => t.id)),
    ]);
    return rows.map((t, i) => ({
      id: t.id,
      name: t.name,
      creator: t.creatorName,
      applications: apps[i].map(toPlatformAppRef),
      ...render(configs[i]),
      enabled: configs[i].enabled ?? true,
    }));
  }

  private async renderer(configs: readonly (DeployConfig | EffectiveConfig)[]) {
    const credentialIds = configs.map((c) => c.repository?.credentialId).filter((id): id is number => !!id);
    const [credentials, scripts] = await Promise.all([
      this.credentials.byIds(credentialIds),
      this.scripts.byIds(configs.flatMap(scriptIdsOf)),
    ]);
    const repository = (r: RepositoryConfig | null): PlatformRepository | null => {
      if (!r) return null;
      const c = r.credentialId === null ? undefined : credentials.get(r.credentialId);
      return { type: r.type, url: r.url, branch: r.branch, credential: c ? toPlatformCredential(c) : null };
    };
    const hook = (h: HookConfig | null): PlatformHook => {
      if (!h) return null;
      const s = scripts.get(h.scriptId);
      return { running_user: h.runningUser, script: s ? toPlatformScript(s) : null };
    };
    return (c: DeployConfig | EffectiveConfig): Omit<PlatformDeployConfig, 'enabled'> => {
      const hooks: PlatformDeployConfig['lifecycle_hooks'] = { running_user: c.scriptRunningUser };
      for (const slot of HOOK_SLOTS) hooks[HOOK_WIRE_NAMES[slot]] = hook(c.hooks[slot]);
      // The seed's examples spell it so; clients written against them read this key.
      hooks.glboal_post_exec = hooks.global_post_exec;
      return {
        repository: repository(c.repository),
        deploy_path: c.deployPath,
        script_running_user: c.scriptRunningUser,
        timeout: c.timeout,
        keep_backups: c.keepBackups,
        lifecycle_hooks: hooks,
      };
    };
  }
}

/** A config field in the platform's names: deployPath -> deploy_path, hooks.preExec -> lifecycle_hooks.pre_exec. */
function wireField(field: string): string {
  const slot = HOOK_SLOTS.find((s) => field === `hooks.${s}`);
  if (slot) return `lifecycle_hooks.${HOOK_WIRE_NAMES[slot]}`;
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
