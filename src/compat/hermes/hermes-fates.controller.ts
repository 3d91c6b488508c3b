import { All, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { FateChanges, FatesService } from '../../hermes-workflow/fates.service';
import { HermesEnvelope } from './hermes-envelope';
import { notSupported } from './hermes-methods';
import {
  bodyOf,
  expandOf,
  has,
  optionalBool,
  optionalId,
  optionalString,
  pageOf,
  pathId,
  Query as Params,
  requiredId,
  requiredString,
} from './hermes-params';
import { HermesWire } from './hermes-wire';

/** /api/v1/fates */
@ApiTags('hermes')
@Controller('api/v1/fates')
export class HermesFatesController {
  constructor(
    private readonly fates: FatesService,
    private readonly wire: HermesWire,
  ) {}

  @Get()
  async list(@Req() req: Request, @Query() query: Params) {
    const page = pageOf(query);
    const [fates, total] = await this.fates.list(page);
    const l = this.wire.links(req);
    return HermesEnvelope.page(
      'fates',
      await this.wire.fateList(l, fates, expandOf(query)),
      page,
      'totalFates',
      total,
      l.self,
    );
  }

  @Post()
  @HttpCode(201)
  async create(@CurrentPrincipal() actor: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const body = bodyOf(req);
    const creationEventTypeId = requiredId(body, 'creationEventTypeId');
    const description = requiredString(body, 'description');
    const fate = await this.fates.create(actor, {
      creationEventTypeId,
      description,
      followsId: optionalId(body, 'followsId') ?? null,
      forCreator: optionalBool(body, 'forCreator') ?? false,
      forOwner: optionalBool(body, 'forOwner') ?? true,
    });
    const l = this.wire.links(req);
    const [json] = await this.wire.fateList(l, [fate], new Set());
    res.setHeader('Location', `/api/v1/fates/${fate.id}`);
    return HermesEnvelope.created({ ...json, href: `${l.relative}/fates/${fate.id}` });
  }

  @All()
  unsupportedOnList(@Req() req: Request) {
    notSupported(req);
  }

  @Get(':id')
  async detail(@Param('id') raw: string, @Req() req: Request, @Query() query: Params) {
    const fate = await this.fates.get(pathId(raw, 'fate'));
    const [json] = await this.wire.fateList(this.wire.links(req), [fate], expandOf(query));
    return HermesEnvelope.ok(json);
  }

  /**
   * `description` and `followsId` (null makes a starting fate); creation type and designations
   * cannot change and are ignored, as before. An empty body changes nothing.
   */
  @Put(':id')
  async update(@CurrentPrincipal() actor: Principal, @Param('id') raw: string, @Req() req: Request) {
    const body = bodyOf(req);
    const id = pathId(raw, 'fate');
    const changes: FateChanges = {};
    if (has(body, 'description')) changes.description = optionalString(body, 'description') ?? null;
    if (has(body, 'followsId')) changes.followsId = optionalId(body, 'followsId') ?? null;
    const fate = await this.fates.update(actor, id, changes);
    const [json] = await this.wire.fateList(this.wire.links(req), [fate], new Set());
    return HermesEnvelope.ok(json);
  }

  @All(':id')
  unsupportedOnOne(@Req() req: Request) {
    notSupported(req);
  }
}
