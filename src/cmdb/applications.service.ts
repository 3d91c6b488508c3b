import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In, Repository } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { RESOURCE_PERMISSIONS } from '../acl/permission-catalog';
import { User } from '../acl/entities/user.entity';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { wouldCycle } from '../common/graph';
import { containing, ESCAPE } from '../database/like';
import { ancestorFullNames, fullNameOf, isSelfOrDescendant, renamedDescendant } from './app-tree';
import { ApplicationInstance, InstanceStatus } from './entities/application-instance.entity';
import { Application } from './entities/application.entity';
import { groupBy } from '../common/group-by';
import { Host } from './entities/host.entity';
import { Production } from './entities/production.entity';
import { ResponsePerson, ResponsePersonType } from './entities/response-person.entity';

export interface AppFields {
  applicationType?: string | null;
  runUser?: string | null;
  directory?: string | null;
  startupCommand?: string | null;
  stopCommand?: string | null;
  stdoutPath?: string | null;
  stderrPath?: string | null;
  pidPath?: string | null;
}

export interface NewApp extends AppFields {
  name: string;
  parentId?: number | null;
  productionId?: number | null;
}

export interface AppChanges extends AppFields {
  name?: string;
  /** Moves the application (null: to the root). */
  parentId?: number | null;
  productionId?: number | null;
}

/** An error about moving one child, told about the request item it came from. */
function aboutChild(e: unknown, childId: number, field: string): unknown {
  if (e instanceof NotFoundError && e.field === 'id') return new NotFoundError('application', childId, field);
  if (e instanceof InvalidInputError) return e.withField(field);
  if (e instanceof ConflictError) return new ConflictError(`${field}: ${e.message}`, field);
  return e;
}

/** Relation sets a PATCH may replace as a whole. */
export interface AppRelationSets {
  childIds?: number[];
  requiredIds?: number[];
  /** Response persons to keep (by user); others are removed. Adding needs a type, so it is not done here. */
  responsePersonUserIds?: number[];
}

export interface AppFilter {
  name?: string;
  /** Full name, or its start: `A.B` finds A.B and everything below it. */
  fullName?: string;
  hasParent?: boolean;
  parentId?: number;
  productionId?: number;
  /** Applications the user answers for. */
  responsePersonIds?: number[];
  ids?: number[];
}

export interface InstanceInput {
  hostId: number;
  status?: InstanceStatus;
  version?: string | null;
}

export interface PersonInput {
  userId: number;
  type: ResponsePersonType;
}

/** What an application's row may show a caller. */
export const APP_ACTIONS = RESOURCE_PERMISSIONS.application;

const APP_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_ -]{0,127}$/;

function snapshot(a: Application): Record<string, unknown> {
  const { id, name, fullName, parentId, productionId, applicationType, runUser, directory } = a;
  return { id, name, fullName, parentId, productionId, applicationType, runUser, directory };
}

