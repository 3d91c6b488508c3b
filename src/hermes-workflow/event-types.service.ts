import { Injectable } from '@nestjs/common';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { HermesEventType } from './entities/hermes-event-type.entity';
import { HermesFate } from './entities/hermes-fate.entity';
import { HermesPage, paged } from './hermes-page';
import { Transactions } from '../database/transactions';

export interface NewEventType {
  category: string;
  state: string;
  description: string | null;
  restricted?: boolean;
}

export interface EventTypeFilter {
  category?: string;
  state?: string;
  /** Only types that start a chain: creation type of a fate that follows none. */
  startingTypes?: boolean;
}

/** Event types: what can happen to a host. */
@Injectable()
export class EventTypesService {
  /**
   * Positive lookups only. A type is never deleted and its category and state never change, so a
   * known id or pair stays right on every node; only the description changes, and it is not kept.
   */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
  ) {}

  list(filter: EventTypeFilter, page: HermesPage): Promise<[HermesEventType[], number]> {
    const qb = this.dataSource.getRepository(HermesEventType).createQueryBuilder('t');
    if (filter.category !== undefined) qb.andWhere('t.category = :category', { category: filter.category });
    if (filter.state !== undefined) qb.andWhere('t.state = :state', { state: filter.state });
    if (filter.startingTypes) {
      qb.andWhere((sub) => {
        const q = sub
          .subQuery()
          .select('1')
          .from(HermesFate, 'f')
          .where('f.creationTypeId = t.id')
          .andWhere('f.followsId IS NULL');
        return `EXISTS ${q.getQuery()}`;
      });
    }
    return Promise.all([paged(qb.clone().orderBy('t.id'), page).getMany(), qb.getCount()]);
  }

  async get(id: number): Promise<HermesEventType> {
    const found = await this.dataSource.getRepository(HermesEventType).findOneBy({ id });
    if (!found) throw new NotFoundError('event type', id);
    return found;
  }

  async byIds(ids: readonly number[]): Promise<Map<number, HermesEventType>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(HermesEventType).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * The type an event names: by id, or by category and state together. Every failure is a 400
   * naming the field (the original answered 500 for a half-given or unknown pair).
   */
  async resolve(ref: { eventTypeId?: number; category?: string; state?: string }): Promise<HermesEventType> {
    const repo = this.dataSource.getRepository(HermesEventType);
    if (ref.eventTypeId !== undefined) {
      const found = await repo.findOneBy({ id: ref.eventTypeId });
      if (!found) throw new InvalidInputError('eventTypeId', `Bad event type ${ref.eventTypeId}`);
      return found;
    }
    if (ref.category === undefined && ref.state === undefined) {
      throw new InvalidInputError('eventTypeId', 'Must specify an event type id or both category and state');
    }
    if (ref.category === undefined) throw new InvalidInputError('category', 'required together with state');
    if (ref.state === undefined) throw new InvalidInputError('state', 'required together with category');
    const found = await repo.findOneBy({ category: ref.category, state: ref.state });
    if (!found) {
      throw new InvalidInputError('category', `no event type with category "${ref.category}" and state "${ref.state}"`);
    }
    return found;
  }

  /** `resolve` for the hot path (throwing events): the id only, answered from memory once known. */
  async resolveId(ref: { eventTypeId?: number; category?: string; state?: string }): Promise<number> {
    const key =
      ref.eventTypeId !== undefined
        ? `id:${ref.eventTypeId}`
        : ref.category !== undefined && ref.state !== undefined
          ? `pair:${ref.category}\u0000${ref.state}`
          : undefined;
    const hit = key === undefined ? undefined : this.known.get(key);
    if (hit !== undefined) return hit;
    const type = await this.resolve(ref);
    if (key !== undefined) this.known.set(key, type.id);
    return type.id;
  }

  /** Creates all or none; a pair that exists or repeats in the list is a 409. */
  async create(actor: Principal, items: readonly NewEventType[]): Promise<HermesEventType[]> {
    await this.acl.assert(actor, 'manage_workflow', moduleRef('hermes'));
    items.forEach((t, i) => {
      const at = items.length > 1 ? `eventTypes[${i}].` : '';
      if (t.category.length === 0 || t.category.length > 64) {
        throw new InvalidInputError(`${at}category`, 'must be 1-64 characters');
      }
      if (t.state.length === 0 || t.state.length > 32)
        throw new InvalidInputError(`${at}state`, 'must be 1-32 characters');
      if (t.description !== null && t.description.length > 1024) {
        throw new InvalidInputError(`${at}description`, 'must be at most 1024 characters');
      }
    });
    const keys = items.map((t) => `${t.category}\u0000${t.state}`);
    if (new Set(keys).size !== keys.length) throw new ConflictError('Cannot create duplicate event type');
    try {
      return await this.tx.run(async (em) => {
        for (const t of items) {
          if (await em.existsBy(HermesEventType, { category: t.category, state: t.state })) {
            throw new ConflictError('Cannot create duplicate event type');
          }
        }
        const saved = await em.save(
          items.map((t) =>
            em.create(HermesEventType, {
              category: t.category,
              state: t.state,
              description: t.description,
              restricted: t.restricted ?? false,
            }),
          ),
        );
        await this.audit.recordMany(
          em,
          saved.map((t) => ({
            operator: actor,
            module: 'hermes',
            targetType: 'event_type',
            targetId: t.id,
            targetName: `${t.category} ${t.state}`,
            operation: 'create',
            after: { ...t },
          })),
        );
        return saved;
      });
    } catch (e) {
      // Two requests creating the same pair at once: the unique key decides.
      if (e instanceof QueryFailedError && /unique|duplicate/i.test(e.message)) {
        throw new ConflictError('Cannot create duplicate event type');
      }
      throw e;
    }
  }

  /** Only the description can change. */
  async update(actor: Principal, id: number, description: string): Promise<HermesEventType> {
    await this.acl.assert(actor, 'manage_workflow', moduleRef('hermes'));
    if (description.length > 1024) throw new InvalidInputError('description', 'must be at most 1024 characters');
    return this.tx.run(async (em) => {
      const type = await em.findOneBy(HermesEventType, { id });
      if (!type) throw new NotFoundError('event type', id);
      const before = type.description;
      type.description = description;
      await em.save(type);
      await this.audit.record(em, {
        operator: actor,
        module: 'hermes',
        targetType: 'event_type',
        targetId: id,
        targetName: `${type.category} ${type.state}`,
        operation: 'update',
        before: { description: before },
        after: { description },
      });
      return type;
    });
  }
}
