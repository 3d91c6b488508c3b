import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { loadApproval } from '../approval/approval-loader';
import { ApprovalsService } from '../approval/approvals.service';
import { Approval } from '../approval/entities/approval.entity';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GraphqlContext } from '../common/graphql/request-loader';
import { DomainRequestsService } from './domain-requests.service';
import {
  DomainRequestInput,
  DomainRequestPage,
  RequestedRecordType,
  ResourceRequestsArgs,
} from './dto/resource-request.inputs';
import { DomainRequest } from './entities/domain-request.entity';
import { KINDS, ResourceRequestKind } from './request-kinds';

@Resolver(() => DomainRequest)
export class DomainRequestsResolver {
  constructor(
    private readonly requests: DomainRequestsService,
    private readonly approvals: ApprovalsService,
  ) {}

  @Query(() => DomainRequestPage)
  async domainRequests(
    @CurrentPrincipal() actor: Principal,
    @Args() args: ResourceRequestsArgs,
  ): Promise<DomainRequestPage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.requests.list(actor, filter, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => DomainRequest)
  domainRequest(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    return this.requests.get(actor, id);
  }

  @Mutation(() => DomainRequest)
  createDomainRequest(@CurrentPrincipal() actor: Principal, @Args('input') input: DomainRequestInput) {
    return this.requests.create(actor, input);
  }

  @Mutation(() => DomainRequest, { description: 'Changes a request while it waits for review (its creator)' })
  updateDomainRequest(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: DomainRequestInput,
  ) {
    return this.requests.update(actor, id, input);
  }

  @Mutation(() => DomainRequest, {
    description: 'Approved, the records go to DNS; finished once the servers have them, else approved with the error',
  })
  approveDomainRequest(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('reason', { nullable: true }) reason?: string,
  ) {
    return this.requests.approve(actor, id, reason);
  }

  @Mutation(() => DomainRequest, { description: 'Writes the records of an approved, unfinished request again' })
  retryDomainRequest(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    return this.requests.retry(actor, id);
  }

  @ResolveField(() => [RequestedRecordType])
  records(row: DomainRequest): RequestedRecordType[] {
    return row.records;
  }

  @ResolveField(() => Approval, { nullable: true })
  approval(row: DomainRequest, _args: unknown, ctx: GraphqlContext): Promise<Approval | null> {
    return loadApproval(ctx, this.approvals, KINDS[ResourceRequestKind.DOMAIN].resourceType, row.id);
  }
}
