import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/record-audit';
import { providerPayableBalances } from '../../ledger/balances';
import { deliver } from '../../test/deliveries';
import { createHarness, type Harness } from '../../test/harness';
import { DEMO_CENTRE, marketSnapshot, providerByName } from '../../test/marketplace';
import { expectRefusal, newUser } from '../../test/people';
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

const A800 = 'NVIDIA A800 包月整卡'; // 9,800.00 yuan per card-month

/**
 * The demo SME buys from the centre: 8 H800 GPU-hours paid in October, 16 paid in November (later refunded),
 * 8 paid in November, one A800 card-month left unpaid; the large firm buys the vendor's API (another provider).
 */
async function purchases() {
  const sme = await h.callerFor('sme');
  h.setNow('2026-10-31T15:30:00Z'); // 23:30 on 31 October in Shenzhen
  const october = await buy(h, sme, H800, 8);
  h.setNow('2026-11-28T02:00:00Z');
  const refunded = await buy(h, sme, H800, 16);
  await refundOrder(h.db, { orderId: refunded, actorUserId: null, now: h.now() });
  h.setNow('2026-11-28T03:00:00Z');
  const november = await buy(h, sme, H800, 8);
  const unpaid = await buy(h, sme, A800, 1, { pay: false });
  const vendorOrder = await buy(h, await h.callerFor('large'), AI_API, 10);
  return { october, refunded, november, unpaid, vendorOrder };
}

describe("the provider's orders", () => {
  it('lists only orders of its own offerings, with the buyer, and the paid ones to fulfil', async () => {
    const o = await purchases();
    const provider = await h.callerFor('provider');
    const all = await provider.providerOrders.list({});
    expect(all.total).toBe(4);
    expect(all.items.map((i) => i.id).sort()).toEqual([o.october, o.refunded, o.november, o.unpaid].sort());
    expect(all.items.find((i) => i.id === o.october)).toMatchObject({
      offeringTitle: H800,
      enterpriseName: '深圳智源未来科技有限公司',
      enterpriseUscc: '91440305MA5F8K2L30',
      quantity: 8,
      unitPriceFen: 32_00,
      listPriceFen: 256_00,
      subsidyFen: 76_80,
      payableFen: 179_20,
      article: 'art6',
      status: 'paid',
      contract: { gpuType: 'NVIDIA H800 80GB' },
      deliveredAt: null,
      toFulfil: true,
    });
    const toFulfil = await provider.providerOrders.list({ scope: 'to_fulfil' });
    expect(toFulfil.items.map((i) => i.id)).toEqual([o.october, o.november]); // oldest payment first
    expect((await provider.providerOrders.list({ status: 'refunded' })).items.map((i) => i.id)).toEqual([
      o.refunded,
    ]);
    const page = await provider.providerOrders.list({ pageSize: 3, page: 2 });
    expect(page).toMatchObject({ total: 4 });
    expect(page.items).toHaveLength(1);
    const vendor = await h.callerFor('vendor');
    expect((await vendor.providerOrders.list({})).items.map((i) => i.id)).toEqual([o.vendorOrder]);
    // A provider user without a provider, and other roles.
    const loner = await newUser(h, 'loner@compute.cn', 'provider');
    await expectRefusal(loner.caller.providerOrders.list({}), 'PRECONDITION_FAILED', 'no_provider');
    await expectRefusal((await h.callerFor('sme')).providerOrders.list({}), 'FORBIDDEN');
    await expectRefusal((await h.callerFor('admin')).providerOrders.summary(), 'FORBIDDEN');
  });

  it('marks a paid order delivered, once, with a note; refuses unpaid and foreign orders without a change', async () => {
    const o = await purchases();
    const provider = await h.callerFor('provider');
    h.setNow('2026-11-29T01:00:00Z');
    const delivered = await provider.providerOrders.markDelivered({
      orderId: o.october,
      deliveryNote: '  已开通 8 卡时，用量记录见附件  ',
    });
    expect(delivered).toMatchObject({
      id: o.october,
      deliveredAt: new Date('2026-11-29T01:00:00Z'),
      deliveryNote: '已开通 8 卡时，用量记录见附件',
      toFulfil: false,
    });
    expect((await provider.providerOrders.list({ scope: 'to_fulfil' })).items.map((i) => i.id)).toEqual([
      o.november,
    ]);
    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, o.october));
    expect(audit.at(-1)!.action).toBe('order.delivered');
    // The buyer sees the delivery record on its order.
    expect((await (await h.callerFor('sme')).orders.get({ orderId: o.october })).delivery).toEqual({
      at: new Date('2026-11-29T01:00:00Z'),
      note: '已开通 8 卡时，用量记录见附件',
    });

    const before = await marketSnapshot(h);
    await expectRefusal(
      provider.providerOrders.markDelivered({ orderId: o.october, deliveryNote: '再次' }),
      'CONFLICT',
      'order_already_delivered',
    );
    await expectRefusal(
      provider.providerOrders.markDelivered({ orderId: o.unpaid, deliveryNote: 'x' }),
      'PRECONDITION_FAILED',
      'order_not_paid',
    );
    await expectRefusal(
      provider.providerOrders.markDelivered({ orderId: o.refunded, deliveryNote: 'x' }),
      'PRECONDITION_FAILED',
      'order_not_paid',
    );
    await expectRefusal(
      provider.providerOrders.markDelivered({ orderId: o.vendorOrder, deliveryNote: 'x' }),
      'NOT_FOUND',
      'order_not_found',
    );
    await expectRefusal(
      (await h.callerFor('vendor')).providerOrders.markDelivered({ orderId: o.november, deliveryNote: 'x' }),
      'NOT_FOUND',
      'order_not_found',
    );
    await expectRefusal(
      provider.providerOrders.markDelivered({ orderId: o.november, deliveryNote: '   ' }),
      'BAD_REQUEST',
    );
    await expectRefusal(
      (await h.callerFor('sme')).providerOrders.markDelivered({ orderId: o.november, deliveryNote: 'x' }),
      'FORBIDDEN',
    );
    expect(await marketSnapshot(h)).toEqual(before);
    expect(await verifyAuditChain(h.db)).toBeNull();
  });
});

