import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import { ApplicationPersonsService } from '../cmdb/inventory/application-persons.service';
import { HostsService } from '../cmdb/inventory/hosts.service';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { MailService } from '../common/mail/mail.service';
import { AppConfig } from '../config/app-config';
import { HermesFate } from './entities/hermes-fate.entity';
import { HermesLabor } from './entities/hermes-labor.entity';
import { HermesQuest } from './entities/hermes-quest.entity';
import { EventsService } from './events.service';
import { chunks, HermesPage, paged, rowsById } from './hermes-page';
import { Transactions } from '../database/transactions';
import { QUEST_DESCRIPTION_MAX, requireFitsText, requireMaxLength } from './hermes-limits';
import { storedUser } from './hermes-user';
import { questProgress, QuestProgress } from './quest-progress';

export interface NewQuest {
  fateId: number;
  creator: string;
  description: string;
  hostnames: string[];
  /** Stored form, already parsed. */
  targetTime: string | null;
}

export interface QuestChanges {
  description?: string;
  creator?: string;
  targetTime?: string;
}

export interface QuestFilter {
  /** Only quests not completed yet. */
  filterClosed?: boolean;
  byCreator?: string;
  /** Quests with at least one labor on one of these hosts. */
  hostIds?: number[];
}

export interface QuestMail {
  serverOwners: boolean;
  laborOwners: boolean;
  from: string;
  subject: string;
  message: string;
}

/** Where a quest is shown: the link quest mail carries (documented in the README). */
export function questLink(publicUrl: string, hermesPrefix: string, id: number): string {
  return `${publicUrl}${hermesPrefix}/api/v1/quests/${id}?expand=labors&progressInfo=true`;
}

