import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { AI_API, buy } from '../../test/purchases';
import {
  applyArt9,
  type Caller,
  expectCountersMatchLedger,
  throughNotice,
  useGrantsHarness,
  WAN,
} from './test-helpers';

let h: Harness;
let sme: Caller;
let admin: Caller;
useGrantsHarness((ctx) => {
  ({ h, sme, admin } = ctx);
});

const TO_NOTICE = ['submitted', 'formal_check', 'bureau_review', 'funding_plan', 'verification'] as const;

/** Art. 9 at the fund's and cap's ample 2026 levels: the proposal is the amount requested. */
function art9(reference: string) {
  return applyArt9(h, sme, reference, 20 * WAN);
}

describe('public notice (公示): an upheld objection always means verification and a new notice', () => {
  it('sends the applicant’s answer back to verification when an objection was upheld while information was asked', async () => {
    const app = await art9('NOTICE-1');
    for (const from of TO_NOTICE) await admin.admin.grants.advance({ applicationId: app.id, from });
    const outsider = await h.callerFor('large');
    const { objectionId } = await outsider.grants.object({ applicationId: app.id, text: '认定文件不实' });
    // Staff ask the applicant about the objection during the notice, then uphold it.
    await admin.admin.grants.requestInfo({ applicationId: app.id, note: '请提供市级认定原件' });
    await admin.admin.grants.resolveObjection({
      objectionId,
      outcome: 'upheld',
      resolution: '认定文件需重新核查',
    });
    let seen = await sme.grants.get({ applicationId: app.id });
    expect(seen).toMatchObject({ status: 'info_requested', noticeEndsOn: null, noticedFen: null });
    expect(seen.events.at(-1)).toMatchObject({
      kind: 'objection_resolved',
      note: 'upheld: 认定文件需重新核查',
    });

    seen = await sme.grants.respond({ applicationId: app.id, note: '已上传认定原件' });
    expect(seen).toMatchObject({ status: 'verification', noticeEndsOn: null });
    h.setNow('2026-12-20T02:00:00Z'); // long after the first notice would have ended
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: app.id, amountFen: 20 * WAN }),
      'PRECONDITION_FAILED',
      'grant_not_in_public_notice',
    );
    // A new notice, and only after it a decision.
    await throughNotice(h, admin, app.id);
    await admin.admin.grants.approve({ applicationId: app.id, amountFen: 20 * WAN });
    expect((await sme.grants.get({ applicationId: app.id })).status).toBe('decided');
  });

  it('sends the answer to verification, not into a notice of nothing, when the proposal fell to zero meanwhile', async () => {
    const app = await art9('NOTICE-ZERO');
    for (const from of TO_NOTICE) await admin.admin.grants.advance({ applicationId: app.id, from });
    await admin.admin.grants.requestInfo({ applicationId: app.id, note: '请补充材料' });
    // The enterprise's verification is withdrawn while it answers: it qualifies for nothing now.
    await h.db
      .update(schema.enterprises)
      .set({ verifiedAt: null })
      .where(
        eq(
          schema.enterprises.id,
          (
            await h.db.select().from(schema.grantApplications).where(eq(schema.grantApplications.id, app.id))
          )[0]!.enterpriseId,
        ),
      );
    const seen = await sme.grants.respond({ applicationId: app.id, note: '已补充' });
    expect(seen).toMatchObject({ status: 'verification', proposedFen: 0, noticeEndsOn: null });
    await expectRefusal(
      admin.admin.grants.advance({ applicationId: app.id, from: 'verification' }),
      'PRECONDITION_FAILED',
      'proposal_is_zero',
    );
    await expectCountersMatchLedger(h);
  });

  it('returns to the notice when the objection was dismissed while information was asked', async () => {
    const app = await art9('NOTICE-2');
    for (const from of TO_NOTICE) await admin.admin.grants.advance({ applicationId: app.id, from });
    const outsider = await h.callerFor('large');
    const { objectionId } = await outsider.grants.object({ applicationId: app.id, text: '重复申报' });
    await admin.admin.grants.requestInfo({ applicationId: app.id, note: '请说明' });
    await admin.admin.grants.resolveObjection({ objectionId, outcome: 'dismissed', resolution: '无重复' });
    const seen = await sme.grants.respond({ applicationId: app.id, note: '说明如下' });
    expect(seen).toMatchObject({ status: 'public_notice', noticeEndsOn: '2026-12-03', noticedFen: 20 * WAN });
  });
});

describe('public notice (公示): the decision never exceeds the amount published', () => {
  it('refuses an amount above the notice when the proposal rose during it (a market reservation released)', async () => {
    // An Art. 9 order awaiting payment holds part of the enterprise's 2026 Art. 9 cap, which grants share.
    const orderId = await buy(h, sme, AI_API, 20_000, { pay: false });
    const app = await applyArt9(h, sme, 'NOTICE-ART9', 100 * WAN);
    await throughNotice(h, admin, app.id);
    const noticed = (await sme.grants.get({ applicationId: app.id })).noticedFen!;
    expect((await sme.grants.notices()).length).toBe(0); // the notice has ended
    await sme.orders.cancel({ orderId }); // the reservation is released: the proposal rises
    const { currentProposal } = await admin.admin.grants.get({ applicationId: app.id });
    expect(noticed).toBeGreaterThan(0);
    expect(currentProposal.amountFen).toBeGreaterThan(noticed);

    await expectRefusal(
      admin.admin.grants.approve({ applicationId: app.id, amountFen: currentProposal.amountFen }),
      'PRECONDITION_FAILED',
      'amount_above_notice',
    );
    await admin.admin.grants.approve({ applicationId: app.id, amountFen: noticed });
    expect(await sme.grants.get({ applicationId: app.id })).toMatchObject({
      status: 'decided',
      decidedFen: noticed,
    });
    await expectCountersMatchLedger(h);
  });

  it('publishes the amount at the notice’s start to everyone signed in', async () => {
    const app = await art9('NOTICE-3');
    for (const from of TO_NOTICE) await admin.admin.grants.advance({ applicationId: app.id, from });
    const outsider = await h.callerFor('large');
    expect(await outsider.grants.notices()).toEqual([
      expect.objectContaining({ id: app.id, noticedFen: 20 * WAN, noticeEndsOn: '2026-12-03' }),
    ]);
  });
});
