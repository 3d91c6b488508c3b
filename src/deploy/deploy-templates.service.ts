import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AclService } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import { ApplicationsService } from '../cmdb/inventory/applications.service';
import type { Application } from '../cmdb/inventory/entities/application.entity';
import type { Principal } from '../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { containing, ESCAPE } from '../database/like';
import { Transactions } from '../database/transactions';
import { DeployConfig, emptyConfig } from './deploy-config';
import { ConfigRequest, DeployConfigWriter } from './deploy-config-writer';
import { checkName } from './deploy-input-rules';
import { DeploySettingsService } from './deploy-settings.service';
import { assignConfig, configOf } from './deploy-config-rows';
import { DeploySetting } from './entities/deploy-setting.entity';
import { DeployTemplate } from './entities/deploy-template.entity';
import { DEPLOY_CONFIG_LOCK, DEPLOY_MGMT, DEPLOY_MODULE } from './repository-credentials.service';

export interface TemplateInput {
  name?: string;
  config: ConfigRequest;
  /** The applications linked to the template: these and no others (each needs deploy_app). */
  applicationIds?: number[];
}

export interface TemplateFilter {
  /** Part of the name. */
  name?: string;
  creator?: string;
}

function snapshot(t: DeployTemplate, c: DeployConfig = configOf(t)): Record<string, unknown> {
  return { name: t.name, ...c };
}

/**
 * Deploy templates: settings many applications share. A template links no other template, so
 * what an application inherits is one level deep and no cycle can form. Managing templates needs
 * enable_deploy_template_mgmt; linking an application also needs deploy_app on it.
 */
