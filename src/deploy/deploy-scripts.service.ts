import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { AclService } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import { ApplicationInstancesService } from '../cmdb/inventory/application-instances.service';
import { ApplicationsService } from '../cmdb/inventory/applications.service';
import type { Application } from '../cmdb/inventory/entities/application.entity';
import { HostsService } from '../cmdb/inventory/hosts.service';
import type { Principal } from '../common/auth/principal';
import { sha256Hex } from '../common/crypto/sha256';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { containing, ESCAPE } from '../database/like';
import { Transactions } from '../database/transactions';
import { checkLanguage, checkName, checkTemplateEngine } from './deploy-input-rules';
import { DeploySettingsService } from './deploy-settings.service';
import { SCRIPT_COLUMNS } from './deploy-config-rows';
import { DeployScript } from './entities/deploy-script.entity';
import { DeploySetting } from './entities/deploy-setting.entity';
import { DeployTemplate } from './entities/deploy-template.entity';
import { DEPLOY_CONFIG_LOCK, DEPLOY_MGMT, DEPLOY_MODULE } from './repository-credentials.service';
import { ContextValue, sampleScriptContext, scriptContext } from './script-context';
import { ScriptRenderer } from './script-renderer.service';

/** A script's text is kept in a TEXT column (64 KiB on MySQL). */
export const MAX_SCRIPT_BYTES = 65535;

export interface NewScript {
  name: string;
  language: string;
  content: string;
  templateEngine?: string;
}

export type ScriptChanges = Partial<NewScript>;

export interface ScriptFilter {
  /** Part of the name. */
  name?: string;
  creator?: string;
  language?: string;
  /** Part of the content. */
  content?: string;
}

export interface ScriptRun {
  applicationId: number;
  instanceId?: number;
  version: string;
  task?: { id: number | string; level: string | null; description: string | null; operator: string | null };
}

/** The content by its length and digest: the audit log's columns do not hold a whole script. */
function snapshot(s: DeployScript): Record<string, unknown> {
  return {
    name: s.name,
    language: s.language,
    templateEngine: s.templateEngine,
    contentLength: s.content.length,
    contentSha256: sha256Hex(s.content),
  };
}

/**
 * Deploy scripts: bash or python, written as Jinja templates. A script is checked when it is saved
 * by rendering it with a sample of every variable; a script that fails is refused with its line.
 */
