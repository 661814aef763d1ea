import { schema } from '@nanshan/db';
import { dbErrorOf } from '@nanshan/db/testing';
import type { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/record-audit';
import { fundBalancesFromLedger, fundDailyMovements, providerPayableBalances } from '../../ledger/balances';
import { deliver } from '../../test/deliveries';
import { createHarness, type Harness, moneySnapshot } from '../../test/harness';
import { invariantViolations } from '../../test/invariants';
import { expectRefusal } from '../../test/people';
import { AI_API, buy, H800, offeringId } from '../../test/purchases';
import { refundOrder } from '../orders/settle-order';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

async function providerId(name: string) {
  const [p] = await h.db.select().from(schema.providers).where(eq(schema.providers.name, name));
  return p!.id;
}
const CENTRE = '南山智算中心';
const VENDOR = '鹏云智能云服务';

/**
 * Counters equal the ledger, every provider's payable balance equals its net owed plus what awaits delivery, and the
 * audit chain holds.
 */
async function expectBooksBalance() {
  const admin = await h.callerFor('admin');
  for (const f of await h.db.select().from(schema.fundYears)) {
    expect((await fundBalancesFromLedger(h.db)).find((l) => l.year === f.year)).toEqual({
      year: f.year,
      budgetFen: f.budgetFen,
      committedFen: f.committedFen,
      reservedFen: f.reservedFen,
    });
  }
  const owed = await admin.admin.settlement.owed();
  const balances = await providerPayableBalances(h.db);
  for (const [id, balance] of balances) {
    const p = owed.providers.find((x) => x.providerId === id);
    expect((p?.netFen ?? 0) + (p?.awaitingDeliveryFen ?? 0)).toBe(balance);
  }
  for (const p of owed.providers) expect(p.ledgerBalanceFen).toBe(p.netFen + p.awaitingDeliveryFen);
  expect(await verifyAuditChain(h.db)).toBeNull();
}

/** Two paid Art. 6 orders and one Art. 9 order, delivered; one unpaid and one refunded before settlement. */
async function someOrders() {
  const sme = await h.callerFor('sme');
  const large = await h.callerFor('large');
  h.setNow('2026-10-01T02:00:00Z');
  const a = await buy(h, sme, H800, 100); // subsidy 96,000
  h.setNow('2026-10-02T02:00:00Z');
  const b = await buy(h, sme, H800, 8); // 7,680
  const c = await buy(h, large, AI_API, 1000); // Art. 9: 240,000
  const unpaid = await buy(h, sme, H800, 16, { pay: false });
  const refunded = await buy(h, sme, H800, 10); // 9,600, refunded before any payout
  await refundOrder(h.db, { orderId: refunded, actorUserId: null, now: h.now() });
  const notSubsidised = await buy(h, large, H800, 8); // a large firm gets no Art. 6 subsidy
  await deliver(h, a, b, c);
  h.setNow('2026-11-28T02:00:00Z');
  return { sme, large, a, b, c, unpaid, refunded, notSubsidised };
}

describe('admin.settlement.owed', () => {
  it('lists per provider the subsidies of paid orders not yet paid out, from the ledger', async () => {
    const { a, b, c } = await someOrders();
    const admin = await h.callerFor('admin');
    const owed = await admin.admin.settlement.owed();
    expect(owed.totalOwedFen).toBe(96_000 + 7_680 + 240_000);
    expect(owed.totalClawbackFen).toBe(0);
    expect(owed.totalNetFen).toBe(owed.totalOwedFen);
    expect(owed.providers.map((p) => [p.providerName, p.netFen])).toEqual([
      [VENDOR, 240_000],
      [CENTRE, 103_680],
    ]);
    const centre = owed.providers.find((p) => p.providerName === CENTRE)!;
    expect(centre.lines.map((l) => [l.kind, l.orderId, l.amountFen])).toEqual([
      ['subsidy', a, 96_000],
      ['subsidy', b, 7_680],
    ]);
    expect(centre.lines[0]).toMatchObject({
      enterpriseName: '深圳智源未来科技有限公司',
      fundYear: 2026,
      status: 'paid',
    });
    expect(owed.providers.find((p) => p.providerName === VENDOR)!.lines[0]!.orderId).toBe(c);
    const onlyVendor = await admin.admin.settlement.owed({ providerIds: [await providerId(VENDOR)] });
    expect(onlyVendor.providers.map((p) => p.providerName)).toEqual([VENDOR]);
    await expectBooksBalance();
  });
});

describe('admin.settlement.createBatch', () => {
  it('pays everything owed once, in one batch with a generated reference, as ledger postings', async () => {
    const { a, b, c } = await someOrders();
    const admin = await h.callerFor('admin');
    const batch = await admin.admin.settlement.createBatch({});
    expect(batch.reference).toBe('NS-PAY-2026-0001');
    expect(batch.totalFen).toBe(343_680);
    expect(batch.payees.map((p) => [p.payeeName, p.payeeType, p.netFen, p.lines.length])).toEqual([
      [CENTRE, 'provider', 103_680, 2],
      [VENDOR, 'provider', 240_000, 1],
    ]);
    expect(batch.payees[0]!.payeeAccount).toBe(`provider_payable:${await providerId(CENTRE)}`);
    const items = await h.db.select().from(schema.payoutItems);
    expect(items.map((i) => [i.orderId, i.amountFen]).sort()).toEqual(
      [
        [a, 96_000],
        [b, 7_680],
        [c, 240_000],
      ].sort(),
    );
    const transfers = await h.db
      .select()
      .from(schema.ledgerTransfers)
      .where(eq(schema.ledgerTransfers.creditAccount, 'disbursed:2026'));
    expect(transfers).toHaveLength(3);
    expect(transfers.every((t) => t.memo.startsWith('payout NS-PAY-2026-0001:'))).toBe(true);
    // Nothing is owed any more, the fund shows it disbursed, and committed did not change.
    expect((await admin.admin.settlement.owed()).providers).toEqual([]);
    const fund = await admin.admin.fund.summary({ year: 2026 });
    expect(fund).toMatchObject({ disbursedFen: 343_680, committedFen: 343_680, reservedFen: 7_680 * 2 });
    const [audit] = await h.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'settlement.batch_created'));
    expect(audit).toMatchObject({
      targetType: 'payout_batch',
      targetId: batch.id,
      actorUserId: (await h.userOf('admin')).id,
    });
    await expectBooksBalance();

    // A second batch finds nothing to pay: every order is settled once.
    await expectRefusal(admin.admin.settlement.createBatch({}), 'PRECONDITION_FAILED', 'nothing_to_settle');
    // A newly paid and delivered order goes in the next batch, numbered after the first.
    await deliver(h, await buy(h, await h.callerFor('sme'), H800, 8));
    const second = await admin.admin.settlement.createBatch({});
    expect(second).toMatchObject({ reference: 'NS-PAY-2026-0002', totalFen: 7_680 });
    const list = await admin.admin.settlement.batches({ page: 1, pageSize: 10 });
    expect(list.total).toBe(2);
    expect(list.items.map((i) => [i.reference, i.orderCount, i.payeeCount])).toEqual([
      ['NS-PAY-2026-0002', 1, 1],
      ['NS-PAY-2026-0001', 3, 2],
    ]);
    expect(await admin.admin.settlement.batch({ id: batch.id })).toEqual(batch);
    await expectBooksBalance();
  });

  it('pays only the providers asked for, under the reference given; refuses a taken reference or unknown provider', async () => {
    await someOrders();
    const admin = await h.callerFor('admin');
    const vendor = await providerId(VENDOR);
    const batch = await admin.admin.settlement.createBatch({
      providerIds: [vendor],
      reference: 'BOC-2026-11-28.A',
    });
    expect(batch).toMatchObject({ reference: 'BOC-2026-11-28.A', totalFen: 240_000 });
    expect((await admin.admin.settlement.owed()).providers.map((p) => p.providerName)).toEqual([CENTRE]);
    const before = await moneySnapshot(h);
    await expectRefusal(
      admin.admin.settlement.createBatch({ reference: 'BOC-2026-11-28.A' }),
      'CONFLICT',
      'batch_reference_taken',
    );
    await expectRefusal(
      admin.admin.settlement.createBatch({ providerIds: [vendor] }),
      'PRECONDITION_FAILED',
      'nothing_to_settle',
    );
    await expectRefusal(
      admin.admin.settlement.createBatch({ providerIds: ['00000000-0000-4000-8000-000000000000'] }),
      'NOT_FOUND',
      'provider_not_found',
    );
    // A colon would break the ledger memo convention; spaces and empty strings are not bank references.
    for (const reference of ['NS:PAY', 'a b c', '', 'x']) {
      const error = await admin.admin.settlement.createBatch({ reference }).catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
    }
    expect(await moneySnapshot(h)).toEqual(before);
    expect(await h.db.select().from(schema.payoutBatches)).toHaveLength(1);
    await expectRefusal(
      admin.admin.settlement.batch({ id: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      'batch_not_found',
    );
  });

  it('never pays an order twice: the database refuses a second payout item for it', async () => {
    const { a } = await someOrders();
    const admin = await h.callerFor('admin');
    const batch = await admin.admin.settlement.createBatch({});
    const [other] = await h.db
      .insert(schema.payoutBatches)
      .values({ reference: 'MANUAL-1', totalFen: 1, createdBy: (await h.userOf('admin')).id })
      .returning();
    expect(
      await dbErrorOf(
        h.db.insert(schema.payoutItems).values({
          batchId: other!.id,
          payeeAccount: batch.payees[0]!.payeeAccount,
          orderId: a,
          amountFen: 96_000,
        }),
      ),
    ).toMatch(/payout_item_order_once/);
  });
});

describe('delivery before payout', () => {
  it('shows paid orders not delivered yet apart, pays them in no batch until the provider delivers', async () => {
    const { a, b, c } = await someOrders();
    h.setNow('2026-11-28T02:10:00Z');
    const late = await buy(h, await h.callerFor('sme'), H800, 50); // 48,000, not delivered
    const lateVendor = await buy(h, await h.callerFor('large'), AI_API, 100); // 24,000, not delivered
    const admin = await h.callerFor('admin');
    let owed = await admin.admin.settlement.owed();
    expect(owed).toMatchObject({
      totalOwedFen: 343_680,
      totalAwaitingDeliveryFen: 72_000,
      totalClawbackFen: 0,
      totalNetFen: 343_680,
    });
    expect(owed.providers.find((p) => p.providerName === CENTRE)).toMatchObject({
      owedFen: 103_680,
      awaitingDeliveryFen: 48_000,
      netFen: 103_680,
      ledgerBalanceFen: 151_680,
    });
    const centreLines = owed.providers.find((p) => p.providerName === CENTRE)!.lines;
    expect(centreLines.map((l) => [l.kind, l.orderId, l.amountFen])).toEqual([
      ['subsidy', a, 96_000],
      ['subsidy', b, 7_680],
      ['awaiting_delivery', late, 48_000],
    ]);
    expect(centreLines[2]).toMatchObject({ status: 'paid', deliveredAt: null });
    expect(centreLines[0]!.deliveredAt).toEqual(new Date('2026-10-02T02:00:00Z'));
    await expectBooksBalance();

    const first = await admin.admin.settlement.createBatch({});
    expect(first.totalFen).toBe(343_680);
    expect((await h.db.select().from(schema.payoutItems)).map((i) => i.orderId).sort()).toEqual(
      [a, b, c].sort(),
    );
    // Only undelivered orders are left: listed, with nothing a batch can pay.
    owed = await admin.admin.settlement.owed();
    expect(owed.providers.map((p) => [p.providerName, p.netFen, p.awaitingDeliveryFen])).toEqual([
      [CENTRE, 0, 48_000],
      [VENDOR, 0, 24_000],
    ]);
    await expectRefusal(admin.admin.settlement.createBatch({}), 'PRECONDITION_FAILED', 'nothing_to_settle');

    // Once the centre delivers, the next batch pays it; the vendor's order still waits.
    await deliver(h, late);
    const second = await admin.admin.settlement.createBatch({});
    expect(second.totalFen).toBe(48_000);
    expect(second.payees.map((p) => [p.payeeName, p.lines.map((l) => l.orderId)])).toEqual([
      [CENTRE, [late]],
    ]);
    owed = await admin.admin.settlement.owed();
    expect(owed.providers.map((p) => p.lines.map((l) => [l.kind, l.orderId]))).toEqual([
      [['awaiting_delivery', lateVendor]],
    ]);
    await expectBooksBalance();
  });

  it('nets a clawback whatever the delivery record, and an undelivered order does not offset it', async () => {
    const sme = await h.callerFor('sme');
    const admin = await h.callerFor('admin');
    const a = await buy(h, sme, H800, 100); // 96,000
    await deliver(h, a);
    await admin.admin.settlement.createBatch({});
    // An order paid out before delivery records were required: no delivery on it, refunded since.
    await h.db
      .update(schema.orders)
      .set({ deliveredAt: null, deliveryNote: null })
      .where(eq(schema.orders.id, a));
    await refundOrder(h.db, { orderId: a, actorUserId: null, now: h.now() });
    h.setNow('2026-11-28T02:10:00Z');
    const pending = await buy(h, sme, H800, 400); // 384,000, not delivered
    let owed = await admin.admin.settlement.owed();
    expect(owed.providers[0]).toMatchObject({
      owedFen: 0,
      clawbackFen: -96_000,
      netFen: -96_000,
      awaitingDeliveryFen: 384_000,
      ledgerBalanceFen: 288_000,
    });
    await expectRefusal(admin.admin.settlement.createBatch({}), 'PRECONDITION_FAILED', 'nothing_to_settle');
    await deliver(h, pending);
    owed = await admin.admin.settlement.owed();
    expect(owed.providers[0]).toMatchObject({ owedFen: 384_000, clawbackFen: -96_000, netFen: 288_000 });
    const batch = await admin.admin.settlement.createBatch({});
    expect(batch.totalFen).toBe(288_000);
    expect(batch.payees[0]!.lines.map((l) => [l.kind, l.orderId, l.amountFen])).toEqual([
      ['clawback', a, -96_000],
      ['subsidy', pending, 384_000],
    ]);
    expect((await admin.admin.settlement.owed()).providers).toEqual([]);
    await expectBooksBalance();
  });
});

describe('clawbacks: an order refunded after its subsidy was paid out', () => {
  it('shows the clawback in owed and nets it off in the next batch, never silently', async () => {
    const sme = await h.callerFor('sme');
    const admin = await h.callerFor('admin');
    const a = await buy(h, sme, H800, 100); // 96,000
    await deliver(h, a);
    const first = await admin.admin.settlement.createBatch({});
    expect(first.totalFen).toBe(96_000);
    await refundOrder(h.db, { orderId: a, actorUserId: null, now: h.now() });

    let owed = await admin.admin.settlement.owed();
    expect(owed.providers).toHaveLength(1);
    expect(owed.providers[0]).toMatchObject({
      providerName: CENTRE,
      owedFen: 0,
      clawbackFen: -96_000,
      netFen: -96_000,
      ledgerBalanceFen: -96_000,
    });
    expect(owed.providers[0]!.lines).toEqual([
      expect.objectContaining({ kind: 'clawback', orderId: a, amountFen: -96_000, status: 'refunded' }),
    ]);
    // The provider owes more than it is owed: no batch pays it.
    await expectRefusal(admin.admin.settlement.createBatch({}), 'PRECONDITION_FAILED', 'nothing_to_settle');
    h.setNow('2026-11-28T02:10:00Z');
    const small = await buy(h, sme, H800, 8); // 7,680 < 96,000
    await deliver(h, small);
    await expectRefusal(admin.admin.settlement.createBatch({}), 'PRECONDITION_FAILED', 'nothing_to_settle');

    h.setNow('2026-11-28T02:20:00Z');
    const big = await buy(h, sme, H800, 400); // 384,000
    await deliver(h, big);
    owed = await admin.admin.settlement.owed();
    expect(owed.providers[0]).toMatchObject({ owedFen: 391_680, clawbackFen: -96_000, netFen: 295_680 });
    const second = await admin.admin.settlement.createBatch({});
    expect(second.totalFen).toBe(295_680);
    expect(second.payees[0]!.lines.map((l) => [l.kind, l.orderId, l.amountFen])).toEqual([
      ['clawback', a, -96_000],
      ['subsidy', small, 7_680],
      ['subsidy', big, 384_000],
    ]);
    expect(second.payees[0]).toMatchObject({ paidFen: 391_680, clawbackFen: -96_000, netFen: 295_680 });
    const [audit] = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, second.id));
    expect(JSON.parse(audit!.after!)).toEqual({
      reference: second.reference,
      totalFen: 295_680,
      providers: [
        { providerId: await providerId(CENTRE), netFen: 295_680, orders: [small, big], clawbacks: [a] },
      ],
    });
    expect((await admin.admin.settlement.owed()).providers).toEqual([]);
    // Disbursed = what the provider finally keeps: the two orders still paid.
    expect((await admin.admin.fund.summary({ year: 2026 })).disbursedFen).toBe(391_680);
    // The clawback is recovered once: a later batch does not net it again.
    await deliver(h, await buy(h, sme, H800, 8));
    expect((await admin.admin.settlement.createBatch({})).totalFen).toBe(7_680);
    await expectBooksBalance();
  });
});

