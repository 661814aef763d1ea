import { type Db, schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { and, eq, lte } from 'drizzle-orm';
import { DomainError } from '../../errors';
import type { PaymentGateway } from '../../payments/gateway';
import { releaseOrder } from './settle-order';

/**
 * The sweeper: every unpaid order past its payment window gives its reservation back (invariant 5).
 * Each order is released in its own transaction. The payment is closed at the gateway first, so a buyer
 * who paid at the last second is never expired.
 */
export async function releaseExpiredReservations(
  db: Db,
  payments: PaymentGateway,
  now: Date,
): Promise<number> {
  const due = await db
    .select({ id: schema.orders.id, paymentRef: schema.orders.paymentRef })
    .from(schema.orders)
    .where(and(eq(schema.orders.status, 'awaiting_payment'), lte(schema.orders.expiresAt, now)));
  let released = 0;
  const failures: unknown[] = [];
  for (const { id, paymentRef } of due) {
    try {
      // Close the payment first: if the buyer paid meanwhile, the order is not expired.
      if (paymentRef && (await payments.cancelPayment(paymentRef)) === 'already_paid') continue;
      await releaseOrder(db, { orderId: id, status: 'expired', actorUserId: null, now });
      released++;
    } catch (error) {
      // Paid or cancelled between the scan and the lock: nothing to release.
      if (error instanceof TRPCError && error.cause instanceof DomainError) continue;
      // The gateway or the database failed for this order: it stays due for the next sweep, the others go on.
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} order(s) not expired`);
  return released;
}
