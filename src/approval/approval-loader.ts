import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import type { ApprovalsService } from './approvals.service';
import type { Approval } from './entities/approval.entity';

/** The approval of one resource, batched over a GraphQL list: for owners' `approval` fields. */
export function loadApproval(
  ctx: GraphqlContext,
  approvals: ApprovalsService,
  resourceType: string,
  resourceId: string | number,
): Promise<Approval | null> {
  return requestLoader<string, Approval | null>(ctx, `approval.of.${resourceType}`, async (ids) => {
    const byId = await approvals.ofResources(resourceType, ids);
    return ids.map((id) => byId.get(id) ?? null);
  }).load(String(resourceId));
}
