/**
 * The payment port. The SME pays the provider's list price minus the subsidy; the district pays the
 * subsidy to the provider later (settlement). Implementations: Stripe when `STRIPE_SECRET_KEY` is set,
 * otherwise the clearly labelled simulated gateway so the demo and end-to-end tests work offline.
 */
export interface CreatePaymentInput {
  orderId: string;
  amountFen: number;
  description: string;
  /** Stable per order, so a retried call never creates a second charge. */
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface CreatedPayment {
  ref: string;
  /** Where the buyer completes payment (Stripe Checkout); null when the app pays in place (simulated). */
  checkoutUrl: string | null;
}

export interface PaymentGateway {
  readonly kind: 'simulated' | 'stripe';
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /**
   * Closes an unpaid payment before its order expires. `already_paid` means the buyer paid in the
   * meantime: the order must not expire, the success notification is on its way.
   */
  cancelPayment(ref: string): Promise<'cancelled' | 'already_paid'>;
}

/**
 * Before an unpaid order is released (cancel, expiry), its payment is closed at the gateway the order was created
 * with — which need not be the one this server runs now (`orders.payment_gateway`):
 * - `closed`: no payment can arrive any more: none was opened, it was simulated (no money moves; `simulatePay` refuses
 *   a closed order), or the gateway closed it;
 * - `already_paid`: the buyer paid meanwhile; the order must not be released, the gateway's notification is on its way;
 * - `other_gateway`: it was opened with a gateway this server does not run (Stripe, after the key was removed): it
 *   cannot be closed from here, and the buyer may still pay it, so the order must not be released yet.
 */
export async function closeOrderPayment(
  payments: PaymentGateway,
  order: { paymentGateway: string; paymentRef: string | null },
): Promise<'closed' | 'already_paid' | 'other_gateway'> {
  if (!order.paymentRef || order.paymentGateway === 'simulated') return 'closed';
  if (order.paymentGateway !== payments.kind) return 'other_gateway';
  return (await payments.cancelPayment(order.paymentRef)) === 'already_paid' ? 'already_paid' : 'closed';
}
