import Stripe from 'stripe';
import type { PaymentGateway } from './gateway';

export interface StripeGatewayOptions {
  stripe: Stripe;
  /** Public base URL of the market, for Checkout's return links. */
  publicUrl: string;
}

/**
 * The real client, optionally pointed at another host (tests run a local stand-in; no network) and with another
 * request timeout (Stripe's default is 80 s).
 */
export function createStripeClient(
  secretKey: string,
  endpoint?: { host: string; port: number; protocol: 'http' | 'https'; timeout?: number },
) {
  return new Stripe(secretKey, { maxNetworkRetries: 2, ...endpoint });
}

/**
 * Stripe Checkout for the buyer's share (list price − subsidy) in CNY. The payment methods are those the
 * Stripe account has enabled, filtered to card, Alipay and WeChat Pay. The request carries an idempotency
 * key derived from the order, so a retry never opens a second payment.
 */
export function createStripeGateway({ stripe, publicUrl }: StripeGatewayOptions): PaymentGateway {
  return {
    kind: 'stripe',
    async createPayment(input) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: input.orderId,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: 'cny',
                unit_amount: input.amountFen,
                product_data: { name: input.description },
              },
            },
          ],
          allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
          payment_method_options: { wechat_pay: { client: 'web' } },
          metadata: input.metadata,
          payment_intent_data: { metadata: input.metadata },
          success_url: `${publicUrl}/orders/${input.orderId}?paid=1`,
          cancel_url: `${publicUrl}/orders/${input.orderId}`,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { ref: session.id, checkoutUrl: session.url };
    },
    async cancelPayment(ref) {
      try {
        await stripe.checkout.sessions.expire(ref);
        return 'cancelled';
      } catch (error) {
        // Stripe refuses to expire a session that is no longer open; ask it whether it was paid.
        const session = await stripe.checkout.sessions.retrieve(ref).catch(() => {
          throw error;
        });
        if (session.status === 'complete') return 'already_paid';
        if (session.status === 'expired') return 'cancelled';
        throw error;
      }
    },
  };
}

/**
 * Gives the buyer's money back for a Checkout payment that arrived after its order was closed (the webhook's safety
 * net). The idempotency key is derived from the PaymentIntent, so a redelivered or concurrent notification refunds it
 * once; a payment already refunded in full (from the dashboard, or by a delivery longer ago than the key is kept)
 * counts as refunded.
 */
export async function refundClosedOrderPayment(
  stripe: Stripe,
  input: { paymentIntent: string; orderId: string },
): Promise<void> {
  try {
    await stripe.refunds.create(
      { payment_intent: input.paymentIntent, metadata: { orderId: input.orderId, why: 'order_closed' } },
      { idempotencyKey: `order-refund-${input.paymentIntent}` },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError && error.code === 'charge_already_refunded') return;
    throw error;
  }
}
