import type { schema } from '@nanshan/db';

type OrderRow = typeof schema.orders.$inferSelect;

export type OrderStatus = 'awaiting_payment' | 'paid' | 'cancelled' | 'expired' | 'failed' | 'refunded';

/**
 * An order as the provider that fulfils it sees it: the buyer (name and 统一社会信用代码, for the invoice), the
 * copied terms, the money split (paid by the buyer / subsidy owed by the district) and the delivery record.
 */
export function providerOrderView(order: OrderRow, buyer: { name: string; uscc: string }) {
  return {
    id: order.id,
    offeringId: order.offeringId,
    offeringTitle: order.offeringTitle,
    enterpriseName: buyer.name,
    enterpriseUscc: buyer.uscc,
    unit: order.unit,
    quantity: order.quantity,
    unitPriceFen: order.unitPriceFen,
    listPriceFen: order.listPriceFen,
    /** Paid by the buyer. */
    payableFen: order.payableFen,
    /** Owed by the district for this order (once paid). */
    subsidyFen: order.subsidyFen,
    article: order.article,
    status: order.status as OrderStatus,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    contract: {
      gpuType: order.contractGpuType,
      periodFrom: order.contractPeriodFrom,
      periodTo: order.contractPeriodTo,
    },
    invoiceRef: order.invoiceRef,
    deliveredAt: order.deliveredAt,
    deliveryNote: order.deliveryNote,
    /** Paid and not yet marked delivered. */
    toFulfil: order.status === 'paid' && order.deliveredAt === null,
  };
}
