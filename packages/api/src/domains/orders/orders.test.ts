import { schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../audit/record-audit';
import { fundBalancesFromLedger, usageFromLedger } from '../../ledger/balances';
import { setFundBudget } from '../../ledger/fund';
import { createHarness, type Harness, moneySnapshot } from '../../test/harness';
import { releaseExpiredReservations } from './expire-orders';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

async function offeringId(title: string) {
  const [o] = await h.db.select().from(schema.offerings).where(eq(schema.offerings.title, title));
  return o!.id;
}
const H800 = 'NVIDIA H800 训练集群 · 8 卡节点'; // 32.00 yuan per GPU-hour
const STORAGE = '训练数据高性能存储（不含算力）';
const PENDING = 'A100 包月（待审核供应商）';

async function expectRefusal(call: Promise<unknown>, code: TRPCError['code'], reason?: string) {
  const error = await call.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (reason) expect(((error as TRPCError).cause as { reason?: string }).reason).toBe(reason);
}

/** Counters must equal what the ledger says (invariant 4: balances are derived and recomputable). */
async function expectCountersMatchLedger() {
  const funds = await h.db.select().from(schema.fundYears);
  const fromLedger = await fundBalancesFromLedger(h.db);
  for (const f of funds) {
    expect(fromLedger.find((l) => l.year === f.year)).toEqual({
      year: f.year,
      budgetFen: f.budgetFen,
      committedFen: f.committedFen,
      reservedFen: f.reservedFen,
    });
  }
  const usage = await h.db.select().from(schema.subsidyUsage);
  const usageLedger = await usageFromLedger(h.db);
  for (const u of usage.filter((x) => x.grantedFen + x.reservedFen > 0)) {
    expect(usageLedger.find((l) => l.enterpriseId === u.enterpriseId && l.year === u.year)).toMatchObject({
      grantedFen: u.grantedFen,
      reservedFen: u.reservedFen,
    });
  }
  expect(await verifyAuditChain(h.db)).toBeNull();
}

describe('the subsidised purchase (Art. 6)', () => {
  it('quotes 30% of the list price, rounded down to the fen, with a bilingual trace', async () => {
    const sme = await h.callerFor('sme');
    const q = await sme.orders.quote({ offeringId: await offeringId(H800), quantity: 8 });
    expect(q.listPriceFen).toBe(8 * 3200);
    expect(q.subsidyFen).toBe(7680);
    expect(q.payableFen).toBe(25600 - 7680);
    expect(q.eligible).toBe(true);
    expect(q.cap).toEqual({
      year: 2026,
      capFen: 100_000_000,
      grantedFen: 0,
      reservedFen: 0,
      leftFen: 100_000_000,
    });
    expect(q.trace.length).toBeGreaterThan(2);
    for (const step of q.trace) {
      expect(step.zh).toBeTruthy();
      expect(step.en).toBeTruthy();
    }
  });

  it('rounds a fractional fen down', async () => {
    const sme = await h.callerFor('sme');
    // 3,200 × 9 = 28,800 → 8,640 exactly; 780 (L40S) × 3 = 2,340 → 702; 1,850 (910B) × 9 = 16,650 → 4,995
    const q = await sme.orders.quote({
      offeringId: await offeringId('昇腾 910B 国产算力 · 按卡时'),
      quantity: 9,
    });
    expect(q.subsidyFen).toBe(4995);
    const odd = await sme.orders.quote({
      offeringId: await offeringId('NVIDIA L40S 推理 · 按卡时'),
      quantity: 7,
    });
    expect(odd.listPriceFen).toBe(5460);
    expect(odd.subsidyFen).toBe(1638);
    const [o] = await h.db
      .select()
      .from(schema.offerings)
      .where(eq(schema.offerings.title, 'NVIDIA L40S 推理 · 按卡时'));
    await h.db.update(schema.offerings).set({ unitPriceFen: 333 }).where(eq(schema.offerings.id, o!.id));
    const third = await sme.orders.quote({ offeringId: o!.id, quantity: 1 });
    expect(third.subsidyFen).toBe(99); // 99.9 fen rounds down
  });

  it('places the order, reserves the subsidy, pays through the simulated gateway and grants it', async () => {
    const sme = await h.callerFor('sme');
    const id = await offeringId(H800);
    const { orderId } = await sme.orders.place({
      offeringId: id,
      quantity: 100,
      idempotencyKey: 'key-0001-abcdef',
      notRelatedDeclared: true,
    });
    let order = await sme.orders.get({ orderId });
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      listPriceFen: 320_000,
      subsidyFen: 96_000,
      payableFen: 224_000,
    });
    expect(order.payment.gateway).toBe('simulated');
    let summary = await sme.subsidy.summary();
    expect(summary.articles[0]).toMatchObject({
      grantedFen: 0,
      reservedFen: 96_000,
      leftFen: 100_000_000 - 96_000,
    });
    await expectCountersMatchLedger();

    await sme.payments.simulatePay({ orderId });
    order = await sme.orders.get({ orderId });
    expect(order.status).toBe('paid');
    summary = await sme.subsidy.summary();
    expect(summary.articles[0]).toMatchObject({
      grantedFen: 96_000,
      reservedFen: 0,
      leftFen: 100_000_000 - 96_000,
    });
    const admin = await h.callerFor('admin');
    const fund = await admin.admin.fund.summary();
    expect(fund).toMatchObject({
      budgetFen: 50_000_000_00,
      committedFen: 96_000,
      reservedFen: 0,
      leftFen: 50_000_000_00 - 96_000,
    });
    const orders = await admin.admin.orders.list({ page: 1, pageSize: 10 });
    expect(orders.items[0]).toMatchObject({
      id: orderId,
      status: 'paid',
      enterpriseName: '深圳智源未来科技有限公司',
    });
    // Paying twice moves nothing twice.
    await sme.payments.simulatePay({ orderId });
    expect((await admin.admin.fund.summary()).committedFen).toBe(96_000);
    await expectCountersMatchLedger();
  });

  it('returns the same order for the same idempotency key', async () => {
    const sme = await h.callerFor('sme');
    const input = {
      offeringId: await offeringId(H800),
      quantity: 8,
      idempotencyKey: 'same-key-123456',
      notRelatedDeclared: true,
    };
    const [a, b] = await Promise.all([sme.orders.place(input), sme.orders.place(input)]);
    const c = await sme.orders.place(input);
    expect(b.orderId).toBe(a.orderId);
    expect(c.orderId).toBe(a.orderId);
    expect(await h.db.select().from(schema.orders)).toHaveLength(1);
    expect((await sme.subsidy.summary()).articles[0]!.reservedFen).toBe(7680);
    await expectRefusal(sme.orders.place({ ...input, quantity: 9 }), 'CONFLICT', 'idempotency_key_reused');
  });

  it('bounds the subsidy by what is left of the 1,000,000-yuan annual cap', async () => {
    const sme = await h.callerFor('sme');
    const [usage] = await h.db.select().from(schema.subsidyUsage);
    expect(usage).toBeUndefined();
    // Use up all but 50 yuan of the cap with one big paid order: 334 A800 card-months at 9,800 yuan.
    const big = await sme.orders.place({
      offeringId: await offeringId('NVIDIA A800 包月整卡'),
      quantity: 340,
      idempotencyKey: 'big-order-0001',
      notRelatedDeclared: true,
    });
    const bigOrder = await sme.orders.get({ orderId: big.orderId });
    expect(bigOrder.subsidyFen).toBe(99_960_000); // 30% of 3,332,000 yuan
    await sme.payments.simulatePay({ orderId: big.orderId });
    const q = await sme.orders.quote({ offeringId: await offeringId(H800), quantity: 100 });
    expect(q.subsidyFen).toBe(40_000); // 400 yuan left, not 960
    expect(q.cap?.leftFen).toBe(40_000);
    const { orderId } = await sme.orders.place({
      offeringId: await offeringId(H800),
      quantity: 100,
      idempotencyKey: 'cap-order-0001',
      notRelatedDeclared: true,
    });
    await sme.payments.simulatePay({ orderId });
    const after = await sme.orders.quote({ offeringId: await offeringId(H800), quantity: 100 });
    expect(after.subsidyFen).toBe(0);
    expect(after.reasons).toContain('annual_cap_reached');
    expect(after.cap?.leftFen).toBe(0);
    await expectCountersMatchLedger();
  });

  it('bounds the subsidy by what is left of the fund (Art. 2), never an overdraft', async () => {
    await h.db.transaction((tx) => setFundBudget(tx, 2026, 5_000, 'nearly empty fund'));
    const sme = await h.callerFor('sme');
    const { orderId } = await sme.orders.place({
      offeringId: await offeringId(H800),
      quantity: 8,
      idempotencyKey: 'fund-order-0001',
      notRelatedDeclared: true,
    });
    const order = await sme.orders.get({ orderId });
    expect(order.subsidyFen).toBe(5_000);
    const next = await sme.orders.quote({ offeringId: await offeringId(H800), quantity: 8 });
    expect(next.subsidyFen).toBe(0);
    expect(next.reasons).toContain('fund_exhausted');
  });

  it('gives no subsidy to a firm that is not an SME, one outside Nanshan, or for storage', async () => {
    const large = await (await h.callerFor('large')).orders.quote({
      offeringId: await offeringId(H800),
      quantity: 8,
    });
    expect(large).toMatchObject({ subsidyFen: 0, eligible: false });
    expect(large.reasons).toContain('not_sme');
    const outside = await (await h.callerFor('outside')).orders.quote({
      offeringId: await offeringId(H800),
      quantity: 8,
    });
    expect(outside.reasons).toContain('not_in_nanshan');
    const storage = await (await h.callerFor('sme')).orders.quote({
      offeringId: await offeringId(STORAGE),
      quantity: 1,
    });
    expect(storage.reasons).toContain('service_not_compute');
    expect(storage.subsidyFen).toBe(0);
  });

  it('gives no subsidy before staff verified the enterprise', async () => {
    await h.db.update(schema.enterprises).set({ verifiedAt: null, verifiedBy: null });
    const q = await (await h.callerFor('sme')).orders.quote({
      offeringId: await offeringId(H800),
      quantity: 8,
    });
    expect(q.subsidyFen).toBe(0);
    expect(q.reasons).toContain('enterprise_not_verified');
  });

  it('gives no subsidy without the not-related-party declaration, and records the evidence', async () => {
    const sme = await h.callerFor('sme');
    const id = await offeringId(H800);
    const undeclared = await sme.orders.quote({ offeringId: id, quantity: 8, notRelatedDeclared: false });
    expect(undeclared.subsidyFen).toBe(0);
    expect(undeclared.reasons).toContain('related_party');
    const { orderId } = await sme.orders.place({
      offeringId: id,
      quantity: 8,
      idempotencyKey: 'evidence-0001',
      notRelatedDeclared: true,
      contractPeriodFrom: '2026-12-01',
      contractPeriodTo: '2026-12-31',
    });
    const [row] = await h.db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
    expect(row).toMatchObject({
      subsidyFen: 7680,
      notRelatedDeclared: true,
      contractGpuType: 'NVIDIA H800 80GB',
      contractPeriodFrom: '2026-12-01',
      contractPeriodTo: '2026-12-31',
    });
    const related = await sme.orders.place({
      offeringId: id,
      quantity: 8,
      idempotencyKey: 'evidence-0002',
      notRelatedDeclared: false,
    });
    expect((await sme.orders.get({ orderId: related.orderId })).subsidyFen).toBe(0);
  });

  it('releases the reservation on cancel and on expiry', async () => {
    const sme = await h.callerFor('sme');
    const a = await sme.orders.place({
      offeringId: await offeringId(H800),
      quantity: 8,
      idempotencyKey: 'cancel-me-0001',
      notRelatedDeclared: true,
    });
    const b = await sme.orders.place({
      offeringId: await offeringId(H800),
      quantity: 16,
      idempotencyKey: 'expire-me-0001',
      notRelatedDeclared: true,
    });
    expect((await sme.subsidy.summary()).articles[0]!.reservedFen).toBe(7680 * 3);
    await sme.orders.cancel({ orderId: a.orderId });
    expect((await sme.subsidy.summary()).articles[0]!.reservedFen).toBe(7680 * 2);
    expect(await releaseExpiredReservations(h.db, h.payments, new Date('2026-11-28T02:29:00Z'))).toBe(0);
    expect(await releaseExpiredReservations(h.db, h.payments, new Date('2026-11-28T02:30:00Z'))).toBe(1);
    expect((await sme.orders.get({ orderId: b.orderId })).status).toBe('expired');
    expect((await sme.subsidy.summary()).articles[0]!.reservedFen).toBe(0);
    expect((await (await h.callerFor('admin')).admin.fund.summary()).reservedFen).toBe(0);
    await expectRefusal(
      sme.payments.simulatePay({ orderId: b.orderId }),
      'PRECONDITION_FAILED',
      'order_not_payable',
    );
    await expectCountersMatchLedger();
  });
});