/** Applications: the tree, dependencies, people answerable for them, their instances on hosts. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Application) private readonly apps: Repository<Application>,
    private readonly acl: AclService,
    private readonly audit: AuditService,
  ) {}

  async get(id: number): Promise<Application> {
    const app = await this.apps.findOneBy({ id });
    if (!app) throw new NotFoundError('application', id);
    return app;
  }

  list(filter: AppFilter, offset: number, limit: number): Promise<[Application[], number]> {
    const qb = this.apps.createQueryBuilder('a');
    if (filter.name !== undefined) qb.andWhere('a.name = :name', { name: filter.name });
    if (filter.fullName !== undefined) {
      qb.andWhere(`(a.fullName = :full OR a.fullName LIKE :below ${ESCAPE})`, {
        full: filter.fullName,
        below: `${containing(filter.fullName).slice(1, -1)}.%`,
      });
    }
    if (filter.hasParent !== undefined) qb.andWhere(filter.hasParent ? 'a.parentId IS NOT NULL' : 'a.parentId IS NULL');
    if (filter.parentId !== undefined) qb.andWhere('a.parentId = :parentId', { parentId: filter.parentId });
    if (filter.productionId !== undefined) qb.andWhere('a.productionId = :pid', { pid: filter.productionId });
    if (filter.responsePersonIds !== undefined) {
      if (filter.responsePersonIds.length === 0) return Promise.resolve([[], 0]);
      qb.andWhere('a.id IN (SELECT rp.application_id FROM response_persons rp WHERE rp.user_id IN (:...rpids))', {
        rpids: filter.responsePersonIds,
      });
    }
    if (filter.ids !== undefined) {
      if (filter.ids.length === 0) return Promise.resolve([[], 0]);
      qb.andWhere('a.id IN (:...ids)', { ids: filter.ids });
    }
    return qb.orderBy('a.fullName').skip(offset).take(limit).getManyAndCount();
  }

  /** The ancestors of an application, root first. */
  async ancestors(id: number): Promise<Application[]> {
    const app = await this.get(id);
    const names = ancestorFullNames(app.fullName);
    if (names.length === 0) return [];
    const rows = await this.apps.findBy({ fullName: In(names) });
    return names.map((n) => rows.find((r) => r.fullName === n)).filter((r): r is Application => r !== undefined);
  }

  /** Children of each application, in one query. */
  async childrenOf(ids: readonly number[]): Promise<Application[][]> {
    const rows = ids.length ? await this.apps.find({ where: { parentId: In([...ids]) }, order: { name: 'ASC' } }) : [];
    return groupBy(ids, rows, (r) => r.parentId);
  }

  /** Applications of each host (through instances), in one query. */
  async appsOnHosts(hostIds: readonly number[]): Promise<Application[][]> {
    if (hostIds.length === 0) return [];
    const rows = await this.apps
      .createQueryBuilder('a')
      .innerJoin(ApplicationInstance, 'i', 'i.applicationId = a.id')
      .addSelect('i.hostId', 'hostId')
      .where('i.hostId IN (:...hostIds)', { hostIds: [...hostIds] })
      .orderBy('a.fullName')
      .getRawAndEntities();
    const byId = new Map(rows.entities.map((a) => [a.id, a]));
    const byHost = new Map<number, Application[]>(hostIds.map((h) => [h, []]));
    for (const r of rows.raw as { hostId: number; a_id: number }[]) {
      const app = byId.get(Number(r.a_id));
      if (app) byHost.get(Number(r.hostId))?.push(app);
    }
    return hostIds.map((h) => byHost.get(h) ?? []);
  }

  availableActions(actor: Principal, appIds: readonly number[]): Promise<Map<string, string[]>> {
    return this.acl.availableActions(actor, 'application', appIds, APP_ACTIONS);
  }

  async create(actor: Principal, input: NewApp): Promise<Application> {
    await this.acl.assert(actor, 'create_app', moduleRef('application'));
    this.checkName(input.name);
    return this.dataSource.transaction(async (em) => {
      const parent = input.parentId != null ? await this.lock(em, input.parentId, 'parent_app') : null;
      if (input.productionId != null) await this.production(em, input.productionId);
      const fullName = fullNameOf(input.name, parent?.fullName ?? null);
      await this.checkFullNameFree(em, fullName);
      const app = em.create(Application, {
        name: input.name,
        fullName,
        parentId: parent?.id ?? null,
        productionId: input.productionId ?? parent?.productionId ?? null,
      });
      this.assign(app, input);
      const saved = await em.save(app);
      await this.record(em, actor, saved, 'add', null, snapshot(saved));
      return saved;
    });
  }

  /** Renaming or moving keeps the full names of the whole subtree right, in the same transaction. */
  async update(actor: Principal, id: number, changes: AppChanges): Promise<Application> {
    return this.dataSource.transaction((em) => this.updateIn(em, actor, id, changes));
  }

  /**
   * Moves applications under `parentId` (adopt) or from it to the root (release), all or none.
   * `fieldOf` names a child in errors the way the caller's request listed it.
   */
  async moveChildren(
    actor: Principal,
    parentId: number,
    childIds: number[],
    mode: 'adopt' | 'release',
    fieldOf: (i: number) => string = (i) => `children[${i}]`,
  ): Promise<Application[]> {
    return this.dataSource.transaction(async (em) => {
      const parent = await this.lock(em, parentId);
      const moved: Application[] = [];
      for (const [i, childId] of childIds.entries()) {
        if (moved.some((m) => m.id === childId)) continue;
        const child = await em.findOneBy(Application, { id: childId });
        if (!child) throw new NotFoundError('application', childId, fieldOf(i));
        if (mode === 'release' && child.parentId !== parentId) {
          throw new InvalidInputError(
            fieldOf(i),
            `application "${child.fullName}" is not a child of "${parent.fullName}"`,
          );
        }
        const target = mode === 'adopt' ? parentId : null;
        moved.push(
          child.parentId === target
            ? child
            : await this.updateIn(em, actor, childId, { parentId: target }).catch((e: unknown) => {
                throw aboutChild(e, childId, fieldOf(i));
              }),
        );
      }
      return moved;
    });
  }

  /**
   * Puts applications in a product line (`productionId`), or takes them out of `from` (null),
   * all or none. `fieldOf` names an application in errors as the caller's request listed it.
   */
  async setProduction(
    actor: Principal,
    appIds: number[],
    productionId: number | null,
    from?: number,
    fieldOf: (i: number) => string = (i) => `applications[${i}]`,
  ): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const line = await this.production(em, productionId ?? from ?? 0);
      const done = new Set<number>();
      for (const [i, appId] of appIds.entries()) {
        const app = await em.findOneBy(Application, { id: appId });
        if (!app) throw new NotFoundError('application', appId, fieldOf(i));
        if (productionId === null && app.productionId !== from) {
          throw new InvalidInputError(fieldOf(i), `application "${app.fullName}" is not in "${line.name}"`);
        }
        if (done.has(appId) || app.productionId === productionId) continue;
        done.add(appId);
        await this.updateIn(em, actor, appId, { productionId });
      }
    });
  }

  /**
   * A PATCH of the whole application: its fields, and when given, exactly these children
   * (others move to the root), these dependencies, and these of its current response persons.
   * All or nothing, in one transaction.
   */
  async updateWithRelations(actor: Principal, id: number, changes: AppChanges, sets: AppRelationSets): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (Object.values(changes).some((v) => v !== undefined)) await this.updateIn(em, actor, id, changes);
      else await this.lock(em, id);
      if (sets.childIds) {
        const wanted = new Set(sets.childIds);
        for (const [i, childId] of [...wanted].entries()) {
          await this.updateIn(em, actor, childId, { parentId: id }).catch((e: unknown) => {
            throw aboutChild(e, childId, `child_apps[${i}]`);
          });
        }
        const current = await em.findBy(Application, { parentId: id });
        for (const child of current.filter((c) => !wanted.has(c.id))) {
          await this.updateIn(em, actor, child.id, { parentId: null });
        }
      }
      if (sets.requiredIds) {
        const wanted = new Set(sets.requiredIds);
        const current = (await this.requiredIdsIn(em, [id]))[0];
        const added = [...wanted].filter((r) => !current.includes(r));
        const removed = current.filter((r) => !wanted.has(r));
        if (added.length) await this.changeRequirementsIn(em, actor, id, added, 'add');
        if (removed.length) await this.changeRequirementsIn(em, actor, id, removed, 'remove');
      }
      if (sets.responsePersonUserIds) {
        const persons = await em.findBy(ResponsePerson, { applicationId: id });
        sets.responsePersonUserIds.forEach((userId, i) => {
          if (!persons.some((p) => p.userId === userId)) {
            throw new InvalidInputError(
              `response_person[${i}]`,
              `user ${userId} does not answer for this application yet: add them with their type first`,
            );
          }
        });
        const keep = new Set(sets.responsePersonUserIds);
        const gone = persons.filter((p) => !keep.has(p.userId)).map((p) => ({ userId: p.userId, type: p.type }));
        if (gone.length) await this.changeResponsePersonsIn(em, actor, id, gone, 'remove');
      }
    });
  }

  private async updateIn(em: EntityManager, actor: Principal, id: number, changes: AppChanges): Promise<Application> {
    await this.acl.assert(actor, 'edit_app', { type: 'application', id });
    if (changes.name !== undefined) this.checkName(changes.name);
    {
      const app = await this.lock(em, id);
      const before = snapshot(app);
      let parentFullName = app.parentId === null ? null : (await this.lock(em, app.parentId)).fullName;
      if (changes.parentId !== undefined && changes.parentId !== app.parentId) {
        const parent = changes.parentId === null ? null : await this.lock(em, changes.parentId, 'parent_app');
        if (parent && isSelfOrDescendant(app.fullName, parent.fullName)) {
          throw new InvalidInputError('parent_app', 'an application cannot move under itself or its descendants');
        }
        app.parentId = parent?.id ?? null;
        parentFullName = parent?.fullName ?? null;
      }
      if (changes.name !== undefined) app.name = changes.name;
      if (changes.productionId !== undefined) {
        if (changes.productionId !== null) await this.production(em, changes.productionId);
        app.productionId = changes.productionId;
      }
      this.assign(app, changes);
      const oldFullName = app.fullName;
      const newFullName = fullNameOf(app.name, parentFullName);
      if (newFullName !== oldFullName) {
        await this.checkFullNameFree(em, newFullName);
        const below = await em
          .getRepository(Application)
          .createQueryBuilder('a')
          .where(`a.fullName LIKE :below ${ESCAPE}`, { below: `${containing(oldFullName).slice(1, -1)}.%` })
          .getMany();
        app.fullName = newFullName;
        await em.save(app);
        for (const d of below) {
          await em.update(
            Application,
            { id: d.id },
            { fullName: renamedDescendant(d.fullName, oldFullName, newFullName) },
          );
        }
      }
      const saved = await em.save(app);
      await this.record(em, actor, saved, 'update', before, snapshot(saved));
      return saved;
    }
  }

  /** Refused while the application has children: remove or move them first. */
  async remove(actor: Principal, id: number): Promise<void> {
    await this.acl.assert(actor, 'delete_app', { type: 'application', id });
    await this.dataSource.transaction(async (em) => {
      const app = await this.lock(em, id);
      if (await em.existsBy(Application, { parentId: id })) {
        throw new InvalidInputError('id', `application "${app.fullName}" still has child applications`);
      }
      await em.delete(Application, { id });
      await em.delete('grants', { resourceType: 'application', resourceId: String(id) });
      await this.record(em, actor, { ...app, id }, 'delete', snapshot({ ...app, id }), null);
    });
  }

  // --- dependencies

  async requirementsOf(id: number, direction: 'requires' | 'required_by'): Promise<Application[]> {
    await this.get(id);
    const [mine, theirs] =
      direction === 'requires' ? ['application_id', 'required_id'] : ['required_id', 'application_id'];
    return this.apps
      .createQueryBuilder('a')
      .innerJoin('application_requirements', 'r', `r.${theirs} = a.id`)
      .where(`r.${mine} = :id`, { id })
      .orderBy('a.fullName')
      .getMany();
  }

  /** Adds or removes dependencies; a dependency cycle is refused. */
  async changeRequirements(actor: Principal, id: number, requiredIds: number[], mode: 'add' | 'remove') {
    await this.dataSource.transaction((em) => this.changeRequirementsIn(em, actor, id, requiredIds, mode));
  }

  private async changeRequirementsIn(
    em: EntityManager,
    actor: Principal,
    id: number,
    requiredIds: number[],
    mode: 'add' | 'remove',
  ): Promise<void> {
    await this.acl.assert(actor, 'edit_app', { type: 'application', id });
    {
      const app = await this.lock(em, id);
      const required = requiredIds.length ? await em.findBy(Application, { id: In(requiredIds) }) : [];
      const missing = requiredIds.find((r) => !required.some((a) => a.id === r));
      if (missing !== undefined) throw new NotFoundError('application', missing, 'required_apps');
      const rows = await em
        .createQueryBuilder()
        .select(['r.application_id AS "from"', 'r.required_id AS "to"'])
        .from('application_requirements', 'r')
        .getRawMany<{ from: number; to: number }>();
      const edges = rows.map((r) => ({ from: Number(r.from), to: Number(r.to) }));
      for (const r of required) {
        const exists = edges.some((e) => e.from === id && e.to === r.id);
        if (mode === 'add' && !exists) {
          if (wouldCycle(id, r.id, edges)) {
            throw new InvalidInputError('required_apps', `requiring "${r.fullName}" would create a dependency cycle`);
          }
          await em
            .createQueryBuilder()
            .insert()
            .into('application_requirements')
            .values({ application_id: id, required_id: r.id })
            .execute();
          edges.push({ from: id, to: r.id });
        } else if (mode === 'remove' && exists) {
          await em
            .createQueryBuilder()
            .delete()
            .from('application_requirements')
            .where('application_id = :id AND required_id = :rid', { id, rid: r.id })
            .execute();
        }
      }
      await this.record(em, actor, app, mode === 'add' ? 'add_required_apps' : 'remove_required_apps', null, {
        requiredApps: required.map((r) => r.fullName),
      });
    }
  }

  // --- response persons

  responsePersonsOf(appIds: readonly number[]): Promise<ResponsePerson[][]> {
    return this.batch(ResponsePerson, appIds, ['user']);
  }

  async changeResponsePersons(actor: Principal, id: number, persons: PersonInput[], mode: 'add' | 'remove') {
    await this.dataSource.transaction((em) => this.changeResponsePersonsIn(em, actor, id, persons, mode));
  }

  private async changeResponsePersonsIn(
    em: EntityManager,
    actor: Principal,
    id: number,
    persons: PersonInput[],
    mode: 'add' | 'remove',
  ): Promise<void> {
    await this.acl.assert(actor, 'edit_app', { type: 'application', id });
    for (const [i, p] of persons.entries()) {
      if (!Object.values(ResponsePersonType).includes(p.type)) {
        throw new InvalidInputError(`[${i}].type`, 'must be one of dev, ops, qa, pm');
      }
    }
    {
      const app = await this.lock(em, id);
      const userIds = [...new Set(persons.map((p) => p.userId))];
      const users = userIds.length ? await em.findBy(User, { id: In(userIds) }) : [];
      const missing = userIds.find((u) => !users.some((x) => x.id === u));
      if (missing !== undefined) throw new NotFoundError('user', missing, 'user');
      for (const p of persons) {
        const where = { applicationId: id, userId: p.userId, type: p.type };
        if (mode === 'remove') await em.delete(ResponsePerson, where);
        else await em.createQueryBuilder().insert().into(ResponsePerson).values(where).orIgnore().execute();
      }
      await this.record(em, actor, app, mode === 'add' ? 'add_response_persons' : 'remove_response_persons', null, {
        persons: persons.map((p) => ({ user: users.find((u) => u.id === p.userId)?.username, type: p.type })),
      });
    }
  }

  // --- instances

  instancesOf(appIds: readonly number[]): Promise<ApplicationInstance[][]> {
    return this.batch(ApplicationInstance, appIds, ['host']);
  }

  async getInstance(appId: number, instanceId: number): Promise<ApplicationInstance> {
    const instance = await this.dataSource
      .getRepository(ApplicationInstance)
      .findOne({ where: { id: instanceId, applicationId: appId }, relations: { host: true, application: true } });
    if (!instance) throw new NotFoundError('instance', instanceId);
    return instance;
  }

  /** Attaches the application to hosts (or detaches it): audited on both the application and each host. */
  async changeInstances(actor: Principal, id: number, instances: InstanceInput[], mode: 'add' | 'remove') {
    await this.acl.assert(actor, 'edit_app', { type: 'application', id });
    for (const [i, inst] of instances.entries()) {
      if (inst.status !== undefined && !Object.values(InstanceStatus).includes(inst.status)) {
        throw new InvalidInputError(`[${i}].status`, `must be one of ${Object.values(InstanceStatus).join(', ')}`);
      }
    }
    await this.dataSource.transaction(async (em) => {
      const app = await this.lock(em, id);
      const hostIds = [...new Set(instances.map((i) => i.hostId))];
      const hosts = hostIds.length ? await em.findBy(Host, { id: In(hostIds) }) : [];
      const missing = hostIds.find((h) => !hosts.some((x) => x.id === h));
      if (missing !== undefined) throw new NotFoundError('host', missing, 'host');
      for (const inst of instances) {
        const host = hosts.find((h) => h.id === inst.hostId) as Host;
        const where = { applicationId: id, hostId: inst.hostId };
        if (mode === 'add') {
          if (await em.existsBy(ApplicationInstance, where)) {
            throw new ConflictError(`"${app.fullName}" already has an instance on "${host.name}"`, 'host');
          }
          await em.save(
            em.create(ApplicationInstance, {
              ...where,
              status: inst.status ?? InstanceStatus.STOPPED,
              version: inst.version ?? null,
            }),
          );
        } else {
          await em.delete(ApplicationInstance, where);
        }
        const detail = { application: app.fullName, host: host.name };
        await this.record(em, actor, app, mode === 'add' ? 'attach_host' : 'deatach_host', null, detail);
        await this.audit.record(em, {
          operator: actor,
          module: 'host',
          targetType: 'host',
          targetId: host.id,
          targetName: host.name,
          operation: mode === 'add' ? 'attach_app' : 'deatach_app',
          after: detail,
        });
      }
    });
  }

  private async batch<T extends { applicationId: number }>(
    entity: new () => T,
    appIds: readonly number[],
    relations: string[],
  ): Promise<T[][]> {
    if (appIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(entity).find({
      where: { applicationId: In([...appIds]) } as FindOptionsWhere<T>,
      relations,
    });
    return groupBy(appIds, rows, (r) => r.applicationId);
  }

  private assign(app: Application, f: AppFields): void {
    const keys = [
      'applicationType',
      'runUser',
      'directory',
      'startupCommand',
      'stopCommand',
      'stdoutPath',
      'stderrPath',
      'pidPath',
    ] as const;
    for (const k of keys) if (f[k] !== undefined) Object.assign(app, { [k]: f[k] });
  }

  private checkName(name: string): void {
    if (typeof name !== 'string' || !APP_NAME.test(name)) {
      throw new InvalidInputError('name', 'must be 1-128 letters, digits, spaces, _ or -, without dots');
    }
  }

  private async checkFullNameFree(em: EntityManager, fullName: string): Promise<void> {
    if (fullName.length > 512) throw new InvalidInputError('name', 'the full name would exceed 512 characters');
    if (await em.existsBy(Application, { fullName })) {
      throw new ConflictError(`application "${fullName}" already exists`, 'name');
    }
  }

  private async production(em: EntityManager, id: number): Promise<Production> {
    const p = await em.findOneBy(Production, { id });
    if (!p) throw new NotFoundError('production', id, 'production');
    return p;
  }

  private async lock(em: EntityManager, id: number, field = 'id'): Promise<Application> {
    const app = await em.findOneBy(Application, { id });
    if (!app) throw new NotFoundError('application', id, field);
    return app;
  }

  private record(
    em: EntityManager,
    actor: Principal,
    app: Application,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: 'application',
      targetType: 'application',
      targetId: app.id,
      targetName: app.fullName,
      operation,
      before,
      after,
    });
  }

  /** Applications each user answers for (in any capacity), in one query. */
  async appsAnsweredBy(userIds: readonly number[]): Promise<Application[][]> {
    if (userIds.length === 0) return [];
    const rows = await this.apps
      .createQueryBuilder('a')
      .innerJoin(ResponsePerson, 'rp', 'rp.applicationId = a.id')
      .addSelect('rp.userId', 'userId')
      .where('rp.userId IN (:...userIds)', { userIds: [...userIds] })
      .orderBy('a.fullName')
      .getRawAndEntities();
    const pairs = rows.raw.map((r: { userId: number; a_id: number }) => [Number(r.userId), Number(r.a_id)]);
    return userIds.map((u) => rows.entities.filter((a) => pairs.some(([user, app]) => user === u && app === a.id)));
  }

  /** Ids of the applications each application requires, in one query. */
  requiredIdsOf(appIds: readonly number[]): Promise<number[][]> {
    return this.requiredIdsIn(this.dataSource.manager, appIds);
  }

  private async requiredIdsIn(em: EntityManager, appIds: readonly number[]): Promise<number[][]> {
    if (appIds.length === 0) return [];
    const rows = await em
      .createQueryBuilder()
      .select('r.application_id', 'appId')
      .addSelect('r.required_id', 'requiredId')
      .from('application_requirements', 'r')
      .where('r.application_id IN (:...appIds)', { appIds: [...appIds] })
      .orderBy('r.required_id')
      .getRawMany<{ appId: number; requiredId: number }>();
    return groupBy(appIds, rows, (r) => Number(r.appId)).map((group) => group.map((r) => Number(r.requiredId)));
  }

  /**
   * The people answerable for each host: response persons of the applications with an instance
   * on it, with their mail address (null when the user has none), in one query.
   */
  async ownersOfHosts(hostIds: readonly number[]): Promise<Map<number, { username: string; email: string | null }[]>> {
    const out = new Map<number, { username: string; email: string | null }[]>();
    if (hostIds.length === 0) return out;
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('ai.host_id', 'hostId')
      .addSelect('u.username', 'username')
      .addSelect('u.email', 'email')
      .from('application_instances', 'ai')
      .innerJoin('response_persons', 'rp', 'rp.application_id = ai.application_id')
      .innerJoin('users', 'u', 'u.id = rp.user_id')
      .where('ai.host_id IN (:...hostIds)', { hostIds: [...new Set(hostIds)] })
      .orderBy('u.username')
      .getRawMany<{ hostId: number; username: string; email: string | null }>();
    for (const r of rows) {
      const list = out.get(Number(r.hostId)) ?? [];
      if (!list.some((p) => p.username === r.username)) list.push({ username: r.username, email: r.email });
      out.set(Number(r.hostId), list);
    }
    return out;
  }

  /** Hosts the user (by username or mail address) answers for through an application instance, id ascending. */
  async hostIdsAnsweredBy(user: string): Promise<number[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('DISTINCT ai.host_id', 'hostId')
      .from('application_instances', 'ai')
      .innerJoin('response_persons', 'rp', 'rp.application_id = ai.application_id')
      .innerJoin('users', 'u', 'u.id = rp.user_id')
      .where('(u.username = :user OR u.email = :user)', { user })
      .orderBy('ai.host_id')
      .getRawMany<{ hostId: number }>();
    return rows.map((r) => Number(r.hostId));
  }
}
