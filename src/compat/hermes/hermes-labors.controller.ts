import { All, Controller, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { HermesHostQuery } from '../../hermes-workflow/hermes-host-query';
import { HermesHostsService } from '../../hermes-workflow/hermes-hosts.service';
import { LaborFilter, LaborsService } from '../../hermes-workflow/labors.service';
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
  Query as Params,
} from './hermes-params';
import { HermesWire } from './hermes-wire';

/** /api/v1/labors: read, acknowledge, move to a quest; only the fate engine creates them. */
@ApiTags('hermes')
@Controller('api/v1/labors')
export class HermesLaborsController {
  constructor(
    private readonly labors: LaborsService,
    private readonly hosts: HermesHostsService,
    private readonly hostQuery: HermesHostQuery,
    private readonly wire: HermesWire,
  ) {}

  @Get()
  async list(@Req() req: Request, @Query() query: Params) {
    const page = pageOf(query);
    const open = q(query, 'open')?.toLowerCase();
    const filter: LaborFilter = {
      startingLaborId: qInt(query, 'startingLaborId'),
      open: open === 'true' ? true : open === 'false' ? false : undefined,
      questId: qInt(query, 'questId'),
      category: q(query, 'category'),
      state: q(query, 'state'),
    };
    const hostname = q(query, 'hostname');
    if (hostname !== undefined) filter.hostId = await this.hosts.filterId(hostname);
    const hostQuery = q(query, 'hostQuery');
    const userQuery = q(query, 'userQuery');
    const queried = hostQuery === undefined ? undefined : await this.hostQuery.hostIds(hostQuery);
    if (userQuery !== undefined) {
      const owned = await this.hostQuery.userHostIds(userQuery);
      const hostIds = queried === undefined ? owned : owned.filter((id) => queried.includes(id));
      if (hostIds.length === 0) throw new InvalidInputError('userQuery', 'Querying on 0 hosts');
      filter.user = { hostIds, creator: userQuery };
    } else if (queried !== undefined) {
      if (queried.length === 0) throw new InvalidInputError('hostQuery', 'Querying on 0 hosts');
      filter.ownerHostIds = queried;
    }
    const [labors, total] = await this.labors.list(filter, page);
    const l = this.wire.links(req);
    return HermesEnvelope.page(
      'labors',
      await this.wire.laborList(l, labors, expandOf(query)),
      page,
      'totalLabors',
      total,
      l.self,
    );
  }

  /** Labors are opened by fates only. */
  @Post()
  createRefused(@Req() req: Request) {
    notSupported(req);
  }

  @All()
  unsupportedOnList(@Req() req: Request) {
    notSupported(req);
  }

  @Get(':id')
  async detail(@Param('id') raw: string, @Req() req: Request, @Query() query: Params) {
    const labor = await this.labors.get(pathId(raw, 'labor'));
    const [json] = await this.wire.laborList(this.wire.links(req), [labor], expandOf(query));
    return HermesEnvelope.ok(json);
  }

  /** `ackUser` acknowledges (with the time), `questId` moves the labor to that quest. */
  @Put(':id')
  async update(@CurrentPrincipal() actor: Principal, @Param('id') raw: string, @Req() req: Request) {
    const body = bodyOf(req);
    const labor = await this.labors.update(actor, pathId(raw, 'labor'), {
      questId: optionalId(body, 'questId'),
      ackUser: optionalString(body, 'ackUser'),
    });
    const [json] = await this.wire.laborList(this.wire.links(req), [labor], new Set());
    return HermesEnvelope.ok(json);
  }

  @All(':id')
  unsupportedOnOne(@Req() req: Request) {
    notSupported(req);
  }
}
