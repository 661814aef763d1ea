import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { disbursedFromLedger } from '../../ledger/balances';
import type { Harness } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { TWO_PERSON_APPROVAL_ENV, twoPersonApprovalAboveFen } from './approval-threshold';
import {
  apply,
  award,
  type Caller,
  expectCountersMatchLedger,
  grantsSnapshot,
  secondAdmin,
  setBudget,
  throughNotice,
  uploadPdf,
  useGrantsHarness,
  WAN,
} from './test-helpers';

let h: Harness;
let sme: Caller;
let admin: Caller;
useGrantsHarness((ctx) => {
  ({ h, sme, admin } = ctx);
});

const YI = 100_000_000 * 100; // 1 亿元 in fen

function art12(year: number, revenueFen: number, requestedFen: number) {
  return apply(sme, {
    year,
    projectName: '年度主营业务收入突破奖励',
    requestedFen,
    facts: { article: 'art12', revenueFen },
  });
}

function art14(requestedFen: number, reference = 'NS-AI-SUMMIT-2026') {
  return apply(sme, {
    year: 2026,
    projectName: '南山大模型开发者大会',
    projectReference: reference,
    requestedFen,
    facts: {
      article: 'art14',
      heldInNanshan: true,
      largeModelOrGenerativeAiTheme: true,
      recognised: true,
      recognisedBy: 'municipal',
      eventDate: '2026-10-20',
    },
  });
}

