import { InvalidStateError, NotFoundError } from '../common/errors/domain-errors';
import { eachOnItsOwn } from './approval-batch';
import {
  approve,
  ApprovalAction,
  ApprovalStatus,
  delegate,
  isOpen,
  reject,
  requiredApprovals,
  ReviewState,
  start,
  transition,
} from './approval-flow';

const S = ApprovalStatus;
const review = (over: Partial<ReviewState> = {}): ReviewState => ({
  status: S.WAIT_REVIEW,
  requiredApprovals: 1,
  requesterId: 1,
  approverIds: [],
  assigneeId: null,
  ...over,
});

describe('approval flow', () => {
  describe('transition', () => {
    it.each([
      [S.WAIT_REVIEW, ApprovalAction.APPROVE, S.APPROVED],
      [S.WAIT_REVIEW, ApprovalAction.REJECT, S.REJECTED],
      [S.WAIT_REVIEW, ApprovalAction.CLOSE, S.CLOSED],
      [S.APPROVED, ApprovalAction.CLOSE, S.CLOSED],
      [S.APPROVED, ApprovalAction.START, S.RUNNING],
      [S.APPROVED, ApprovalAction.FINISH, S.FINISHED],
      [S.RUNNING, ApprovalAction.FINISH, S.FINISHED],
      [S.RUNNING, ApprovalAction.FAIL, S.FAILED],
    ])('%s --%s--> %s', (from, action, to) => {
      expect(transition(from, action)).toEqual({ ok: true, value: to });
    });

    it.each([
      [S.APPROVED, ApprovalAction.APPROVE, 'already_approved'],
      [S.CLOSED, ApprovalAction.APPROVE, 'already_closed'],
      [S.FINISHED, ApprovalAction.APPROVE, 'already_finished'],
      [S.REJECTED, ApprovalAction.APPROVE, 'already_rejected'],
      [S.APPROVED, ApprovalAction.REJECT, 'already_approved'],
      [S.FINISHED, ApprovalAction.CLOSE, 'already_finished'],
      [S.CLOSED, ApprovalAction.CLOSE, 'already_closed'],
      [S.REJECTED, ApprovalAction.CLOSE, 'already_rejected'],
      [S.RUNNING, ApprovalAction.CLOSE, 'already_running'],
      [S.WAIT_REVIEW, ApprovalAction.START, 'not_approved'],
      [S.FAILED, ApprovalAction.START, 'already_failed'],
      [S.APPROVED, ApprovalAction.FAIL, 'already_approved'],
    ])('%s refuses %s with %s', (from, action, reason) => {
      const out = transition(from, action);
      expect(out).toMatchObject({ ok: false, reason });
      expect(out.ok || out.message).toContain(`cannot ${action}`);
    });

    it('calls wait_review and approved open, the end states not', () => {
      expect(Object.values(S).filter(isOpen)).toEqual([S.WAIT_REVIEW, S.APPROVED]);
    });
  });

  describe('approvers', () => {
    it('needs two approvers for the configured levels and one otherwise', () => {
      expect(requiredApprovals('S', ['S', 'A'])).toBe(2);
      expect(requiredApprovals('A', ['S', 'A'])).toBe(2);
      expect(requiredApprovals('B', ['S', 'A'])).toBe(1);
      expect(requiredApprovals(null, ['S', 'A'])).toBe(1);
      expect(requiredApprovals('S', [])).toBe(1);
    });

    it('approves at once with one approver needed', () => {
      expect(approve(review(), 2)).toEqual({ ok: true, value: S.APPROVED });
    });

    it('waits for a second, distinct approver when two are needed', () => {
      const first = approve(review({ requiredApprovals: 2 }), 2);
      expect(first).toEqual({ ok: true, value: S.WAIT_REVIEW });
      expect(approve(review({ requiredApprovals: 2, approverIds: [2] }), 2)).toMatchObject({
        ok: false,
        reason: 'approved_by_you',
      });
      expect(approve(review({ requiredApprovals: 2, approverIds: [2] }), 3)).toEqual({ ok: true, value: S.APPROVED });
    });

    it('refuses the requester, even as an administrator', () => {
      expect(approve(review(), 1, true)).toMatchObject({ ok: false, reason: 'own_request' });
    });

    it('keeps a delegated review to its assignee unless overridden', () => {
      const state = review({ assigneeId: 5 });
      expect(approve(state, 4)).toMatchObject({ ok: false, reason: 'assigned_to_other' });
      expect(reject(state, 4)).toMatchObject({ ok: false, reason: 'assigned_to_other' });
      expect(approve(state, 5)).toEqual({ ok: true, value: S.APPROVED });
      expect(approve(state, 4, true)).toEqual({ ok: true, value: S.APPROVED });
    });

    it('never delegates to the requester, and only from wait_review', () => {
      expect(delegate(review(), 2, 1)).toMatchObject({ ok: false, reason: 'own_request' });
      expect(delegate(review(), 2, 3)).toEqual({ ok: true, value: S.WAIT_REVIEW });
      expect(delegate(review({ status: S.APPROVED }), 2, 3)).toMatchObject({ ok: false, reason: 'already_approved' });
      expect(delegate(review({ assigneeId: 3 }), 2, 4)).toMatchObject({ ok: false, reason: 'assigned_to_other' });
      expect(delegate(review({ assigneeId: 3 }), 3, 4)).toEqual({ ok: true, value: S.WAIT_REVIEW });
    });
  });

  describe('start', () => {
    const planned = new Date('2030-01-01T10:00:00Z');
    it('refuses before the planned time and starts from it on', () => {
      expect(start(S.APPROVED, planned, new Date('2030-01-01T09:59:59Z'))).toMatchObject({
        ok: false,
        reason: 'before_planned_time',
      });
      expect(start(S.APPROVED, planned, planned)).toEqual({ ok: true, value: S.RUNNING });
      expect(start(S.APPROVED, null, new Date(0))).toEqual({ ok: true, value: S.RUNNING });
    });

    it('refuses what is not approved', () => {
      expect(start(S.WAIT_REVIEW, null, new Date())).toMatchObject({ ok: false, reason: 'not_approved' });
    });
  });

  describe('eachOnItsOwn', () => {
    it('reports refused items and goes on with the others', async () => {
      const out = await eachOnItsOwn([1, 2, 3], async (n) => {
        if (n === 2) throw new InvalidStateError('no');
        return n * 10;
      });
      expect(out.map((o) => (o.ok ? o.value : o.error.message))).toEqual([10, 'no', 30]);
    });

    it('stops at an error that is not a domain error', async () => {
      const seen: number[] = [];
      await expect(
        eachOnItsOwn([1, 2, 3], async (n) => {
          seen.push(n);
          if (n === 2) throw new TypeError('bug');
          if (n === 3) throw new NotFoundError('x', n);
        }),
      ).rejects.toThrow('bug');
      expect(seen).toEqual([1, 2]);
    });
  });
});
