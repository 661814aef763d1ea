import { type Db, schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
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

/**
 * `/api/stripe/webhook`: verifies the signature (with timestamp tolerance), moves the order, then records the
 * event id (a replay of a recorded event is answered `duplicate`). Events may arrive twice or out of order: a
 * transition that already happened is a no-op, and one that no longer applies (a late "expired" after "paid") is
 * acknowledged and ignored, so Stripe stops retrying.
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
  const [seen] = await deps.db
    .select({ eventId: schema.paymentEvents.eventId })
    .from(schema.paymentEvents)
    .where(eq(schema.paymentEvents.eventId, event.id));
  if (seen) return { status: 200, body: { received: true, outcome: 'duplicate' } };
  let outcome: string;
  try {
    outcome = await apply(deps, event);
  } catch (error) {
    // A failure of ours answers 500 and records nothing, so Stripe's retry is processed.
    if (!(error instanceof TRPCError && error.cause instanceof DomainError)) throw error;
    outcome = `ignored:${error.cause.reason}`;
  }
  // Recorded only once applied: if the process dies before this line, Stripe's retry applies the event again, which
  // is safe because every transition is idempotent (a paid order stays paid), and records it then.
  await deps.db
    .insert(schema.paymentEvents)
    .values({ eventId: event.id, gateway: 'stripe', type: event.type })
    .onConflictDoNothing();
  return { status: 200, body: { received: true, outcome } };
}

async function apply(deps: StripeWebhookDeps, event: Stripe.Event): Promise<string> {
  const now = deps.now();
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      if (session.payment_status !== 'paid') return 'awaiting_async_payment';
      const orderId = await orderOfSession(deps.db, session);
      if (!orderId) return 'unknown_order';
      const intent =
        typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
      await deps.db
        .update(schema.orders)
        .set({ paymentIntentRef: intent ?? null })
        .where(eq(schema.orders.id, orderId));
      await completePayment(deps.db, { orderId, actorUserId: null, now });
      return 'paid';
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const orderId = await orderOfSession(deps.db, event.data.object);
      if (!orderId) return 'unknown_order';
      const status = event.type === 'checkout.session.expired' ? 'expired' : 'failed';
      await releaseOrder(deps.db, { orderId, status, actorUserId: null, now });
      return status;
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const intent =
        typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
      if (!intent) return 'unknown_order';
      const [order] = await deps.db
        .select()
        .from(schema.orders)
        .where(eq(schema.orders.paymentIntentRef, intent));
      if (!order) return 'unknown_order';
      // Only a full refund undoes the purchase; a partial one is a commercial matter between the parties.
      if (charge.amount_refunded < charge.amount) return 'partial_refund_ignored';
      await refundOrder(deps.db, { orderId: order.id, actorUserId: null, now });
      return 'refunded';
    }
    default:
      return 'unhandled_type';
  }
}

async function orderOfSession(db: Db, session: Stripe.Checkout.Session): Promise<string | undefined> {
  const [order] = await db
    .select({ id: schema.orders.id })
    .from(schema.orders)
    .where(eq(schema.orders.paymentRef, session.id));
  return order?.id;
}
