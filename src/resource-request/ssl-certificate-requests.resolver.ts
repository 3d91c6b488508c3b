import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { loadApproval } from '../approval/approval-loader';
import { ApprovalsService } from '../approval/approvals.service';
import { Approval } from '../approval/entities/approval.entity';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GraphqlContext } from '../common/graphql/request-loader';
import {
  SslCertificateApproval,
  SslCertificateRequestInput,
  SslCertificateRequestPage,
  SslCertificateRequestsArgs,
} from './dto/resource-request.inputs';
import { SslCertificateRequest } from './entities/ssl-certificate-request.entity';
import { KINDS, ResourceRequestKind } from './request-kinds';
import { SslCertificateRequestsService } from './ssl-certificate-requests.service';

@Resolver(() => SslCertificateRequest)
export class SslCertificateRequestsResolver {
  constructor(
    private readonly requests: SslCertificateRequestsService,
    private readonly approvals: ApprovalsService,
  ) {}

  @Query(() => SslCertificateRequestPage)
  async sslCertificateRequests(
    @CurrentPrincipal() actor: Principal,
    @Args() args: SslCertificateRequestsArgs,
  ): Promise<SslCertificateRequestPage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.requests.list(actor, filter, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => SslCertificateRequest)
  sslCertificateRequest(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => Int }) id: number) {
    return this.requests.get(actor, id);
  }

  @Mutation(() => SslCertificateRequest)
  createSslCertificateRequest(@CurrentPrincipal() actor: Principal, @Args('input') input: SslCertificateRequestInput) {
    return this.requests.create(actor, input);
  }

  @Mutation(() => SslCertificateRequest, { description: 'Changes a request while it waits for review (its creator)' })
  updateSslCertificateRequest(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: SslCertificateRequestInput,
  ) {
    return this.requests.update(actor, id, input);
  }

  @Mutation(() => SslCertificateApproval, {
    description:
      'Approved, the internal CA issues the certificate (for the CSR, or for a key generated and returned here once), ' +
      'or `certificate` (with `chain`) delivered by the approver is checked and recorded',
  })
  async approveSslCertificateRequest(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('reason', { nullable: true }) reason?: string,
    @Args('certificate', { nullable: true }) certificate?: string,
    @Args('chain', { nullable: true }) chain?: string,
  ): Promise<SslCertificateApproval> {
    const delivered = certificate === undefined ? null : { certificate, chain };
    const { row, privateKey } = await this.requests.approve(actor, id, { reason, delivered });
    return { request: row, privateKey };
  }

  @ResolveField(() => Approval, { nullable: true })
  approval(row: SslCertificateRequest, _args: unknown, ctx: GraphqlContext): Promise<Approval | null> {
    return loadApproval(ctx, this.approvals, KINDS[ResourceRequestKind.SSL_CERTIFICATE].resourceType, row.id);
  }
}