/** Quests: labors thrown over many hosts at once, tracked until the last one closes. */
@Injectable()
export class QuestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly hosts: HostsService,
    private readonly persons: ApplicationPersonsService,
    private readonly events: EventsService,
    private readonly mailer: MailService,
    private readonly config: AppConfig,
  ) {}

  async list(filter: QuestFilter, page: HermesPage): Promise<[HermesQuest[], number]> {
    const qb = this.dataSource.getRepository(HermesQuest).createQueryBuilder('q');
    if (filter.filterClosed) qb.andWhere('q.completionTime IS NULL');
    if (filter.byCreator !== undefined) qb.andWhere('q.creator = :creator', { creator: filter.byCreator });
    if (filter.hostIds !== undefined) {
      if (filter.hostIds.length === 0) return [[], 0];
      qb.andWhere('q.id IN (SELECT l.quest_id FROM hermes_labors l WHERE l.host_id IN (:...hostIds))', {
        hostIds: filter.hostIds,
      });
    }
    return Promise.all([
      paged(qb.clone().orderBy('q.embarkTime', 'ASC').addOrderBy('q.id', 'ASC'), page).getMany(),
      qb.getCount(),
    ]);
  }

  async get(id: number): Promise<HermesQuest> {
    const found = await this.dataSource.getRepository(HermesQuest).findOneBy({ id });
    if (!found) throw new NotFoundError('quest', id);
    return found;
  }

  byIds(ids: readonly number[]): Promise<Map<number, HermesQuest>> {
    return rowsById(this.dataSource.getRepository(HermesQuest), ids);
  }

  /** progressInfo of each quest, from all its labors. */
  async progressOf(questIds: readonly number[]): Promise<Map<number, QuestProgress>> {
    const out = new Map<number, QuestProgress>();
    for (const part of chunks([...new Set(questIds)])) {
      const rows = await this.dataSource
        .getRepository(HermesLabor)
        .createQueryBuilder('l')
        .select(['l.questId', 'l.startingLaborId', 'l.completionEventId'])
        .where('l.questId IN (:...part)', { part })
        .getMany();
      for (const id of part) out.set(id, questProgress(rows.filter((r) => r.questId === id)));
    }
    return out;
  }

  /**
   * Throws the fate's creation event on every host (unknown names become hosts), with the quest's
   * fate as the only starting fate: each host gets one labor of that fate in the quest. The same
   * events advance whatever else is open on those hosts. One transaction.
   */
  async create(actor: Principal, input: NewQuest): Promise<HermesQuest> {
    await this.acl.assert(actor, 'manage_quest', moduleRef('hermes'));
    const creator = storedUser(input.creator, this.config.hermes.domain, 'creator');
    if (input.description.length === 0) throw new InvalidInputError('description', 'must not be empty');
    requireMaxLength(input.description, QUEST_DESCRIPTION_MAX, 'description');
    if (input.targetTime !== null && input.targetTime <= this.events.now()) {
      throw new InvalidInputError('targetTime', 'Quest target time must be in the future');
    }
    const hostnames = [...new Set(input.hostnames)];
    const fate = await this.dataSource.getRepository(HermesFate).findOneBy({ id: input.fateId });
    if (!fate) throw new InvalidInputError('fateId', `Bad fate id ${input.fateId}`);
    if (hostnames.length === 0) throw new InvalidInputError('hostnames', 'No hosts found with given list');
    const { quest, changes } = await this.tx.run(async (em) => {
      // One event per host in host id order, as the original.
      const hosts = (await this.hosts.ensureByNames(em, actor, hostnames, 'hostnames')).sort((a, b) => a.id - b.id);
      await this.hosts.lockRows(
        em,
        hosts.map((h) => h.id),
      );
      const quest = await em.save(
        em.create(HermesQuest, {
          embarkTime: this.events.now(),
          targetTime: input.targetTime,
          completionTime: null,
          creator,
          description: input.description,
        }),
      );
      const applied = await this.events.apply(
        em,
        hosts.map((h) => ({ hostId: h.id, eventTypeId: fate.creationTypeId, user: creator, note: null })),
        { questId: quest.id, startingFateIds: [fate.id] },
      );
      await this.audit.record(em, {
        operator: actor,
        module: 'hermes',
        targetType: 'quest',
        targetId: quest.id,
        targetName: quest.description.slice(0, 255),
        operation: 'create',
        after: { ...quest, fateId: fate.id, hosts: hosts.length, eventIds: applied.events.length },
      });
      return { quest, changes: applied };
    });
    void this.events.publish(changes);
    return quest;
  }

  /** Description (an empty one is ignored), creator (normalized), target time (in the future). */
  async update(actor: Principal, id: number, changes: QuestChanges): Promise<HermesQuest> {
    await this.acl.assert(actor, 'manage_quest', moduleRef('hermes'));
    if (changes.targetTime !== undefined && changes.targetTime <= this.events.now()) {
      throw new InvalidInputError('targetTime', 'Quest target time must be in the future');
    }
    const creator = changes.creator ? storedUser(changes.creator, this.config.hermes.domain, 'creator') : null;
    if (changes.description) requireMaxLength(changes.description, QUEST_DESCRIPTION_MAX, 'description');
    return this.tx.run(async (em) => {
      const quest = await em.findOneBy(HermesQuest, { id });
      if (!quest) throw new NotFoundError('quest', id);
      const before = { description: quest.description, creator: quest.creator, targetTime: quest.targetTime };
      if (changes.description) quest.description = changes.description;
      if (creator) quest.creator = creator;
      if (changes.targetTime !== undefined) quest.targetTime = changes.targetTime;
      const saved = await em.save(quest);
      await this.audit.record(em, {
        operator: actor,
        module: 'hermes',
        targetType: 'quest',
        targetId: id,
        targetName: saved.description.slice(0, 255),
        operation: 'update',
        before,
        after: { description: saved.description, creator: saved.creator, targetTime: saved.targetTime },
      });
      return saved;
    });
  }

  /**
   * Mails the quest's people through the outbox: with `serverOwners` the owners of every host of
   * the quest; with `laborOwners` the creator for creator labors and the host owners for owner
   * labors. Owners are the response persons of the applications on the host. Answers the recipients.
   */
  async mail(actor: Principal, id: number, mail: QuestMail): Promise<string[]> {
    await this.acl.assert(actor, 'manage_quest', moduleRef('hermes'));
    if (!mail.serverOwners && !mail.laborOwners) {
      throw new InvalidInputError('serverOwners', 'Must specify serverOwners and/or laborOwners');
    }
    // The subject is a VARCHAR(255) of the outbox; the message goes into its TEXT body.
    requireMaxLength(mail.subject, 255, 'subject');
    requireMaxLength(mail.from, 255, 'from');
    requireFitsText(mail.message, 'message');
    const quest = await this.get(id);
    const labors = (await this.dataSource.getRepository(HermesLabor).findBy({ questId: id })) ?? [];
    const owners = await this.persons.ownersOfHosts(labors.map((l) => l.hostId));
    const domain = this.config.hermes.domain;
    const addressOf = (p: { username: string; email: string | null }) => p.email ?? `${p.username}@${domain}`;
    const recipients = new Set<string>();
    const ownersOf = (hostId: number) => (owners.get(hostId) ?? []).map(addressOf);
    if (mail.serverOwners) labors.forEach((l) => ownersOf(l.hostId).forEach((a) => recipients.add(a)));
    if (mail.laborOwners) {
      for (const l of labors) {
        if (l.forCreator) recipients.add(quest.creator);
        if (l.forOwner) ownersOf(l.hostId).forEach((a) => recipients.add(a));
      }
    }
    if (recipients.size === 0) throw new InvalidInputError('serverOwners', 'Host owners not found');
    const link = questLink(this.config.publicUrl, this.config.compatPrefixes.hermes, id);
    const body = `${mail.message}\n\nQuest ${id}: ${quest.description}\n${link}\n\nSent by ${mail.from}`;
    // What the mail adds to the message is small but not nothing.
    requireFitsText(body, 'message');
    const to = [...recipients].sort();
    await this.tx.run(async (em) => {
      for (const address of to) await this.mailer.queue(em, { to: address, subject: mail.subject, body });
      await this.audit.record(em, {
        operator: actor,
        module: 'hermes',
        targetType: 'quest',
        targetId: id,
        targetName: quest.description.slice(0, 255),
        operation: 'mail',
        detail: mail.subject.slice(0, 255),
        after: { recipients: to, from: mail.from },
      });
    });
    return to;
  }
}
