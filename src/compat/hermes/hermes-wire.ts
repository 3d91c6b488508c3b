import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '../../config/app-config';
import { HermesEventType } from '../../hermes-workflow/entities/hermes-event-type.entity';
import { HermesEvent } from '../../hermes-workflow/entities/hermes-event.entity';
import { HermesFate } from '../../hermes-workflow/entities/hermes-fate.entity';
import { HermesLabor } from '../../hermes-workflow/entities/hermes-labor.entity';
import { HermesQuest } from '../../hermes-workflow/entities/hermes-quest.entity';
import { EventTypesService } from '../../hermes-workflow/event-types.service';
import { EventsService } from '../../hermes-workflow/events.service';
import { FatesService } from '../../hermes-workflow/fates.service';
import { HermesHost, HermesHostsService } from '../../hermes-workflow/hermes-hosts.service';
import { wireTime } from '../../hermes-workflow/hermes-time';
import { LaborsService } from '../../hermes-workflow/labors.service';
import { QuestsService } from '../../hermes-workflow/quests.service';

export type Json = Record<string, unknown>;

/** Where this request's links point: `<scheme>://<Host header><mount prefix>/api/v1`. */
export interface Links {
  base: string;
  /** The mount prefix + /api/v1, for the relative links of some 201 answers. */
  relative: string;
  /** The full request URL: the `href` of answers that have none of their own. */
  self: string;
}

export interface QuestOptions {
  progressInfo?: boolean;
  onlyOpenLabors?: boolean;
}

const without = (expand: ReadonlySet<string>, ...kinds: string[]) =>
  new Set([...expand].filter((k) => !kinds.includes(k)));

/**
 * Hermes objects in the original's JSON: camelCase fields, `href`s, naive UTC times, and the
 * `expand` set handed down to nested objects. Related objects are loaded per list, never per item.
 */
@Injectable()
export class HermesWire {
  constructor(
    private readonly config: AppConfig,
    private readonly hosts: HermesHostsService,
    private readonly eventTypes: EventTypesService,
    private readonly fates: FatesService,
    private readonly events: EventsService,
    private readonly labors: LaborsService,
    private readonly quests: QuestsService,
  ) {}

  links(req: Request): Links {
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const relative = `${this.config.compatPrefixes.hermes}/api/v1`;
    return { base: `${origin}${relative}`, relative, self: `${origin}${req.originalUrl}` };
  }

  host(l: Links, h: HermesHost): Json {
    return { id: h.id, hostname: h.hostname, href: `${l.base}/hosts/${h.hostname}` };
  }

  async hostsById(l: Links, ids: readonly number[]): Promise<Map<number, Json>> {
    const names = await this.hosts.namesOf(ids);
    return new Map([...names].map(([id, hostname]) => [id, this.host(l, { id, hostname })]));
  }

  async eventTypeList(l: Links, types: readonly HermesEventType[], expand: ReadonlySet<string>): Promise<Json[]> {
    const autoCreates = expand.has('fates') ? await this.fates.createdByTypes(types.map((t) => t.id)) : null;
    const fateJson = autoCreates
      ? await this.fateList(l, [...autoCreates.values()].flat(), without(expand, 'fates', 'eventtypes'))
      : [];
    const byId = new Map(fateJson.map((f) => [f.id as number, f]));
    return types.map((t) => ({
      ...this.eventType(l, t),
      ...(autoCreates ? { autoCreates: (autoCreates.get(t.id) ?? []).map((f) => byId.get(f.id)) } : {}),
    }));
  }

  eventType(l: Links, t: HermesEventType): Json {
    return {
      id: t.id,
      category: t.category,
      state: t.state,
      description: t.description,
      restricted: Boolean(t.restricted),
      href: `${l.base}/eventtypes/${t.id}`,
    };
  }

  async fateList(l: Links, fates: readonly HermesFate[], expand: ReadonlySet<string>): Promise<Json[]> {
    const precedes = await this.fates.precedesOf(fates.map((f) => f.id));
    const types = expand.has('eventtypes') ? await this.eventTypes.byIds(fates.map((f) => f.creationTypeId)) : null;
    return fates.map((f) => ({
      id: f.id,
      creationEventTypeId: f.creationTypeId,
      followsId: f.followsId,
      precedesIds: precedes.get(f.id) ?? [],
      forCreator: Boolean(f.forCreator),
      forOwner: Boolean(f.forOwner),
      description: f.description,
      href: `${l.base}/fates/${f.id}`,
      ...(types ? { creationEventType: this.eventTypeOrNull(l, types.get(f.creationTypeId)) } : {}),
    }));
  }

  async eventList(l: Links, events: readonly HermesEvent[], expand: ReadonlySet<string>): Promise<Json[]> {
    const withHost = expand.has('host') || expand.has('hosts');
    const hosts = withHost
      ? await this.hostsById(
          l,
          events.map((e) => e.hostId),
        )
      : null;
    const types = expand.has('eventtypes') ? await this.eventTypes.byIds(events.map((e) => e.eventTypeId)) : null;
    return events.map((e) => ({
      id: e.id,
      hostId: e.hostId,
      timestamp: wireTime(e.timestamp),
      user: e.user,
      eventTypeId: e.eventTypeId,
      note: e.note ?? '',
      href: `${l.base}/events/${e.id}`,
      ...(hosts ? { host: hosts.get(e.hostId) ?? null } : {}),
      ...(types ? { eventType: this.eventTypeOrNull(l, types.get(e.eventTypeId)) } : {}),
    }));
  }

