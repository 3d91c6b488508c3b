import { All, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { EventsService } from '../../hermes-workflow/events.service';
import { HermesHostQuery } from '../../hermes-workflow/hermes-host-query';
import { HermesHostsService } from '../../hermes-workflow/hermes-hosts.service';
import { wireTime } from '../../hermes-workflow/hermes-time';
import { LaborsService } from '../../hermes-workflow/labors.service';
import { QuestsService } from '../../hermes-workflow/quests.service';
import { HermesEnvelope } from './hermes-envelope';
import { notSupported } from './hermes-methods';
import { bodyOf, expandOf, pageOf, q, Query as Params, requiredString } from './hermes-params';
import { HermesWire } from './hermes-wire';

/** /api/v1/hosts: Hermes hosts are the inventory's hosts, shown as `{id, hostname}`. */
@ApiTags('hermes')
@Controller('api/v1/hosts')
export class HermesHostsController {
  constructor(
    private readonly hosts: HermesHostsService,
    private readonly hostQuery: HermesHostQuery,
    private readonly events: EventsService,
    private readonly labors: LaborsService,
    private readonly quests: QuestsService,
    private readonly wire: HermesWire,
  ) {}

  @Get()
  async list(@Req() req: Request, @Query() query: Params) {
    const page = pageOf(query);
    const hostQuery = q(query, 'hostQuery');
    const hostIds = hostQuery === undefined ? undefined : await this.hostQuery.hostIds(hostQuery);
    const [hosts, total] = await this.hosts.list({ hostname: q(query, 'hostname'), hostIds }, page);
    const l = this.wire.links(req);
    return HermesEnvelope.page(
      'hosts',
      hosts.map((h) => this.wire.host(l, h)),
      page,
      'totalHosts',
      total,
      l.self,
    );
  }

  /** `{hostname}` or `{hosts: [{hostname}, ...]}`: all or nothing; one host answers in the single form. */
  @Post()
  @HttpCode(201)
  async create(@CurrentPrincipal() actor: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const body = bodyOf(req);
    let names: string[];
    if (body.hosts !== undefined) {
      if (!Array.isArray(body.hosts)) throw new InvalidInputError('hosts', 'must be a list of {hostname}');
      names = body.hosts.map((item: unknown, i) => {
        if (typeof item !== 'object' || item === null) throw new InvalidInputError(`hosts[${i}]`, 'must be {hostname}');
        return requiredString(item as Record<string, unknown>, 'hostname', `hosts[${i}].hostname`);
      });
    } else {
      names = [requiredString(body, 'hostname')];
    }
    const created = await this.hosts.create(actor, names);
    const l = this.wire.links(req);
    if (created.length === 1) {
      res.setHeader('Location', `/api/v1/hosts/${created[0].hostname}`);
      return HermesEnvelope.created(this.wire.host(l, created[0]));
    }
    return HermesEnvelope.created({ hosts: created.map((h) => this.wire.host(l, h)), totalHosts: created.length });
  }

  @All()
  unsupportedOnList(@Req() req: Request) {
    notSupported(req);
  }

  /** The host with a page of its events and labors, the quests of those labors, and its last event's time. */
  @Get(':hostname')
  async detail(@Param('hostname') hostname: string, @Req() req: Request, @Query() query: Params) {
    const page = pageOf(query);
    const expand = expandOf(query);
    const host = await this.hosts.getByName(hostname);
    const [[events], [labors], lastEvent] = await Promise.all([
      this.events.list({ hostId: host.id }, page),
      this.labors.list({ hostId: host.id }, page),
      this.events.lastEventTime(host.id),
    ]);
    const l = this.wire.links(req);
    const questIds = labors.flatMap((x) => (x.questId === null ? [] : [x.questId]));
    let quests: unknown[];
    if (expand.has('quests')) {
      const byId = await this.quests.byIds(questIds);
      const json = new Map(
        (await this.wire.questList(l, [...byId.values()], new Set())).map((j) => [j.id as number, j]),
      );
      quests = questIds.map((id) => json.get(id));
    } else {
      quests = this.wire.stubs(l, 'quests', questIds);
    }
    return HermesEnvelope.ok({
      ...this.wire.host(l, host),
      limit: page.limit,
      offset: page.offset,
      events: expand.has('events')
        ? await this.wire.eventList(l, events, expand)
        : this.wire.stubs(
            l,
            'events',
            events.map((e) => e.id),
          ),
      labors: expand.has('labors')
        ? await this.wire.laborList(l, labors, expand)
        : this.wire.stubs(
            l,
            'labors',
            labors.map((x) => x.id),
          ),
      quests,
      lastEvent: wireTime(lastEvent),
    });
  }

  /** Renames, or merges into the host that already has the new name. */
  @Put(':hostname')
  async rename(@CurrentPrincipal() actor: Principal, @Param('hostname') hostname: string, @Req() req: Request) {
    const body = bodyOf(req);
    const host = await this.hosts.rename(actor, hostname, requiredString(body, 'hostname'));
    return HermesEnvelope.ok(this.wire.host(this.wire.links(req), host));
  }

  @All(':hostname')
  unsupportedOnOne(@Req() req: Request) {
    notSupported(req);
  }
}
