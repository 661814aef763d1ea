import { type DbOrTx, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { requireProvider } from '../providers/membership';
import { providerOrderView } from './provider-order-view';

/**
 * The provider records that it delivered a paid order, with a delivery note (the delivery / usage record a
 * reviewer expects with the subsidy). Only its own orders (another provider's are reported as missing), only paid
 * ones, and once. The order row is locked, so a refund at the same moment either comes first (and delivery is
 * refused) or after.
 */
export async function markDelivered(
  db: DbOrTx,
  input: { userId: string; orderId: string; deliveryNote: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const provider = await requireProvider(tx, input.userId);
    const [order] = await tx
      .select()
      .from(schema.orders)
      .where(eq(schema.orders.id, input.orderId))
      .for('update');
    if (!order || order.providerId !== provider.id) throw domainError('order_not_found', 'NOT_FOUND');
    if (order.status !== 'paid') throw domainError('order_not_paid', 'PRECONDITION_FAILED');
    if (order.deliveredAt) throw domainError('order_already_delivered', 'CONFLICT');
    const [updated] = await tx
      .update(schema.orders)
      .set({ deliveredAt: input.now, deliveryNote: input.deliveryNote })
      .where(eq(schema.orders.id, order.id))
      .returning();
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'order.delivered',
      targetType: 'order',
      targetId: order.id,
      before: { deliveredAt: null },
      after: { deliveredAt: input.now.toISOString(), deliveryNote: input.deliveryNote },
      at: input.now,
    });
    const [buyer] = await tx
      .select({ name: schema.enterprises.name, uscc: schema.enterprises.uscc })
      .from(schema.enterprises)
      .where(eq(schema.enterprises.id, order.enterpriseId));
    return providerOrderView(updated!, buyer!);
  });
}