  async laborList(l: Links, labors: readonly HermesLabor[], expand: ReadonlySet<string>): Promise<Json[]> {
    const questIds = labors.flatMap((x) => (x.questId === null ? [] : [x.questId]));
    const quests = await this.quests.byIds(questIds);
    const questJson = expand.has('quests')
      ? new Map(
          (await this.questList(l, [...quests.values()], without(expand, 'quests', 'labors'))).map((q) => [q.id, q]),
        )
      : null;
    let fateJson: Map<number, Json> | null = null;
    if (expand.has('fates')) {
      const fates = await this.fates.byIds(
        labors.flatMap((x) => [x.fateId, ...(x.closingFateId ? [x.closingFateId] : [])]),
      );
      const list = await this.fateList(l, [...fates.values()], without(expand, 'fates', 'labors'));
      fateJson = new Map(list.map((f) => [f.id as number, f]));
    }
    const hosts = expand.has('hosts')
      ? await this.hostsById(
          l,
          labors.map((x) => x.hostId),
        )
      : null;
    let eventJson: Map<number, Json> | null = null;
    if (expand.has('events')) {
      const events = await this.events.byIds(
        labors.flatMap((x) => [x.creationEventId, ...(x.completionEventId ? [x.completionEventId] : [])]),
      );
      const list = await this.eventList(l, [...events.values()], without(expand, 'events', 'labors', 'hosts'));
      eventJson = new Map(list.map((e) => [e.id as number, e]));
    }
    return labors.map((x) => {
      const quest = x.questId === null ? undefined : quests.get(x.questId);
      return {
        id: x.id,
        startingLaborId: x.startingLaborId,
        questId: x.questId,
        hostId: x.hostId,
        fateId: x.fateId,
        closingFateId: x.closingFateId,
        forCreator: Boolean(x.forCreator),
        forOwner: Boolean(x.forOwner),
        creationTime: wireTime(x.creationTime),
        creationEventId: x.creationEventId,
        completionTime: wireTime(x.completionTime),
        completionEventId: x.completionEventId,
        ackUser: x.ackUser,
        ackTime: wireTime(x.ackTime),
        href: `${l.base}/labors/${x.id}`,
        // Only labors in a quest carry its target time.
        ...(x.questId !== null ? { targetTime: wireTime(quest?.targetTime ?? null) } : {}),
        ...(fateJson
          ? {
              fate: fateJson.get(x.fateId) ?? null,
              closingFate: x.closingFateId === null ? null : (fateJson.get(x.closingFateId) ?? null),
            }
          : {}),
        ...(questJson ? { quest: x.questId === null ? null : (questJson.get(x.questId) ?? null) } : {}),
        ...(hosts ? { host: hosts.get(x.hostId) ?? null } : {}),
        ...(eventJson
          ? {
              creationEvent: eventJson.get(x.creationEventId) ?? null,
              completionEvent: x.completionEventId === null ? null : (eventJson.get(x.completionEventId) ?? null),
            }
          : {}),
      };
    });
  }

  async questList(
    l: Links,
    quests: readonly HermesQuest[],
    expand: ReadonlySet<string>,
    options: QuestOptions = {},
  ): Promise<Json[]> {
    const ids = quests.map((q) => q.id);
    const progress = options.progressInfo ? await this.quests.progressOf(ids) : null;
    let labors: Map<number, Json[]> | null = null;
    if (expand.has('labors')) {
      const byQuest = await this.labors.ofQuests(ids, options.onlyOpenLabors);
      const all = await this.laborList(l, [...byQuest.values()].flat(), without(expand, 'labors', 'quests'));
      const json = new Map(all.map((x) => [x.id as number, x]));
      labors = new Map([...byQuest].map(([qid, list]) => [qid, list.map((x) => json.get(x.id) as Json)]));
    }
    return quests.map((q) => ({
      id: q.id,
      embarkTime: wireTime(q.embarkTime),
      completionTime: wireTime(q.completionTime),
      creator: q.creator,
      targetTime: wireTime(q.targetTime),
      description: q.description,
      href: `${l.base}/quests/${q.id}`,
      ...(labors ? { labors: labors.get(q.id) ?? [] } : {}),
      ...(progress ? progress.get(q.id) : {}),
    }));
  }

  /** `{id, href}` of each item, the original's unexpanded nested lists. */
  stubs(l: Links, resource: string, ids: readonly number[]): Json[] {
    return ids.map((id) => ({ id, href: `${l.base}/${resource}/${id}` }));
  }

  private eventTypeOrNull(l: Links, t: HermesEventType | undefined): Json | null {
    return t ? this.eventType(l, t) : null;
  }
}
