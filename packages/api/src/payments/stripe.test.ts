import { randomUUID } from 'node:crypto';
import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { releaseExpiredReservations } from '../domains/orders/expire-orders';
import { createApp } from '../server/app';
import { createHarness, type Harness } from '../test/harness';
import { invariantViolations } from '../test/invariants';
import { AI_API, offeringId } from '../test/purchases';
import { refundEvent, sessionEvent, signedWebhook, WEBHOOK_SECRET } from '../test/stripe-events';
import { startFakeStripe } from './fake-stripe-server';
import { createStripeClient, createStripeGateway } from './stripe';

let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let h: Harness;
let app: ReturnType<typeof createApp>;
const stripe = () => createStripeClient('sk_test_123', fake.endpoint);

beforeAll(async () => {
  fake = await startFakeStripe();
  h = await createHarness({
    payments: createStripeGateway({ stripe: stripe(), publicUrl: 'http://localhost:3000' }),
  });
  app = createApp({
    database: h.database,
    auth: h.auth,
    payments: h.payments,
    now: h.now,
    stripeWebhook: { stripe: stripe(), webhookSecret: WEBHOOK_SECRET },
  });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});
beforeEach(async () => {
  await h.reset();
  fake.requests.length = 0;
  h.setNow('2026-11-28T02:00:00Z');
});

async function placeH800(key: string) {
  const sme = await h.callerFor('sme');
  const [o] = await h.db
    .select()
    .from(schema.offerings)
    .where(eq(schema.offerings.title, 'NVIDIA H800 训练集群 · 8 卡节点'));
  const { orderId } = await sme.orders.place({
    offeringId: o!.id,
    quantity: 100,
    idempotencyKey: key,
    notRelatedDeclared: true,
  });
  const [order] = await h.db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
  return order!;
}

function webhook(event: object, options: { secret?: string; timestamp?: number } = {}) {
  return app.request('/api/stripe/webhook', signedWebhook(event, options));
}

async function state(orderId: string) {
  const [order] = await h.db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
  const [usage] = await h.db
    .select()
    .from(schema.subsidyUsage)
    .where(eq(schema.subsidyUsage.enterpriseId, order!.enterpriseId));
  const [fund] = await h.db.select().from(schema.fundYears).where(eq(schema.fundYears.year, 2026));
  return {
    status: order!.status,
    granted: usage!.grantedFen,
    reserved: usage!.reservedFen,
    committed: fund!.committedFen,
    fundReserved: fund!.reservedFen,
  };
}

