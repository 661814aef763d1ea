import { schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/record-audit';
import { addDays } from '../../calendar';
import { ensureAccounts } from '../../ledger/accounts';
import { fundBalancesFromLedger } from '../../ledger/balances';
import { setFundBudget } from '../../ledger/fund';
import { deliver } from '../../test/deliveries';
import { createHarness, type Harness, moneySnapshot } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { buy, H800 } from '../../test/purchases';
import { asBudgetRefusal } from './change-budget';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

const DEMO_BUDGET = 50_000_000_00;

async function expectCountersMatchLedger() {
  for (const f of await h.db.select().from(schema.fundYears)) {
    expect((await fundBalancesFromLedger(h.db)).find((l) => l.year === f.year)).toEqual({
      year: f.year,
      budgetFen: f.budgetFen,
      committedFen: f.committedFen,
      reservedFen: f.reservedFen,
    });
  }
  expect(await verifyAuditChain(h.db)).toBeNull();
}

describe('admin.fund.setBudget and adjust (Art. 2)', () => {
  it('moves the budget in the ledger, keeps who/when/why and audits it', async () => {
    const admin = await h.callerFor('admin');
    const adminUser = await h.userOf('admin');
    const raised = await admin.admin.fund.setBudget({
      year: 2026,
      budgetFen: 60_000_000_00,
      reason: '区科创局 2026 年追加预算（南科创〔2026〕12 号）',
    });
    expect(raised).toMatchObject({
      year: 2026,
      budgetBeforeFen: DEMO_BUDGET,
      budgetFen: 60_000_000_00,
      deltaFen: 10_000_000_00,
      leftFen: 60_000_000_00,
    });
    h.setNow('2026-11-28T03:00:00Z');
    const lowered = await admin.admin.fund.adjust({
      year: 2026,
      deltaFen: -5_000_000_00,
      reason: '年中调减',
    });
    expect(lowered).toMatchObject({ budgetFen: 55_000_000_00, deltaFen: -5_000_000_00 });

    const summary = await admin.admin.fund.summary({ year: 2026 });
    expect(summary).toMatchObject({
      budgetFen: 55_000_000_00,
      committedFen: 0,
      reservedFen: 0,
      disbursedFen: 0,
    });
    expect(summary.leftFen).toBe(55_000_000_00);
    expect(summary.adjustments.map((a) => [a.deltaFen, a.budgetAfterFen, a.reason, a.actorName])).toEqual([
      [-5_000_000_00, 55_000_000_00, '年中调减', '南山区科创局 审核员'],
      [
        10_000_000_00,
        60_000_000_00,
        '区科创局 2026 年追加预算（南科创〔2026〕12 号）',
        '南山区科创局 审核员',
      ],
    ]);
    expect(summary.adjustments[0]!.at).toEqual(new Date('2026-11-28T03:00:00Z'));

    const transfers = await h.db
      .select()
      .from(schema.ledgerTransfers)
      .where(eq(schema.ledgerTransfers.fundYear, 2026))
      .orderBy(schema.ledgerTransfers.id);
    expect(transfers.map((t) => [t.debitAccount, t.creditAccount, t.amountFen])).toEqual([
      ['appropriation:2026', 'fund:2026', DEMO_BUDGET],
      ['appropriation:2026', 'fund:2026', 10_000_000_00],
      ['fund:2026', 'appropriation:2026', 5_000_000_00],
    ]);
    const audit = await h.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'fund.budget_changed'));
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorUserId: adminUser.id, targetType: 'fund_year', targetId: '2026' });
    expect(JSON.parse(audit[0]!.before!)).toEqual({
      budgetFen: DEMO_BUDGET,
      committedFen: 0,
      reservedFen: 0,
    });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ budgetFen: 60_000_000_00, deltaFen: 10_000_000_00 });
    await expectCountersMatchLedger();
  });

  it('opens a new fund year with its first budget', async () => {
    const admin = await h.callerFor('admin');
    await admin.admin.fund.adjust({ year: 2027, deltaFen: 1_000_000_00, reason: '2027 年度预算' });
    expect(await admin.admin.fund.summary({ year: 2027 })).toMatchObject({
      budgetFen: 1_000_000_00,
      leftFen: 1_000_000_00,
    });
    await expectCountersMatchLedger();
  });

  it('refuses a budget below committed + reserved, a zero change, a negative budget and a missing reason', async () => {
    const sme = await h.callerFor('sme');
    await buy(h, sme, H800, 100); // 96,000 committed
    await buy(h, sme, H800, 8, { pay: false }); // 7,680 reserved
    const admin = await h.callerFor('admin');
    const before = {
      money: await moneySnapshot(h),
      adjustments: await h.db.select().from(schema.budgetAdjustments),
    };
    await expectRefusal(
      admin.admin.fund.setBudget({ year: 2026, budgetFen: 103_679, reason: '压缩' }),
      'PRECONDITION_FAILED',
      'budget_below_commitments',
    );
    await expectRefusal(
      admin.admin.fund.adjust({ year: 2026, deltaFen: -(DEMO_BUDGET - 103_679), reason: '压缩' }),
      'PRECONDITION_FAILED',
      'budget_below_commitments',
    );
    await expectRefusal(
      admin.admin.fund.setBudget({ year: 2026, budgetFen: DEMO_BUDGET, reason: '不变' }),
      'BAD_REQUEST',
      'budget_unchanged',
    );
    await expectRefusal(
      admin.admin.fund.adjust({ year: 2027, deltaFen: -1, reason: '负数' }),
      'BAD_REQUEST',
      'budget_negative',
    );
    for (const bad of [
      admin.admin.fund.setBudget({ year: 2026, budgetFen: 1_000, reason: '   ' }),
      admin.admin.fund.setBudget({ year: 2026, budgetFen: -1, reason: 'x' }),
      admin.admin.fund.setBudget({ year: 2026, budgetFen: 1.5, reason: 'x' }),
      admin.admin.fund.adjust({ year: 2026, deltaFen: 0, reason: 'x' }),
      admin.admin.fund.adjust({ year: 1999, deltaFen: 1, reason: 'x' }),
    ]) {
      const error = await bad.catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
    }
    expect({
      money: await moneySnapshot(h),
      adjustments: await h.db.select().from(schema.budgetAdjustments),
    }).toEqual(before);
    expect(await h.db.select().from(schema.fundYears).where(eq(schema.fundYears.year, 2027))).toEqual([]);
    // Exactly committed + reserved is allowed: nothing left, never an overdraft.
    await admin.admin.fund.setBudget({ year: 2026, budgetFen: 103_680, reason: '收紧至已承诺' });
    expect((await admin.admin.fund.summary()).leftFen).toBe(0);
    await expectCountersMatchLedger();
  });

  it("maps the database's own overdraft refusal (fund_within_budget) to budget_below_commitments", async () => {
    await buy(h, await h.callerFor('sme'), H800, 100);
    const error = await h.db
      .transaction((tx) => setFundBudget(tx, 2026, 1, 'bypassing the check'))
      .catch((e: unknown) => e);
    const mapped = asBudgetRefusal(error);
    expect(mapped).toBeInstanceOf(TRPCError);
    expect(((mapped as TRPCError).cause as { reason?: string }).reason).toBe('budget_below_commitments');
    const other = new Error('something else');
    expect(asBudgetRefusal(other)).toBe(other);
  });

  it('refuses SMEs and providers, changing nothing', async () => {
    const before = {
      money: await moneySnapshot(h),
      adjustments: await h.db.select().from(schema.budgetAdjustments),
    };
    for (const who of ['sme', 'provider'] as const) {
      const caller = await h.callerFor(who);
      await expectRefusal(
        caller.admin.fund.setBudget({ year: 2026, budgetFen: 1, reason: 'x' }),
        'FORBIDDEN',
      );
      await expectRefusal(caller.admin.fund.adjust({ year: 2026, deltaFen: 1, reason: 'x' }), 'FORBIDDEN');
      await expectRefusal(caller.admin.fund.summary(), 'FORBIDDEN');
      await expectRefusal(caller.admin.fund.burnDown({ year: 2026 }), 'FORBIDDEN');
    }
    expect({
      money: await moneySnapshot(h),
      adjustments: await h.db.select().from(schema.budgetAdjustments),
    }).toEqual(before);
  });
});

