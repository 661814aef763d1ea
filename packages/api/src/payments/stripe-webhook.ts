import { type Db, schema, type Tx } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { z } from 'zod';
import { completePayment, refundOrder, releaseOrder } from '../domains/orders/settle-order';
import { DomainError } from '../errors';

export interface StripeWebhookDeps {
  db: Db;
  stripe: Stripe;
  webhookSecret: string;
  now: () => Date;
  /** Seconds a signature stays valid (replay protection); Stripe's default is 300. */
  toleranceSeconds?: number;
}

export type WebhookOutcome = { status: 200 | 400; body: { received: boolean; outcome: string } };

/** What an event did; `orderId` when it moved that order (or, for a refund before its payment, will). */
type Applied = { outcome: string; orderId?: string };

/**
 * `/api/stripe/webhook`: verifies the signature (with timestamp tolerance), then records the event id and moves the
 * order in one transaction: the event is recorded if and only if its effect committed, and a replay of a recorded
 * event is answered `duplicate`. Events may arrive twice or in any order: a transition that already happened is a
 * no-op, one that no longer applies (a late "expired" after "paid") is acknowledged and ignored, so Stripe stops
 * retrying, and a refund that comes before its payment is applied when the payment arrives.
 */
export async function handleStripeWebhook(
  deps: StripeWebhookDeps,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookOutcome> {
  let event: Stripe.Event;
  try {
    event = deps.stripe.webhooks.constructEvent(
      rawBody,
      signature ?? '',
      deps.webhookSecret,
      deps.toleranceSeconds ?? 300,
    );
  } catch {
    return { status: 400, body: { received: false, outcome: 'bad_signature' } };
  }
  // A failure of ours (not a domain refusal) rolls everything back and answers 500, so Stripe's retry is processed.
  const outcome = await deps.db.transaction(async (tx) => {
    // A concurrent delivery of the same event waits on this row until the first commits (then it is a duplicate)
    // or rolls back (then it applies the event itself).
    const [recorded] = await tx
      .insert(schema.paymentEvents)
      .values({ eventId: event.id, gateway: 'stripe', type: event.type })
      .onConflictDoNothing()
      .returning({ eventId: schema.paymentEvents.eventId });
    if (!recorded) return 'duplicate';
    try {
      const { outcome, orderId } = await apply(tx, event, deps.now());
      if (orderId) {
        await tx
          .update(schema.paymentEvents)
          .set({ orderId })
          .where(eq(schema.paymentEvents.eventId, event.id));
      }
      return outcome;
    } catch (error) {
      if (!(error instanceof TRPCError && error.cause instanceof DomainError)) throw error;
      return `ignored:${error.cause.reason}`;
    }
  });
  return { status: 200, body: { received: true, outcome } };
}

async function apply(tx: Tx, event: Stripe.Event, now: Date): Promise<Applied> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      if (session.payment_status !== 'paid') return { outcome: 'awaiting_async_payment' };
      const orderId = await orderOfSession(tx, session);
      if (!orderId) return { outcome: 'unknown_order' };
      const intent =
        typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
      await tx
        .update(schema.orders)
        .set({ paymentIntentRef: intent ?? null })
        .where(eq(schema.orders.id, orderId));
      await completePayment(tx, { orderId, actorUserId: null, now });
      if (!(await refundArrivedFirst(tx, orderId))) return { outcome: 'paid', orderId };
      await refundOrder(tx, { orderId, actorUserId: null, now });
      return { outcome: 'paid_then_refunded', orderId };
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const orderId = await orderOfSession(tx, event.data.object);
      if (!orderId) return { outcome: 'unknown_order' };
      const status = event.type === 'checkout.session.expired' ? 'expired' : 'failed';
      await releaseOrder(tx, { orderId, status, actorUserId: null, now });
      return { outcome: status, orderId };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      // Only a full refund undoes the purchase; a partial one is a commercial matter between the parties.
      if (charge.amount_refunded < charge.amount) return { outcome: 'partial_refund_ignored' };
      // Stripe copies the PaymentIntent's metadata (set at Checkout) to its charge, so the order is known even
      // before the completion that names the PaymentIntent. Charges of other integrations have no such order.
      const metadata = z.object({ orderId: z.uuid() }).safeParse(charge.metadata);
      if (!metadata.success) return { outcome: 'unknown_order' };
      const { orderId } = metadata.data;
      // Locked, so a completion applying at the same time either sees this refund recorded or is seen as paid.
      const [order] = await tx
        .select({ status: schema.orders.status })
        .from(schema.orders)
        .where(eq(schema.orders.id, orderId))
        .for('update');
      if (!order) return { outcome: 'unknown_order' };
      if (order.status === 'awaiting_payment') return { outcome: 'refund_awaiting_payment', orderId };
      await refundOrder(tx, { orderId: orderId, actorUserId: null, now });
      return { outcome: 'refunded', orderId };
    }
    default:
      return { outcome: 'unhandled_type' };
  }
}

/**
 * A full refund recorded for the order (partial ones are recorded without an order id). Asked of a paid order, so
 * such a refund came while the order still awaited its payment.
 */
async function refundArrivedFirst(tx: Tx, orderId: string) {
  const [refund] = await tx
    .select({ eventId: schema.paymentEvents.eventId })
    .from(schema.paymentEvents)
    .where(and(eq(schema.paymentEvents.orderId, orderId), eq(schema.paymentEvents.type, 'charge.refunded')))
    .limit(1);
  return Boolean(refund);
}

async function orderOfSession(tx: Tx, session: Stripe.Checkout.Session): Promise<string | undefined> {
  const [order] = await tx
    .select({ id: schema.orders.id })
    .from(schema.orders)
    .where(eq(schema.orders.paymentRef, session.id));
  return order?.id;
}
