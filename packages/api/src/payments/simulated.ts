import type { PaymentGateway } from './gateway';

/**
 * No money moves. The market shows it as "simulated payment"; the buyer confirms in the app and
 * `payments.simulatePay` completes the order through the same code path a Stripe webhook uses.
 */
export const simulatedGateway: PaymentGateway = {
  kind: 'simulated',
  async createPayment(input) {
    return { ref: `sim_${input.orderId}`, checkoutUrl: null };
  },
  async cancelPayment() {
    return 'cancelled';
  },
};
