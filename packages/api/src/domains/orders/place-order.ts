import { type Db, type DbOrTx, pgErrorOf, schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import { lockCounters, reserveSubsidy } from '../../ledger/subsidy';
import type { PaymentGateway } from '../../payments/gateway';
import type { EnterpriseRow } from '../enterprises/membership';
import { art6AnnualCapFen, quoteArt6Purchase } from './art6-quote';
import { loadListedOffering } from './load-offering';

/** Unpaid orders release their reservation after this long (invariant 5: no cap is locked forever). */
export const PAYMENT_WINDOW_MS = 30 * 60 * 1000;

export interface PlaceOrderInput {
  enterprise: EnterpriseRow;
  userId: string;
  offeringId: string;
  quantity: number;
  idempotencyKey: string;
  now: Date;
}

/**
 * Places an order in one transaction: lock the enterprise's Art. 6 usage row and the fund row, re-run the
 * rules against the locked figures, reserve the subsidy that fits, record the order. The same idempotency
 * key returns the same order, also when two identical requests race (the unique index decides).
 * Creating the payment happens after commit, so no external call ever holds the locks.
 */
export async function placeOrder(db: Db, payments: PaymentGateway, input: PlaceOrderInput) {
  const existing = await findByKey(db, input);
  if (existing) return startPayment(db, payments, sameRequestOrConflict(existing, input).id);
  let orderId: string;
  try {
    orderId = await db.transaction((tx) => reserveAndRecord(tx, payments, input));
  } catch (error) {
    const winner =
      pgErrorOf(error)?.constraint === 'order_idempotency' ? await findByKey(db, input) : undefined;
    if (!winner) throw error;
    orderId = sameRequestOrConflict(winner, input).id;
  }
  return startPayment(db, payments, orderId);
}

async function reserveAndRecord(
  tx: DbOrTx,
  payments: PaymentGateway,
  input: PlaceOrderInput,
): Promise<string> {
  const { offering, provider } = await loadListedOffering(tx, input.offeringId, input.quantity);
  const date = shenzhenDate(input.now);
  const year = shenzhenYear(input.now);
  const key = { enterpriseId: input.enterprise.id, article: 'art6', year };
  const { usage, fund } = await lockCounters(tx, key, art6AnnualCapFen(date));
  const quote = quoteArt6Purchase({
    date,
    enterprise: input.enterprise,
    offering,
    provider,
    quantity: input.quantity,
    counters: { usedFen: usage.grantedFen + usage.reservedFen, fund },
  });
  const [order] = await tx
    .insert(schema.orders)
    .values({
      enterpriseId: input.enterprise.id,
      offeringId: offering.id,
      providerId: provider.id,
      placedBy: input.userId,
      offeringTitle: offering.title,
      unit: offering.unit,
      quantity: input.quantity,
      unitPriceFen: offering.unitPriceFen,
      listPriceFen: quote.listPriceFen,
      subsidyFen: quote.subsidyFen,
      payableFen: quote.payableFen,
      article: quote.subsidyFen > 0 ? 'art6' : null,
      fundYear: year,
      idempotencyKey: input.idempotencyKey,
      trace: quote.trace,
      reasons: quote.reasons,
      rulesetVersion: quote.rulesetVersion,
      paramsHash: quote.paramsHash,
      paymentGateway: payments.kind,
      expiresAt: new Date(input.now.getTime() + PAYMENT_WINDOW_MS),
      createdAt: input.now,
    })
    .returning({ id: schema.orders.id });
  const orderId = order!.id;
  await reserveSubsidy(tx, {
    ...key,
    orderId,
    providerId: provider.id,
    providerName: provider.name,
    amountFen: quote.subsidyFen,
  });
  await recordAudit(tx, {
    actorUserId: input.userId,
    action: 'order.placed',
    targetType: 'order',
    targetId: orderId,
    after: { listPriceFen: quote.listPriceFen, subsidyFen: quote.subsidyFen, payableFen: quote.payableFen },
    at: input.now,
  });
  return orderId;
}

async function startPayment(db: Db, payments: PaymentGateway, orderId: string) {
  const [order] = await db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
  if (!order) throw domainError('order_not_found', 'NOT_FOUND');
  if (order.paymentRef) return order;
  const payment = await payments.createPayment({
    orderId,
    amountFen: order.payableFen,
    description: order.offeringTitle,
    idempotencyKey: `order-payment-${orderId}`,
    metadata: { orderId, enterpriseId: order.enterpriseId, subsidyFen: String(order.subsidyFen) },
  });
  const [updated] = await db
    .update(schema.orders)
    .set({ paymentRef: payment.ref, checkoutUrl: payment.checkoutUrl })
    .where(eq(schema.orders.id, orderId))
    .returning();
  return updated!;
}

async function findByKey(db: Db, input: PlaceOrderInput) {
  const [row] = await db
    .select()
    .from(schema.orders)
    .where(
      and(
        eq(schema.orders.enterpriseId, input.enterprise.id),
        eq(schema.orders.idempotencyKey, input.idempotencyKey),
      ),
    );
  return row;
}

function sameRequestOrConflict(order: typeof schema.orders.$inferSelect, input: PlaceOrderInput) {
  if (order.offeringId !== input.offeringId || order.quantity !== input.quantity) {
    throw domainError('idempotency_key_reused', 'CONFLICT');
  }
  return order;
}