describe('orders whose payment was opened with a gateway this server does not run', () => {
  it('a Stripe order on a simulated server keeps its reservation, is logged, and does not stop the sweep', async () => {
    const sme = await h.callerFor('sme');
    const h800 = await offeringId(H800);
    const place = (key: string) =>
      sme.orders.place({ offeringId: h800, quantity: 8, idempotencyKey: key, notRelatedDeclared: true });
    const stripeOrder = await place('stripe-before-switch-1');
    const simulated = await place('simulated-after-switch-1');
    // Created while the server ran Stripe (the key was removed since): the buyer may still pay it there.
    await h.db
      .update(schema.orders)
      .set({ paymentGateway: 'stripe', paymentRef: 'cs_test_before_switch' })
      .where(eq(schema.orders.id, stripeOrder.orderId));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await releaseExpiredReservations(h.db, h.payments, new Date('2026-11-28T02:31:00Z'))).toBe(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(stripeOrder.orderId));
    } finally {
      warn.mockRestore();
    }
    expect((await sme.orders.get({ orderId: simulated.orderId })).status).toBe('expired');
    expect((await sme.orders.get({ orderId: stripeOrder.orderId })).status).toBe('awaiting_payment');
    expect((await sme.subsidy.summary()).articles[0]!.reservedFen).toBe(7680);
    // Nor can the buyer cancel it from here: its payment could not be closed.
    const before = await moneySnapshot(h);
    await expectRefusal(
      sme.orders.cancel({ orderId: stripeOrder.orderId }),
      'PRECONDITION_FAILED',
      'payment_gateway_unavailable',
    );
    expect(await moneySnapshot(h)).toEqual(before);
    await expectCountersMatchLedger();
  });
});

