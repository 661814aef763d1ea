import { type Db, type DbOrTx, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { pendingTransferOf, postSubsidy, releaseSubsidy, reverseSubsidy } from '../../ledger/subsidy';
import { closeOrderPayment, type PaymentGateway } from '../../payments/gateway';
import { releasePoolUnits, returnStock } from '../incubator/pool-capacity';

type OrderRow = typeof schema.orders.$inferSelect;
export type ReleaseStatus = 'cancelled' | 'expired' | 'failed';

/**
 * Payment succeeded (a Stripe webhook or the simulated gateway): the reserved subsidy is posted to the
 * ledger and counted as granted. Idempotent: a paid order stays paid and nothing moves twice.
 */
export async function completePayment(
  db: DbOrTx,
  input: { orderId: string; actorUserId: string | null; now: Date },
) {
  return db.transaction(async (tx) => {
    const { order, pending } = await lockOrder(tx, input.orderId);
    if (order.status === 'paid') return order;
    if (order.status !== 'awaiting_payment') throw domainError('order_not_payable', 'PRECONDITION_FAILED');
    return transition(tx, order, 'paid', input.actorUserId, input.now, { paidAt: input.now }, () =>
      postSubsidy(tx, pending, keyOf(order)),
    );
  });
}

/**
 * The buyer cancels an unpaid order. Its payment is closed at the gateway first, outside any transaction, so that a
 * cancelled order can no longer be paid: a payment that went through meanwhile refuses the cancel
 * (`payment_in_progress`: the gateway's notification completes the order), and so does a payment this server cannot
 * close (`payment_gateway_unavailable`). Only then is the reservation released.
 */
export async function cancelOrder(
  db: Db,
  payments: PaymentGateway,
  input: { order: OrderRow; actorUserId: string; now: Date },
) {
  const { order } = input;
  if (order.status === 'awaiting_payment') {
    const closed = await closeOrderPayment(payments, order);
    if (closed === 'already_paid') throw domainError('payment_in_progress', 'PRECONDITION_FAILED');
    if (closed === 'other_gateway') throw domainError('payment_gateway_unavailable', 'PRECONDITION_FAILED');
  }
  return releaseOrder(db, {
    orderId: order.id,
    status: 'cancelled',
    actorUserId: input.actorUserId,
    now: input.now,
    paymentRef: order.paymentRef,
  });
}

/**
 * Cancel, payment failure or expiry: the reservation is voided and the cap and fund are free again. `paymentRef`, when
 * given, is the payment the caller closed at the gateway before: if the order has another one by now (a retried
 * placement opened it in between), it is not released (`order_payment_changed`), as that payment is still open.
 */
export async function releaseOrder(
  db: DbOrTx,
  input: {
    orderId: string;
    status: ReleaseStatus;
    actorUserId: string | null;
    now: Date;
    paymentRef?: string | null;
  },
) {
  return db.transaction(async (tx) => {
    const { order, pending } = await lockOrder(tx, input.orderId);
    if (order.status === input.status) return order;
    if (order.status !== 'awaiting_payment') throw domainError('order_not_open', 'PRECONDITION_FAILED');
    if (input.paymentRef !== undefined && order.paymentRef !== input.paymentRef) {
      throw domainError('order_payment_changed', 'CONFLICT');
    }
    return transition(
      tx,
      order,
      input.status,
      input.actorUserId,
      input.now,
      { closedAt: input.now },
      async () => {
        await releaseSubsidy(tx, pending, keyOf(order), input.status);
        await returnCapacity(tx, order);
      },
    );
  });
}

/** The buyer's payment was refunded in full: the subsidy is reversed and the cap and fund restored. */
export async function refundOrder(
  db: DbOrTx,
  input: { orderId: string; actorUserId: string | null; now: Date },
) {
  return db.transaction(async (tx) => {
    const { order, pending } = await lockOrder(tx, input.orderId);
    if (order.status === 'refunded') return order;
    if (order.status !== 'paid') throw domainError('order_not_refundable', 'PRECONDITION_FAILED');
    return transition(
      tx,
      order,
      'refunded',
      input.actorUserId,
      input.now,
      { closedAt: input.now },
      async () => {
        await reverseSubsidy(tx, pending, keyOf(order));
        await returnCapacity(tx, order);
      },
    );
  });
}

/**
 * The order, locked, and its subsidy's reservation, pipelined behind the lock (`execute()` sends the lock first)
 * so that it is read under it.
 */
async function lockOrder(tx: DbOrTx, orderId: string) {
  const [[order], pending] = await Promise.all([
    tx.select().from(schema.orders).where(eq(schema.orders.id, orderId)).for('update').execute(),
    pendingTransferOf(tx, orderId),
  ]);
  if (!order) throw domainError('order_not_found', 'NOT_FOUND');
  return { order, pending };
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
  moveMoney: () => Promise<void>,
) {
  // The ledger moves go out first (usage → fund, the lock order), the status change with them: one round trip.
  const [, [updated]] = await Promise.all([
    moveMoney(),
    tx
      .update(schema.orders)
      .set({ status, ...extra })
      .where(eq(schema.orders.id, order.id))
      .returning(),
  ]);
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