describe('clawbacks and the budget (Art. 2): a refund after payout frees nothing until recovered', () => {
  const YEAR = 2026;
  async function fund() {
    const admin = await h.callerFor('admin');
    const { budgetFen, committedFen, reservedFen, leftFen, disbursedFen } = await admin.admin.fund.summary({
      year: YEAR,
    });
    return { budgetFen, committedFen, reservedFen, leftFen, disbursedFen };
  }
  async function subsidyOf(orderId: string) {
    const [o] = await h.db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
    return o!.subsidyFen;
  }
  /** The invariants hold, and the burn-down's daily movements add up to the fund's counters. */
  async function expectInvariants() {
    expect(await invariantViolations(h.db)).toEqual([]);
    await expectBooksBalance();
    const days = await fundDailyMovements(h.db, YEAR);
    const f = await fund();
    expect(days.reduce((n, d) => n + d.committedFen, 0)).toBe(f.committedFen);
    expect(days.reduce((n, d) => n + d.disbursedFen, 0)).toBe(f.disbursedFen);
  }

  it('keeps the clawback committed while the provider owes it, so payouts never exceed the budget', async () => {
    const sme = await h.callerFor('sme');
    const large = await h.callerFor('large');
    const admin = await h.callerFor('admin');
    await admin.admin.fund.setBudget({ year: YEAR, budgetFen: 200_000, reason: 'a small fund for the test' });
    const a = await buy(h, sme, H800, 100); // 96,000, from the centre
    await deliver(h, a);
    expect((await admin.admin.settlement.createBatch({})).totalFen).toBe(96_000);
    expect(await fund()).toMatchObject({ committedFen: 96_000, leftFen: 104_000, disbursedFen: 96_000 });
    await expectInvariants();

    // Refunded after payout: the centre still has the 96,000 and owes it back. The SME's cap is restored (it did not
    // get the subsidy), the fund's is not: nothing more is left than before the refund.
    await refundOrder(h.db, { orderId: a, actorUserId: null, now: h.now() });
    expect(await fund()).toMatchObject({ committedFen: 96_000, leftFen: 104_000, disbursedFen: 96_000 });
    const [usage] = await h.db
      .select()
      .from(schema.subsidyUsage)
      .where(eq(schema.subsidyUsage.article, 'art6'));
    expect(usage).toMatchObject({ grantedFen: 0, reservedFen: 0 });
    expect((await admin.admin.settlement.owed()).totalClawbackFen).toBe(-96_000);
    await expectInvariants();

    // Another enterprise buys from another provider: it gets only what is really left, and is paid out.
    h.setNow('2026-11-28T02:10:00Z');
    const b = await buy(h, large, AI_API, 1000); // 240,000 asked
    expect(await subsidyOf(b)).toBe(104_000);
    await deliver(h, b);
    const vendorBatch = await admin.admin.settlement.createBatch({});
    expect(vendorBatch.payees.map((p) => [p.payeeName, p.netFen])).toEqual([[VENDOR, 104_000]]);
    // The centre sells nothing more, its clawback stays outstanding: paid out never beyond the budget.
    expect(await fund()).toMatchObject({ committedFen: 200_000, leftFen: 0, disbursedFen: 200_000 });
    await expectInvariants();

    // The fund is exhausted: the next purchase gets no subsidy, with the reason.
    const quote = await sme.orders.quote({ offeringId: await offeringId(h, H800), quantity: 8 });
    expect(quote.subsidyFen).toBe(0);
    expect(quote.reasons).toContain('fund_exhausted');
    const refused = await buy(h, sme, H800, 8, { pay: false });
    expect(await subsidyOf(refused)).toBe(0);
    await expectInvariants();

    // The budget is raised; the centre sells again and the batch that nets its clawback frees the 96,000.
    await admin.admin.fund.adjust({ year: YEAR, deltaFen: 100_000, reason: 'top-up for the test' });
    h.setNow('2026-11-28T02:20:00Z');
    const c = await buy(h, sme, H800, 200); // 192,000 asked, 100,000 left
    expect(await subsidyOf(c)).toBe(100_000);
    await deliver(h, c);
    expect(await fund()).toMatchObject({ budgetFen: 300_000, committedFen: 300_000, leftFen: 0 });
    const netted = await admin.admin.settlement.createBatch({});
    expect(netted.totalFen).toBe(4_000);
    expect(netted.payees[0]!.lines.map((l) => [l.kind, l.orderId, l.amountFen])).toEqual([
      ['clawback', a, -96_000],
      ['subsidy', c, 100_000],
    ]);
    expect(await fund()).toMatchObject({ committedFen: 204_000, leftFen: 96_000, disbursedFen: 204_000 });
    expect((await admin.admin.settlement.owed()).providers).toEqual([]);
    await expectInvariants();
  });

  it('a refund before payout frees the budget at once', async () => {
    const sme = await h.callerFor('sme');
    const admin = await h.callerFor('admin');
    await admin.admin.fund.setBudget({ year: YEAR, budgetFen: 200_000, reason: 'a small fund for the test' });
    const a = await buy(h, sme, H800, 100);
    await deliver(h, a);
    await refundOrder(h.db, { orderId: a, actorUserId: null, now: h.now() });
    expect(await fund()).toMatchObject({ committedFen: 0, leftFen: 200_000, disbursedFen: 0 });
    await expectInvariants();
  });

  it('the invariants fail if a refund after payout released the budget before the clawback was recovered', async () => {
    const sme = await h.callerFor('sme');
    const admin = await h.callerFor('admin');
    const a = await buy(h, sme, H800, 100); // 96,000
    await deliver(h, a);
    await admin.admin.settlement.createBatch({});
    await refundOrder(h.db, { orderId: a, actorUserId: null, now: h.now() });
    expect(await invariantViolations(h.db)).toEqual([]);
    // What the old refund did: committed lowered at once, while the provider still owes the clawback.
    await h.db
      .update(schema.fundYears)
      .set({ committedFen: sql`${schema.fundYears.committedFen} - 96000` })
      .where(eq(schema.fundYears.year, YEAR));
    const violations = await invariantViolations(h.db);
    expect(violations.some((v) => v.startsWith(`fund ${YEAR}: counters`))).toBe(true);
    expect(violations.some((v) => v.startsWith(`fund:${YEAR}: balance`))).toBe(true);
  });
});

