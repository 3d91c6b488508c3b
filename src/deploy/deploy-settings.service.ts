import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { AclService } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import { ApplicationsService } from '../cmdb/inventory/applications.service';
import type { Application } from '../cmdb/inventory/entities/application.entity';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { Transactions } from '../database/transactions';
import {
  cloneConfig,
  configChanges,
  DeployConfig,
  describeChanges,
  effectiveConfig,
  EffectiveConfig,
  emptyConfig,
  HOOK_SLOTS,
  unlinkTemplate,
} from './deploy-config';
import { ConfigRequest, DeployConfigWriter } from './deploy-config-writer';
import { assignConfig, configOf, SCRIPT_COLUMNS } from './deploy-config-rows';
import { DeploySetting } from './entities/deploy-setting.entity';
import { DeployTemplate } from './entities/deploy-template.entity';
import { DEPLOY_CONFIG_LOCK } from './repository-credentials.service';

/** An application's deploy settings as read: its own layer, its template's, and the result. */
export interface DeploySettingsView {
  application: Application;
  template: DeployTemplate | null;
  own: DeployConfig;
  effective: EffectiveConfig;
  creatorName: string | null;
  updatedAt: Date | null;
}

export interface DeploySettingsFilter {
  templateId?: number;
}

type AppRef = Pick<Application, 'id' | 'fullName'>;

/**
 * Each application's deploy settings: its own values, optionally over a template's. Reading needs
 * view_app on the application, changing deploy_app; every change is one `change_deploy_setting`
 * entry in the application's audit trail, with the layer before and after.
 */
