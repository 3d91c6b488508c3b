import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ApprovalBatchItem } from '../approval/dto/approval-batch-item.object';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ResourceRequestDecision } from './dto/resource-request.inputs';
import { ResourceRequestBatchService } from './resource-request-batch.service';
import { ResourceRequestsService } from './resource-requests.service';
import { ResourceRequestKind } from './request-kinds';

/** Decisions every kind of request shares: reject, close, delegate, and approving several at once. */
@Resolver()
export class ResourceRequestsResolver {
  constructor(
    private readonly requests: ResourceRequestsService,
    private readonly batch: ResourceRequestBatchService,
  ) {}

  @Mutation(() => ResourceRequestDecision)
  async rejectResourceRequest(
    @CurrentPrincipal() actor: Principal,
    @Args('kind', { type: () => ResourceRequestKind }) kind: ResourceRequestKind,
    @Args('id', { type: () => Int }) id: number,
    @Args('reason', { nullable: true }) reason?: string,
  ): Promise<ResourceRequestDecision> {
    const row = await this.requests.reject(kind, actor, id, reason);
    return { kind, id, status: row.status };
  }

  @Mutation(() => ResourceRequestDecision, { description: 'Its creator or a reviewer closes an open request' })
  async closeResourceRequest(
    @CurrentPrincipal() actor: Principal,
    @Args('kind', { type: () => ResourceRequestKind }) kind: ResourceRequestKind,
    @Args('id', { type: () => Int }) id: number,
    @Args('reason', { nullable: true }) reason?: string,
  ): Promise<ResourceRequestDecision> {
    const row = await this.requests.close(kind, actor, id, reason);
    return { kind, id, status: row.status };
  }

  @Mutation(() => ResourceRequestDecision, {
    description: 'Hands the review to another holder of the review permission; then only they decide it',
  })
  async delegateResourceRequest(
    @CurrentPrincipal() actor: Principal,
    @Args('kind', { type: () => ResourceRequestKind }) kind: ResourceRequestKind,
    @Args('id', { type: () => Int }) id: number,
    @Args('userId', { type: () => Int }) userId: number,
    @Args('reason', { nullable: true }) reason?: string,
  ): Promise<ResourceRequestDecision> {
    const row = await this.requests.delegate(kind, actor, id, userId, reason);
    return { kind, id, status: row.status };
  }

  @Mutation(() => [ApprovalBatchItem], {
    description:
      'Approves each request on its own (a refused one does not stop the others). SSL requests without a CSR ' +
      'are refused here: approve them alone to receive the generated key',
  })
  async approveResourceRequests(
    @CurrentPrincipal() actor: Principal,
    @Args('kind', { type: () => ResourceRequestKind }) kind: ResourceRequestKind,
    @Args('ids', { type: () => [Int] }) ids: number[],
    @Args('reason', { nullable: true }) reason?: string,
  ): Promise<ApprovalBatchItem[]> {
    const results = await this.batch.approveMany(kind, actor, ids, reason);
    return results.map((r) => ApprovalBatchItem.from(r));
  }
}
