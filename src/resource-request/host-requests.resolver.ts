import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { loadApproval } from '../approval/approval-loader';
import { ApprovalsService } from '../approval/approvals.service';
import { Approval } from '../approval/entities/approval.entity';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GraphqlContext } from '../common/graphql/request-loader';
import {
  HostRequestInput,
  HostRequestPage,
  RequiredHostType,
  ResourceRequestsArgs,
} from './dto/resource-request.inputs';
import { HostRequest } from './entities/host-request.entity';
import { HostRequestsService } from './host-requests.service';
import { KINDS, ResourceRequestKind } from './request-kinds';

@Resolver(() => HostRequest)
export class HostRequestsResolver {
  constructor(
    private readonly requests: HostRequestsService,
    private readonly approvals: ApprovalsService,
  ) {}

  @Query(() => HostRequestPage)
  async hostRequests(
    @CurrentPrincipal() actor: Principal,
    @Args() args: ResourceRequestsArgs,
  ): Promise<HostRequestPage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.requests.list(actor, filter, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => HostRequest)
  hostRequest(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    return this.requests.get(actor, id);
  }

  @Mutation(() => HostRequest)
  createHostRequest(@CurrentPrincipal() actor: Principal, @Args('input') input: HostRequestInput) {
    return this.requests.create(actor, input);
  }

  @Mutation(() => HostRequest, { description: 'Changes a request while it waits for review (its creator)' })
  updateHostRequest(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: HostRequestInput,
  ) {
    return this.requests.update(actor, id, input);
  }

  @Mutation(() => HostRequest, { description: 'Approved, the hosts are created raw and the login users may log in' })
  approveHostRequest(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('reason', { nullable: true }) reason?: string,
  ) {
    return this.requests.approve(actor, id, reason);
  }

  @ResolveField(() => [RequiredHostType])
  requiredHosts(row: HostRequest): RequiredHostType[] {
    return row.requiredHosts;
  }

  @ResolveField(() => Approval, { nullable: true })
  approval(row: HostRequest, _args: unknown, ctx: GraphqlContext): Promise<Approval | null> {
    return loadApproval(ctx, this.approvals, KINDS[ResourceRequestKind.HOST].resourceType, row.id);
  }
}
