import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import {
  CreateHermesQuestInput,
  HermesQuestPage,
  HermesQuestProgressType,
  HermesQuestsArgs,
  MailHermesQuestInput,
  UpdateHermesQuestInput,
} from './dto/hermes.inputs';
import { HermesLabor } from './entities/hermes-labor.entity';
import { HermesQuest } from './entities/hermes-quest.entity';
import { HermesHostsService } from './hermes-hosts.service';
import { requireHermesTime } from './hermes-time';
import { LaborsService } from './labors.service';
import { QuestProgress } from './quest-progress';
import { QuestsService } from './quests.service';

@Resolver(() => HermesQuest)
export class QuestsResolver {
  constructor(
    private readonly quests: QuestsService,
    private readonly laborsService: LaborsService,
    private readonly hosts: HermesHostsService,
  ) {}

  @Query(() => HermesQuestPage)
  async hermesQuests(@Args() args: HermesQuestsArgs): Promise<HermesQuestPage> {
    const { offset, limit } = args;
    const hostIds = args.hostnames ? await this.hosts.idsOf(args.hostnames) : undefined;
    const [items, total] = await this.quests.list(
      { filterClosed: args.openOnly, byCreator: args.byCreator, hostIds },
      { offset, limit },
    );
    return { items, total, offset, limit };
  }

  @Query(() => HermesQuest)
  hermesQuest(@Args('id', { type: () => Int }) id: number): Promise<HermesQuest> {
    return this.quests.get(id);
  }

  @ResolveField(() => [HermesLabor])
  labors(
    @Parent() quest: HermesQuest,
    @Context() ctx: GraphqlContext,
    @Args('onlyOpen', { nullable: true, defaultValue: false }) onlyOpen: boolean,
  ): Promise<HermesLabor[]> {
    return requestLoader<number, HermesLabor[]>(ctx, `hermes.questLabors.${onlyOpen}`, async (ids) => {
      const byQuest = await this.laborsService.ofQuests(ids, onlyOpen);
      return ids.map((id) => byQuest.get(id) ?? []);
    }).load(quest.id);
  }

  @ResolveField(() => HermesQuestProgressType)
  progress(quest: HermesQuest, _args: unknown, ctx: GraphqlContext): Promise<QuestProgress> {
    return requestLoader<number, QuestProgress>(ctx, 'hermes.questProgress', async (ids) => {
      const byQuest = await this.quests.progressOf(ids);
      return ids.map((id) => byQuest.get(id) as QuestProgress);
    }).load(quest.id);
  }

  /** Throws the fate's creation event on every host, with that fate as the only starting fate. */
  @Mutation(() => HermesQuest)
  async createHermesQuest(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: CreateHermesQuestInput,
  ): Promise<HermesQuest> {
    const hostnames = await this.hosts.resolveNames({ hostnames: input.hostnames ?? [], hostQuery: input.hostQuery });
    return this.quests.create(actor, {
      fateId: input.fateId,
      creator: input.creator,
      description: input.description,
      hostnames,
      targetTime: input.targetTime === undefined ? null : requireHermesTime(input.targetTime, 'targetTime'),
    });
  }

  @Mutation(() => HermesQuest)
  updateHermesQuest(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: UpdateHermesQuestInput,
  ): Promise<HermesQuest> {
    return this.quests.update(actor, id, {
      description: input.description,
      creator: input.creator,
      targetTime: input.targetTime === undefined ? undefined : requireHermesTime(input.targetTime, 'targetTime'),
    });
  }

  /** Queues the mail; answers the recipients. */
  @Mutation(() => [String])
  mailHermesQuest(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: MailHermesQuestInput,
  ): Promise<string[]> {
    return this.quests.mail(actor, id, {
      serverOwners: input.serverOwners ?? false,
      laborOwners: input.laborOwners ?? false,
      from: input.from,
      subject: input.subject,
      message: input.message,
    });
  }
}