describe('Stripe Checkout through the real stripe client', () => {
  it('creates the payment for the buyer share in CNY with the order metadata and an idempotency key', async () => {
    const order = await placeH800('stripe-create-1');
    const create = fake.requests.find((r) => r.path === '/v1/checkout/sessions')!;
    expect(create.method).toBe('POST');
    expect(create.headers['idempotency-key']).toBe(`order-payment-${order.id}`);
    expect(create.headers.authorization).toBe('Bearer sk_test_123');
    expect(create.form.get('line_items[0][price_data][currency]')).toBe('cny');
    expect(create.form.get('line_items[0][price_data][unit_amount]')).toBe(String(order.payableFen));
    expect(order.payableFen).toBe(320_000 - 96_000);
    expect(create.form.get('metadata[orderId]')).toBe(order.id);
    expect(create.form.get('metadata[subsidyFen]')).toBe('96000');
    expect(create.form.get('client_reference_id')).toBe(order.id);
    expect(order.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect(order.paymentGateway).toBe('stripe');
  });

  it('marks the order paid on a signed completion event, once, even when Stripe replays it', async () => {
    const order = await placeH800('stripe-paid-1');
    const event = sessionEvent('checkout.session.completed', order.paymentRef!);
    const first = await webhook(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: 'paid' });
    expect(await state(order.id)).toMatchObject({
      status: 'paid',
      granted: 96_000,
      reserved: 0,
      committed: 96_000,
    });
    const replay = await webhook(event);
    expect(await replay.json()).toMatchObject({ outcome: 'duplicate' });
    expect(await state(order.id)).toMatchObject({ granted: 96_000, committed: 96_000 });
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('refuses a bad signature and a stale timestamp without changing anything', async () => {
    const order = await placeH800('stripe-badsig-1');
    const before = await state(order.id);
    expect(
      (
        await webhook(sessionEvent('checkout.session.completed', order.paymentRef!), {
          secret: 'whsec_wrong',
        })
      ).status,
    ).toBe(400);
    const stale = Math.floor(Date.now() / 1000) - 301;
    expect(
      (await webhook(sessionEvent('checkout.session.completed', order.paymentRef!), { timestamp: stale }))
        .status,
    ).toBe(400);
    const unsigned = await app.request('/api/stripe/webhook', {
      method: 'POST',
      body: JSON.stringify(sessionEvent('checkout.session.completed', order.paymentRef!)),
    });
    expect(unsigned.status).toBe(400);
    expect(await state(order.id)).toEqual(before);
    expect(await h.db.select().from(schema.paymentEvents)).toHaveLength(0);
  });

  it('ignores an expiry that arrives after the payment (out of order)', async () => {
    const order = await placeH800('stripe-order-1');
    await webhook(sessionEvent('checkout.session.completed', order.paymentRef!));
    const late = await webhook(
      sessionEvent('checkout.session.expired', order.paymentRef!, { payment_status: 'unpaid' }),
    );
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ outcome: 'ignored:order_not_open' });
    expect(await state(order.id)).toMatchObject({ status: 'paid', granted: 96_000 });
  });

  it('releases the reservation when an async payment fails or the session expires', async () => {
    const a = await placeH800('stripe-fail-1');
    const b = await placeH800('stripe-expire-1');
    await webhook(
      sessionEvent('checkout.session.async_payment_failed', a.paymentRef!, { payment_status: 'unpaid' }),
    );
    await webhook(sessionEvent('checkout.session.expired', b.paymentRef!, { payment_status: 'unpaid' }));
    expect(await state(a.id)).toMatchObject({ status: 'failed', reserved: 0, fundReserved: 0 });
    expect((await state(b.id)).status).toBe('expired');
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('waits for an async method (e.g. a bank transfer) before granting', async () => {
    const order = await placeH800('stripe-async-1');
    const res = await webhook(
      sessionEvent('checkout.session.completed', order.paymentRef!, { payment_status: 'unpaid' }),
    );
    expect(await res.json()).toMatchObject({ outcome: 'awaiting_async_payment' });
    expect(await state(order.id)).toMatchObject({ status: 'awaiting_payment', reserved: 96_000 });
    await webhook(sessionEvent('checkout.session.async_payment_succeeded', order.paymentRef!));
    expect(await state(order.id)).toMatchObject({ status: 'paid', granted: 96_000 });
  });

  /** A refunded order whose subsidy went back: nothing granted, reserved or committed, for it or in the fund. */
  const REFUNDED_AND_RESTORED = {
    status: 'refunded',
    granted: 0,
    reserved: 0,
    committed: 0,
    fundReserved: 0,
  };

  it('reverses the subsidy on a full refund and restores the cap and the fund', async () => {
    const order = await placeH800('stripe-refund-1');
    await webhook(sessionEvent('checkout.session.completed', order.paymentRef!));
    expect(await (await webhook(refundEvent(order, 100))).json()).toMatchObject({
      outcome: 'partial_refund_ignored',
    });
    expect((await state(order.id)).status).toBe('paid');
    expect(await (await webhook(refundEvent(order))).json()).toMatchObject({ outcome: 'refunded' });
    expect(await state(order.id)).toMatchObject(REFUNDED_AND_RESTORED);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('applies a refund that Stripe delivers before the completion when the completion arrives', async () => {
    const order = await placeH800('stripe-refund-early-1');
    const refund = refundEvent(order);
    expect(await (await webhook(refund)).json()).toMatchObject({ outcome: 'refund_awaiting_payment' });
    expect(await state(order.id)).toMatchObject({ status: 'awaiting_payment', reserved: 96_000 });
    const completion = await webhook(sessionEvent('checkout.session.completed', order.paymentRef!));
    expect(await completion.json()).toMatchObject({ outcome: 'paid_then_refunded' });
    expect(await state(order.id)).toMatchObject(REFUNDED_AND_RESTORED);
    expect(await (await webhook(refund)).json()).toMatchObject({ outcome: 'duplicate' });
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('a partial refund before the completion is not held for it; a later full refund reverses the subsidy', async () => {
    const order = await placeH800('stripe-refund-early-2');
    expect(await (await webhook(refundEvent(order, 100))).json()).toMatchObject({
      outcome: 'partial_refund_ignored',
    });
    await webhook(sessionEvent('checkout.session.completed', order.paymentRef!));
    expect(await state(order.id)).toMatchObject({ status: 'paid', granted: 96_000 });
    expect(await (await webhook(refundEvent(order))).json()).toMatchObject({ outcome: 'refunded' });
    expect(await state(order.id)).toMatchObject({ status: 'refunded', granted: 0, committed: 0 });
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('acknowledges a refund for an order never paid or not ours, so Stripe does not retry it', async () => {
    const order = await placeH800('stripe-refund-stray-1');
    await webhook(sessionEvent('checkout.session.expired', order.paymentRef!, { payment_status: 'unpaid' }));
    const before = await state(order.id);
    const stray = [
      [refundEvent(order), 'ignored:order_not_refundable'],
      [refundEvent({ ...order, id: randomUUID() }), 'unknown_order'],
      [refundEvent({ ...order, id: 'not-an-order' }), 'unknown_order'],
    ] as const;
    for (const [event, outcome] of stray) {
      const res = await webhook(event);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ outcome });
    }
    expect(await state(order.id)).toEqual(before);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('cancels an order only after closing its Checkout session, so a cancelled order cannot be paid', async () => {
    const order = await placeH800('stripe-cancel-1');
    const sme = await h.callerFor('sme');
    expect((await sme.orders.cancel({ orderId: order.id })).status).toBe('cancelled');
    expect(fake.requests.some((r) => r.path === `/v1/checkout/sessions/${order.paymentRef}/expire`)).toBe(
      true,
    );
    expect(fake.sessionStatus(order.paymentRef!)).toBe('expired');
    expect(await state(order.id)).toMatchObject({ status: 'cancelled', reserved: 0, fundReserved: 0 });
    expect((await sme.orders.cancel({ orderId: order.id })).status).toBe('cancelled'); // a repeat is a no-op
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('refuses to cancel an order the buyer has just paid at Stripe; the completion then pays it', async () => {
    const order = await placeH800('stripe-cancel-paid-1');
    fake.markPaid(order.paymentRef!);
    const sme = await h.callerFor('sme');
    await expect(sme.orders.cancel({ orderId: order.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { reason: 'payment_in_progress' },
    });
    expect(await state(order.id)).toMatchObject({ status: 'awaiting_payment', reserved: 96_000 });
    await webhook(sessionEvent('checkout.session.completed', order.paymentRef!));
    expect(await state(order.id)).toMatchObject({ status: 'paid', granted: 96_000, reserved: 0 });
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('after a switch from the simulated gateway, expires its orders without asking Stripe, and the others too', async () => {
    const before = await placeH800('stripe-switch-1');
    // Created while the server ran the simulated gateway.
    await h.db
      .update(schema.orders)
      .set({ paymentGateway: 'simulated', paymentRef: `sim_${before.id}`, checkoutUrl: null })
      .where(eq(schema.orders.id, before.id));
    const after = await placeH800('stripe-switch-2');
    expect(await releaseExpiredReservations(h.db, h.payments, new Date('2026-11-28T02:31:00Z'))).toBe(2);
    expect(fake.requests.some((r) => r.path.includes('sim_'))).toBe(false);
    expect(fake.sessionStatus(after.paymentRef!)).toBe('expired');
    expect((await state(before.id)).status).toBe('expired');
    expect(await state(after.id)).toMatchObject({ status: 'expired', reserved: 0, fundReserved: 0 });
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('pays an order with nothing to pay when it is placed, without opening a Checkout session', async () => {
    // A batch rate of 100% (Art. 9, set by the bureau) leaves the buyer nothing to pay.
    const admin = await h.callerFor('admin');
    const draft = await admin.admin.parameters.draft({
      key: 'art9.batchRateBps',
      value: { industry: 10_000, services: 10_000, other: 10_000 },
      fromDate: '2026-11-29',
      reason: '区科技创新局通知〔2026〕12号',
    });
    await admin.admin.parameters.publish({ id: draft.id, reason: '局务会通过' });
    h.setNow('2026-11-29T02:00:00Z');
    const buyer = await h.callerFor('large');
    const { orderId } = await buyer.orders.place({
      offeringId: await offeringId(h, AI_API),
      quantity: 1000,
      idempotencyKey: 'stripe-zero-1',
      notRelatedDeclared: true,
    });
    const [order] = await h.db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
    expect(order).toMatchObject({ status: 'paid', subsidyFen: 800_000, payableFen: 0, paymentRef: null });
    expect(fake.requests.filter((r) => r.path.startsWith('/v1/checkout/sessions'))).toEqual([]);
    expect(await state(orderId)).toMatchObject({ granted: 800_000, reserved: 0, committed: 800_000 });
    // Its retry returns it as it is; the sweeper has nothing to release.
    expect(
      await buyer.orders.place({
        offeringId: order!.offeringId,
        quantity: 1000,
        idempotencyKey: 'stripe-zero-1',
        notRelatedDeclared: true,
      }),
    ).toEqual({ orderId });
    expect(await releaseExpiredReservations(h.db, h.payments, new Date('2026-11-29T03:00:00Z'))).toBe(0);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('treats a completed session that required no payment as settled', async () => {
    const order = await placeH800('stripe-no-payment-1');
    const res = await webhook(
      sessionEvent('checkout.session.completed', order.paymentRef!, {
        payment_status: 'no_payment_required',
        payment_intent: null,
      }),
    );
    expect(await res.json()).toMatchObject({ outcome: 'paid' });
    expect(await state(order.id)).toMatchObject({ status: 'paid', granted: 96_000 });
  });

  it('expires an unpaid order only after closing its Checkout session, and never one just paid', async () => {
    const unpaid = await placeH800('stripe-sweep-1');
    const justPaid = await placeH800('stripe-sweep-2');
    fake.markPaid(justPaid.paymentRef!);
    expect(await releaseExpiredReservations(h.db, h.payments, new Date('2026-11-28T02:31:00Z'))).toBe(1);
    expect(fake.requests.some((r) => r.path === `/v1/checkout/sessions/${unpaid.paymentRef}/expire`)).toBe(
      true,
    );
    expect((await state(unpaid.id)).status).toBe('expired');
    expect((await state(justPaid.id)).status).toBe('awaiting_payment');
  });
});