describe('AI services from a filed cloud vendor (Art. 9)', () => {
  const API = '鹏云大模型 API · 通用对话'; // 8.00 yuan per million tokens

  it('subsidises any Nanshan enterprise, SME or not, at the batch rate for its field', async () => {
    const large = await h.callerFor('large');
    const q = await large.orders.quote({ offeringId: await offeringId(API), quantity: 1000 });
    expect(q.article).toBe('art9');
    expect(q.listPriceFen).toBe(800_000);
    expect(q.subsidyFen).toBe(240_000); // default batch share 30%, set by the bureau
    expect(q.cap).toMatchObject({ capFen: 100_000_000, leftFen: 100_000_000 });
    const { orderId } = await large.orders.place({
      offeringId: await offeringId(API),
      quantity: 1000,
      idempotencyKey: 'art9-order-01',
      notRelatedDeclared: true,
    });
    await large.payments.simulatePay({ orderId });
    const summary = await h.db
      .select()
      .from(schema.subsidyUsage)
      .where(eq(schema.subsidyUsage.article, 'art9'));
    expect(summary).toEqual([expect.objectContaining({ year: 2026, grantedFen: 240_000, reservedFen: 0 })]);
    // Art. 9 has its own annual cap: the Art. 6 cap is untouched.
    expect(
      await h.db.select().from(schema.subsidyUsage).where(eq(schema.subsidyUsage.article, 'art6')),
    ).toEqual([]);
    await expectCountersMatchLedger();
  });

  it('stops after three consecutive funded years, counted from the database history', async () => {
    const large = await h.callerFor('large');
    const enterpriseId = (
      await h.db
        .select()
        .from(schema.enterprises)
        .where(eq(schema.enterprises.name, '深圳巨擘数据集团有限公司'))
    )[0]!.id;
    for (const year of [2023, 2024, 2025]) {
      await h.db
        .insert(schema.subsidyUsage)
        .values({ enterpriseId, article: 'art9', year, capFen: 100_000_000, grantedFen: 1_000 });
    }
    const q = await large.orders.quote({ offeringId: await offeringId(API), quantity: 1000 });
    expect(q.subsidyFen).toBe(0);
    expect(q.trace.map((s) => s.code).join(' ')).toMatch(/year/);
    await h.db.delete(schema.subsidyUsage).where(eq(schema.subsidyUsage.year, 2024));
    expect((await large.orders.quote({ offeringId: await offeringId(API), quantity: 1000 })).subsidyFen).toBe(
      240_000,
    );
  });

  it('gives nothing to a related-party purchase', async () => {
    const q = await (await h.callerFor('large')).orders.quote({
      offeringId: await offeringId(API),
      quantity: 1000,
      notRelatedDeclared: false,
    });
    expect(q.subsidyFen).toBe(0);
    expect(q.reasons).toContain('related_party');
    expect(
      q.trace.find(
        (s) =>
          s.code === 'condition' &&
          s.article === '第九条' &&
          String(s.args.condition) === 'not_related_party_services',
      ),
    ).toBeTruthy();
  });

  it('gives nothing when the vendor is not filed', async () => {
    await h.db
      .update(schema.providers)
      .set({ status: 'approved' })
      .where(eq(schema.providers.name, '鹏云智能云服务'));
    const q = await (await h.callerFor('large')).orders.quote({
      offeringId: await offeringId(API),
      quantity: 1000,
    });
    expect(q.subsidyFen).toBe(0);
    expect(q.reasons).toContain('vendor_not_filed');
  });
});

