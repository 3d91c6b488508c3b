import type { ApprovalLevel } from '../config/app-config';

/**
 * The approval state machine every owner (deploy tasks, resource requests, DNS changes) shares:
 *
 *   wait_review → approved | rejected;  approved → running → finished | failed;
 *   approved → finished (work done at once); wait_review | approved → closed.
 *
 * Plain functions, no I/O: the service loads the state, asks here, and writes the answer.
 */

export enum ApprovalStatus {
  WAIT_REVIEW = 'wait_review',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  RUNNING = 'running',
  FINISHED = 'finished',
  FAILED = 'failed',
  CLOSED = 'closed',
}

export enum ApprovalAction {
  APPROVE = 'approve',
  REJECT = 'reject',
  DELEGATE = 'delegate',
  CLOSE = 'close',
  START = 'start',
  FINISH = 'finish',
  FAIL = 'fail',
}

/** Why a request was refused: owners map these to their wire codes (the platform's 30001-30003). */
export type ApprovalRefusal =
  | 'already_approved'
  | 'already_rejected'
  | 'already_running'
  | 'already_finished'
  | 'already_failed'
  | 'already_closed'
  | 'not_approved'
  | 'own_request'
  | 'approved_by_you'
  | 'assigned_to_other'
  | 'before_planned_time';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: ApprovalRefusal; message: string };

const refuse = <T>(reason: ApprovalRefusal, message: string): Outcome<T> => ({ ok: false, reason, message });

/** Where each action may start from, and where it leads. */
const TRANSITIONS: Record<ApprovalAction, Partial<Record<ApprovalStatus, ApprovalStatus>>> = {
  [ApprovalAction.APPROVE]: { [ApprovalStatus.WAIT_REVIEW]: ApprovalStatus.APPROVED },
  [ApprovalAction.REJECT]: { [ApprovalStatus.WAIT_REVIEW]: ApprovalStatus.REJECTED },
  [ApprovalAction.DELEGATE]: { [ApprovalStatus.WAIT_REVIEW]: ApprovalStatus.WAIT_REVIEW },
  [ApprovalAction.CLOSE]: {
    [ApprovalStatus.WAIT_REVIEW]: ApprovalStatus.CLOSED,
    [ApprovalStatus.APPROVED]: ApprovalStatus.CLOSED,
  },
  [ApprovalAction.START]: { [ApprovalStatus.APPROVED]: ApprovalStatus.RUNNING },
  [ApprovalAction.FINISH]: {
    [ApprovalStatus.APPROVED]: ApprovalStatus.FINISHED,
    [ApprovalStatus.RUNNING]: ApprovalStatus.FINISHED,
  },
  [ApprovalAction.FAIL]: { [ApprovalStatus.RUNNING]: ApprovalStatus.FAILED },
};

/** The refusal a status gives an action it does not allow. */
const STATE_REFUSALS: Record<ApprovalStatus, ApprovalRefusal> = {
  [ApprovalStatus.WAIT_REVIEW]: 'not_approved',
  [ApprovalStatus.APPROVED]: 'already_approved',
  [ApprovalStatus.REJECTED]: 'already_rejected',
  [ApprovalStatus.RUNNING]: 'already_running',
  [ApprovalStatus.FINISHED]: 'already_finished',
  [ApprovalStatus.FAILED]: 'already_failed',
  [ApprovalStatus.CLOSED]: 'already_closed',
};

const STATE_WORDS: Record<ApprovalStatus, string> = {
  [ApprovalStatus.WAIT_REVIEW]: 'is waiting for review',
  [ApprovalStatus.APPROVED]: 'is already approved',
  [ApprovalStatus.REJECTED]: 'is already rejected',
  [ApprovalStatus.RUNNING]: 'is running',
  [ApprovalStatus.FINISHED]: 'is already finished',
  [ApprovalStatus.FAILED]: 'has failed',
  [ApprovalStatus.CLOSED]: 'is already closed',
};

