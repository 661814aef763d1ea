import { type Db, schema, type Tx } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import {
  completePayment,
  type ReleaseStatus,
  refundOrder,
  releaseOrder,
} from '../domains/orders/settle-order';
import { DomainError } from '../errors';
import { refundClosedOrderPayment } from './stripe';

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
 * retrying, and a refund that comes before its payment is applied when the payment arrives. A payment that arrives
 * for an order closed unpaid (cancelled, expired, failed) is refunded through Stripe and recorded
 * (`refunded_closed_order`), never kept.
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
  const now = deps.now();
  // A payment for an order closed unpaid is refunded before its event is recorded: the first pass finds it and rolls
  // back, the refund goes to Stripe outside any transaction (no lock waits on the network), and the second pass
  // records the event with it. If the refund fails, nothing is recorded and the 500 makes Stripe retry.
  let refunded = false;
  for (;;) {
    try {
      const outcome = await deps.db.transaction((tx) => record(tx, event, { now, refunded }));
      return { status: 200, body: { received: true, outcome } };
    } catch (error) {
      if (!(error instanceof RefundFirst) || refunded) throw error;
      await refundClosedOrderPayment(deps.stripe, {
        paymentIntent: error.paymentIntent,
        orderId: error.orderId,
      });
      refunded = true;
    }
  }
}

/**
 * Records the event and applies it, in the caller's transaction. A failure of ours (not a domain refusal) rolls
 * everything back and answers 500, so Stripe's retry is processed.
 */
async function record(tx: Tx, event: Stripe.Event, context: ApplyContext): Promise<string> {
  // A concurrent delivery of the same event waits on this row until the first commits (then it is a duplicate)
  // or rolls back (then it applies the event itself).
  const [recorded] = await tx
    .insert(schema.paymentEvents)
    .values({ eventId: event.id, gateway: 'stripe', type: event.type })
    .onConflictDoNothing()
    .returning({ eventId: schema.paymentEvents.eventId });
  if (!recorded) return 'duplicate';
  try {
    const { outcome, orderId } = await apply(tx, event, context);
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
}

/** `refunded`: this delivery has refunded the payment of a closed order (see `paidAfterClose`). */
type ApplyContext = { now: Date; refunded: boolean };

/** Thrown out of the transaction to have a closed order's payment refunded before the event is recorded. */
class RefundFirst extends Error {
  constructor(
    readonly paymentIntent: string,
    readonly orderId: string,
  ) {
    super(`payment ${paymentIntent} arrived for closed order ${orderId}: refund it first`);
  }
}

async function apply(tx: Tx, event: Stripe.Event, { now, refunded }: ApplyContext): Promise<Applied> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      // `no_payment_required`: nothing was owed (zero-payable orders no longer open a session), so nothing is awaited.
      if (session.payment_status === 'unpaid') return { outcome: 'awaiting_async_payment' };
      const orderId = await orderOfSession(tx, session);
      if (!orderId) return { outcome: 'unknown_order' };
      const intent =
        typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
      await tx
        .update(schema.orders)
        .set({ paymentIntentRef: intent ?? null })
        .where(eq(schema.orders.id, orderId));
      try {
        await completePayment(tx, { orderId, actorUserId: null, now });
      } catch (error) {
        const closed = intent && isRefusal(error, 'order_not_payable');
        const applied = closed ? await paidAfterClose(tx, session, { orderId, intent, now, refunded }) : null;
        if (!applied) throw error;
        return applied;
      }
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
 * The buyer's money arrived for an order closed unpaid (cancelled, expired or failed; e.g. a Checkout session left open
 * by a release that did not close it): the order cannot take it, so it goes back — refunded at Stripe first (see
 * `handleStripeWebhook`), then recorded in the audit log for staff. Null when the order is not closed unpaid (e.g. paid
 * and refunded since: a stale redelivery, nothing to give back).
 */
async function paidAfterClose(
  tx: Tx,
  session: Stripe.Checkout.Session,
  input: { orderId: string; intent: string; now: Date; refunded: boolean },
): Promise<Applied | null> {
  const [order] = await tx
    .select({ status: schema.orders.status })
    .from(schema.orders)
    .where(eq(schema.orders.id, input.orderId));
  if (!order || !CLOSED_UNPAID.includes(order.status as ReleaseStatus)) return null;
  if (!input.refunded) throw new RefundFirst(input.intent, input.orderId);
  await recordAudit(tx, {
    actorUserId: null,
    action: 'order.payment_refunded',
    targetType: 'order',
    targetId: input.orderId,
    before: { status: order.status },
    after: {
      status: order.status,
      paymentIntent: input.intent,
      refundedFen: session.amount_total ?? null,
      why: 'paid_after_close',
    },
    at: input.now,
  });
  return { outcome: 'refunded_closed_order', orderId: input.orderId };
}

/** Statuses of an order closed without payment: they are final, so a payment can never complete one. */
const CLOSED_UNPAID: readonly ReleaseStatus[] = ['cancelled', 'expired', 'failed'];

function isRefusal(error: unknown, reason: string) {
  return error instanceof TRPCError && error.cause instanceof DomainError && error.cause.reason === reason;
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