describe("the provider's money", () => {
  it('sums revenue paid by buyers and the subsidy on orders by Shenzhen month; refunds count for neither', async () => {
    await purchases();
    const summary = await (await h.callerFor('provider')).providerOrders.summary();
    expect(summary.year).toBe(2026);
    expect(summary.months).toHaveLength(12);
    // 23:30 on 31 October in Shenzhen is October, though it is 15:30 UTC.
    expect(summary.months[9]).toEqual({
      month: '2026-10',
      orders: 1,
      listFen: 256_00,
      revenuePaidFen: 179_20,
      subsidyFen: 76_80,
    });
    expect(summary.months[10]).toEqual({
      month: '2026-11',
      orders: 1,
      listFen: 256_00,
      revenuePaidFen: 179_20,
      subsidyFen: 76_80,
    });
    expect(summary.yearTotals).toEqual({
      orders: 2,
      listFen: 512_00,
      revenuePaidFen: 358_40,
      subsidyFen: 153_60,
    });
    expect(summary.allTime).toEqual(summary.yearTotals);
    expect(summary.toFulfil).toBe(2);
    // Nothing delivered, nothing paid out: the district owes both orders' subsidies once they are delivered.
    expect(summary.settlement).toEqual({
      dueFen: 0,
      awaitingDeliveryFen: 153_60,
      clawbackFen: 0,
      paidOutFen: 0,
    });
    const vendor = await (await h.callerFor('vendor')).providerOrders.summary({ year: 2026 });
    // 10 × 8.00 yuan = 80.00; Art. 9 at 30% = 24.00 owed by the district.
    expect(vendor.yearTotals).toEqual({
      orders: 1,
      listFen: 80_00,
      revenuePaidFen: 56_00,
      subsidyFen: 24_00,
    });
    expect(
      (await (await h.callerFor('provider')).providerOrders.summary({ year: 2025 })).yearTotals.orders,
    ).toBe(0);
  });

  it('exports the month as CSV: BOM, CRLF, yuan with two decimals from fen, totals of paid orders', async () => {
    const o = await purchases();
    const provider = await h.callerFor('provider');
    await provider.providerOrders.markDelivered({
      orderId: o.november,
      deliveryNote: '已交付, 见 "用量报表"',
    });
    const centre = await providerByName(h, DEMO_CENTRE);
    const file = await provider.providerOrders.statementCsv({ month: '2026-11' });
    expect(file.filename).toBe(`provider-statement-${centre.uscc}-2026-11.csv`);
    expect(file.mimeType).toMatch(/^text\/csv/);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(file.contentBase64, 'base64').toString('utf8')).toBe(file.content);
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = file.content.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const [header, ...rest] = lines.slice(0, -1);
    expect(header).toContain(
      '区补贴（元）/ Subsidy (CNY),交付时间 / Delivered (UTC+8),交付说明 / Delivery note,结算状态 / Settlement,' +
        '区财政已付（元）/ Paid out by the district (CNY),区财政待付（元）/ Still owed by the district (CNY)',
    );
    // The refunded order (paid in November) and the November order; the unpaid one is not in a statement.
    expect(rest).toHaveLength(3);
    const refundedRow = rest.find((l) => l.startsWith(o.refunded))!;
    expect(refundedRow).toContain('已退款 refunded');
    expect(refundedRow).toContain(',512.00,358.40,第六条 Art. 6,153.60,,,已冲销 reversed,0.00,0.00');
    const novemberRow = rest.find((l) => l.startsWith(o.november))!;
    expect(novemberRow).toBe(
      [
        o.november,
        '2026-11-28 11:00:00',
        '已支付 paid',
        '深圳智源未来科技有限公司',
        '91440305MA5F8K2L30',
        H800,
        'GPU·小时 GPU-hour',
        '8',
        '32.00',
        '256.00',
        '179.20',
        '第六条 Art. 6',
        '76.80',
        '2026-11-28 11:00:00',
        '"已交付, 见 ""用量报表"""',
        '待结算 due in the next payout',
        '0.00',
        '76.80',
      ].join(','),
    );
    // Totals: the paid order only.
    expect(rest.at(-1)).toBe(
      '合计（已支付）/ Total (paid),,1 笔 / orders,,,,,,,256.00,179.20,,76.80,,,,0.00,76.80',
    );
    const october = await provider.providerOrders.statementCsv({ month: '2026-10' });
    expect(october.content.split('\r\n').filter((l) => l.startsWith(o.october))).toHaveLength(1);
    const empty = await provider.providerOrders.statementCsv({ month: '2026-12' });
    expect(empty.content.split('\r\n')).toHaveLength(3); // header, totals, final line end
    await expectRefusal(provider.providerOrders.statementCsv({ month: '2026-13' }), 'BAD_REQUEST');
    await expectRefusal(provider.providerOrders.statementCsv({ month: '26-11' }), 'BAD_REQUEST');
  });

  it('shows what the district owes from the ledger: paid out is no longer owed, a refund after payout is owed back', async () => {
    const o = await purchases();
    const provider = await h.callerFor('provider');
    const admin = await h.callerFor('admin');
    const centre = await providerByName(h, DEMO_CENTRE);
    const standing = async () => (await provider.providerOrders.summary()).settlement;
    const statementRow = async (month: string, orderId: string) =>
      (await provider.providerOrders.statementCsv({ month })).content
        .split('\r\n')
        .find((l) => l.startsWith(orderId));

    await deliver(h, o.october);
    const first = await admin.admin.settlement.createBatch({});
    expect(first.totalFen).toBe(76_80);
    // The October subsidy was received: it is paid out, not owed; November's waits for delivery.
    expect(await standing()).toEqual({
      dueFen: 0,
      awaitingDeliveryFen: 76_80,
      clawbackFen: 0,
      paidOutFen: 76_80,
    });
    expect(await statementRow('2026-10', o.october)).toMatch(
      /,已结算 paid out NS-PAY-2026-0001,76\.80,0\.00$/,
    );
    expect(await statementRow('2026-11', o.november)).toMatch(/,待交付 awaiting delivery,0\.00,76\.80$/);

    await deliver(h, o.november);
    h.setNow('2026-11-28T04:00:00Z');
    await refundOrder(h.db, { orderId: o.october, actorUserId: null, now: h.now() });
    const afterRefund = await standing();
    expect(afterRefund).toEqual({
      dueFen: 76_80,
      awaitingDeliveryFen: 0,
      clawbackFen: -76_80,
      paidOutFen: 76_80,
    });
    expect(afterRefund.dueFen + afterRefund.awaitingDeliveryFen + afterRefund.clawbackFen).toBe(
      (await providerPayableBalances(h.db)).get(centre.id),
    );
    expect(await statementRow('2026-10', o.october)).toMatch(/,应退回 clawback owed,76\.80,-76\.80$/);

    await deliver(h, await buy(h, await h.callerFor('sme'), H800, 8));
    const second = await admin.admin.settlement.createBatch({ providerIds: [centre.id] });
    expect(second.totalFen).toBe(76_80 + 76_80 - 76_80);
    const summary = await provider.providerOrders.summary();
    expect(summary.settlement).toEqual({
      dueFen: 0,
      awaitingDeliveryFen: 0,
      clawbackFen: 0,
      paidOutFen: 153_60,
    });
    // What was paid out, net of the clawback, is the subsidy of the orders still paid.
    expect(summary.allTime.subsidyFen).toBe(153_60);
    expect(await statementRow('2026-10', o.october)).toMatch(/,已追回 clawed back,0\.00,0\.00$/);
    expect(await statementRow('2026-11', o.november)).toMatch(
      /,已结算 paid out NS-PAY-2026-0002,76\.80,0\.00$/,
    );
    const vendor = await (await h.callerFor('vendor')).providerOrders.summary();
    expect(vendor.settlement).toEqual({
      dueFen: 0,
      awaitingDeliveryFen: 24_00,
      clawbackFen: 0,
      paidOutFen: 0,
    });
  });

  it('keeps text from other parties from running as a spreadsheet formula', async () => {
    const provider = await h.callerFor('provider');
    const id = await offeringId(h, H800);
    await provider.offerings.update({ offeringId: id, title: '=HYPERLINK("http://evil")' });
    await buy(h, await h.callerFor('sme'), '=HYPERLINK("http://evil")', 8);
    const file = await provider.providerOrders.statementCsv({ month: '2026-11' });
    expect(file.content).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('amounts are exact for large sums (string arithmetic, never floats)', async () => {
    const sme = await h.callerFor('sme');
    const provider = await h.callerFor('provider');
    const id = await offeringId(h, A800);
    // 0.1 + 0.2 style traps: 1,234,567.89 yuan a card-month.
    await provider.offerings.update({ offeringId: id, unitPriceFen: 123_456_789 });
    await buy(h, sme, A800, 3);
    const file = await provider.providerOrders.statementCsv({ month: '2026-11' });
    expect(file.content).toContain(',1234567.89,3703703.67,');
  });
});
