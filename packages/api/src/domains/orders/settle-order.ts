import { type Db, type DbOrTx, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { postSubsidy, releaseSubsidy, reverseSubsidy } from '../../ledger/subsidy';
import { releasePoolUnits, returnStock } from '../incubator/pool-capacity';

type OrderRow = typeof schema.orders.$inferSelect;
export type ReleaseStatus = 'cancelled' | 'expired' | 'failed';

/**
 * Payment succeeded (a Stripe webhook or the simulated gateway): the reserved subsidy is posted to the
 * ledger and counted as granted. Idempotent: a paid order stays paid and nothing moves twice.
 */
export async function completePayment(
  db: Db,
  input: { orderId: string; actorUserId: string | null; now: Date },
) {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.status === 'paid') return order;
    if (order.status !== 'awaiting_payment') throw domainError('order_not_payable', 'PRECONDITION_FAILED');
    await postSubsidy(tx, order.id, keyOf(order));
    return transition(tx, order, 'paid', input.actorUserId, input.now, { paidAt: input.now });
  });
}

/** Cancel, payment failure or expiry: the reservation is voided and the cap and fund are free again. */
export async function releaseOrder(
  db: DbOrTx,
  input: { orderId: string; status: ReleaseStatus; actorUserId: string | null; now: Date },
) {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.status === input.status) return order;
    if (order.status !== 'awaiting_payment') throw domainError('order_not_open', 'PRECONDITION_FAILED');
    await releaseSubsidy(tx, order.id, keyOf(order), input.status);
    await returnCapacity(tx, order);
    return transition(tx, order, input.status, input.actorUserId, input.now, { closedAt: input.now });
  });
}

/** The buyer's payment was refunded in full: the subsidy is reversed and the cap and fund restored. */
export async function refundOrder(
  db: DbOrTx,
  input: { orderId: string; actorUserId: string | null; now: Date },
) {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.status === 'refunded') return order;
    if (order.status !== 'paid') throw domainError('order_not_refundable', 'PRECONDITION_FAILED');
    await reverseSubsidy(tx, order.id, keyOf(order));
    await returnCapacity(tx, order);
    return transition(tx, order, 'refunded', input.actorUserId, input.now, { closedAt: input.now });
  });
}

async function lockOrder(tx: DbOrTx, orderId: string): Promise<OrderRow> {
  const [order] = await tx.select().from(schema.orders).where(eq(schema.orders.id, orderId)).for('update');
  if (!order) throw domainError('order_not_found', 'NOT_FOUND');
  return order;
}

/** Units an unpaid or refunded order held go back to the pool (Art. 10) or the offering's stock. */
async function returnCapacity(tx: DbOrTx, order: OrderRow) {
  if (order.poolId) await releasePoolUnits(tx, order.poolId, order.quantity);
  else await returnStock(tx, order.offeringId, order.quantity);
}

function keyOf(order: OrderRow) {
  return { enterpriseId: order.enterpriseId, article: order.article ?? 'art6', year: order.fundYear };
}

async function transition(
  tx: DbOrTx,
  order: OrderRow,
  status: OrderRow['status'],
  actorUserId: string | null,
  now: Date,
  extra: Partial<OrderRow>,
) {
  const [updated] = await tx
    .update(schema.orders)
    .set({ status, ...extra })
    .where(eq(schema.orders.id, order.id))
    .returning();
  await recordAudit(tx, {
    actorUserId,
    action: `order.${status}`,
    targetType: 'order',
    targetId: order.id,
    before: { status: order.status },
    after: { status },
    at: now,
  });
  return updated!;
}
