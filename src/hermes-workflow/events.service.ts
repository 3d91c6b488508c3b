import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { HostsService } from '../cmdb/inventory/hosts.service';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { HermesEvent } from './entities/hermes-event.entity';
import { HermesLabor } from './entities/hermes-labor.entity';
import { HermesQuest } from './entities/hermes-quest.entity';
import { planRounds } from './event-rounds';
import { PlannedClose, questionTheFates } from './fate-engine';
import { FatesService } from './fates.service';
import { HermesChanges, HermesChangesPublisher } from './hermes-changes';
import { chunks, HermesPage, paged, rowsById } from './hermes-page';
import { HermesClock } from './hermes-time';
import { Transactions } from '../database/transactions';
import { questsToComplete } from './quest-progress';
import { AppConfig } from '../config/app-config';
import { requireFitsText } from './hermes-limits';
import { storedUser } from './hermes-user';

/** Events of one request: one per host, all of one type. */
export interface EventThrow {
  hostnames: string[];
  eventTypeId: number;
  /** A bare name gets HERMES_DOMAIN appended. */
  user: string;
  note: string | null;
}

export interface EventFilter {
  eventTypeIds?: number[];
  hostId?: number;
  /** Any of these hosts (a host query's answer, possibly empty). */
  hostIds?: number[];
  /** Inclusive, stored form. */
  after?: string;
  /** Exclusive, stored form. */
  before?: string;
  afterEventId?: number;
}

interface PlannedEvent {
  hostId: number;
  eventTypeId: number;
  user: string;
  note: string | null;
}

interface ApplyOptions {
  questId?: number | null;
  startingFateIds?: number[];
}

interface Job {
  actor: Principal | null;
  input: EventThrow;
  resolve: (events: HermesEvent[]) => void;
  reject: (e: unknown) => void;
}

/** Requests gathered into one transaction at most. */
const MAX_BATCH = 256;
const INSERT_CHUNK = 1000;
/** Batches in flight at once: while one commits, the next gathers its requests and takes its locks. */
const PIPELINE = 2;

/**
 * Events and the fate engine around them. Concurrent requests are gathered into one transaction
 * (one engine run per round); a host's events are applied in arrival order, each round seeing the
 * labors the previous one wrote, so the outcome is the one of a sequential run. A failing batch is
 * retried request by request, so one bad request never fails the others.
 */
