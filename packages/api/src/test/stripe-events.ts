import Stripe from 'stripe';

/** The webhook signing secret the Stripe tests configure (their server and their signatures). */
export const WEBHOOK_SECRET = 'whsec_test_secret_for_the_suite';

let eventCounter = 0;

/** A Checkout session event as Stripe sends it (`paid` unless `extra` says otherwise). */
export const sessionEvent = (type: string, sessionId: string, extra: object = {}) => ({
  id: `evt_${++eventCounter}`,
  object: 'event',
  type,
  data: {
    object: {
      id: sessionId,
      object: 'checkout.session',
      payment_status: 'paid',
      payment_intent: `pi_${sessionId}`,
      ...extra,
    },
  },
});

/**
 * `charge.refunded` for the payment of an order's session (see `sessionEvent`'s payment intent), with the order id
 * Stripe copied from the PaymentIntent's metadata; a full refund unless `amountRefunded` says otherwise.
 */
export const refundEvent = (
  order: { id: string; paymentRef: string | null; payableFen: number },
  amountRefunded = order.payableFen,
) => ({
  id: `evt_${++eventCounter}`,
  object: 'event',
  type: 'charge.refunded',
  data: {
    object: {
      id: `ch_${order.paymentRef}`,
      object: 'charge',
      amount: order.payableFen,
      amount_refunded: amountRefunded,
      payment_intent: `pi_${order.paymentRef}`,
      metadata: { orderId: order.id },
    },
  },
});

/**
 * The request Stripe would send for `event`: the exact body and its `stripe-signature` header, signed by the real
 * client's `generateTestHeaderString` with `secret` at `timestamp` (defaults: the suite's secret, now).
 */
export function signedWebhook(event: object, options: { secret?: string; timestamp?: number } = {}) {
  const body = JSON.stringify(event);
  const signature = new Stripe('sk_test_signing').webhooks.generateTestHeaderString({
    payload: body,
    secret: options.secret ?? WEBHOOK_SECRET,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  });
  return {
    method: 'POST',
    headers: { 'stripe-signature': signature, 'content-type': 'application/json' },
    body,
  };
}
