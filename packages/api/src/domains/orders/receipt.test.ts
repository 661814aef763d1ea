import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, moneySnapshot } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { AI_API, buy, H800, offeringId } from '../../test/purchases';
import { refundOrder } from './settle-order';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

describe('orders.receipt', () => {
  it('shows everything a printable receipt needs, with the subsidy, its article and the trace', async () => {
    const sme = await h.callerFor('sme');
    const orderId = await buy(h, sme, H800, 100, { payAt: '2026-11-28T02:05:00Z' });
    const receipt = await sme.orders.receipt({ orderId });
    expect(receipt).toMatchObject({
      orderId,
      status: 'paid',
      placedAt: new Date('2026-11-28T02:00:00Z'),
      paidAt: new Date('2026-11-28T02:05:00Z'),
      refundedAt: null,
      buyer: { name: '深圳智源未来科技有限公司', uscc: '91440305MA5F8K2L30', district: '南山区' },
      provider: {
        name: '南山智算中心',
        uscc: '91440305MA5H3Q9R6Q',
        kind: 'computing_centre',
        city: '深圳市',
      },
      item: {
        offeringId: await offeringId(h, H800),
        title: H800,
        unit: 'gpu_hour',
        gpuModel: 'NVIDIA H800 80GB',
      },
      quantity: 100,
      unitPriceFen: 3200,
      listPriceFen: 320_000,
      subsidy: { amountFen: 96_000, article: 'art6', reasons: [] },
      payableFen: 224_000,
      payment: {
        gateway: 'simulated',
        reference: `sim_${orderId}`,
        paidAt: new Date('2026-11-28T02:05:00Z'),
      },
      notRelatedDeclared: true,
    });
    expect(receipt.listPriceFen).toBe(receipt.subsidy.amountFen + receipt.payableFen);
    expect(receipt.subsidy.trace.length).toBeGreaterThan(2);
    for (const step of receipt.subsidy.trace) {
      expect(step.zh).toBeTruthy();
      expect(step.en).toBeTruthy();
    }
    expect(receipt.subsidy.rulesetVersion).toMatch(/^nanshan-ai-measures/);
  });

  it('keeps the price paid after the provider changes its price', async () => {
    const sme = await h.callerFor('sme');
    const orderId = await buy(h, sme, AI_API, 1000);
    await h.db
      .update(schema.offerings)
      .set({ unitPriceFen: 99_900 })
      .where(eq(schema.offerings.id, await offeringId(h, AI_API)));
    expect(await sme.orders.receipt({ orderId })).toMatchObject({
      unitPriceFen: 800,
      listPriceFen: 800_000,
      subsidy: { amountFen: 240_000, article: 'art9' },
      payableFen: 560_000,
    });
  });

  it('marks a refunded order, and gives no receipt for money that never moved', async () => {
    const sme = await h.callerFor('sme');
    const refunded = await buy(h, sme, H800, 8);
    h.setNow('2026-11-29T02:00:00Z');
    await refundOrder(h.db, { orderId: refunded, actorUserId: null, now: h.now() });
    expect(await sme.orders.receipt({ orderId: refunded })).toMatchObject({
      status: 'refunded',
      refundedAt: new Date('2026-11-29T02:00:00Z'),
    });
    const open = await buy(h, sme, H800, 8, { pay: false });
    await expectRefusal(sme.orders.receipt({ orderId: open }), 'PRECONDITION_FAILED', 'order_not_paid');
    await sme.orders.cancel({ orderId: open });
    await expectRefusal(sme.orders.receipt({ orderId: open }), 'PRECONDITION_FAILED', 'order_not_paid');
  });

  it("reports another enterprise's order as missing and refuses other roles, changing nothing", async () => {
    const large = await h.callerFor('large');
    const theirs = await buy(h, large, AI_API, 1000);
    const before = await moneySnapshot(h);
    const sme = await h.callerFor('sme');
    await expectRefusal(sme.orders.receipt({ orderId: theirs }), 'NOT_FOUND', 'order_not_found');
    await expectRefusal(
      sme.orders.receipt({ orderId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      'order_not_found',
    );
    for (const who of ['provider', 'admin'] as const) {
      await expectRefusal((await h.callerFor(who)).orders.receipt({ orderId: theirs }), 'FORBIDDEN');
    }
    await expectRefusal((await h.callerFor(null)).orders.receipt({ orderId: theirs }), 'UNAUTHORIZED');
    await expectRefusal(sme.orders.receipt({ orderId: 'not-a-uuid' }), 'BAD_REQUEST');
    expect(await moneySnapshot(h)).toEqual(before);
  });
});