@Injectable()
export class EventsService implements OnModuleDestroy {
  private readonly clock = new HermesClock();
  private queue: Job[] = [];
  private draining = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly hosts: HostsService,
    private readonly fates: FatesService,
    private readonly publisher: HermesChangesPublisher,
    private readonly config: AppConfig,
  ) {}

  now(): string {
    return this.clock.now();
  }

  async list(filter: EventFilter, page: HermesPage): Promise<[HermesEvent[], number]> {
    const qb = this.dataSource.getRepository(HermesEvent).createQueryBuilder('e');
    if (filter.eventTypeIds?.length) qb.andWhere('e.eventTypeId IN (:...types)', { types: filter.eventTypeIds });
    if (filter.hostId !== undefined) qb.andWhere('e.hostId = :hostId', { hostId: filter.hostId });
    if (filter.hostIds !== undefined) {
      if (filter.hostIds.length === 0) return [[], 0];
      qb.andWhere('e.hostId IN (:...hostIds)', { hostIds: filter.hostIds });
    }
    if (filter.after !== undefined) qb.andWhere('e.timestamp >= :after', { after: filter.after });
    if (filter.before !== undefined) qb.andWhere('e.timestamp < :before', { before: filter.before });
    if (filter.afterEventId !== undefined) qb.andWhere('e.id >= :afterId', { afterId: filter.afterEventId });
    const [rows, total] = await Promise.all([
      paged(qb.clone().orderBy('e.timestamp', 'DESC').addOrderBy('e.id', 'DESC'), page).getMany(),
      qb.getCount(),
    ]);
    // Newest first selects the page; the page itself reads oldest first.
    return [rows.reverse(), total];
  }

  /** The newest event of a type among the hosts (all hosts when `hostIds` is undefined). */
  async newestOfType(eventTypeId: number, filter: Pick<EventFilter, 'hostId' | 'hostIds'>): Promise<HermesEvent> {
    const qb = this.dataSource
      .getRepository(HermesEvent)
      .createQueryBuilder('e')
      .where('e.eventTypeId = :eventTypeId', { eventTypeId });
    if (filter.hostId !== undefined) qb.andWhere('e.hostId = :hostId', { hostId: filter.hostId });
    if (filter.hostIds !== undefined) {
      qb.andWhere(filter.hostIds.length ? 'e.hostId IN (:...hostIds)' : '1 = 0', { hostIds: filter.hostIds });
    }
    const found = await qb.orderBy('e.timestamp', 'DESC').addOrderBy('e.id', 'DESC').limit(1).getOne();
    if (!found) throw new InvalidInputError('afterEventType', `No event of type ${eventTypeId} found`);
    return found;
  }

  async get(id: number): Promise<HermesEvent> {
    const found = await this.dataSource.getRepository(HermesEvent).findOneBy({ id });
    if (!found) throw new NotFoundError('event', id);
    return found;
  }

  byIds(ids: readonly number[]): Promise<Map<number, HermesEvent>> {
    return rowsById(this.dataSource.getRepository(HermesEvent), ids);
  }

  /** Newest event's timestamp of a host, or null. */
  async lastEventTime(hostId: number): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(HermesEvent)
      .createQueryBuilder('e')
      .select('MAX(e.timestamp)', 'last')
      .where('e.hostId = :hostId', { hostId })
      .getRawOne<{ last: string | null }>();
    return row?.last ?? null;
  }

  /**
   * Throws one event per named host (unknown names become hosts) and runs the fate engine on
   * them, gathered with concurrent requests into one transaction. `actor` null is the system.
   */
  async throw(actor: Principal | null, input: EventThrow): Promise<HermesEvent[]> {
    if (actor) await this.acl.assert(actor, 'throw_event', moduleRef('hermes'));
    const hostnames = [...new Set(input.hostnames)];
    if (hostnames.length === 0) throw new InvalidInputError('hostnames', 'No hosts found with given list');
    const user = storedUser(input.user, this.config.hermes.domain, 'user');
    if (input.note !== null) requireFitsText(input.note, 'note');
    return new Promise<HermesEvent[]>((resolve, reject) => {
      this.queue.push({ actor, input: { ...input, user, hostnames }, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Throws events inside the caller's transaction (other modules' effects); publishing is theirs to trigger. */
  async throwIn(em: EntityManager, actor: Principal | null, input: EventThrow): Promise<HermesChanges> {
    const user = storedUser(input.user, this.config.hermes.domain, 'user');
    if (input.note !== null) requireFitsText(input.note, 'note');
    const hostnames = [...new Set(input.hostnames)];
    if (hostnames.length === 0) throw new InvalidInputError('hostnames', 'No hosts found with given list');
    const [result] = await this.applyJobs(em, [{ actor, input: { ...input, user, hostnames } }]);
    return result;
  }

  onModuleDestroy(): void {
    // Requests still queued at shutdown would never be answered otherwise.
    for (const job of this.queue.splice(0)) job.reject(new Error('shutting down'));
  }

  publish(changes: HermesChanges): Promise<void> {
    return this.publisher.publish(changes);
  }

  /**
   * Runs the queue as batches, up to PIPELINE at once: the next batch starts when the previous one
   * holds its hosts' locks, so it can only wait behind it, never overtake it on a shared host.
   */
  private async drain(): Promise<void> {
    const inflight = new Set<Promise<void>>();
    try {
      for (;;) {
        if (this.queue.length === 0) {
          if (inflight.size === 0) return;
          await Promise.race(inflight);
          continue;
        }
        const batch = this.queue.splice(0, MAX_BATCH);
        let markLocked: () => void = () => undefined;
        const locked = new Promise<void>((resolve) => (markLocked = resolve));
        const run: Promise<void> = this.runBatch(batch, () => markLocked()).finally(() => {
          markLocked();
          inflight.delete(run);
        });
        inflight.add(run);
        await locked;
        if (inflight.size >= PIPELINE) await Promise.race(inflight);
      }
    } finally {
      this.draining = false;
    }
  }

  private async runBatch(batch: Job[], onLocked: () => void): Promise<void> {
    let results: HermesChanges[];
    try {
      results = await this.tx.run((em) => this.applyJobs(em, batch, onLocked));
    } catch (batchError) {
      if (batch.length === 1) {
        batch[0].reject(batchError);
        return;
      }
      // Find the culprit: each request alone, in order.
      for (const job of batch) {
        try {
          const [alone] = await this.tx.run((em) => this.applyJobs(em, [job]));
          job.resolve(alone.events);
          void this.publish(alone);
        } catch (e) {
          job.reject(e);
        }
      }
      return;
    }
    batch.forEach((job, i) => job.resolve(results[i].events));
    void this.publish({
      events: results.flatMap((r) => r.events),
      laborIds: results.flatMap((r) => r.laborIds),
    });
  }

  /** Requests in arrival order; a request waits for a later round when an earlier one names one of its hosts. */
  private async applyJobs(
    em: EntityManager,
    jobs: Pick<Job, 'actor' | 'input'>[],
    onLocked?: () => void,
  ): Promise<HermesChanges[]> {
    const names = [...new Set(jobs.flatMap((j) => j.input.hostnames))];
    const firstActor = jobs.find((j) => j.actor)?.actor ?? null;
    const hostIds = new Map((await this.hosts.ensureByNames(em, firstActor, names)).map((h) => [h.name, h.id]));
    await this.hosts.lockRows(em, [...hostIds.values()]);
    onLocked?.();

    const rounds = planRounds(jobs.map((job) => job.input.hostnames.map((n) => hostIds.get(n) as number)));

    const results: HermesChanges[] = jobs.map(() => ({ events: [], laborIds: [] }));
    for (const round of rounds) {
      // A request's events go in host id order, as the original read its hosts back before inserting.
      const planned = round.flatMap((i) =>
        jobs[i].input.hostnames
          .map((name) => hostIds.get(name) as number)
          .sort((a, b) => a - b)
          .map((hostId) => ({
            hostId,
            eventTypeId: jobs[i].input.eventTypeId,
            user: jobs[i].input.user,
            note: jobs[i].input.note,
          })),
      );
      const applied = await this.apply(em, planned, {});
      let at = 0;
      for (const i of round) {
        const count = jobs[i].input.hostnames.length;
        results[i].events = applied.events.slice(at, at + count);
        at += count;
      }
      // Labor changes are published as a whole; they are not split per request.
      results[round[0]].laborIds.push(...applied.laborIds);
    }
    await this.audit.recordMany(
      em,
      jobs.map((job, i): AuditRecord => {
        const events = results[i].events;
        return {
          operator: job.actor,
          operatorName: job.actor ? undefined : 'system',
          module: 'hermes',
          targetType: 'event',
          targetId: events.length === 1 ? events[0].id : null,
          targetName: job.input.hostnames.length === 1 ? job.input.hostnames[0] : `${job.input.hostnames.length} hosts`,
          operation: 'throw_event',
          after: { eventTypeId: job.input.eventTypeId, user: job.input.user, eventIds: events.map((e) => e.id) },
        };
      }),
    );
    return results;
  }

  /**
   * Inserts the events and runs the engine once over them, in the caller's transaction: new
   * labors, closes, quest completion. The hosts must exist and be locked by the caller.
   */
  async apply(
    em: EntityManager,
    planned: readonly PlannedEvent[],
    options: ApplyOptions,
  ): Promise<{ events: HermesEvent[]; laborIds: number[]; completedQuestIds: number[] }> {
    const events = await this.insertEvents(em, planned);
    const hostIds = [...new Set(planned.map((p) => p.hostId))];
    const open: HermesLabor[] = [];
    for (const part of chunks(hostIds)) {
      open.push(
        ...(await em
          .createQueryBuilder(HermesLabor, 'l')
          .select(['l.id', 'l.hostId', 'l.fateId', 'l.questId', 'l.startingLaborId'])
          .where('l.hostId IN (:...part)', { part })
          .andWhere('l.completionEventId IS NULL')
          .getMany()),
      );
    }
    const result = questionTheFates({
      fates: await this.fates.graph(em),
      startingFateIds: options.startingFateIds,
      questId: options.questId ?? null,
      openLabors: open,
      events: events.map((e) => ({ id: e.id, hostId: e.hostId, eventTypeId: e.eventTypeId })),
    });
    const now = this.clock.now();
    for (const part of chunks(result.newLabors, INSERT_CHUNK)) {
      await em
        .createQueryBuilder()
        .insert()
        .into(HermesLabor)
        .values(part.map((l) => ({ ...l, creationTime: now })))
        .updateEntity(false)
        .execute();
    }
    await this.closeLabors(em, result.closes, now);
    const completed = await this.completeQuests(em, result.touchedQuestIds, now);
    const laborIds = result.closes.map((c) => c.laborId);
    if (result.newLabors.length > 0) {
      const created = await em
        .createQueryBuilder(HermesLabor, 'l')
        .select('l.id')
        .where('l.creationEventId IN (:...ids)', { ids: events.map((e) => e.id) })
        .getMany();
      laborIds.push(...created.map((l) => l.id));
    }
    return { events, laborIds, completedQuestIds: completed };
  }

  /** All closes in one statement per chunk: each labor gets its own completion event and closing fate. */
  private async closeLabors(em: EntityManager, closes: readonly PlannedClose[], now: string): Promise<void> {
    for (const part of chunks(closes, INSERT_CHUNK)) {
      const params: number[] = [];
      const caseOf = (value: (c: PlannedClose) => number) =>
        `CASE id ${part.map((c) => (params.push(c.laborId, value(c)), 'WHEN ? THEN ?')).join(' ')} END`;
      const event = caseOf((c) => c.completionEventId);
      const fate = caseOf((c) => c.closingFateId);
      await em.query(
        `UPDATE hermes_labors SET completion_event_id = ${event}, closing_fate_id = ${fate}, completion_time = ? ` +
          `WHERE id IN (${part.map(() => '?').join(', ')})`,
        [...params, now, ...part.map((c) => c.laborId)],
      );
    }
  }

  private async insertEvents(em: EntityManager, planned: readonly PlannedEvent[]): Promise<HermesEvent[]> {
    if (planned.length === 0) return [];
    const tag = String(randomInt(1, 2 ** 47));
    const rows = planned.map((p) => ({ ...p, timestamp: this.clock.now(), tx: tag }));
    for (const part of chunks(rows, INSERT_CHUNK)) {
      await em.createQueryBuilder().insert().into(HermesEvent).values(part).updateEntity(false).execute();
    }
    // The ids of a multi-row insert, whatever the auto-increment lock mode.
    const ids = await em
      .createQueryBuilder(HermesEvent, 'e')
      .select('e.id', 'id')
      .where('e.tx = :tag', { tag })
      .orderBy('e.id')
      .getRawMany<{ id: number }>();
    if (ids.length !== rows.length) throw new Error(`inserted ${rows.length} events, read back ${ids.length}`);
    return rows.map((r, i) =>
      Object.assign(new HermesEvent(), {
        id: Number(ids[i].id),
        hostId: r.hostId,
        timestamp: r.timestamp,
        user: r.user,
        eventTypeId: r.eventTypeId,
        note: r.note,
        tx: null,
      }),
    );
  }

  private async completeQuests(em: EntityManager, questIds: readonly number[], now: string): Promise<number[]> {
    if (questIds.length === 0) return [];
    const quests = await em.find(HermesQuest, {
      where: { id: In([...questIds]) },
      select: { id: true, completionTime: true },
    });
    const counts = await em
      .createQueryBuilder(HermesLabor, 'l')
      .select('l.questId', 'questId')
      .addSelect('COUNT(1)', 'open')
      .where('l.questId IN (:...questIds)', { questIds })
      .andWhere(new Brackets((b) => b.where('l.completionEventId IS NULL')))
      .groupBy('l.questId')
      .getRawMany<{ questId: number; open: string | number }>();
    const open = new Map(counts.map((c) => [Number(c.questId), Number(c.open)]));
    const done = questsToComplete(
      questIds,
      quests.map((q) => ({ id: q.id, completed: q.completionTime !== null, openLabors: open.get(q.id) ?? 0 })),
    );
    if (done.length > 0) await em.update(HermesQuest, { id: In(done) }, { completionTime: now });
    return done;
  }
}
