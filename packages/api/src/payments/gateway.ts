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