describe('Art. 12 growth award, the whole workflow (晋级补差)', () => {
  it('pays 1,000,000 for crossing 200M, then 2,000,000 for crossing 1,000M, step by step, visible to the applicant', async () => {
    // 2025: revenue of 2024 crossed 200 million yuan.
    h.setNow('2025-03-03T02:00:00Z');
    await setBudget(h, 2025, 5_000 * WAN);
    const first = await art12(2024, 2.5 * YI, 100 * WAN);
    expect(first).toMatchObject({
      status: 'submitted',
      proposedFen: 100 * WAN,
      article: 'art12',
      year: 2024,
    });
    expect(first.events.map((e) => e.kind)).toEqual(['submitted']);
    expect(first.proposal.trace.map((s) => s.code)).toContain('revenue_tier');

    await throughNotice(h, admin, first.id);
    await admin.admin.grants.approve({ applicationId: first.id, amountFen: 100 * WAN }); // at the threshold: one approval
    let seen = await sme.grants.get({ applicationId: first.id });
    expect(seen).toMatchObject({ status: 'decided', decidedFen: 100 * WAN });
    const paid = await admin.admin.grants.disburse({ applicationId: first.id });
    expect(paid).toMatchObject({ reference: 'NS-GRANT-2025-0001', amountFen: 100 * WAN, alreadyPaid: false });
    seen = await sme.grants.get({ applicationId: first.id });
    expect(seen.status).toBe('paid');
    expect(seen.payout).toMatchObject({ reference: 'NS-GRANT-2025-0001', amountFen: 100 * WAN });
    expect(seen.events.map((e) => [e.kind, e.toStatus])).toEqual([
      ['submitted', 'submitted'],
      ['advanced', 'formal_check'],
      ['advanced', 'bureau_review'],
      ['advanced', 'funding_plan'],
      ['advanced', 'verification'],
      ['advanced', 'public_notice'],
      ['decided', 'decided'],
      ['paid', 'paid'],
    ]);
    expect(seen.events.every((e) => e.kind === 'submitted' || e.actor === 'staff')).toBe(true);
    // Repeating the payout moves nothing.
    const before = await grantsSnapshot(h);
    expect(await admin.admin.grants.disburse({ applicationId: first.id })).toMatchObject({
      alreadyPaid: true,
    });
    expect(await grantsSnapshot(h)).toEqual(before);

    // 2026: revenue of 2025 crossed 1,000 million yuan — the tier is 3M, 1M was paid, 2M is due.
    h.setNow('2026-03-02T02:00:00Z');
    const second = await art12(2025, 12 * YI, 300 * WAN);
    expect(second.proposedFen).toBe(200 * WAN);
    const codes = second.proposal.trace.map((s) => s.code);
    expect(codes).toContain('history_counted');
    expect(codes).toContain('upgrade_difference');
    const difference = second.proposal.trace.find((s) => s.code === 'upgrade_difference')!;
    expect(difference.args).toMatchObject({
      tierAwardFen: 300 * WAN,
      paidFen: 100 * WAN,
      amountFen: 200 * WAN,
    });

    await throughNotice(h, admin, second.id);
    // Never above the proposal, recomputed inside the transaction.
    let snapshot = await grantsSnapshot(h);
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: second.id, amountFen: 200 * WAN + 1 }),
      'PRECONDITION_FAILED',
      'amount_above_proposal',
    );
    expect(await grantsSnapshot(h)).toEqual(snapshot);

    // Above the threshold: the first approval decides nothing, the same person cannot approve twice.
    expect(
      await admin.admin.grants.approve({ applicationId: second.id, amountFen: 200 * WAN }),
    ).toMatchObject({
      decided: false,
      approvals: 1,
      approvalsNeeded: 2,
    });
    snapshot = await grantsSnapshot(h);
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: second.id, amountFen: 200 * WAN }),
      'CONFLICT',
      'already_approved_by_you',
    );
    const other = await secondAdmin(h);
    await expectRefusal(
      other.admin.grants.approve({ applicationId: second.id, amountFen: 150 * WAN }),
      'CONFLICT',
      'approval_amount_differs',
    );
    expect(await grantsSnapshot(h)).toEqual(snapshot);
    expect((await sme.grants.get({ applicationId: second.id })).status).toBe('public_notice');

    const fundBefore = await admin.admin.fund.summary({ year: 2026 });
    expect(
      await other.admin.grants.approve({ applicationId: second.id, amountFen: 200 * WAN }),
    ).toMatchObject({
      decided: true,
      approvals: 2,
    });
    const fundDecided = await admin.admin.fund.summary({ year: 2026 });
    expect(fundDecided.reservedFen - fundBefore.reservedFen).toBe(200 * WAN);
    await expectCountersMatchLedger(h);

    const payout = await admin.admin.grants.disburse({
      applicationId: second.id,
      reference: 'BANK-REF-2026-77',
    });
    expect(payout.reference).toBe('BANK-REF-2026-77');
    const fundPaid = await admin.admin.fund.summary({ year: 2026 });
    expect(fundPaid.committedFen - fundBefore.committedFen).toBe(200 * WAN);
    expect(fundPaid.reservedFen).toBe(fundBefore.reservedFen);
    expect(await disbursedFromLedger(h.db, 2026)).toBe(200 * WAN);
    expect(await disbursedFromLedger(h.db, 2025)).toBe(100 * WAN);

    const final = await sme.grants.get({ applicationId: second.id });
    expect(final).toMatchObject({
      status: 'paid',
      decidedFen: 200 * WAN,
      payout: { reference: 'BANK-REF-2026-77' },
    });
    expect(final.events.map((e) => e.kind)).toEqual([
      'submitted',
      'advanced',
      'advanced',
      'advanced',
      'advanced',
      'advanced',
      'approval_recorded',
      'decided',
      'paid',
    ]);
    await expectCountersMatchLedger(h);

    // Both tiers paid: a third application gets nothing (tier_already_paid), from the history.
    h.setNow('2026-11-28T02:00:00Z');
    const third = await art12(2026, 15 * YI, 300 * WAN);
    expect(third.proposedFen).toBe(0);
    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, second.id));
    expect(audit.map((a) => a.action)).toEqual([
      'grant.submitted',
      'grant.formal_check',
      'grant.bureau_review',
      'grant.funding_plan',
      'grant.verification',
      'grant.public_notice',
      'grant.approval_recorded',
      'grant.decided',
      'grant.paid',
    ]);
  });

  it('pays 3,000,000 once when 1,000M is crossed first', async () => {
    const app = await art12(2025, 11 * YI, 500 * WAN);
    expect(app.proposedFen).toBe(300 * WAN);
  });
});