@Injectable()
export class DeployScriptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly renderer: ScriptRenderer,
    private readonly settings: DeploySettingsService,
    private readonly apps: ApplicationsService,
    private readonly instances: ApplicationInstancesService,
    private readonly hosts: HostsService,
  ) {}

  list(filter: ScriptFilter, offset: number, limit: number): Promise<[DeployScript[], number]> {
    const qb = this.dataSource.getRepository(DeployScript).createQueryBuilder('s');
    if (filter.name !== undefined) qb.andWhere(`s.name LIKE :name ${ESCAPE}`, { name: containing(filter.name) });
    if (filter.creator !== undefined) qb.andWhere('s.creatorName = :creator', { creator: filter.creator });
    if (filter.language !== undefined) qb.andWhere('s.language = :language', { language: filter.language });
    if (filter.content !== undefined) {
      qb.andWhere(`s.content LIKE :content ${ESCAPE}`, { content: containing(filter.content) });
    }
    return qb.orderBy('s.id').skip(offset).take(limit).getManyAndCount();
  }

  async get(id: number, field = 'id'): Promise<DeployScript> {
    const found = await this.dataSource.getRepository(DeployScript).findOneBy({ id });
    if (!found) throw new NotFoundError('deploy script', id, field);
    return found;
  }

  async byIds(ids: readonly number[]): Promise<Map<number, DeployScript>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(DeployScript).findBy({ id: In(unique) });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The applications whose deploys run the script, by full name. */
  async applicationsUsing(id: number, offset: number, limit: number): Promise<[Application[], number]> {
    await this.get(id);
    const ids = await this.settings.appIdsUsingScript(id);
    return this.apps.list({ ids }, offset, limit);
  }

  async create(actor: Principal, input: NewScript): Promise<DeployScript> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    const name = checkName('name', input.name);
    const language = checkLanguage('language', input.language);
    const templateEngine = checkTemplateEngine('template_engine', input.templateEngine ?? 'jinja');
    await this.checkContent(input.content);
    return this.tx.run(
      async (em) => {
        await this.checkNameFree(em, name, null);
        const saved = await em.save(
          em.create(DeployScript, {
            name,
            language,
            templateEngine,
            content: input.content,
            creatorName: actor.username,
          }),
        );
        await this.record(em, actor, saved, 'add_deploy_script', null, snapshot(saved));
        return saved;
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
  }

  async update(actor: Principal, id: number, changes: ScriptChanges): Promise<DeployScript> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    const name = changes.name === undefined ? undefined : checkName('name', changes.name);
    const language = changes.language === undefined ? undefined : checkLanguage('language', changes.language);
    const engine =
      changes.templateEngine === undefined ? undefined : checkTemplateEngine('template_engine', changes.templateEngine);
    if (changes.content !== undefined) await this.checkContent(changes.content);
    return this.tx.run(
      async (em) => {
        const script = await em.findOneBy(DeployScript, { id });
        if (!script) throw new NotFoundError('deploy script', id);
        const before = snapshot(script);
        if (name !== undefined) {
          await this.checkNameFree(em, name, id);
          script.name = name;
        }
        if (language !== undefined) script.language = language;
        if (engine !== undefined) script.templateEngine = engine;
        if (changes.content !== undefined) script.content = changes.content;
        const saved = await em.save(script);
        await this.record(em, actor, saved, 'update_deploy_script', before, snapshot(saved));
        return saved;
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
  }

  /** Refused while a template or an application's settings name it in a hook. */
  async remove(actor: Principal, id: number): Promise<void> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    await this.tx.run(
      async (em) => {
        const script = await em.findOneBy(DeployScript, { id });
        if (!script) throw new NotFoundError('deploy script', id);
        const usedBy = new Brackets((or) => SCRIPT_COLUMNS.forEach((c) => or.orWhere(`x.${c} = :id`, { id })));
        const templates = await em.createQueryBuilder(DeployTemplate, 'x').where(usedBy).getCount();
        const settings = await em.createQueryBuilder(DeploySetting, 'x').where(usedBy).getCount();
        if (templates + settings > 0) {
          throw new ConflictError(
            `deploy script "${script.name}" is a hook of ${templates} template(s) and ${settings} application(s)`,
            'id',
          );
        }
        await em.delete(DeployScript, { id });
        await this.record(em, actor, script, 'delete_deploy_script', snapshot(script), null);
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
  }

  /**
   * The variables a script sees for one application (and instance): its fields, the instance and
   * its host, the version and the task, and where its releases live by its effective settings.
   */
  async contextFor(run: ScriptRun): Promise<Record<string, ContextValue>> {
    const app = await this.apps.get(run.applicationId);
    const [view] = await this.settings.viewsOf([app]);
    const [instances] = await this.instances.instancesOf([app.id]);
    const instance = run.instanceId === undefined ? instances[0] : instances.find((i) => i.id === run.instanceId);
    if (run.instanceId !== undefined && !instance) throw new NotFoundError('instance', run.instanceId, 'instanceId');
    const [ips] = instance ? await this.hosts.ipsOf([instance.hostId]) : [[]];
    const e = view.effective;
    return scriptContext({
      application: app,
      instance: instance ? { id: instance.id, status: instance.status, version: instance.version } : null,
      host: instance?.host
        ? { id: instance.host.id, name: instance.host.name, addresses: ips.map((ip) => ip.address) }
        : null,
      version: run.version,
      task: run.task ?? null,
      settings: {
        deployPath: e.deployPath,
        keepBackups: e.keepBackups,
        timeout: e.timeout,
        runningUser: e.scriptRunningUser,
      },
    });
  }

  /** The script as it would run for the application (view_app), or with the sample variables. */
  async preview(actor: Principal, id: number, run?: ScriptRun): Promise<string> {
    const script = await this.get(id);
    if (!run) return this.renderer.render(script.content, sampleScriptContext());
    await this.acl.assert(actor, 'view_app', { type: 'application', id: run.applicationId });
    return this.renderer.render(script.content, await this.contextFor(run));
  }

  private async checkContent(content: string): Promise<void> {
    if (typeof content !== 'string' || content.trim() === '') throw new InvalidInputError('content', 'is required');
    if (Buffer.byteLength(content, 'utf8') > MAX_SCRIPT_BYTES) {
      throw new InvalidInputError('content', `must be at most ${MAX_SCRIPT_BYTES} bytes`);
    }
    await this.renderer.render(content, sampleScriptContext(), 'content');
  }

  private async checkNameFree(em: EntityManager, name: string, self: number | null): Promise<void> {
    const other = await em.findOneBy(DeployScript, { name });
    if (other && other.id !== self) throw new ConflictError(`deploy script "${name}" already exists`, 'name');
  }

  private record(
    em: EntityManager,
    actor: Principal,
    s: DeployScript,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: 'deploy',
      targetType: 'deploy_script',
      targetId: s.id,
      targetName: s.name,
      operation,
      before,
      after,
    });
  }
}
