import { schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lockPayoutBatches } from '../../ledger/payout';
import type { Harness } from '../../test/harness';
import { invariantViolations } from '../../test/invariants';
import { expectRefusal } from '../../test/people';
import {
  applyArt9,
  award,
  type Caller,
  expectCountersMatchLedger,
  grantsSnapshot,
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

function art9(reference: string, requestedFen: number) {
  return applyArt9(h, sme, reference, requestedFen);
}

async function counters(enterpriseId: string) {
  const [usage] = await h.db
    .select()
    .from(schema.subsidyUsage)
    .where(
      and(
        eq(schema.subsidyUsage.enterpriseId, enterpriseId),
        eq(schema.subsidyUsage.article, 'art9'),
        eq(schema.subsidyUsage.year, 2026),
      ),
    );
  const fund = await admin.admin.fund.summary({ year: 2026 });
  return {
    usage: { grantedFen: usage?.grantedFen ?? 0, reservedFen: usage?.reservedFen ?? 0 },
    fund: { committedFen: fund.committedFen, reservedFen: fund.reservedFen },
  };
}

describe('revoking a decided grant', () => {
  it('voids its reservation, frees the fund and the annual cap, and tells the applicant why', async () => {
    const app = await art9('REVOKE-1', 20 * WAN);
    const [row] = await h.db
      .select({ enterpriseId: schema.grantApplications.enterpriseId })
      .from(schema.grantApplications)
      .where(eq(schema.grantApplications.id, app.id));
    const before = await counters(row!.enterpriseId);
    await award(h, [admin], app.id, 20 * WAN, { pay: false });
    const decided = await counters(row!.enterpriseId);
    expect(decided.usage.reservedFen - before.usage.reservedFen).toBe(20 * WAN);
    expect(decided.fund.reservedFen - before.fund.reservedFen).toBe(20 * WAN);

    await expectRefusal(admin.admin.grants.revoke({ applicationId: app.id, reason: ' ' }), 'BAD_REQUEST');
    await expectRefusal(
      sme.admin.grants.revoke({ applicationId: app.id, reason: '企业已注销' }),
      'FORBIDDEN',
    );
    const result = await admin.admin.grants.revoke({
      applicationId: app.id,
      reason: '企业已注销，不再符合条件',
    });
    expect(result).toEqual({ status: 'revoked', releasedFen: 20 * WAN });

    expect(await counters(row!.enterpriseId)).toEqual(before);
    const transfers = await h.db
      .select({ kind: schema.ledgerTransfers.kind, amountFen: schema.ledgerTransfers.amountFen })
      .from(schema.ledgerTransfers)
      .where(eq(schema.ledgerTransfers.creditAccount, `grant_payable:${app.id}`));
    expect(transfers.map((t) => [t.kind, t.amountFen]).sort()).toEqual([
      ['pending', 20 * WAN],
      ['void_pending', 20 * WAN],
    ]);
    await expectCountersMatchLedger(h);
    expect(await invariantViolations(h.db)).toEqual([]);

    const seen = await sme.grants.get({ applicationId: app.id });
    expect(seen).toMatchObject({ status: 'revoked', decidedFen: 20 * WAN, payout: null });
    expect(seen.events.at(-1)).toMatchObject({
      kind: 'revoked',
      fromStatus: 'decided',
      toStatus: 'revoked',
      note: '企业已注销，不再符合条件',
      actor: 'staff',
    });
    const [audit] = await h.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetId, app.id), eq(schema.auditLog.action, 'grant.revoked')));
    expect(JSON.parse(audit!.before!)).toMatchObject({ status: 'decided', decidedFen: 20 * WAN });
    expect(JSON.parse(audit!.after!)).toMatchObject({
      status: 'revoked',
      note: '企业已注销，不再符合条件',
      releasedFen: 20 * WAN,
      fundYear: 2026,
    });

    // Terminal: neither paid nor revoked again, and nothing moves.
    const snapshot = await grantsSnapshot(h);
    await expectRefusal(
      admin.admin.grants.disburse({ applicationId: app.id }),
      'PRECONDITION_FAILED',
      'grant_not_decided',
    );
    await expectRefusal(
      admin.admin.grants.revoke({ applicationId: app.id, reason: 'again' }),
      'PRECONDITION_FAILED',
      'grant_not_revocable',
    );
    expect(await grantsSnapshot(h)).toEqual(snapshot);

    // The history no longer counts it: the same project may be awarded again in full.
    h.setNow('2026-12-10T02:00:00Z');
    const again = await art9('REVOKE-1', 20 * WAN);
    expect(again.proposedFen).toBe(20 * WAN);
  });

  it('refuses an application not decided, or already paid, changing nothing', async () => {
    const open = await art9('REVOKE-2', 10 * WAN);
    await throughNotice(h, admin, open.id);
    const paid = await art9('REVOKE-3', 10 * WAN);
    await award(h, [admin], paid.id, 10 * WAN);
    const before = await grantsSnapshot(h);
    for (const applicationId of [open.id, paid.id]) {
      await expectRefusal(
        admin.admin.grants.revoke({ applicationId, reason: '不符合条件' }),
        'PRECONDITION_FAILED',
        'grant_not_revocable',
      );
    }
    expect(await grantsSnapshot(h)).toEqual(before);
  });
});

describe('disbursement', () => {
  it('refuses to pay an enterprise whose verification was revoked after the decision, changing nothing', async () => {
    const app = await art9('PAY-VERIFIED', 10 * WAN);
    await award(h, [admin], app.id, 10 * WAN, { pay: false });
    const [row] = await h.db
      .select({ enterpriseId: schema.grantApplications.enterpriseId })
      .from(schema.grantApplications)
      .where(eq(schema.grantApplications.id, app.id));
    await admin.admin.enterprises.revokeVerification({ enterpriseId: row!.enterpriseId, reason: '经营异常' });
    const before = await grantsSnapshot(h);
    await expectRefusal(
      admin.admin.grants.disburse({ applicationId: app.id }),
      'PRECONDITION_FAILED',
      'enterprise_not_verified',
    );
    expect(await grantsSnapshot(h)).toEqual(before);
    // Staff may then revoke the grant, which frees its reservation.
    await admin.admin.grants.revoke({ applicationId: app.id, reason: '企业核验已撤销' });
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('waits for the payout-batch lock every payout path takes', async () => {
    const app = await art9('PAY-LOCK', 10 * WAN);
    await award(h, [admin], app.id, 10 * WAN, { pay: false });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // A settlement batch being created holds the lock until it commits.
    const settlement = h.db.transaction(async (tx) => {
      await lockPayoutBatches(tx);
      locked();
      await released;
    });
    await holding;
    let paid = false;
    const payment = admin.admin.grants.disburse({ applicationId: app.id }).then((r) => {
      paid = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(paid).toBe(false);
    release();
    await settlement;
    expect(await payment).toMatchObject({ amountFen: 10 * WAN, alreadyPaid: false });
  });
});
