import { schema } from '@nanshan/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { releaseExpiredReservations } from '../domains/orders/expire-orders';
import { releaseOrder } from '../domains/orders/settle-order';
import { CREATE_CHECKOUT as CREATE, CREATE_REFUND, startFakeStripe } from '../payments/fake-stripe-server';
import { createStripeClient, createStripeGateway } from '../payments/stripe';
import { createApp } from '../server/app';
import { createHarness, type Harness, moneySnapshot } from '../test/harness';
import { invariantViolations, openOrders } from '../test/invariants';
import { H800, offeringId } from '../test/purchases';
import { refundEvent, sessionEvent, signedWebhook, WEBHOOK_SECRET } from '../test/stripe-events';

// Faults on the Stripe side, through the real `stripe` client against the local stand-in: outages (500), timeouts,
// and webhooks duplicated, out of order, stale or forged. After each, every order is paid or released, nothing is
// counted twice, and the invariants hold. Runs on PGlite and on real Postgres.
/** The client tries 3 times (maxNetworkRetries 2); a fault on each is an outage the product sees. */
const ATTEMPTS = 3;

let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let h: Harness;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  fake = await startFakeStripe();
  // A short request timeout, so a hung request times out within the test.
  const stripe = createStripeClient('sk_test_faults', { ...fake.endpoint, timeout: 300 });
  h = await createHarness({ payments: createStripeGateway({ stripe, publicUrl: 'http://localhost:3000' }) });
  app = createApp({
    database: h.database,
    auth: h.auth,
    payments: h.payments,
    now: h.now,
    stripeWebhook: { stripe, webhookSecret: WEBHOOK_SECRET },
  });
  await h.reset();
});
afterAll(async () => {
  await h.close();
  await fake.close();
});
beforeEach(() => h.setNow('2026-11-28T02:00:00Z'));

let keys = 0;
/** An order request the buyer can repeat (same idempotency key); resolves to the order row. */
async function orderRequest() {
  const sme = await h.callerFor('sme');
  const input = {
    offeringId: await offeringId(h, H800),
    quantity: 100,
    idempotencyKey: `fault-stripe-${++keys}`,
    notRelatedDeclared: true,
  };
  return {
    place: async () => orderRow((await sme.orders.place(input)).orderId),
    row: async () => {
      const [o] = await h.db
        .select()
        .from(schema.orders)
        .where(eq(schema.orders.idempotencyKey, input.idempotencyKey));
      return o;
    },
  };
}

async function orderRow(orderId: string) {
  const [o] = await h.db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
  return o!;
}

function injectOutage(path: RegExp, fault: { status: number } | { hang: true }) {
  for (let i = 0; i < ATTEMPTS; i++) fake.inject(path, fault);
}

const webhook = (event: object, options?: Parameters<typeof signedWebhook>[1]) =>
  app.request('/api/stripe/webhook', signedWebhook(event, options));

const sweep = (at: string) => releaseExpiredReservations(h.db, h.payments, new Date(at));

/**
 * Cancels the order in the database only, leaving its Checkout session open — as a release that did not close the
 * payment did (before cancel closed it), so the buyer can still pay a closed order.
 */
const closeWithoutTheGateway = (orderId: string) =>
  releaseOrder(h.db, { orderId, status: 'cancelled', actorUserId: null, now: h.now() });

