import { type Db, schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { and, eq, lte } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { releaseOrder } from './settle-order';

/**
 * The sweeper: every unpaid order past its payment window gives its reservation back (invariant 5).
 * Each order is released in its own transaction, so one failure does not hold up the rest.
 */
export async function releaseExpiredReservations(db: Db, now: Date): Promise<number> {
  const due = await db
    .select({ id: schema.orders.id })
    .from(schema.orders)
    .where(and(eq(schema.orders.status, 'awaiting_payment'), lte(schema.orders.expiresAt, now)));
  let released = 0;
  for (const { id } of due) {
    try {
      await releaseOrder(db, { orderId: id, status: 'expired', actorUserId: null, now });
      released++;
    } catch (error) {
      // Paid or cancelled between the scan and the lock: nothing to release.
      if (!(error instanceof TRPCError && error.cause instanceof DomainError)) throw error;
    }
  }
  return released;
}