describe('the procedure', () => {
  it('refuses skipping or repeating a step, deciding by `advance`, and deciding during the notice', async () => {
    const app = await art14(100 * WAN);
    await expectRefusal(
      admin.admin.grants.advance({ applicationId: app.id, from: 'formal_check' }),
      'CONFLICT',
      'grant_changed',
    );
    await admin.admin.grants.advance({ applicationId: app.id, from: 'submitted' });
    await expectRefusal(
      admin.admin.grants.advance({ applicationId: app.id, from: 'submitted' }),
      'CONFLICT',
      'grant_changed',
    );
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: app.id, amountFen: 100 * WAN }),
      'PRECONDITION_FAILED',
      'grant_not_in_public_notice',
    );
    await expectRefusal(
      admin.admin.grants.disburse({ applicationId: app.id }),
      'PRECONDITION_FAILED',
      'grant_not_decided',
    );
    for (const from of ['formal_check', 'bureau_review', 'funding_plan'] as const) {
      await admin.admin.grants.advance({ applicationId: app.id, from });
    }
    const notice = await admin.admin.grants.advance({
      applicationId: app.id,
      from: 'verification',
      noticeDays: 7,
    });
    expect(notice).toMatchObject({ status: 'public_notice', noticeEndsOn: '2026-12-05' });
    await expectRefusal(
      admin.admin.grants.advance({ applicationId: app.id, from: 'public_notice' }),
      'PRECONDITION_FAILED',
      'decision_requires_approval',
    );
    h.setNow('2026-12-05T15:59:00Z'); // 23:59 in Shenzhen, the notice's last day
    expect((await admin.admin.grants.get({ applicationId: app.id })).noticeRunning).toBe(true);
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: app.id, amountFen: 100 * WAN }),
      'PRECONDITION_FAILED',
      'public_notice_running',
    );
    h.setNow('2026-12-05T16:00:00Z');
    expect((await admin.admin.grants.get({ applicationId: app.id })).noticeRunning).toBe(false);
    await admin.admin.grants.approve({ applicationId: app.id, amountFen: 60 * WAN });
    const decided = await admin.admin.grants.get({ applicationId: app.id });
    expect(decided).toMatchObject({ status: 'decided', decidedFen: 60 * WAN });
    await expectRefusal(
      admin.admin.grants.advance({ applicationId: app.id, from: 'decided' }),
      'PRECONDITION_FAILED',
      'payment_requires_disbursement',
    );
    await expectRefusal(
      admin.admin.grants.reject({ applicationId: app.id, reason: 'too late' }),
      'PRECONDITION_FAILED',
      'grant_not_rejectable',
    );
    await expectRefusal(
      sme.grants.withdraw({ applicationId: app.id }),
      'PRECONDITION_FAILED',
      'grant_not_withdrawable',
    );
    await expectCountersMatchLedger(h);
  });

  it('asks for information and returns to the step that asked when the applicant responds', async () => {
    const app = await art14(100 * WAN);
    await admin.admin.grants.advance({ applicationId: app.id, from: 'submitted' });
    await admin.admin.grants.advance({ applicationId: app.id, from: 'formal_check' });
    await admin.admin.grants.requestInfo({ applicationId: app.id, note: '请补充市级认定文件' });
    let seen = await sme.grants.get({ applicationId: app.id });
    expect(seen.status).toBe('info_requested');
    expect(seen.infoRequest).toMatchObject({ note: '请补充市级认定文件' });
    await expectRefusal(
      admin.admin.grants.advance({ applicationId: app.id, from: 'info_requested' }),
      'PRECONDITION_FAILED',
      'grant_not_advanceable',
    );
    const extra = await uploadPdf(sme, 'other');
    seen = await sme.grants.respond({ applicationId: app.id, note: '已补充认定文件', documentIds: [extra] });
    expect(seen.status).toBe('bureau_review');
    expect(seen.documents.map((d) => d.id)).toContain(extra);
    expect(seen.events.map((e) => e.kind).slice(-2)).toEqual(['info_requested', 'responded']);
    await expectRefusal(
      sme.grants.respond({ applicationId: app.id, note: 'again' }),
      'PRECONDITION_FAILED',
      'grant_not_awaiting_information',
    );
  });

  it('restarts the public notice when information asked during it is answered', async () => {
    const app = await art14(100 * WAN);
    for (const from of [
      'submitted',
      'formal_check',
      'bureau_review',
      'funding_plan',
      'verification',
    ] as const) {
      await admin.admin.grants.advance({ applicationId: app.id, from });
    }
    h.setNow('2026-12-02T02:00:00Z');
    await admin.admin.grants.requestInfo({ applicationId: app.id, note: '请说明活动规模' });
    h.setNow('2026-12-10T02:00:00Z'); // the first notice ended on 2026-12-03
    const seen = await sme.grants.respond({ applicationId: app.id, note: '约 3000 人' });
    expect(seen).toMatchObject({ status: 'public_notice', noticeEndsOn: '2026-12-15' });
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: app.id, amountFen: 100 * WAN }),
      'PRECONDITION_FAILED',
      'public_notice_running',
    );
  });

  it('rejects with a reason the applicant reads; the applicant may withdraw an open application', async () => {
    const rejected = await art14(100 * WAN, 'EVENT-A');
    await expectRefusal(admin.admin.grants.reject({ applicationId: rejected.id, reason: '' }), 'BAD_REQUEST');
    await admin.admin.grants.reject({ applicationId: rejected.id, reason: '活动未获认定' });
    const seen = await sme.grants.get({ applicationId: rejected.id });
    expect(seen.status).toBe('rejected');
    expect(seen.events.at(-1)).toMatchObject({ kind: 'rejected', note: '活动未获认定', actor: 'staff' });

    h.setNow('2026-11-28T03:00:00Z');
    const withdrawn = await art14(100 * WAN, 'EVENT-B');
    await admin.admin.grants.advance({ applicationId: withdrawn.id, from: 'submitted' });
    expect((await sme.grants.withdraw({ applicationId: withdrawn.id, note: '改投其他措施' })).status).toBe(
      'withdrawn',
    );
    // A rejected or withdrawn application does not block a new one for the same project.
    h.setNow('2026-11-28T04:00:00Z');
    const again = await art14(100 * WAN, 'EVENT-B');
    expect(again.status).toBe('submitted');
    await expectRefusal(art14(100 * WAN, 'event b'), 'CONFLICT', 'duplicate_application');
    expect((await sme.grants.mine()).map((a) => a.id)).toEqual([again.id, withdrawn.id, rejected.id]);
  });

  it('takes objections during the public notice from anyone signed in; an open objection blocks the decision', async () => {
    const app = await art14(100 * WAN);
    const outsider = await h.callerFor('large');
    await expectRefusal(
      outsider.grants.object({ applicationId: app.id, text: '重复申报' }),
      'NOT_FOUND',
      'notice_not_found',
    );
    for (const from of [
      'submitted',
      'formal_check',
      'bureau_review',
      'funding_plan',
      'verification',
    ] as const) {
      await admin.admin.grants.advance({ applicationId: app.id, from });
    }
    expect((await outsider.grants.notices()).map((n) => n.id)).toEqual([app.id]);
    const provider = await h.callerFor('provider');
    const { objectionId } = await provider.grants.object({
      applicationId: app.id,
      text: '该活动已获其他区资助',
    });
    h.setNow('2026-12-04T02:00:00Z');
    await expectRefusal(
      outsider.grants.object({ applicationId: app.id, text: 'late' }),
      'PRECONDITION_FAILED',
      'public_notice_ended',
    );
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: app.id, amountFen: 100 * WAN }),
      'PRECONDITION_FAILED',
      'objection_open',
    );
    await admin.admin.grants.resolveObjection({
      objectionId,
      outcome: 'dismissed',
      resolution: '经核查无重复',
    });
    await expectRefusal(
      admin.admin.grants.resolveObjection({ objectionId, outcome: 'upheld', resolution: 'again' }),
      'CONFLICT',
      'objection_already_resolved',
    );
    await admin.admin.grants.approve({ applicationId: app.id, amountFen: 100 * WAN });
    const seen = await sme.grants.get({ applicationId: app.id });
    expect(seen.objections).toEqual([
      expect.objectContaining({
        text: '该活动已获其他区资助',
        resolution: { outcome: 'dismissed', note: '经核查无重复' },
      }),
    ]);
    expect(seen.events.filter((e) => e.kind === 'objection_raised')[0]?.actor).toBe('public');
  });

  it('sends an application back to verification when an objection is upheld; a new notice must follow', async () => {
    const app = await art14(100 * WAN);
    const other = await secondAdmin(h);
    for (const from of [
      'submitted',
      'formal_check',
      'bureau_review',
      'funding_plan',
      'verification',
    ] as const) {
      await admin.admin.grants.advance({ applicationId: app.id, from });
    }
    h.setNow('2026-11-29T02:00:00Z');
    const outsider = await h.callerFor('large');
    const { objectionId } = await outsider.grants.object({ applicationId: app.id, text: '认定文件不实' });
    await other.admin.grants.resolveObjection({
      objectionId,
      outcome: 'upheld',
      resolution: '认定文件需核实',
    });
    const seen = await sme.grants.get({ applicationId: app.id });
    expect(seen).toMatchObject({ status: 'verification', noticeEndsOn: null });
    expect(seen.events.at(-1)).toMatchObject({ kind: 'objection_upheld', note: '认定文件需核实' });
  });

  it('refuses a decision the fund cannot take (Art. 2): never an overdraft', async () => {
    const app = await art14(100 * WAN);
    await throughNotice(h, admin, app.id);
    const fund = await admin.admin.fund.summary({ year: 2026 });
    await setBudget(h, 2026, fund.committedFen + fund.reservedFen + 50 * WAN);
    const before = await grantsSnapshot(h);
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: app.id, amountFen: 100 * WAN }),
      'PRECONDITION_FAILED',
      'fund_insufficient',
    );
    expect(await grantsSnapshot(h)).toEqual(before);
    const view = await admin.admin.grants.get({ applicationId: app.id });
    expect(view.fund.leftFen).toBe(50 * WAN);
    await admin.admin.grants.approve({ applicationId: app.id, amountFen: 50 * WAN });
    expect((await admin.admin.fund.summary({ year: 2026 })).leftFen).toBe(0);
    await expectCountersMatchLedger(h);
  });

  it('refuses another enterprise (not found), the wrong role, and anonymous callers — changing nothing', async () => {
    const app = await art14(100 * WAN);
    const doc = (await sme.grants.get({ applicationId: app.id })).documents[0]!.id;
    const large = await h.callerFor('large');
    const provider = await h.callerFor('provider');
    const anonymous = await h.callerFor(null);
    const before = await grantsSnapshot(h);
    await expectRefusal(large.grants.get({ applicationId: app.id }), 'NOT_FOUND', 'grant_not_found');
    await expectRefusal(
      large.grants.respond({ applicationId: app.id, note: 'x' }),
      'NOT_FOUND',
      'grant_not_found',
    );
    await expectRefusal(large.grants.withdraw({ applicationId: app.id }), 'NOT_FOUND', 'grant_not_found');
    await expectRefusal(large.documents.get({ documentId: doc }), 'NOT_FOUND', 'document_not_found');
    await expectRefusal(
      apply(large, {
        year: 2026,
        projectName: 'x',
        projectReference: 'X-1',
        requestedFen: WAN,
        evidenceDocumentIds: [doc],
        facts: { article: 'art14', recognised: true, recognisedBy: 'district', eventDate: '2026-10-01' },
      }),
      'NOT_FOUND',
      'document_not_found',
    );
    expect(await large.grants.mine()).toEqual([]);
    await expectRefusal(provider.grants.mine(), 'FORBIDDEN');
    await expectRefusal(sme.admin.grants.approve({ applicationId: app.id, amountFen: WAN }), 'FORBIDDEN');
    await expectRefusal(sme.admin.grants.queue({}), 'FORBIDDEN');
    await expectRefusal(provider.admin.grants.disburse({ applicationId: app.id }), 'FORBIDDEN');
    await expectRefusal(anonymous.grants.notices(), 'UNAUTHORIZED');
    await expectRefusal(anonymous.grants.object({ applicationId: app.id, text: 'x' }), 'UNAUTHORIZED');
    expect(await grantsSnapshot(h)).toEqual(before);
  });

  it('validates the form: evidence, amounts, year and file type', async () => {
    const evidenceDocumentIds = [await uploadPdf(sme)];
    const before = await grantsSnapshot(h);
    await expectRefusal(
      apply(sme, {
        year: 2026,
        projectName: 'x',
        projectReference: 'X',
        requestedFen: 1.5,
        evidenceDocumentIds,
        facts: { article: 'art14', recognised: true, recognisedBy: 'district', eventDate: '2026-10-01' },
      }),
      'BAD_REQUEST',
    );
    await expectRefusal(
      apply(sme, {
        year: 2026,
        projectName: 'x',
        projectReference: 'X',
        requestedFen: WAN,
        evidenceDocumentIds: [],
        facts: { article: 'art14', recognised: true, recognisedBy: 'district', eventDate: '2026-10-01' },
      }),
      'BAD_REQUEST',
    );
    await expectRefusal(
      apply(sme, {
        year: 2024,
        projectName: 'x',
        projectReference: 'X',
        requestedFen: WAN,
        evidenceDocumentIds,
        facts: { article: 'art14', recognised: true, recognisedBy: 'district', eventDate: '2026-10-01' },
      }),
      'BAD_REQUEST',
      'grant_year_out_of_range',
    );
    await expectRefusal(
      apply(sme, {
        year: 2026,
        projectName: 'x',
        projectReference: ' - / ',
        requestedFen: WAN,
        evidenceDocumentIds,
        facts: { article: 'art14', recognised: true, recognisedBy: 'district', eventDate: '2026-10-01' },
      }),
      'BAD_REQUEST',
      'project_reference_required',
    );
    await expectRefusal(
      sme.grants.uploadDocument({
        filename: 'fake.pdf',
        mimeType: 'application/pdf',
        kind: 'contract',
        contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64'),
      }),
      'BAD_REQUEST',
      'document_type_mismatch',
    );
    expect(await grantsSnapshot(h)).toEqual(before);
  });

  it('lists the review queue oldest first, filtered by status and article', async () => {
    const a = await art14(100 * WAN, 'Q-1');
    h.setNow('2026-11-28T03:00:00Z');
    const b = await art12(2025, 3 * YI, 100 * WAN);
    h.setNow('2026-11-28T04:00:00Z');
    const c = await art14(100 * WAN, 'Q-3');
    await admin.admin.grants.advance({ applicationId: c.id, from: 'submitted' });
    expect((await admin.admin.grants.queue({})).items.map((i) => i.id)).toEqual([a.id, b.id, c.id]);
    expect((await admin.admin.grants.queue({ status: 'submitted' })).items.map((i) => i.id)).toEqual([
      a.id,
      b.id,
    ]);
    expect((await admin.admin.grants.queue({ article: 'art12' })).items.map((i) => i.id)).toEqual([b.id]);
    const page = await admin.admin.grants.queue({ page: 2, pageSize: 2 });
    expect(page).toMatchObject({
      total: 3,
      items: [{ id: c.id, enterpriseName: '深圳智源未来科技有限公司' }],
    });
  });

  it('reads the two-person threshold from the environment', () => {
    expect(twoPersonApprovalAboveFen({})).toBe(100 * WAN);
    expect(twoPersonApprovalAboveFen({ [TWO_PERSON_APPROVAL_ENV]: '500000' })).toBe(50 * WAN);
    expect(() => twoPersonApprovalAboveFen({ [TWO_PERSON_APPROVAL_ENV]: '1e6' })).toThrow();
  });

  it('shows the reviewer the proposal recomputed now, the approvals needed and the enterprise', async () => {
    const app = await art12(2025, 12 * YI, 300 * WAN);
    const view = await admin.admin.grants.get({ applicationId: app.id });
    expect(view.currentProposal).toMatchObject({ amountFen: 300 * WAN, eligible: true });
    expect(view.approvalRule).toEqual({ twoPersonAboveFen: 100 * WAN, approvalsNeeded: 2 });
    expect(view.enterprise).toMatchObject({ name: '深圳智源未来科技有限公司', verified: true });
    expect(view.documents[0]).toMatchObject({ mimeType: 'application/pdf' });
    const file = await admin.documents.get({ documentId: view.documents[0]!.id });
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('proposes nothing for an enterprise staff have not verified', async () => {
    const [ent] = await h.db
      .select()
      .from(schema.enterprises)
      .where(eq(schema.enterprises.name, '深圳智源未来科技有限公司'));
    await h.db.update(schema.enterprises).set({ verifiedAt: null }).where(eq(schema.enterprises.id, ent!.id));
    const app = await art14(100 * WAN);
    expect(app.proposedFen).toBe(0);
    expect(app.proposal.trace.map((s) => s.code)).toContain('enterprise_not_verified');
    await admin.admin.grants.advance({ applicationId: app.id, from: 'submitted' });
    for (const from of ['formal_check', 'bureau_review', 'funding_plan'] as const) {
      await admin.admin.grants.advance({ applicationId: app.id, from });
    }
    await expectRefusal(
      admin.admin.grants.advance({ applicationId: app.id, from: 'verification' }),
      'PRECONDITION_FAILED',
      'proposal_is_zero',
    );
  });

  it('pays each grant once, with a unique reference', async () => {
    const other = await secondAdmin(h);
    const a = await art14(100 * WAN, 'PAY-1');
    const b = await art14(100 * WAN, 'PAY-2');
    await award(h, [admin], a.id, 100 * WAN, { pay: false });
    await award(h, [other], b.id, 100 * WAN, { pay: false });
    await admin.admin.grants.disburse({ applicationId: a.id, reference: 'BANK-1' });
    await expectRefusal(
      admin.admin.grants.disburse({ applicationId: b.id, reference: 'BANK-1' }),
      'CONFLICT',
      'payout_reference_taken',
    );
    expect((await admin.admin.grants.disburse({ applicationId: b.id })).reference).toMatch(
      /^NS-GRANT-2026-\d{4}$/,
    );
    await expectCountersMatchLedger(h);
  });
});