@Injectable()
export class DeploySettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly apps: ApplicationsService,
    private readonly writer: DeployConfigWriter,
  ) {}

  async get(actor: Principal, appId: number): Promise<DeploySettingsView> {
    const app = await this.apps.get(appId);
    await this.acl.assert(actor, 'view_app', { type: 'application', id: appId });
    const [view] = await this.viewsOf([app]);
    return view;
  }

  /** Views of these applications, in two queries; no permission check (callers filter). */
  async viewsOf(apps: readonly Application[]): Promise<DeploySettingsView[]> {
    if (apps.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(DeploySetting)
      .findBy({ applicationId: In(apps.map((a) => a.id)) });
    const templateIds = [...new Set(rows.map((r) => r.templateId).filter((id): id is number => id !== null))];
    const templates = templateIds.length
      ? await this.dataSource.getRepository(DeployTemplate).findBy({ id: In(templateIds) })
      : [];
    return apps.map((application) => {
      const row = rows.find((r) => r.applicationId === application.id);
      const template = (row && templates.find((t) => t.id === row.templateId)) ?? null;
      const own = row ? configOf(row) : emptyConfig();
      return {
        application,
        template,
        own,
        effective: effectiveConfig(own, template && configOf(template)),
        creatorName: row?.creatorName ?? null,
        updatedAt: row?.updatedAt ?? null,
      };
    });
  }

  /** Which of these applications the caller may read the settings of. */
  async viewable(actor: Principal, appIds: readonly number[]): Promise<Set<number>> {
    const actions = await this.acl.availableActions(actor, 'application', appIds, ['view_app']);
    return new Set(appIds.filter((id) => actions.get(String(id))?.length));
  }

  /**
   * Applications that have settings (optionally linked to a template) and that the caller may
   * view, by application id: a fixed number of queries whatever the page.
   */
  async list(
    actor: Principal,
    filter: DeploySettingsFilter,
    offset: number,
    limit: number,
  ): Promise<[DeploySettingsView[], number]> {
    const qb = this.dataSource
      .getRepository(DeploySetting)
      .createQueryBuilder('s')
      .select('s.applicationId', 'appId')
      .orderBy('s.applicationId');
    if (filter.templateId !== undefined) qb.where('s.templateId = :t', { t: filter.templateId });
    const all = (await qb.getRawMany<{ appId: number }>()).map((r) => Number(r.appId));
    const visible = actor.isAdmin ? all : [...(await this.viewable(actor, all))];
    const ids = visible.slice(offset, offset + limit);
    const [apps] = await this.apps.list({ ids }, 0, ids.length || 1);
    const byId = new Map(apps.map((a) => [a.id, a]));
    return [await this.viewsOf(ids.map((id) => byId.get(id)).filter((a): a is Application => !!a)), visible.length];
  }

  async update(actor: Principal, appId: number, request: ConfigRequest): Promise<DeploySettingsView> {
    const app = await this.apps.get(appId);
    await this.acl.assert(actor, 'deploy_app', { type: 'application', id: appId });
    await this.tx.run(
      async (em) => {
        const { row, template } = await this.rowOf(em, actor, appId);
        const own = configOf(row);
        const inherited = template ? configOf(template).repository : null;
        const next = await this.writer.apply(em, actor, own, inherited, request);
        await this.save(em, actor, app, row, row.templateId, next, own, row.templateId);
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
    // Changing takes deploy_app, not view_app: answer what was written without asking for both.
    const [view] = await this.viewsOf([app]);
    return view;
  }

  /** Links the application to a template (replacing any other link); its own values stay. */
  async linkTemplate(actor: Principal, appId: number, templateId: number): Promise<DeploySettingsView> {
    const app = await this.apps.get(appId);
    await this.acl.assert(actor, 'deploy_app', { type: 'application', id: appId });
    await this.tx.run((em) => this.linkIn(em, actor, app, templateId, 'id'), { lock: DEPLOY_CONFIG_LOCK });
    const [view] = await this.viewsOf([app]);
    return view;
  }

  /**
   * Unlinks `templateId`, which must be the one linked. Without `clean` the inherited values are
   * copied into the application's own, so nothing changes for its deploys; with it they are dropped.
   */
  async unlinkTemplate(
    actor: Principal,
    appId: number,
    templateId: number,
    clean: boolean,
  ): Promise<DeploySettingsView> {
    const app = await this.apps.get(appId);
    await this.acl.assert(actor, 'deploy_app', { type: 'application', id: appId });
    await this.tx.run(
      async (em) => {
        const { row } = await this.rowOf(em, actor, appId);
        if (row.templateId !== templateId) {
          throw new InvalidInputError(
            'id',
            row.templateId === null
              ? `application "${app.fullName}" is linked to no template`
              : `application "${app.fullName}" is linked to template ${row.templateId}, not ${templateId}`,
          );
        }
        await this.unlinkIn(em, actor, app, row, clean);
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
    const [view] = await this.viewsOf([app]);
    return view;
  }

  /**
   * In the caller's transaction (and permission checked by it): links the application to a
   * template. `field` names the template in errors.
   */
  async linkIn(em: EntityManager, actor: Principal, app: AppRef, templateId: number, field: string): Promise<void> {
    const target = await em.findOneBy(DeployTemplate, { id: templateId });
    if (!target) throw new NotFoundError('deploy template', templateId, field);
    const { row } = await this.rowOf(em, actor, app.id);
    if (row.templateId === templateId) return;
    const own = configOf(row);
    await this.save(em, actor, app, row, templateId, own, own, row.templateId, [`link template ${target.name}`]);
  }

  /** In the caller's transaction: unlinks whatever template the application has, keeping its effective values. */
  async unlinkIn(em: EntityManager, actor: Principal, app: AppRef, row: DeploySetting, clean: boolean): Promise<void> {
    const template = row.templateId === null ? null : await em.findOneBy(DeployTemplate, { id: row.templateId });
    if (!template) return;
    const own = configOf(row);
    const next = unlinkTemplate(own, configOf(template), clean);
    const what = `unlink template ${template.name}${clean ? ', dropping what it gave' : ', keeping what it gave'}`;
    await this.save(em, actor, app, row, null, next, own, row.templateId, [what]);
  }

  /** The settings row of an application in `em`, unsaved when it has none yet, with its template. */
  async rowOf(
    em: EntityManager,
    actor: Principal,
    appId: number,
  ): Promise<{ row: DeploySetting; template: DeployTemplate | null }> {
    const found = await em.findOneBy(DeploySetting, { applicationId: appId });
    const row =
      found ?? em.create(DeploySetting, { applicationId: appId, templateId: null, creatorName: actor.username });
    if (!found) assignConfig(row, emptyConfig());
    const template = row.templateId === null ? null : await em.findOneBy(DeployTemplate, { id: row.templateId });
    return { row, template };
  }

  /** Application ids linked to each template, in one query. */
  async appIdsOfTemplates(templateIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(templateIds.map((id) => [id, []]));
    if (templateIds.length === 0) return out;
    const rows = await this.dataSource.getRepository(DeploySetting).find({
      select: { applicationId: true, templateId: true },
      where: { templateId: In([...new Set(templateIds)]) },
      order: { applicationId: 'ASC' },
    });
    rows.forEach((r) => out.get(r.templateId as number)?.push(r.applicationId));
    return out;
  }

  /** Applications whose effective settings run the script in some hook, ascending. */
  async appIdsUsingScript(scriptId: number): Promise<number[]> {
    const usedBy = (alias: string) =>
      new Brackets((or) => SCRIPT_COLUMNS.forEach((c) => or.orWhere(`${alias}.${c} = :scriptId`, { scriptId })));
    const templates = await this.dataSource
      .getRepository(DeployTemplate)
      .createQueryBuilder('t')
      .where(usedBy('t'))
      .getMany();
    const qb = this.dataSource.getRepository(DeploySetting).createQueryBuilder('s').where(usedBy('s'));
    if (templates.length > 0) qb.orWhere('s.templateId IN (:...tids)', { tids: templates.map((t) => t.id) });
    const rows = await qb.orderBy('s.applicationId').getMany();
    return rows
      .filter((row) => {
        const template = templates.find((t) => t.id === row.templateId);
        const hooks = effectiveConfig(configOf(row), template ? configOf(template) : null).hooks;
        return HOOK_SLOTS.some((slot) => hooks[slot]?.scriptId === scriptId);
      })
      .map((r) => r.applicationId);
  }

  /** Saves the row's new layer and link, with one audit entry when anything changed. */
  private async save(
    em: EntityManager,
    actor: Principal,
    app: AppRef,
    row: DeploySetting,
    templateId: number | null,
    next: DeployConfig,
    before: DeployConfig,
    beforeTemplateId: number | null,
    extra: string[] = [],
  ): Promise<void> {
    const changes = configChanges(before, next);
    if (changes.length === 0 && templateId === beforeTemplateId) return;
    row.templateId = templateId;
    assignConfig(row, next);
    await em.save(row);
    await this.audit.record(em, {
      operator: actor,
      module: 'application',
      targetType: 'application',
      targetId: app.id,
      targetName: app.fullName,
      operation: 'change_deploy_setting',
      detail: describeChanges(app.fullName, changes, extra),
      before: { template: beforeTemplateId, ...cloneConfig(before) },
      after: { template: templateId, ...cloneConfig(next) },
    });
  }
}
