import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AclService, moduleRef } from '../../acl/acl.service';
import { GrantsService } from '../../acl/grants.service';
import { RESOURCE_PERMISSIONS } from '../../acl/permission-catalog';
import type { Principal } from '../../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { groupBy } from '../../common/group-by';
import { containing, ESCAPE } from '../../database/like';
import { Transactions } from '../../database/transactions';
import { ancestorFullNames, fullNameOf, isSelfOrDescendant, renamedDescendant } from './app-tree';
import { ApplicationDependenciesService } from './application-dependencies.service';
import { ApplicationPersonsService } from './application-persons.service';
import { ApplicationRows } from './application-rows';
import { ApplicationInstance } from './entities/application-instance.entity';
import { Application } from './entities/application.entity';
import { Production } from './entities/production.entity';

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

/** What an application's row may show a caller. */
export const APP_ACTIONS = RESOURCE_PERMISSIONS.application;

const APP_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_ -]{0,127}$/;

function snapshot(a: Application): Record<string, unknown> {
  const { id, name, fullName, parentId, productionId, applicationType, runUser, directory } = a;
  return { id, name, fullName, parentId, productionId, applicationType, runUser, directory };
}

/** Applications: the tree and each application's own fields. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly tx: Transactions,
    @InjectRepository(Application) private readonly apps: Repository<Application>,
    private readonly acl: AclService,
    private readonly grants: GrantsService,
    private readonly rows: ApplicationRows,
    private readonly dependencies: ApplicationDependenciesService,
    private readonly persons: ApplicationPersonsService,
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
    return this.tx.run(async (em) => {
      const parent = input.parentId != null ? await this.rows.lock(em, input.parentId, 'parent_app') : null;
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
      await this.rows.record(em, actor, saved, 'add', null, snapshot(saved));
      return saved;
    });
  }

  /** Renaming or moving keeps the full names of the whole subtree right, in the same transaction. */
  async update(actor: Principal, id: number, changes: AppChanges): Promise<Application> {
    return this.tx.run((em) => this.updateIn(em, actor, id, changes));
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
    return this.tx.run(async (em) => {
      const parent = await this.rows.lock(em, parentId);
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
    await this.tx.run(async (em) => {
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
    await this.tx.run(async (em) => {
      if (Object.values(changes).some((v) => v !== undefined)) await this.updateIn(em, actor, id, changes);
      else await this.rows.lock(em, id);
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
        const [current] = await this.dependencies.requiredIdsOf([id], em);
        const added = [...wanted].filter((r) => !current.includes(r));
        const removed = current.filter((r) => !wanted.has(r));
        if (added.length) await this.dependencies.changeRequirementsIn(em, actor, id, added, 'add');
        if (removed.length) await this.dependencies.changeRequirementsIn(em, actor, id, removed, 'remove');
      }
      if (sets.responsePersonUserIds) {
        const persons = await this.persons.personsOfIn(em, id);
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
        if (gone.length) await this.persons.changeResponsePersonsIn(em, actor, id, gone, 'remove');
      }
    });
  }

  private async updateIn(em: EntityManager, actor: Principal, id: number, changes: AppChanges): Promise<Application> {
    await this.acl.assert(actor, 'edit_app', { type: 'application', id });
    if (changes.name !== undefined) this.checkName(changes.name);
    {
      const app = await this.rows.lock(em, id);
      const before = snapshot(app);
      let parentFullName = app.parentId === null ? null : (await this.rows.lock(em, app.parentId)).fullName;
      if (changes.parentId !== undefined && changes.parentId !== app.parentId) {
        const parent = changes.parentId === null ? null : await this.rows.lock(em, changes.parentId, 'parent_app');
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
      await this.rows.record(em, actor, saved, 'update', before, snapshot(saved));
      return saved;
    }
  }

  /** Refused while the application has children: remove or move them first. */
  async remove(actor: Principal, id: number): Promise<void> {
    await this.acl.assert(actor, 'delete_app', { type: 'application', id });
    await this.tx.run(async (em) => {
      const app = await this.rows.lock(em, id);
      if (await em.existsBy(Application, { parentId: id })) {
        throw new InvalidInputError('id', `application "${app.fullName}" still has child applications`);
      }
      await em.delete(Application, { id });
      await this.grants.removeOnResourceIn(em, { type: 'application', id });
      await this.rows.record(em, actor, { ...app, id }, 'delete', snapshot({ ...app, id }), null);
    });
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
}