describe('Stripe down or slow when the payment is created', () => {
  it('500 on every attempt: the order keeps its reservation, the buyer’s retry opens exactly one payment', async () => {
    const request = await orderRequest();
    injectOutage(CREATE, { status: 500 });
    await expect(request.place()).rejects.toThrow();
    const stranded = (await request.row())!;
    expect(stranded).toMatchObject({ status: 'awaiting_payment', paymentRef: null, subsidyFen: 96_000 });
    expect(await invariantViolations(h.db)).toEqual([]);

    const order = await request.place();
    expect(order.id).toBe(stranded.id);
    expect(order.paymentRef).toMatch(/^cs_test_/);
    const sessions = fake.sessionIds().length;
    expect((await request.place()).paymentRef).toBe(order.paymentRef);
    expect(fake.sessionIds()).toHaveLength(sessions);
    expect(
      await (await webhook(sessionEvent('checkout.session.completed', order.paymentRef!))).json(),
    ).toMatchObject({ outcome: 'paid' });
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('500 and never retried: the sweeper releases it, and a late retry opens no payment for the expired order', async () => {
    const request = await orderRequest();
    injectOutage(CREATE, { status: 500 });
    await expect(request.place()).rejects.toThrow();
    const sessions = fake.sessionIds().length;
    await sweep('2026-11-28T02:31:00Z');
    expect(await request.row()).toMatchObject({ status: 'expired', paymentRef: null });
    expect(await request.place()).toMatchObject({ status: 'expired', paymentRef: null, checkoutUrl: null });
    expect(fake.sessionIds()).toHaveLength(sessions);
    expect(await openOrders(h.db)).toEqual([]);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('a timeout after Stripe created the session: the retry with the same idempotency key gets that session', async () => {
    const once = await orderRequest();
    let sessions = fake.sessionIds().length;
    fake.inject(CREATE, { hang: true }); // created, answer lost; the client's own retry gets the replay
    const order = await once.place();
    expect(fake.sessionIds()).toHaveLength(sessions + 1);
    expect(order.paymentRef).toBe(fake.sessionIds().at(-1));

    const persistent = await orderRequest();
    sessions = fake.sessionIds().length;
    injectOutage(CREATE, { hang: true });
    await expect(persistent.place()).rejects.toThrow();
    expect((await persistent.row())!.paymentRef).toBeNull();
    const retried = await persistent.place();
    expect(fake.sessionIds()).toHaveLength(sessions + 1);
    expect(retried.paymentRef).toBe(fake.sessionIds().at(-1));
    await webhook(sessionEvent('checkout.session.completed', order.paymentRef!));
    await webhook(sessionEvent('checkout.session.completed', retried.paymentRef!));
    expect(await openOrders(h.db)).toEqual([]);
    expect(await invariantViolations(h.db)).toEqual([]);
  });
});

describe('Stripe down when the sweeper closes a session', () => {
  it('that order stays due while the others expire, and the next sweep expires it', async () => {
    const a = await (await orderRequest()).place();
    const b = await (await orderRequest()).place();
    injectOutage(new RegExp(`^/v1/checkout/sessions/${a.paymentRef}(/expire)?$`), { status: 500 });
    await expect(sweep('2026-11-28T02:31:00Z')).rejects.toThrow(AggregateError);
    expect((await orderRow(a.id)).status).toBe('awaiting_payment');
    expect((await orderRow(b.id)).status).toBe('expired');
    expect(await invariantViolations(h.db)).toEqual([]);
    expect(await sweep('2026-11-28T02:32:00Z')).toBe(1);
    expect((await orderRow(a.id)).status).toBe('expired');
    expect(await openOrders(h.db)).toEqual([]);
    expect(await invariantViolations(h.db)).toEqual([]);
  });
});

describe('Stripe down or already done when a payment for a closed order is refunded', () => {
  it('500 on the refund: the webhook answers 500 and records nothing; Stripe’s retry refunds it once', async () => {
    const order = await (await orderRequest()).place();
    await closeWithoutTheGateway(order.id);
    const before = await moneySnapshot(h);
    const completion = sessionEvent('checkout.session.completed', order.paymentRef!);
    injectOutage(CREATE_REFUND, { status: 500 });
    expect((await webhook(completion)).status).toBe(500);
    expect(
      await h.db.select().from(schema.paymentEvents).where(eq(schema.paymentEvents.eventId, completion.id)),
    ).toEqual([]);
    expect(fake.refundedIntents()).not.toContain(`pi_${order.paymentRef}`);
    expect(await (await webhook(completion)).json()).toMatchObject({ outcome: 'refunded_closed_order' });
    expect(fake.refundedIntents().filter((pi) => pi === `pi_${order.paymentRef}`)).toHaveLength(1);
    expect(await moneySnapshot(h)).toEqual(before);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('already refunded at Stripe (from the dashboard): recorded as refunded, nothing refunded twice', async () => {
    const order = await (await orderRequest()).place();
    await closeWithoutTheGateway(order.id);
    await createStripeClient('sk_test_faults', fake.endpoint).refunds.create({
      payment_intent: `pi_${order.paymentRef}`,
    });
    const completion = sessionEvent('checkout.session.completed', order.paymentRef!);
    expect(await (await webhook(completion)).json()).toMatchObject({ outcome: 'refunded_closed_order' });
    expect(fake.refundedIntents().filter((pi) => pi === `pi_${order.paymentRef}`)).toHaveLength(1);
    expect(await invariantViolations(h.db)).toEqual([]);
  });
});

describe('Stripe down or racing when an order is closed', () => {
  it('down when the buyer cancels: the cancel fails and changes nothing; the next one closes session and order', async () => {
    const order = await (await orderRequest()).place();
    const sme = await h.callerFor('sme');
    const before = await moneySnapshot(h);
    injectOutage(new RegExp(`^/v1/checkout/sessions/${order.paymentRef}(/expire)?$`), { status: 500 });
    await expect(sme.orders.cancel({ orderId: order.id })).rejects.toThrow();
    expect(await moneySnapshot(h)).toEqual(before);
    expect(fake.sessionStatus(order.paymentRef!)).toBe('open');
    expect((await sme.orders.cancel({ orderId: order.id })).status).toBe('cancelled');
    expect(fake.sessionStatus(order.paymentRef!)).toBe('expired');
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('a retry whose payment is created while the sweeper expires the order: that payment is closed, no link stored', async () => {
    const request = await orderRequest();
    injectOutage(CREATE, { status: 500 });
    await expect(request.place()).rejects.toThrow();
    // The buyer retries at the last second; the sweeper expires the order while Stripe creates the session.
    fake.inject(CREATE, { onArrival: () => sweep('2026-11-28T02:31:00Z') });
    const late = await request.place();
    expect(late).toMatchObject({ status: 'expired', paymentRef: null, checkoutUrl: null });
    const session = fake.sessionIds().at(-1)!;
    expect(fake.sessionStatus(session)).toBe('expired');
    expect(await openOrders(h.db)).toEqual([]);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('an order released unpaid only if it still has the payment that was closed: one opened meanwhile stays open', async () => {
    const request = await orderRequest();
    injectOutage(CREATE, { status: 500 });
    await expect(request.place()).rejects.toThrow();
    const stranded = (await request.row())!;
    // The sweeper (or a cancel) read the order without a payment; a retry opens one before the release locks it.
    const withPayment = await request.place();
    await expect(
      releaseOrder(h.db, {
        orderId: stranded.id,
        status: 'expired',
        actorUserId: null,
        now: h.now(),
        paymentRef: stranded.paymentRef,
      }),
    ).rejects.toMatchObject({ cause: { reason: 'order_payment_changed' } });
    expect((await orderRow(stranded.id)).status).toBe('awaiting_payment');
    // The next sweep reads the payment, closes it, and then expires the order.
    expect(await sweep('2026-11-28T02:31:00Z')).toBe(1);
    expect(fake.sessionStatus(withPayment.paymentRef!)).toBe('expired');
    expect(await openOrders(h.db)).toEqual([]);
    expect(await invariantViolations(h.db)).toEqual([]);
  });
});

describe('webhooks duplicated, out of order, stale or forged', () => {
  it('the same completion delivered twice at once is counted once', async () => {
    const order = await (await orderRequest()).place();
    const event = sessionEvent('checkout.session.completed', order.paymentRef!);
    const answers = await Promise.all([webhook(event), webhook(event)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const outcomes = await Promise.all(
      answers.map(async (a) => ((await a.json()) as { outcome: string }).outcome),
    );
    expect(outcomes.sort()).toEqual(['duplicate', 'paid']);
    expect((await orderRow(order.id)).status).toBe('paid');
    expect(
      await h.db.select().from(schema.paymentEvents).where(eq(schema.paymentEvents.eventId, event.id)),
    ).toMatchObject([{ orderId: order.id }]);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('out of order: a completion after the order closed changes no money and is refunded through Stripe, once', async () => {
    const order = await (await orderRequest()).place();
    await webhook(sessionEvent('checkout.session.expired', order.paymentRef!, { payment_status: 'unpaid' }));
    const before = await moneySnapshot(h);
    const late = sessionEvent('checkout.session.completed', order.paymentRef!);
    expect(await (await webhook(late)).json()).toMatchObject({ outcome: 'refunded_closed_order' });
    const refund = fake.requests.filter(
      (r) => r.path === '/v1/refunds' && r.form.get('payment_intent') === `pi_${order.paymentRef}`,
    );
    expect(refund).toHaveLength(1);
    expect(refund[0]!.headers['idempotency-key']).toBe(`order-refund-pi_${order.paymentRef}`);
    // A replay is a duplicate; the same payment notified again (another event) is refunded by Stripe only once.
    expect(await (await webhook(late)).json()).toMatchObject({ outcome: 'duplicate' });
    const again = sessionEvent('checkout.session.async_payment_succeeded', order.paymentRef!);
    expect(await (await webhook(again)).json()).toMatchObject({ outcome: 'refunded_closed_order' });
    expect(fake.refundedIntents().filter((pi) => pi === `pi_${order.paymentRef}`)).toHaveLength(1);
    expect(await moneySnapshot(h)).toEqual(before);
    expect(await orderRow(order.id)).toMatchObject({
      status: 'expired',
      paymentIntentRef: `pi_${order.paymentRef}`,
    });
    const audit = await h.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.targetId, order.id), eq(schema.auditLog.action, 'order.payment_refunded')),
      );
    expect(audit).toHaveLength(2);
    expect(
      await h.db.select().from(schema.paymentEvents).where(eq(schema.paymentEvents.eventId, late.id)),
    ).toMatchObject([{ orderId: order.id }]);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('out of order: a refund before or at the same time as its completion ends refunded, subsidy reversed', async () => {
    const counters = async () => {
      const { usage, fund } = await moneySnapshot(h);
      return { usage, fund };
    };
    const before = await counters();
    for (const deliver of ['refund first', 'at once', 'at once, completion sent first'] as const) {
      const order = await (await orderRequest()).place();
      const refund = refundEvent(order);
      const completion = sessionEvent('checkout.session.completed', order.paymentRef!);
      if (deliver === 'refund first') {
        await webhook(refund);
        await webhook(completion);
      } else {
        const events = deliver === 'at once' ? [refund, completion] : [completion, refund];
        const answers = await Promise.all(events.map((event) => webhook(event)));
        expect(answers.map((a) => a.status)).toEqual([200, 200]);
      }
      expect((await orderRow(order.id)).status).toBe('refunded');
    }
    expect(await counters()).toEqual(before);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('a failure of ours while applying answers 500 and records nothing; Stripe’s retry applies the event once', async () => {
    const order = await (await orderRequest()).place();
    const event = sessionEvent('checkout.session.completed', order.paymentRef!);
    const before = await moneySnapshot(h);
    // The order's transition fails after its subsidy was posted, in the same transaction as the event id.
    await h.db.execute(
      sql.raw(`alter table orders add constraint fault_not_paid check (status <> 'paid') not valid`),
    );
    try {
      expect((await webhook(event)).status).toBe(500);
    } finally {
      await h.db.execute(sql.raw('alter table orders drop constraint fault_not_paid'));
    }
    expect(
      await h.db.select().from(schema.paymentEvents).where(eq(schema.paymentEvents.eventId, event.id)),
    ).toEqual([]);
    expect((await orderRow(order.id)).status).toBe('awaiting_payment');
    expect(await moneySnapshot(h)).toEqual(before);
    expect(await invariantViolations(h.db)).toEqual([]);
    expect(await (await webhook(event)).json()).toMatchObject({ outcome: 'paid' });
    expect(await (await webhook(event)).json()).toMatchObject({ outcome: 'duplicate' });
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('stale events for a refunded order (its old completion, an expiry, a second refund) change nothing', async () => {
    const order = await (await orderRequest()).place();
    const completed = sessionEvent('checkout.session.completed', order.paymentRef!);
    await webhook(completed);
    await webhook(refundEvent(order));
    expect((await orderRow(order.id)).status).toBe('refunded');
    const before = await moneySnapshot(h);
    const stale = [
      { ...completed, id: `${completed.id}_redelivered` },
      sessionEvent('checkout.session.expired', order.paymentRef!, { payment_status: 'unpaid' }),
      refundEvent(order),
    ];
    for (const event of stale) expect((await webhook(event)).status).toBe(200);
    expect(await moneySnapshot(h)).toEqual(before);
    expect(await invariantViolations(h.db)).toEqual([]);
  });

  it('forged: a body changed after signing, or signed with another secret, is refused (400) and changes nothing', async () => {
    const order = await (await orderRequest()).place();
    const before = await moneySnapshot(h);
    const events = await h.db.select().from(schema.paymentEvents);
    const genuine = signedWebhook(sessionEvent('checkout.session.expired', order.paymentRef!));
    const tampered = {
      ...genuine,
      body: JSON.stringify(sessionEvent('checkout.session.completed', order.paymentRef!)),
    };
    expect((await app.request('/api/stripe/webhook', tampered)).status).toBe(400);
    const otherSecret = sessionEvent('checkout.session.completed', order.paymentRef!);
    expect((await webhook(otherSecret, { secret: 'whsec_forged' })).status).toBe(400);
    expect(await moneySnapshot(h)).toEqual(before);
    expect(await h.db.select().from(schema.paymentEvents)).toEqual(events);
    expect((await orderRow(order.id)).status).toBe('awaiting_payment');
    await sweep('2026-11-28T02:31:00Z');
    expect(await openOrders(h.db)).toEqual([]);
    expect(await invariantViolations(h.db)).toEqual([]);
  });
});
