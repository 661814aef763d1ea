import type { schema } from '@nanshan/db';

type OrderRow = typeof schema.orders.$inferSelect;

/** The order as buyers and staff see it; internal columns (idempotency key, hashes) stay server-side. */
export function orderView(order: OrderRow, providerName: string) {
  return {
    id: order.id,
    offeringId: order.offeringId,
    offeringTitle: order.offeringTitle,
    providerName,
    unit: order.unit,
    quantity: order.quantity,
    unitPriceFen: order.unitPriceFen,
    listPriceFen: order.listPriceFen,
    subsidyFen: order.subsidyFen,
    payableFen: order.payableFen,
    article: order.article,
    status: order.status as 'awaiting_payment' | 'paid' | 'cancelled' | 'expired' | 'failed' | 'refunded',
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    expiresAt: order.expiresAt,
    paymentGateway: order.paymentGateway as 'simulated' | 'stripe',
  };
}
