import { AclService } from '../../src/acl/acl.service';
import { eachOnItsOwn } from '../../src/approval/approval-batch';
import { ApprovalsService, ApprovalRef } from '../../src/approval/approvals.service';
import type { Principal } from '../../src/common/auth/principal';
import { DomainError } from '../../src/common/errors/domain-errors';
import type { ApprovalLevel } from '../../src/config/app-config';
import { Transactions } from '../../src/database/transactions';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The approval flow as an owner module (deploy tasks, next) drives it: inside its own transactions,
 * reviewers being the holders of `review_app_deploy_task` on the task's application, real users
 * and grants on a real database.
 */
describe('approval flow', () => {
  let t: TestApp;
  let approvals: ApprovalsService;
  let tx: Transactions;
  let appId: number;
  const who: Record<string, Principal> = {};
  let seq = 0;

  const open = async (
    requester: Principal,
    level: ApprovalLevel | null,
    plannedExecTime?: Date,
  ): Promise<ApprovalRef> => {
    const ref = { resourceType: 'deploy_task', resourceId: ++seq };
    await tx.run((em) =>
      approvals.openIn(em, {
        ...ref,
        reviewPermission: 'review_app_deploy_task',
        scope: { type: 'application', id: appId },
        level,
        plannedExecTime,
        requester,
      }),
    );
    return ref;
  };
  const approve = (actor: Principal, ref: ApprovalRef, reason?: string) =>
    tx.run((em) => approvals.approveIn(em, actor, ref, reason)).then((o) => o.approval.status);
  const refusal = async (work: Promise<unknown>): Promise<{ status: number; reason?: string; field?: string }> => {
    try {
      await work;
    } catch (e) {
      if (e instanceof DomainError) return { status: e.status, reason: e.reason, field: e.field };
      throw e;
    }
    throw new Error('expected a refusal');
  };
  const decisions = async (ref: ApprovalRef) => {
    const approval = await approvals.get(ref);
    return (await approvals.decisionsOf([approval.id]))[0].map((d) => `${d.action}:${d.username}`);
  };

  beforeAll(async () => {
    t = await createTestApp();
    approvals = t.app.get(ApprovalsService);
    tx = t.app.get(Transactions);
    const acl = t.app.get(AclService);
    const admin = await t.adminToken();
    const app = await t.http
      .post('/platform/applications/')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ name: 'shop' })
      .expect(201);
    appId = app.body.id;
    for (const name of ['ann', 'bob', 'carol', 'dave']) {
      const user = await createUser(t, name, `${name}-password`);
      who[name] = await acl.principalOf(user);
      if (name !== 'dave') {
        await t.http
          .post(`/platform/users/${user.id}/application/perms/`)
          .set({ Authorization: `Bearer ${admin}` })
          .send({ authorizations: [{ id: appId, permission: { review_app_deploy_task: true } }] })
          .expect(200);
      }
    }
  });
  afterAll(() => t.close());

  it('needs two distinct approvers for levels S and A, one for B', async () => {
    const s = await open(who.ann, 'S');
    expect(await approve(who.bob, s, 'looks right')).toBe('wait_review');
    expect(await refusal(approve(who.bob, s))).toEqual({ status: 400, reason: 'approved_by_you', field: undefined });
    expect(await approve(who.carol, s)).toBe('approved');
    expect(await decisions(s)).toEqual(['approve:bob', 'approve:carol']);
    expect((await approvals.get(s)).requiredApprovals).toBe(2);

    const a = await open(who.ann, 'A');
    expect(await approve(who.bob, a)).toBe('wait_review');
    const b = await open(who.ann, 'B');
    expect(await approve(who.bob, b)).toBe('approved');
  });

  it('refuses the requester, and anyone without the review permission on that application', async () => {
    const ref = await open(who.bob, 'B');
    expect(await refusal(approve(who.bob, ref))).toMatchObject({ status: 403, reason: 'own_request' });
    expect(await refusal(approve(who.dave, ref))).toMatchObject({ status: 403 });
    expect(await decisions(ref)).toEqual([]);
    expect((await approvals.get(ref)).status).toBe('wait_review');
  });

  it('delegates only to a holder of the permission, then keeps the decision to the delegate', async () => {
    const ref = await open(who.ann, 'B');
    const delegate = (actor: Principal, to: Principal) =>
      tx.run((em) => approvals.delegateIn(em, actor, ref, to.userId, 'on call'));
    expect(await refusal(delegate(who.bob, who.dave))).toMatchObject({ status: 400, field: 'user_id' });
    expect(await refusal(delegate(who.bob, who.ann))).toMatchObject({ status: 403, reason: 'own_request' });
    await delegate(who.bob, who.carol);
    expect(await refusal(approve(who.bob, ref))).toMatchObject({ status: 403, reason: 'assigned_to_other' });
    expect(await refusal(tx.run((em) => approvals.rejectIn(em, who.bob, ref)))).toMatchObject({
      reason: 'assigned_to_other',
    });
    expect(await approve(who.carol, ref)).toBe('approved');
    expect(await decisions(ref)).toEqual(['delegate:bob', 'approve:carol']);
  });

  it('refuses a level outside S, A, B, C, I and a planned time in the past, writing nothing', async () => {
    const before = seq;
    expect(await refusal(open(who.ann, 'X' as ApprovalLevel))).toMatchObject({ status: 400, field: 'level' });
    expect(await refusal(open(who.ann, 'B', new Date(Date.now() - 3_600_000)))).toMatchObject({
      status: 400,
      field: 'planned_exec_time',
    });
    const rows = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM approvals WHERE resource_id IN ('${before + 1}', '${before + 2}')`,
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it('keeps an approved task from starting before its planned time and lists it as due from then', async () => {
    const planned = new Date(Date.now() + 3_600_000);
    const ref = await open(who.ann, 'C', planned);
    expect(await approve(who.bob, ref)).toBe('approved');
    const start = (at: Date) => tx.run((em) => approvals.startIn(em, null, ref, at));
    expect(await refusal(start(new Date()))).toMatchObject({ status: 400, reason: 'before_planned_time' });
    expect((await approvals.dueToStart('deploy_task')).map((a) => a.resourceId)).not.toContain(String(ref.resourceId));
    const later = new Date(planned.getTime() + 1000);
    expect((await approvals.dueToStart('deploy_task', later)).map((a) => a.resourceId)).toContain(
      String(ref.resourceId),
    );
    expect((await start(later)).approval.status).toBe('running');
    expect(await refusal(tx.run((em) => approvals.closeIn(em, who.ann, ref)))).toMatchObject({
      reason: 'already_running',
    });
    const failed = await tx.run((em) => approvals.failIn(em, null, ref, 'pre-hook exited 1'));
    expect(failed.approval).toMatchObject({ status: 'failed', error: 'pre-hook exited 1' });
    expect(await refusal(tx.run((em) => approvals.finishIn(em, null, ref)))).toMatchObject({
      reason: 'already_failed',
    });
    expect(await decisions(ref)).toEqual(['approve:bob', 'start:null', 'fail:null']);
  });

  it('closes from wait_review and approved, by the requester or a reviewer', async () => {
    const waiting = await open(who.ann, 'B');
    expect(await refusal(tx.run((em) => approvals.closeIn(em, who.dave, waiting)))).toMatchObject({ status: 403 });
    expect((await tx.run((em) => approvals.closeIn(em, who.ann, waiting))).approval.status).toBe('closed');
    const approved = await open(who.ann, 'B');
    await approve(who.bob, approved);
    expect((await tx.run((em) => approvals.closeIn(em, who.carol, approved, 'not needed'))).approval.status).toBe(
      'closed',
    );
    expect(await refusal(approve(who.bob, approved))).toMatchObject({ reason: 'already_closed' });
  });

  it('approves several on their own: a refused one does not undo or stop the others', async () => {
    const refs = [await open(who.ann, 'B'), await open(who.bob, 'B'), await open(who.ann, 'B')];
    const results = await eachOnItsOwn(refs, (ref) => approve(who.bob, ref));
    expect(results.map((r) => (r.ok ? r.value : r.error.reason))).toEqual(['approved', 'own_request', 'approved']);
    expect((await approvals.get(refs[1])).status).toBe('wait_review');
  });

  it('audits every decision in the transaction that made it', async () => {
    const ref = await open(who.ann, 'B');
    await approve(who.bob, ref, 'fine');
    const rows = await t.dataSource.query(
      `SELECT operation, operator_name, detail FROM audit_entries WHERE module = 'approval' AND target_id = '${ref.resourceId}'`,
    );
    expect(rows).toEqual([{ operation: 'approve', operator_name: 'bob', detail: 'fine' }]);
  });
});