@Injectable()
export class DeployTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly apps: ApplicationsService,
    private readonly settings: DeploySettingsService,
    private readonly writer: DeployConfigWriter,
  ) {}

  list(filter: TemplateFilter, offset: number, limit: number): Promise<[DeployTemplate[], number]> {
    const qb = this.dataSource.getRepository(DeployTemplate).createQueryBuilder('t');
    if (filter.name !== undefined) qb.andWhere(`t.name LIKE :name ${ESCAPE}`, { name: containing(filter.name) });
    if (filter.creator !== undefined) qb.andWhere('t.creatorName = :creator', { creator: filter.creator });
    return qb.orderBy('t.id').skip(offset).take(limit).getManyAndCount();
  }

  async get(id: number, field = 'id'): Promise<DeployTemplate> {
    const found = await this.dataSource.getRepository(DeployTemplate).findOneBy({ id });
    if (!found) throw new NotFoundError('deploy template', id, field);
    return found;
  }

  async byIds(ids: readonly number[]): Promise<Map<number, DeployTemplate>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(DeployTemplate).findBy({ id: In(unique) });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The applications linked to each template, in two queries. */
  async applicationsOf(templateIds: readonly number[]): Promise<Application[][]> {
    const byTemplate = await this.settings.appIdsOfTemplates(templateIds);
    const ids = [...new Set([...byTemplate.values()].flat())];
    const [apps] = ids.length ? await this.apps.list({ ids }, 0, ids.length) : [[]];
    return templateIds.map((t) =>
      (byTemplate.get(t) ?? []).map((id) => apps.find((a) => a.id === id)).filter((a): a is Application => !!a),
    );
  }

  /** The seed's rules: a name, a repository and a deploy path; enabled unless said otherwise. */
  async create(actor: Principal, input: TemplateInput): Promise<DeployTemplate> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    if (input.name === undefined) throw new InvalidInputError('name', 'is required');
    const name = checkName('name', input.name);
    if (!input.config.repository) throw new InvalidInputError('repository', 'is required');
    if (!input.config.deployPath) throw new InvalidInputError('deploy_path', 'is required');
    const apps = await this.existingApps(input.applicationIds);
    return this.tx.run(
      async (em) => {
        await this.checkNameFree(em, name, null);
        const config = await this.writer.apply(em, actor, emptyConfig(), null, input.config);
        const template = em.create(DeployTemplate, { name, creatorName: actor.username });
        assignConfig(template, { ...config, enabled: config.enabled ?? true });
        const saved = await em.save(template);
        await this.record(em, actor, saved, 'add_deploy_template', null, snapshot(saved));
        if (apps) await this.linkExactly(em, actor, saved, apps);
        return saved;
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
  }

  async update(actor: Principal, id: number, input: TemplateInput): Promise<DeployTemplate> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    const name = input.name === undefined ? undefined : checkName('name', input.name);
    const apps = await this.existingApps(input.applicationIds);
    return this.tx.run(
      async (em) => {
        const template = await em.findOneBy(DeployTemplate, { id });
        if (!template) throw new NotFoundError('deploy template', id);
        const before = snapshot(template);
        if (name !== undefined) {
          await this.checkNameFree(em, name, id);
          template.name = name;
        }
        const own = configOf(template);
        const config = await this.writer.apply(em, actor, own, null, input.config);
        // A template is the bottom layer: unsetting enabled means the default, enabled.
        assignConfig(template, { ...config, enabled: config.enabled ?? true });
        const saved = await em.save(template);
        await this.record(em, actor, saved, 'update_deploy_template', before, snapshot(saved));
        if (apps) await this.linkExactly(em, actor, saved, apps);
        return saved;
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
  }

  /** Refused while applications are linked to it. */
  async remove(actor: Principal, id: number): Promise<void> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    await this.tx.run(
      async (em) => {
        const template = await em.findOneBy(DeployTemplate, { id });
        if (!template) throw new NotFoundError('deploy template', id);
        const linked = await em.countBy(DeploySetting, { templateId: id });
        if (linked > 0) {
          throw new ConflictError(`deploy template "${template.name}" is linked to ${linked} application(s)`, 'id');
        }
        await em.delete(DeployTemplate, { id });
        await this.record(em, actor, template, 'delete_deploy_template', snapshot(template), null);
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
  }

  /** Links these applications and unlinks the others (which keep what the template gave them). */
  private async linkExactly(em: EntityManager, actor: Principal, template: DeployTemplate, apps: Application[]) {
    const wanted = new Set(apps.map((a) => a.id));
    for (const [i, app] of apps.entries()) {
      await this.acl.assert(actor, 'deploy_app', { type: 'application', id: app.id });
      await this.settings.linkIn(em, actor, app, template.id, `applications[${i}]`);
    }
    const linked = await em.findBy(DeploySetting, { templateId: template.id });
    const gone = linked.filter((row) => !wanted.has(row.applicationId));
    if (gone.length === 0) return;
    const [goneApps] = await this.apps.list({ ids: gone.map((g) => g.applicationId) }, 0, gone.length);
    for (const row of gone) {
      const app = goneApps.find((a) => a.id === row.applicationId);
      if (!app) continue;
      await this.acl.assert(actor, 'deploy_app', { type: 'application', id: app.id });
      await this.settings.unlinkIn(em, actor, app, row, false);
    }
  }

  private async existingApps(ids: number[] | undefined): Promise<Application[] | undefined> {
    if (ids === undefined) return undefined;
    const unique = [...new Set(ids)];
    const [apps] = unique.length ? await this.apps.list({ ids: unique }, 0, unique.length) : [[]];
    ids.forEach((id, i) => {
      if (!apps.some((a) => a.id === id)) throw new NotFoundError('application', id, `applications[${i}]`);
    });
    return unique.map((id) => apps.find((a) => a.id === id) as Application);
  }

  private async checkNameFree(em: EntityManager, name: string, self: number | null): Promise<void> {
    const other = await em.findOneBy(DeployTemplate, { name });
    if (other && other.id !== self) throw new ConflictError(`deploy template "${name}" already exists`, 'name');
  }

  private record(
    em: EntityManager,
    actor: Principal,
    t: DeployTemplate,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: 'deploy',
      targetType: 'deploy_template',
      targetId: t.id,
      targetName: t.name,
      operation,
      before,
      after,
    });
  }
}
