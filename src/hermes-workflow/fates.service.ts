import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { HermesEventType } from './entities/hermes-event-type.entity';
import { HermesFate } from './entities/hermes-fate.entity';
import { FateNode, validateFollows } from './fate-engine';
import { HermesPage, paged } from './hermes-page';
import { Transactions } from '../database/transactions';

export interface NewFate {
  creationEventTypeId: number;
  followsId: number | null;
  forCreator: boolean;
  forOwner: boolean;
  description: string | null;
}

export interface FateChanges {
  description?: string | null;
  /** Absent: unchanged; null: becomes a starting fate. */
  followsId?: number | null;
}

/** Fates: the graph that says which event opens, continues and closes which labor. */
@Injectable()
export class FatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
  ) {}

  list(page: HermesPage): Promise<[HermesFate[], number]> {
    const qb = this.dataSource.getRepository(HermesFate).createQueryBuilder('f');
    return Promise.all([paged(qb.clone().orderBy('f.id'), page).getMany(), qb.getCount()]);
  }

  async get(id: number): Promise<HermesFate> {
    const found = await this.dataSource.getRepository(HermesFate).findOneBy({ id });
    if (!found) throw new NotFoundError('fate', id);
    return found;
  }

  async byIds(ids: readonly number[]): Promise<Map<number, HermesFate>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(HermesFate).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Ids of the fates that follow each fate, ascending. */
  async precedesOf(ids: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = await this.dataSource.getRepository(HermesFate).find({
      select: { id: true, followsId: true },
      where: { followsId: In([...new Set(ids)]) },
      order: { id: 'ASC' },
    });
    rows.forEach((r) => out.get(r.followsId as number)?.push(r.id));
    return out;
  }

  /** Fates whose creation type is each of these types (starting or not), id ascending. */
  async createdByTypes(typeIds: readonly number[]): Promise<Map<number, HermesFate[]>> {
    const out = new Map<number, HermesFate[]>(typeIds.map((id) => [id, []]));
    if (typeIds.length === 0) return out;
    const rows = await this.dataSource
      .getRepository(HermesFate)
      .find({ where: { creationTypeId: In([...new Set(typeIds)]) }, order: { id: 'ASC' } });
    rows.forEach((r) => out.get(r.creationTypeId)?.push(r));
    return out;
  }

  /** The whole graph as the engine needs it, read in the caller's transaction: never a stale cache. */
  async graph(em: EntityManager): Promise<FateNode[]> {
    const rows = await em
      .createQueryBuilder(HermesFate, 'f')
      .select(['f.id', 'f.creationTypeId', 'f.followsId', 'f.forCreator', 'f.forOwner'])
      .getMany();
    return rows.map((f) => ({
      id: f.id,
      creationTypeId: f.creationTypeId,
      followsId: f.followsId,
      forCreator: Boolean(f.forCreator),
      forOwner: Boolean(f.forOwner),
    }));
  }

  async create(actor: Principal, input: NewFate): Promise<HermesFate> {
    await this.acl.assert(actor, 'manage_workflow', moduleRef('hermes'));
    if (!input.forCreator && !input.forOwner) {
      throw new InvalidInputError('forOwner', 'a fate must be for the owner, the creator or both');
    }
    if (input.description !== null && input.description.length > 2048) {
      throw new InvalidInputError('description', 'must be at most 2048 characters');
    }
    return this.tx.run(async (em) => {
      if (!(await em.existsBy(HermesEventType, { id: input.creationEventTypeId }))) {
        throw new InvalidInputError('creationEventTypeId', `Bad creation event type ${input.creationEventTypeId}`);
      }
      const problem = validateFollows(await this.graph(em), null, input.followsId);
      if (problem) throw new InvalidInputError('followsId', problem);
      const fate = await em.save(
        em.create(HermesFate, {
          creationTypeId: input.creationEventTypeId,
          followsId: input.followsId,
          forCreator: input.forCreator,
          forOwner: input.forOwner,
          description: input.description,
        }),
      );
      await this.record(em, actor, fate, 'create', null, { ...fate });
      return fate;
    });
  }

  /** Description and followsId; a followsId that is unknown, the fate itself or makes a cycle is a 400. */
  async update(actor: Principal, id: number, changes: FateChanges): Promise<HermesFate> {
    await this.acl.assert(actor, 'manage_workflow', moduleRef('hermes'));
    if (typeof changes.description === 'string' && changes.description.length > 2048) {
      throw new InvalidInputError('description', 'must be at most 2048 characters');
    }
    return this.tx.run(async (em) => {
      const fate = await em.findOneBy(HermesFate, { id });
      if (!fate) throw new NotFoundError('fate', id);
      const before = { description: fate.description, followsId: fate.followsId };
      if (changes.followsId !== undefined) {
        const problem = validateFollows(await this.graph(em), id, changes.followsId);
        if (problem) throw new InvalidInputError('followsId', problem);
        fate.followsId = changes.followsId;
      }
      if (changes.description !== undefined) fate.description = changes.description;
      const saved = await em.save(fate);
      await this.record(em, actor, saved, 'update', before, {
        description: saved.description,
        followsId: saved.followsId,
      });
      return saved;
    });
  }

  private record(
    em: EntityManager,
    actor: Principal,
    fate: HermesFate,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: 'hermes',
      targetType: 'fate',
      targetId: fate.id,
      targetName: fate.description,
      operation,
      before,
      after,
    });
  }
}