describe('admin.settlement.exportBatch', () => {
  it('writes the batch for the bank: CSV with BOM and yuan decimals, subtotals per payee; XLSX the same', async () => {
    const sme = await h.callerFor('sme');
    const admin = await h.callerFor('admin');
    const a = await buy(h, sme, H800, 100);
    await deliver(h, a);
    await admin.admin.settlement.createBatch({});
    await refundOrder(h.db, { orderId: a, actorUserId: null, now: h.now() });
    h.setNow('2026-11-28T03:04:05Z');
    const odd = await buy(h, sme, '昇腾 910B 国产算力 · 按卡时', 9 * 41); // 18.50 × 369 = 6,826.50 → 2,047.95
    h.setNow('2026-11-28T03:04:06Z');
    const big = await buy(h, sme, H800, 400);
    await deliver(h, odd, big);
    const batch = await admin.admin.settlement.createBatch({ reference: 'NS-BANK-7' });
    expect(batch.totalFen).toBe(384_000 + 204_795 - 96_000);

    const file = await admin.admin.settlement.exportBatch({ id: batch.id, format: 'csv' });
    expect(file).toMatchObject({ filename: 'payout-NS-BANK-7.csv', mimeType: 'text/csv; charset=utf-8' });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '付款批次 / Batch reference,收款方 / Payee,统一社会信用代码 / USCC,类型 / Line,订单或申请 / Order or application,' +
        '企业 / Enterprise,补贴条款 / Article,资金年度 / Fund year,支付时间 / Paid (UTC+8),金额（元）/ Amount (CNY)',
    );
    expect(lines.slice(1)).toEqual([
      `NS-BANK-7,南山智算中心,91440305MA5H3Q9R6Q,追回 / clawback,${a},深圳智源未来科技有限公司,第六条 Art. 6 算力券 / compute vouchers,2026,2026-11-28 10:00:00,-960.00`,
      `NS-BANK-7,南山智算中心,91440305MA5H3Q9R6Q,补贴 / subsidy,${odd},深圳智源未来科技有限公司,第六条 Art. 6 算力券 / compute vouchers,2026,2026-11-28 11:04:05,2047.95`,
      `NS-BANK-7,南山智算中心,91440305MA5H3Q9R6Q,补贴 / subsidy,${big},深圳智源未来科技有限公司,第六条 Art. 6 算力券 / compute vouchers,2026,2026-11-28 11:04:06,3840.00`,
      'NS-BANK-7,南山智算中心,91440305MA5H3Q9R6Q,小计 / subtotal,,,,,,4927.95',
      'NS-BANK-7,,,合计 / total,,,,,,4927.95',
    ]);

    const xlsx = await admin.admin.settlement.exportBatch({ id: batch.id, format: 'xlsx' });
    expect(xlsx.filename).toBe('payout-NS-BANK-7.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('付款批次 NS-BANK-7');
    expect(sheet.getRow(3).getCell(5).value).toBe(odd);
    expect(sheet.getRow(3).getCell(10).value).toBe(2047.95);
    expect(sheet.getRow(3).getCell(10).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(6).getCell(10).value).toBe(4927.95);
  });
});

