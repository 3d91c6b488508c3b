import { All, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { EventTypesService } from '../../hermes-workflow/event-types.service';
import { EventFilter, EventsService } from '../../hermes-workflow/events.service';
import { HermesHostQuery } from '../../hermes-workflow/hermes-host-query';
import { HermesHostsService } from '../../hermes-workflow/hermes-hosts.service';
import { HermesEnvelope } from './hermes-envelope';
import { notSupported } from './hermes-methods';
import {
  bodyOf,
  expandOf,
  optionalId,
  optionalString,
  pageOf,
  pathId,
  q,
  qInt,
  qList,
  qTime,
  Query as Params,
  requiredString,
  stringList,
  toId,
} from './hermes-params';
import { HermesWire } from './hermes-wire';

/** /api/v1/events: events are thrown here; the fate engine runs on them before the answer. */
@ApiTags('hermes')
@Controller('api/v1/events')
export class HermesEventsController {
  constructor(
    private readonly events: EventsService,
    private readonly eventTypes: EventTypesService,
    private readonly hosts: HermesHostsService,
    private readonly hostQuery: HermesHostQuery,
    private readonly wire: HermesWire,
  ) {}

  @Get()
  async list(@Req() req: Request, @Query() query: Params) {
    const page = pageOf(query);
    const filter: EventFilter = {
      eventTypeIds: qList(query, 'eventTypeId').map((v) => toId(v, 'eventTypeId')),
      hostId: qInt(query, 'hostId'),
      after: qTime(query, 'after'),
      before: qTime(query, 'before'),
      afterEventId: qInt(query, 'afterEventId'),
    };
    const hostname = q(query, 'hostname');
    const ids: number[][] = [];
    if (hostname !== undefined) ids.push([await this.hosts.filterId(hostname)]);
    const hostQuery = q(query, 'hostQuery');
    if (hostQuery !== undefined) ids.push(await this.hostQuery.hostIds(hostQuery));
    if (ids.length > 0) filter.hostIds = ids.reduce((a, b) => a.filter((id) => b.includes(id)));
    const afterType = qInt(query, 'afterEventType');
    if (afterType !== undefined) {
      const newest = await this.events.newestOfType(afterType, { hostId: filter.hostId, hostIds: filter.hostIds });
      filter.afterEventId = Math.max(filter.afterEventId ?? 0, newest.id);
    }
    const [events, total] = await this.events.list(filter, page);
    const l = this.wire.links(req);
    return HermesEnvelope.page(
      'events',
      await this.wire.eventList(l, events, expandOf(query)),
      page,
      'totalEvents',
      total,
      l.self,
    );
  }

  /**
   * One event per host named by `hostname`, `hostnames`, `hostQuery` and the hosts of `questId`'s
   * labors; one host answers the event itself, several `{events, totalEvents}`.
   */
  @Post()
  @HttpCode(201)
  async create(@CurrentPrincipal() actor: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const body = bodyOf(req);
    const user = requiredString(body, 'user');
    const note = optionalString(body, 'note') ?? null;
    const eventTypeId = await this.eventTypes.resolveId({
      eventTypeId: optionalId(body, 'eventTypeId'),
      category: optionalString(body, 'category'),
      state: optionalString(body, 'state'),
    });
    const hostname = optionalString(body, 'hostname');
    const names = await this.hosts.resolveNames({
      hostnames: [...(hostname === undefined ? [] : [hostname]), ...stringList(body, 'hostnames')],
      hostQuery: optionalString(body, 'hostQuery'),
      questId: optionalId(body, 'questId'),
    });
    const events = await this.events.throw(actor, { hostnames: names, eventTypeId, user, note });
    const l = this.wire.links(req);
    const json = await this.wire.eventList(l, events, new Set());
    if (events.length === 1) {
      res.setHeader('Location', `/api/v1/events/${events[0].id}`);
      return HermesEnvelope.created({ ...json[0], href: `${l.relative}/events/${events[0].id}` });
    }
    return HermesEnvelope.created({ events: json, totalEvents: events.length });
  }

  @All()
  unsupportedOnList(@Req() req: Request) {
    notSupported(req);
  }

  @Get(':id')
  async detail(@Param('id') raw: string, @Req() req: Request, @Query() query: Params) {
    const event = await this.events.get(pathId(raw, 'event'));
    const [json] = await this.wire.eventList(this.wire.links(req), [event], expandOf(query));
    return HermesEnvelope.ok(json);
  }

  /** Events never change. */
  @All(':id')
  unsupportedOnOne(@Req() req: Request) {
    notSupported(req);
  }
}
