import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { markDelivered } from '../domains/provider-orders/mark-delivered';
import type { Harness } from './harness';

/**
 * Each order's provider records it delivered at the harness clock's time, as it would in the market: a payout batch
 * pays an order's subsidy only once it is delivered.
 */
export async function deliver(h: Harness, ...orderIds: string[]) {
  for (const orderId of orderIds) {
    const [member] = await h.db
      .select({ userId: schema.providerMembers.userId })
      .from(schema.orders)
      .innerJoin(schema.providerMembers, eq(schema.providerMembers.providerId, schema.orders.providerId))
      .where(eq(schema.orders.id, orderId))
      .limit(1);
    if (!member) throw new Error(`order ${orderId} has no provider user`);
    await markDelivered(h.db, {
      userId: member.userId,
      orderId,
      deliveryNote: `delivered: ${orderId}`,
      now: h.now(),
    });
  }
}
