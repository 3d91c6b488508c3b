import { DomainError, ForbiddenError, InvalidStateError } from '../common/errors/domain-errors';
import { ApprovalRefusal, ApprovalStatus, Outcome } from './approval-flow';

/** Refusals that are about who acts (403) rather than the state (400). */
const WHO_REFUSALS: ReadonlySet<ApprovalRefusal> = new Set(['own_request', 'assigned_to_other']);

/** The status an allowed step leads to, or the refusal as a domain error carrying its reason. */
export function settle(outcome: Outcome<ApprovalStatus>): ApprovalStatus {
  if (outcome.ok) return outcome.value;
  const error: DomainError = WHO_REFUSALS.has(outcome.reason)
    ? new ForbiddenError(outcome.message)
    : new InvalidStateError(outcome.message);
  throw error.because(outcome.reason);
}