describe('refusals change nothing', () => {
  it('refuses a provider, an admin and an anonymous caller on SME procedures', async () => {
    const id = await offeringId(H800);
    const before = await moneySnapshot(h);
    for (const who of ['provider', 'admin'] as const) {
      const caller = await h.callerFor(who);
      await expectRefusal(
        caller.orders.place({
          offeringId: id,
          quantity: 8,
          idempotencyKey: `refused-${who}-1`,
          notRelatedDeclared: true,
        }),
        'FORBIDDEN',
      );
      await expectRefusal(caller.orders.quote({ offeringId: id, quantity: 8 }), 'FORBIDDEN');
    }
    await expectRefusal(
      (await h.callerFor(null)).orders.place({
        offeringId: id,
        quantity: 8,
        idempotencyKey: 'anon-000001',
        notRelatedDeclared: true,
      }),
      'UNAUTHORIZED',
    );
    expect(await moneySnapshot(h)).toEqual(before);
  });

  it('refuses SMEs on admin procedures', async () => {
    const sme = await h.callerFor('sme');
    await expectRefusal(sme.admin.fund.summary(), 'FORBIDDEN');
    await expectRefusal(sme.admin.orders.list({ page: 1, pageSize: 10 }), 'FORBIDDEN');
  });

  it('rejects bad input with the zod issues and without a change', async () => {
    const sme = await h.callerFor('sme');
    const id = await offeringId(H800);
    const before = await moneySnapshot(h);
    for (const bad of [
      { offeringId: id, quantity: -1, idempotencyKey: 'bad-input-0001', notRelatedDeclared: true },
      { offeringId: id, quantity: 1.5, idempotencyKey: 'bad-input-0002', notRelatedDeclared: true },
      { offeringId: 'not-a-uuid', quantity: 8, idempotencyKey: 'bad-input-0003', notRelatedDeclared: true },
      { offeringId: id, quantity: 8, idempotencyKey: 'short', notRelatedDeclared: true },
      {
        offeringId: id,
        quantity: 8,
        idempotencyKey: 'bad-period-01',
        notRelatedDeclared: true,
        contractPeriodFrom: '2026-12-31',
        contractPeriodTo: '2026-12-01',
      },
      {
        offeringId: id,
        quantity: 8,
        idempotencyKey: 'bad-date-0001',
        notRelatedDeclared: true,
        contractPeriodFrom: '2026-13-01',
      },
    ]) {
      const error = await sme.orders.place(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect(Array.isArray(((error as TRPCError).cause as { issues?: unknown }).issues)).toBe(true);
    }
    await expectRefusal(
      sme.orders.place({
        offeringId: id,
        quantity: 7,
        idempotencyKey: 'below-minimum-1',
        notRelatedDeclared: true,
      }),
      'BAD_REQUEST',
      'quantity_out_of_range',
    );
    await expectRefusal(
      sme.orders.place({
        offeringId: await offeringId(PENDING),
        quantity: 1,
        idempotencyKey: 'pending-prov-1',
        notRelatedDeclared: true,
      }),
      'PRECONDITION_FAILED',
      'provider_not_active',
    );
    expect(await moneySnapshot(h)).toEqual(before);
  });

  it("hides another enterprise's order", async () => {
    const sme = await h.callerFor('sme');
    const { orderId } = await sme.orders.place({
      offeringId: await offeringId(H800),
      quantity: 8,
      idempotencyKey: 'mine-not-yours',
      notRelatedDeclared: true,
    });
    const other = await h.callerFor('large');
    await expectRefusal(other.orders.get({ orderId }), 'NOT_FOUND', 'order_not_found');
    await expectRefusal(other.orders.cancel({ orderId }), 'NOT_FOUND', 'order_not_found');
    await expectRefusal(other.payments.simulatePay({ orderId }), 'NOT_FOUND', 'order_not_found');
    expect((await sme.orders.get({ orderId })).status).toBe('awaiting_payment');
  });
});
