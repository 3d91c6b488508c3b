import { Field, ObjectType } from '@nestjs/graphql';
import { toProblem } from '../../common/errors/problem';
import type { BatchItem } from '../approval-batch';

/** One item of a batch decision: its new status, or why it was refused. */
@ObjectType()
export class ApprovalBatchItem {
  @Field()
  resourceId: string;

  @Field()
  ok: boolean;

  @Field(() => String, { nullable: true, description: "The resource's status after the decision" })
  status: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => String, { nullable: true, description: 'The refusal: already_approved, own_request...' })
  reason: string | null;

  static from<K extends string | number>(item: BatchItem<K, string>): ApprovalBatchItem {
    if (item.ok) return { resourceId: String(item.key), ok: true, status: item.value, error: null, reason: null };
    const problem = toProblem(item.error);
    return {
      resourceId: String(item.key),
      ok: false,
      status: null,
      error: problem.message,
      reason: problem.reason ?? null,
    };
  }
}
