import { All, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { HermesHostQuery } from '../../hermes-workflow/hermes-host-query';
import { HermesHostsService } from '../../hermes-workflow/hermes-hosts.service';
import { LaborsService } from '../../hermes-workflow/labors.service';
import { QuestChanges, QuestsService } from '../../hermes-workflow/quests.service';
import { HermesEnvelope } from './hermes-envelope';
import { notSupported } from './hermes-methods';
import {
  bodyOf,
  expandOf,
  flag,
  optionalBool,
  optionalString,
  optionalTime,
  pageOf,
  pathId,
  q,
  Query as Params,
  requiredId,
  requiredString,
  stringList,
} from './hermes-params';
import { HermesWire } from './hermes-wire';

/** /api/v1/quests and their mail. */
@ApiTags('hermes')
@Controller('api/v1/quests')
export class HermesQuestsController {
  constructor(
    private readonly quests: QuestsService,
    private readonly labors: LaborsService,
    private readonly hosts: HermesHostsService,
    private readonly hostQuery: HermesHostQuery,
    private readonly wire: HermesWire,
  ) {}

  @Get()
  async list(@Req() req: Request, @Query() query: Params) {
    const page = pageOf(query);
    const hostnames = q(query, 'hostnames');
    const hostQuery = q(query, 'hostQuery');
    let hostIds: number[] | undefined;
    if (hostnames !== undefined || hostQuery !== undefined) {
      const names = (hostnames ?? '').split(',').filter((n) => n !== '');
      hostIds = await this.hosts.idsOf(names);
      if (hostQuery !== undefined) hostIds.push(...(await this.hostQuery.hostIds(hostQuery)));
    }
    const [quests, total] = await this.quests.list(
      { filterClosed: flag(query, 'filterClosed'), byCreator: q(query, 'byCreator'), hostIds },
      page,
    );
    const l = this.wire.links(req);
    return HermesEnvelope.page(
      'quests',
      await this.wire.questList(l, quests, expandOf(query), { progressInfo: flag(query, 'progressInfo') }),
      page,
      'totalQuests',
      total,
      l.self,
    );
  }

  /** Throws the fate's creation event on every host; answers the quest with its open labors. */
  @Post()
  @HttpCode(201)
  async create(@CurrentPrincipal() actor: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const body = bodyOf(req);
    const fateId = requiredId(body, 'fateId');
    const creator = requiredString(body, 'creator');
    const description = requiredString(body, 'description');
    const targetTime = optionalTime(body, 'targetTime') ?? null;
    const hostnames = await this.hosts.resolveNames({
      hostnames: stringList(body, 'hostnames'),
      hostQuery: optionalString(body, 'hostQuery'),
    });
    const quest = await this.quests.create(actor, { fateId, creator, description, hostnames, targetTime });
    const l = this.wire.links(req);
    const [json] = await this.wire.questList(l, [quest], new Set());
    const open = (await this.labors.ofQuests([quest.id], true)).get(quest.id) ?? [];
    res.setHeader('Location', `/api/v1/quests/${quest.id}`);
    return HermesEnvelope.created({ ...json, labors: await this.wire.laborList(l, open, new Set()) });
  }

  @All()
  unsupportedOnList(@Req() req: Request) {
    notSupported(req);
  }

  @Get(':id')
  async detail(@Param('id') raw: string, @Req() req: Request, @Query() query: Params) {
    const quest = await this.quests.get(pathId(raw, 'quest'));
    const [json] = await this.wire.questList(this.wire.links(req), [quest], expandOf(query), {
      progressInfo: flag(query, 'progressInfo'),
      onlyOpenLabors: flag(query, 'onlyOpenLabors'),
    });
    return HermesEnvelope.ok(json);
  }

  /** `description`, `creator`, `targetTime` (future only); an empty body changes nothing. */
  @Put(':id')
  async update(@CurrentPrincipal() actor: Principal, @Param('id') raw: string, @Req() req: Request) {
    const body = bodyOf(req);
    const id = pathId(raw, 'quest');
    const changes: QuestChanges = {
      description: optionalString(body, 'description'),
      creator: optionalString(body, 'creator'),
      targetTime: optionalTime(body, 'targetTime'),
    };
    const quest = await this.quests.update(actor, id, changes);
    const [json] = await this.wire.questList(this.wire.links(req), [quest], new Set());
    return HermesEnvelope.ok(json);
  }

  @All(':id')
  unsupportedOnOne(@Req() req: Request) {
    notSupported(req);
  }

  /** Mails server owners and/or labor owners through the outbox, with a link to the quest. */
  @Post(':id/mail')
  @HttpCode(201)
  async mail(@CurrentPrincipal() actor: Principal, @Param('id') raw: string, @Req() req: Request) {
    const body = bodyOf(req);
    const id = pathId(raw, 'quest');
    const serverOwners = optionalBool(body, 'serverOwners') ?? false;
    const laborOwners = optionalBool(body, 'laborOwners') ?? false;
    if (!serverOwners && !laborOwners) {
      throw new InvalidInputError('serverOwners', 'Must specify serverOwners and/or laborOwners');
    }
    await this.quests.mail(actor, id, {
      serverOwners,
      laborOwners,
      from: requiredString(body, 'from'),
      subject: requiredString(body, 'subject'),
      message: requiredString(body, 'message'),
    });
    return HermesEnvelope.created({});
  }

  @All(':id/mail')
  unsupportedOnMail(@Req() req: Request) {
    notSupported(req);
  }
}
