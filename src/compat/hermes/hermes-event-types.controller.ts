import { All, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { EventTypesService, NewEventType } from '../../hermes-workflow/event-types.service';
import { EventsService } from '../../hermes-workflow/events.service';
import { HermesEnvelope } from './hermes-envelope';
import { notSupported } from './hermes-methods';
import {
  Body,
  bodyOf,
  expandOf,
  flag,
  optionalBool,
  optionalString,
  pageOf,
  pathId,
  q,
  Query as Params,
  requiredString,
} from './hermes-params';
import { HermesWire } from './hermes-wire';

function newEventType(body: Body, at = ''): NewEventType {
  return {
    category: requiredString(body, 'category', `${at}category`),
    state: requiredString(body, 'state', `${at}state`),
    description: requiredString(body, 'description', `${at}description`),
    restricted: optionalBool(body, 'restricted'),
  };
}

/** /api/v1/eventtypes */
@ApiTags('hermes')
@Controller('api/v1/eventtypes')
export class HermesEventTypesController {
  constructor(
    private readonly eventTypes: EventTypesService,
    private readonly events: EventsService,
    private readonly wire: HermesWire,
  ) {}

  @Get()
  async list(@Req() req: Request, @Query() query: Params) {
    const page = pageOf(query);
    const [types, total] = await this.eventTypes.list(
      { category: q(query, 'category'), state: q(query, 'state'), startingTypes: flag(query, 'startingTypes') },
      page,
    );
    const l = this.wire.links(req);
    return HermesEnvelope.page(
      'eventTypes',
      await this.wire.eventTypeList(l, types, expandOf(query)),
      page,
      'totalEventTypes',
      total,
      l.self,
    );
  }

  @Post()
  @HttpCode(201)
  async create(@CurrentPrincipal() actor: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const body = bodyOf(req);
    let items: NewEventType[];
    if (body.eventTypes !== undefined) {
      if (!Array.isArray(body.eventTypes)) throw new InvalidInputError('eventTypes', 'must be a list');
      items = body.eventTypes.map((item: unknown, i) => {
        if (typeof item !== 'object' || item === null)
          throw new InvalidInputError(`eventTypes[${i}]`, 'must be an object');
        return newEventType(item as Body, `eventTypes[${i}].`);
      });
    } else {
      items = [newEventType(body)];
    }
    const created = await this.eventTypes.create(actor, items);
    const l = this.wire.links(req);
    if (created.length === 1) {
      res.setHeader('Location', `/api/v1/eventtypes/${created[0].id}`);
      return HermesEnvelope.created(this.wire.eventType(l, created[0]));
    }
    return HermesEnvelope.created({
      eventTypes: created.map((t) => this.wire.eventType(l, t)),
      totalEventTypes: created.length,
    });
  }

  @All()
  unsupportedOnList(@Req() req: Request) {
    notSupported(req);
  }

  /** The type with a page of its events (newest first, the page read oldest first). */
  @Get(':id')
  async detail(@Param('id') raw: string, @Req() req: Request, @Query() query: Params) {
    const page = pageOf(query);
    const expand = expandOf(query);
    const type = await this.eventTypes.get(pathId(raw, 'event type'));
    const [events] = await this.events.list({ eventTypeIds: [type.id] }, page);
    const l = this.wire.links(req);
    return HermesEnvelope.ok({
      ...this.wire.eventType(l, type),
      events: expand.has('events')
        ? await this.wire.eventList(l, events, expand)
        : this.wire.stubs(
            l,
            'events',
            events.map((e) => e.id),
          ),
      limit: page.limit,
      offset: page.offset,
    });
  }

  /** Only the description changes. */
  @Put(':id')
  async update(@CurrentPrincipal() actor: Principal, @Param('id') raw: string, @Req() req: Request) {
    const body = bodyOf(req);
    const id = pathId(raw, 'event type');
    const description = optionalString(body, 'description');
    if (description === undefined) throw new InvalidInputError('description', 'Missing Required Argument');
    const type = await this.eventTypes.update(actor, id, description);
    return HermesEnvelope.ok(this.wire.eventType(this.wire.links(req), type));
  }

  @All(':id')
  unsupportedOnOne(@Req() req: Request) {
    notSupported(req);
  }
}
