import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { ApprovalsService } from './approvals.service';
import { ApprovalDecision } from './entities/approval-decision.entity';
import { Approval } from './entities/approval.entity';

/** The decisions under an approval, batched over a list. Owners expose the approval of their resources. */
@Resolver(() => Approval)
export class ApprovalsResolver {
  constructor(private readonly approvals: ApprovalsService) {}

  @ResolveField(() => [ApprovalDecision], { description: 'Who approved, rejected, delegated... when and why' })
  decisions(approval: Approval, _args: unknown, ctx: GraphqlContext): Promise<ApprovalDecision[]> {
    return requestLoader<number, ApprovalDecision[]>(ctx, 'approval.decisions', (ids) =>
      this.approvals.decisionsOf(ids),
    ).load(approval.id);
  }
}
