import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { domainError } from '../../errors';

type TraceStep = { code: string; article: string; args: Record<string, unknown>; zh: string; en: string };

/**
 * Everything a printable receipt shows for one of the enterprise's paid (or later refunded) orders: buyer,
 * provider, item, quantity, unit and list price, the subsidy with its article and the rules' trace, the payable
 * part, and the payment. Amounts are integer fen as recorded with the order (price changes never alter it).
 * Another enterprise's order is reported as missing.
 */
export async function orderReceipt(db: DbOrTx, input: { enterpriseId: string; orderId: string }) {
  const [row] = await db
    .select({ order: schema.orders, buyer: schema.enterprises, provider: schema.providers })
    .from(schema.orders)
    .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.orders.enterpriseId))
    .innerJoin(schema.providers, eq(schema.providers.id, schema.orders.providerId))
    .where(and(eq(schema.orders.id, input.orderId), eq(schema.orders.enterpriseId, input.enterpriseId)));
  if (!row) throw domainError('order_not_found', 'NOT_FOUND');
  const { order, buyer, provider } = row;
  // Only money that moved gets a receipt; an unpaid, cancelled or expired order has none.
  if ((order.status !== 'paid' && order.status !== 'refunded') || !order.paidAt) {
    throw domainError('order_not_paid', 'PRECONDITION_FAILED');
  }
  return {
    orderId: order.id,
    status: order.status as 'paid' | 'refunded',
    placedAt: order.createdAt,
    paidAt: order.paidAt,
    refundedAt: order.status === 'refunded' ? order.closedAt : null,
    buyer: { name: buyer.name, uscc: buyer.uscc, district: buyer.district },
    provider: {
      name: provider.name,
      uscc: provider.uscc,
      kind: provider.kind as 'computing_centre' | 'cloud_vendor',
      city: provider.city,
      address: provider.address,
      contactPhone: provider.contactPhone,
      contactEmail: provider.contactEmail,
    },
    item: {
      offeringId: order.offeringId,
      title: order.offeringTitle,
      unit: order.unit,
      gpuModel: order.contractGpuType,
      contractPeriodFrom: order.contractPeriodFrom,
      contractPeriodTo: order.contractPeriodTo,
    },
    quantity: order.quantity,
    unitPriceFen: order.unitPriceFen,
    listPriceFen: order.listPriceFen,
    subsidy: {
      amountFen: order.subsidyFen,
      /** null when the order carries no subsidy. */
      article: order.article as 'art6' | 'art9' | 'art10' | null,
      reasons: order.reasons,
      trace: order.trace as TraceStep[],
      rulesetVersion: order.rulesetVersion,
      paramsHash: order.paramsHash,
    },
    payableFen: order.payableFen,
    payment: {
      gateway: order.paymentGateway as 'simulated' | 'stripe',
      /** The charge (Stripe PaymentIntent) once known, else the checkout / simulated reference. */
      reference: order.paymentIntentRef ?? order.paymentRef,
      paidAt: order.paidAt,
    },
    invoiceRef: order.invoiceRef,
    notRelatedDeclared: order.notRelatedDeclared,
  };
}