/**
 * A 2025 fund year written straight into the ledger at chosen times (the ledger stamps real postings with the
 * database clock, which a test cannot move): budget, commitments, a reservation, a released one and a refund.
 */
async function ledgerOf2025() {
  await ensureAccounts(h.db, [
    { code: 'appropriation:2025', kind: 'appropriation', name: 'Appropriation 2025' },
    { code: 'fund:2025', kind: 'fund', name: 'Fund 2025' },
    { code: 'provider_payable:test', kind: 'provider_payable', name: 'test' },
  ]);
  const at = (iso: string) => new Date(iso);
  const single = (debitAccount: string, creditAccount: string, amountFen: number, createdAt: string) =>
    h.db
      .insert(schema.ledgerTransfers)
      .values({
        kind: 'single',
        debitAccount,
        creditAccount,
        amountFen,
        fundYear: 2025,
        memo: 'fixture',
        createdAt: at(createdAt),
      })
      .returning();
  const pending = async (
    amountFen: number,
    createdAt: string,
    resolve?: { kind: 'post_pending' | 'void_pending'; at: string },
  ) => {
    const [p] = await h.db
      .insert(schema.ledgerTransfers)
      .values({
        kind: 'pending',
        debitAccount: 'fund:2025',
        creditAccount: 'provider_payable:test',
        amountFen,
        fundYear: 2025,
        memo: 'fixture',
        createdAt: at(createdAt),
      })
      .returning();
    if (resolve) {
      await h.db.insert(schema.ledgerTransfers).values({
        kind: resolve.kind,
        pendingId: p!.id,
        debitAccount: 'fund:2025',
        creditAccount: 'provider_payable:test',
        amountFen,
        fundYear: 2025,
        memo: 'fixture',
        createdAt: at(resolve.at),
      });
    }
  };
  await single('appropriation:2025', 'fund:2025', 100_000_000, '2025-01-02T01:00:00Z');
  await pending(3_000_000, '2025-03-01T02:00:00Z', { kind: 'post_pending', at: '2025-03-01T02:05:00Z' });
  // 16:00 UTC on 14 May is midnight in Shenzhen: this counts on 15 May.
  await pending(6_000_000, '2025-05-14T15:55:00Z', { kind: 'post_pending', at: '2025-05-14T16:00:00Z' });
  await pending(3_000_000, '2025-06-10T02:00:00Z', { kind: 'post_pending', at: '2025-06-10T02:10:00Z' });
  await pending(1_500_000, '2025-06-20T02:00:00Z');
  await pending(500_000, '2025-06-25T02:00:00Z', { kind: 'void_pending', at: '2025-06-25T02:30:00Z' });
  await single('provider_payable:test', 'fund:2025', 1_000_000, '2025-06-28T02:00:00Z'); // a refund
}