/** The status `action` leads to from `status`, or why it may not happen. */
export function transition(status: ApprovalStatus, action: ApprovalAction): Outcome<ApprovalStatus> {
  const next = TRANSITIONS[action][status];
  if (next !== undefined) return { ok: true, value: next };
  return refuse(STATE_REFUSALS[status], `cannot ${action}: it ${STATE_WORDS[status]}`);
}

/** The resource may still change while its review waits; after that its state refuses. */
export function checkEditable(status: ApprovalStatus): Outcome<ApprovalStatus> {
  if (status === ApprovalStatus.WAIT_REVIEW) return { ok: true, value: status };
  return refuse(STATE_REFUSALS[status], `cannot change it: it ${STATE_WORDS[status]}`);
}

/** Statuses from which the work may still happen (a close is allowed). */
export function isOpen(status: ApprovalStatus): boolean {
  return TRANSITIONS[ApprovalAction.CLOSE][status] !== undefined;
}

/** How many distinct approvers a level needs: two for the configured levels (S and A by default), else one. */
export function requiredApprovals(level: ApprovalLevel | null, twoPersonLevels: readonly string[]): number {
  return level !== null && twoPersonLevels.includes(level) ? 2 : 1;
}

export interface ReviewState {
  status: ApprovalStatus;
  requiredApprovals: number;
  requesterId: number;
  /** Who approved so far, in order. */
  approverIds: readonly number[];
  /** The user the review was delegated to, if any. */
  assigneeId: number | null;
}

/**
 * One approver's approval: refused for the requester, for someone who approved already, and for
 * anyone but the assignee once the review was delegated (`overrides`: administrators may). Answers
 * the status after it: approved once enough distinct people approved, else still wait_review.
 */
export function approve(state: ReviewState, actorId: number, overrides = false): Outcome<ApprovalStatus> {
  const moved = transition(state.status, ApprovalAction.APPROVE);
  if (!moved.ok) return moved;
  if (actorId === state.requesterId) return refuse('own_request', 'the requester cannot approve their own request');
  if (state.approverIds.includes(actorId)) {
    return refuse('approved_by_you', `you approved already; ${state.requiredApprovals} distinct approvers are needed`);
  }
  const assigned = checkAssignee(state, actorId, overrides);
  if (!assigned.ok) return assigned;
  const approvals = state.approverIds.length + 1;
  return { ok: true, value: approvals >= state.requiredApprovals ? moved.value : ApprovalStatus.WAIT_REVIEW };
}

/** A rejection: any reviewer, or only the assignee once the review was delegated. */
export function reject(state: ReviewState, actorId: number, overrides = false): Outcome<ApprovalStatus> {
  const moved = transition(state.status, ApprovalAction.REJECT);
  if (!moved.ok) return moved;
  const assigned = checkAssignee(state, actorId, overrides);
  return assigned.ok ? moved : assigned;
}

/** A delegation to `toUserId`: never to the requester, by a reviewer or the current assignee. */
export function delegate(
  state: ReviewState,
  actorId: number,
  toUserId: number,
  overrides = false,
): Outcome<ApprovalStatus> {
  const moved = transition(state.status, ApprovalAction.DELEGATE);
  if (!moved.ok) return moved;
  if (toUserId === state.requesterId) return refuse('own_request', 'the review cannot go to the requester');
  const assigned = checkAssignee(state, actorId, overrides);
  return assigned.ok ? moved : assigned;
}

function checkAssignee(state: ReviewState, actorId: number, overrides: boolean): Outcome<true> {
  if (state.assigneeId === null || state.assigneeId === actorId || overrides) return { ok: true, value: true };
  return refuse('assigned_to_other', 'the review was delegated to another user');
}

/** A start: only once approved, and not before the planned time. */
export function start(status: ApprovalStatus, plannedExecTime: Date | null, now: Date): Outcome<ApprovalStatus> {
  const moved = transition(status, ApprovalAction.START);
  if (!moved.ok) return moved;
  if (plannedExecTime !== null && now.getTime() < plannedExecTime.getTime()) {
    return refuse('before_planned_time', `cannot start before its planned time ${plannedExecTime.toISOString()}`);
  }
  return moved;
}
