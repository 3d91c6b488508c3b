import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { AppConfig } from '../config/app-config';
import { HermesEvent } from './entities/hermes-event.entity';
import { HermesEventType } from './entities/hermes-event-type.entity';
import { HermesLabor } from './entities/hermes-labor.entity';
import { HermesQuest } from './entities/hermes-quest.entity';
import { chunks, HermesPage, paged, rowsById } from './hermes-page';
import { HermesClock } from './hermes-time';
import { Transactions } from '../database/transactions';
import { storedUser } from './hermes-user';

export interface LaborFilter {
  hostId?: number;
  /** That labor and every later link of its chain. */
  startingLaborId?: number;
  open?: boolean;
  questId?: number;
  /** Category / state of the event that opened the labor. */
  category?: string;
  state?: string;
  /** Owner labors (`forOwner`) on these hosts. */
  ownerHostIds?: number[];
  /** A user's labors: owner labors on their hosts, or creator labors of quests they created. */
  user?: { hostIds: number[]; creator: string };
}

export interface LaborChanges {
  questId?: number;
  ackUser?: string;
}

/** Labors: opened and closed by the engine only; people acknowledge them or move them to a quest. */
@Injectable()
export class LaborsService {
  private readonly clock = new HermesClock();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(filter: LaborFilter, page: HermesPage): Promise<[HermesLabor[], number]> {
    const qb = this.dataSource.getRepository(HermesLabor).createQueryBuilder('l');
    if (filter.hostId !== undefined) qb.andWhere('l.hostId = :hostId', { hostId: filter.hostId });
    if (filter.startingLaborId !== undefined) {
      qb.andWhere('(l.id = :sid OR l.startingLaborId = :sid)', { sid: filter.startingLaborId });
    }
    if (filter.open === true) qb.andWhere('l.completionEventId IS NULL');
    if (filter.open === false) qb.andWhere('l.completionEventId IS NOT NULL');
    if (filter.questId !== undefined) qb.andWhere('l.questId = :questId', { questId: filter.questId });
    if (filter.category !== undefined || filter.state !== undefined) {
      qb.innerJoin(HermesEvent, 'ce', 'ce.id = l.creationEventId').innerJoin(
        HermesEventType,
        'ct',
        'ct.id = ce.eventTypeId',
      );
      if (filter.category !== undefined) qb.andWhere('ct.category = :category', { category: filter.category });
      if (filter.state !== undefined) qb.andWhere('ct.state = :state', { state: filter.state });
    }
    if (filter.ownerHostIds !== undefined) {
      if (filter.ownerHostIds.length === 0) return [[], 0];
      qb.andWhere('l.hostId IN (:...ownerHostIds)', { ownerHostIds: filter.ownerHostIds }).andWhere(
        'l.forOwner = :yes',
        { yes: true },
      );
    }
    if (filter.user !== undefined) {
      const { hostIds, creator } = filter.user;
      const mine = hostIds.length ? '(l.hostId IN (:...userHostIds) AND l.forOwner = :yes)' : '1 = 0';
      qb.andWhere(
        `(${mine} OR (l.forCreator = :yes AND l.questId IN (SELECT q.id FROM hermes_quests q WHERE q.creator = :creator)))`,
        { userHostIds: hostIds, yes: true, creator },
      );
    }
    // A host's labors read newest first (then the page oldest first); other lists in id order.
    const byHost = filter.hostId !== undefined;
    const ordered = byHost
      ? qb.clone().orderBy('l.creationTime', 'DESC').addOrderBy('l.id', 'DESC')
      : qb.clone().orderBy('l.id', 'ASC');
    const [rows, total] = await Promise.all([paged(ordered, page).getMany(), qb.getCount()]);
    return [byHost ? rows.reverse() : rows, total];
  }

  async get(id: number): Promise<HermesLabor> {
    const found = await this.dataSource.getRepository(HermesLabor).findOneBy({ id });
    if (!found) throw new NotFoundError('labor', id);
    return found;
  }

  byIds(ids: readonly number[]): Promise<Map<number, HermesLabor>> {
    return rowsById(this.dataSource.getRepository(HermesLabor), ids);
  }

  /** Labors of each quest, id ascending; only open ones when asked. */
  async ofQuests(questIds: readonly number[], onlyOpen = false): Promise<Map<number, HermesLabor[]>> {
    const out = new Map<number, HermesLabor[]>(questIds.map((id) => [id, []]));
    for (const part of chunks([...new Set(questIds)])) {
      const qb = this.dataSource
        .getRepository(HermesLabor)
        .createQueryBuilder('l')
        .where('l.questId IN (:...part)', { part })
        .orderBy('l.id');
      if (onlyOpen) qb.andWhere('l.completionEventId IS NULL');
      (await qb.getMany()).forEach((l) => out.get(l.questId as number)?.push(l));
    }
    return out;
  }

  /**
   * Acknowledges a labor (`ackUser`, normalized, with the time) and/or moves it to a quest.
   * Attaching never completes nor reopens the quest.
   */
  async update(actor: Principal, id: number, changes: LaborChanges): Promise<HermesLabor> {
    await this.acl.assert(actor, 'manage_quest', moduleRef('hermes'));
    if (!changes.questId && !changes.ackUser) {
      throw new InvalidInputError('questId', 'Must update either questId or ackUser');
    }
    const ackUser = changes.ackUser ? storedUser(changes.ackUser, this.config.hermes.domain, 'ackUser') : null;
    return this.tx.run(async (em) => {
      const labor = await em.findOneBy(HermesLabor, { id });
      if (!labor) throw new NotFoundError('labor', id);
      const before = { questId: labor.questId, ackUser: labor.ackUser, ackTime: labor.ackTime };
      if (changes.questId) {
        if (!(await em.existsBy(HermesQuest, { id: changes.questId }))) {
          throw new NotFoundError('quest', changes.questId, 'questId');
        }
        labor.questId = changes.questId;
      }
      if (ackUser) {
        labor.ackUser = ackUser;
        labor.ackTime = this.clock.now();
      }
      await em.update(HermesLabor, { id }, { questId: labor.questId, ackUser: labor.ackUser, ackTime: labor.ackTime });
      await this.audit.record(em, {
        operator: actor,
        module: 'hermes',
        targetType: 'labor',
        targetId: id,
        operation: 'update',
        before,
        after: { questId: labor.questId, ackUser: labor.ackUser, ackTime: labor.ackTime },
      });
      return labor;
    });
  }
}