describe('settlement refusals', () => {
  it('refuses SMEs, providers and anonymous callers, changing nothing', async () => {
    await someOrders();
    const admin = await h.callerFor('admin');
    const batch = await admin.admin.settlement.createBatch({ providerIds: [await providerId(VENDOR)] });
    const before = { money: await moneySnapshot(h), batches: await h.db.select().from(schema.payoutBatches) };
    for (const who of ['sme', 'provider', 'vendor'] as const) {
      const caller = await h.callerFor(who);
      await expectRefusal(caller.admin.settlement.owed(), 'FORBIDDEN');
      await expectRefusal(caller.admin.settlement.createBatch({}), 'FORBIDDEN');
      await expectRefusal(caller.admin.settlement.batches({ page: 1, pageSize: 10 }), 'FORBIDDEN');
      await expectRefusal(caller.admin.settlement.batch({ id: batch.id }), 'FORBIDDEN');
      await expectRefusal(caller.admin.settlement.exportBatch({ id: batch.id, format: 'csv' }), 'FORBIDDEN');
    }
    await expectRefusal((await h.callerFor(null)).admin.settlement.createBatch({}), 'UNAUTHORIZED');
    expect({
      money: await moneySnapshot(h),
      batches: await h.db.select().from(schema.payoutBatches),
    }).toEqual(before);
  });
});