describe('admin.fund.burnDown', () => {
  it('sums the ledger day by day in Shenzhen time and forecasts the run-out date from the last 30 and 90 days', async () => {
    await ledgerOf2025();
    h.setNow('2025-06-30T04:00:00Z');
    const admin = await h.callerFor('admin');
    const daily = await admin.admin.fund.burnDown({ year: 2025 });
    expect(daily.asOf).toBe('2025-06-30');
    expect(daily.points).toHaveLength(181);
    const on = (date: string) => daily.points.find((p) => p.date === date)!;
    expect(on('2025-01-01')).toMatchObject({ budgetFen: 0, usedFen: 0, leftFen: 0 });
    expect(on('2025-01-02')).toMatchObject({ budgetFen: 100_000_000, usedFen: 0, leftFen: 100_000_000 });
    expect(on('2025-03-01')).toMatchObject({ committedFen: 3_000_000, reservedFen: 0 });
    expect(on('2025-05-14').committedFen).toBe(3_000_000);
    expect(on('2025-05-15').committedFen).toBe(9_000_000);
    expect(on('2025-06-20')).toMatchObject({ committedFen: 12_000_000, reservedFen: 1_500_000 });
    expect(on('2025-06-25')).toMatchObject({ committedFen: 12_000_000, reservedFen: 1_500_000 });
    expect(daily.points.at(-1)).toEqual({
      date: '2025-06-30',
      budgetFen: 100_000_000,
      committedFen: 11_000_000,
      reservedFen: 1_500_000,
      disbursedFen: 0,
      usedFen: 12_500_000,
      leftFen: 87_500_000,
    });
    // Last 30 days (after 31 May): +3,000,000 + 1,500,000 − 1,000,000 = 3,500,000 → ⌈87,500,000 × 30 / 3,500,000⌉ = 750 days.
    expect(daily.forecast!.last30Days).toEqual({
      windowDays: 30,
      usedInWindowFen: 3_500_000,
      averageDailyUseFen: 116_666,
      runsOutOn: addDays('2025-06-30', 750),
      lastsBeyondHorizon: false,
    });
    expect(addDays('2025-06-30', 750)).toBe('2027-07-20');
    // Last 90 days (after 1 April): 9,500,000 → ⌈87,500,000 × 90 / 9,500,000⌉ = ⌈828.9…⌉ = 829 days.
    expect(daily.forecast!.last90Days).toMatchObject({
      usedInWindowFen: 9_500_000,
      averageDailyUseFen: 105_555,
      runsOutOn: addDays('2025-06-30', 829),
    });

    const weekly = await admin.admin.fund.burnDown({ year: 2025, granularity: 'week' });
    expect(weekly.points.map((p) => p.date).slice(0, 3)).toEqual(['2025-01-07', '2025-01-14', '2025-01-21']);
    expect(weekly.points).toHaveLength(26);
    expect(weekly.points.at(-1)).toEqual(daily.points.at(-1));
  });

  it('has no forecast when nothing is used, for a past year, or before the year starts', async () => {
    const admin = await h.callerFor('admin');
    await admin.admin.fund.adjust({ year: 2027, deltaFen: 1_000_000, reason: '预先安排' });
    const current = await admin.admin.fund.burnDown({ year: 2026 });
    expect(current.forecast!.last30Days).toMatchObject({ usedInWindowFen: 0, runsOutOn: null });
    await ledgerOf2025();
    const past = await admin.admin.fund.burnDown({ year: 2025, granularity: 'week' });
    expect(past.forecast).toBeNull();
    expect(past.points.at(-1)!.date).toBe('2025-12-31');
    expect(past.points.at(-1)!.leftFen).toBe(87_500_000);
    const future = await admin.admin.fund.burnDown({ year: 2027 });
    expect(future).toMatchObject({ asOf: null, points: [], forecast: null });
  });

  it('ends on today with the same totals as the fund summary, payouts included', async () => {
    const sme = await h.callerFor('sme');
    await deliver(h, await buy(h, sme, H800, 100));
    await buy(h, sme, H800, 8, { pay: false });
    const admin = await h.callerFor('admin');
    await admin.admin.settlement.createBatch({});
    const summary = await admin.admin.fund.summary();
    const burn = await admin.admin.fund.burnDown({ year: 2026 });
    expect(burn.asOf).toBe('2026-11-28');
    expect(burn.points.at(-1)).toMatchObject({
      date: '2026-11-28',
      budgetFen: summary.budgetFen,
      committedFen: summary.committedFen,
      reservedFen: summary.reservedFen,
      disbursedFen: summary.disbursedFen,
      leftFen: summary.leftFen,
    });
    expect(summary.disbursedFen).toBe(96_000);
  });
});
