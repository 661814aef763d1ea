import { type Db, schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { and, eq, lte } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { closeOrderPayment, type PaymentGateway } from '../../payments/gateway';
import { releaseOrder } from './settle-order';

/**
 * The sweeper: every unpaid order past its payment window gives its reservation back (invariant 5).
 * Each order is released in its own transaction. The payment is closed first, at the gateway the order was created
 * with, so a buyer who paid at the last second is never expired. A simulated order needs no gateway call (no money
 * can arrive), so it expires whichever gateway the server runs now. An order whose payment was opened with a gateway
 * this server does not run (Stripe, after the key was removed) cannot be closed from here and may still be paid: it
 * keeps its reservation, is logged, and is expired by the first sweep of a server that runs its gateway again.
 */
export async function releaseExpiredReservations(
  db: Db,
  payments: PaymentGateway,
  now: Date,
): Promise<number> {
  const due = await db
    .select({
      id: schema.orders.id,
      paymentRef: schema.orders.paymentRef,
      paymentGateway: schema.orders.paymentGateway,
    })
    .from(schema.orders)
    .where(and(eq(schema.orders.status, 'awaiting_payment'), lte(schema.orders.expiresAt, now)));
  let released = 0;
  const failures: unknown[] = [];
  const elsewhere: string[] = [];
  for (const order of due) {
    try {
      // Close the payment first: if the buyer paid meanwhile, the order is not expired.
      const closed = await closeOrderPayment(payments, order);
      if (closed === 'already_paid') continue;
      if (closed === 'other_gateway') {
        elsewhere.push(`${order.id} (${order.paymentGateway} ${order.paymentRef})`);
        continue;
      }
      // Released only if it still has the payment just closed: one opened meanwhile waits for the next sweep.
      await releaseOrder(db, {
        orderId: order.id,
        status: 'expired',
        actorUserId: null,
        now,
        paymentRef: order.paymentRef,
      });
      released++;
    } catch (error) {
      // Paid, cancelled or given a payment between the scan and the lock: nothing to release now.
      if (error instanceof TRPCError && error.cause instanceof DomainError) continue;
      // The gateway or the database failed for this order: it stays due for the next sweep, the others go on.
      failures.push(error);
    }
  }
  if (elsewhere.length > 0) {
    console.warn(
      `expiry sweep: ${elsewhere.length} due order(s) have a payment opened with a gateway this server does not run (it runs ${payments.kind}); they keep their reservation until a server with that gateway closes the payment: ${elsewhere.join(', ')}`,
    );
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} order(s) not expired`);
  return released;
}
