import { schema } from '@nanshan/db';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { domainError } from '../../errors';
import { router, smeProcedure } from '../../trpc';
import { requireEnterprise } from '../enterprises/membership';
import { orderView } from './order-view';
import { placeOrder } from './place-order';
import { quoteOrder } from './quote-order';
import { orderReceipt } from './receipt';
import { cancelOrder } from './settle-order';

const quantity = z.number().int().min(1).max(1_000_000);
const isoDate = z.iso.date();
const orderId = z.object({ orderId: z.uuid() });

async function ownOrder(db: Parameters<typeof requireEnterprise>[0], enterpriseId: string, id: string) {
  const [row] = await db
    .select({ order: schema.orders, providerName: schema.providers.name })
    .from(schema.orders)
    .innerJoin(schema.providers, eq(schema.providers.id, schema.orders.providerId))
    .where(and(eq(schema.orders.id, id), eq(schema.orders.enterpriseId, enterpriseId)));
  // Another enterprise's order is reported as missing, not forbidden: its existence is not ours to know.
  if (!row) throw domainError('order_not_found', 'NOT_FOUND');
  return row;
}

export const ordersRouter = router({
  /** Shows what the order would get; the declaration defaults to given, as the checkout asks for it. */
  quote: smeProcedure
    .input(z.object({ offeringId: z.uuid(), quantity, notRelatedDeclared: z.boolean().default(true) }))
    .query(async ({ ctx, input }) => {
      const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
      return quoteOrder(ctx.db, { enterprise, ...input, now: ctx.now() });
    }),

  place: smeProcedure
    .input(
      z
        .object({
          offeringId: z.uuid(),
          quantity,
          idempotencyKey: z.string().min(8).max(100),
          /** Related parties (a common actual controller) get no subsidy; the buyer must declare. */
          notRelatedDeclared: z.boolean(),
          contractPeriodFrom: isoDate.optional(),
          contractPeriodTo: isoDate.optional(),
        })
        .refine(
          (v) => !v.contractPeriodFrom || !v.contractPeriodTo || v.contractPeriodFrom <= v.contractPeriodTo,
          {
            message: 'contract_period_reversed',
            path: ['contractPeriodTo'],
          },
        ),
    )
    .mutation(async ({ ctx, input }) => {
      const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
      const order = await placeOrder(ctx.db, ctx.payments, {
        enterprise,
        userId: ctx.user.id,
        ...input,
        now: ctx.now(),
      });
      return { orderId: order.id };
    }),

  mine: smeProcedure.query(async ({ ctx }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    const rows = await ctx.db
      .select({ order: schema.orders, providerName: schema.providers.name })
      .from(schema.orders)
      .innerJoin(schema.providers, eq(schema.providers.id, schema.orders.providerId))
      .where(eq(schema.orders.enterpriseId, enterprise.id))
      .orderBy(desc(schema.orders.createdAt));
    return rows.map((r) => orderView(r.order, r.providerName));
  }),

  get: smeProcedure.input(orderId).query(async ({ ctx, input }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    const { order, providerName } = await ownOrder(ctx.db, enterprise.id, input.orderId);
    return {
      ...orderView(order, providerName),
      reasons: order.reasons,
      trace: order.trace as Array<{ code: string; zh: string; en: string }>,
      payment: { gateway: order.paymentGateway as 'simulated' | 'stripe', checkoutUrl: order.checkoutUrl },
      /** The provider's delivery record, once it marked the order delivered. */
      delivery: order.deliveredAt ? { at: order.deliveredAt, note: order.deliveryNote } : null,
    };
  }),

  cancel: smeProcedure.input(orderId).mutation(async ({ ctx, input }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    const { order: current, providerName } = await ownOrder(ctx.db, enterprise.id, input.orderId);
    const order = await cancelOrder(ctx.db, ctx.payments, {
      order: current,
      actorUserId: ctx.user.id,
      now: ctx.now(),
    });
    return orderView(order, providerName);
  }),

  /** A paid (or refunded) order's printable receipt, with the subsidy's article and trace; own orders only. */
  receipt: smeProcedure.input(orderId).query(async ({ ctx, input }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    return orderReceipt(ctx.db, { enterpriseId: enterprise.id, orderId: input.orderId });
  }),
});

export { ownOrder };
