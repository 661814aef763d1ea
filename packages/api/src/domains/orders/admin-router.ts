import { schema, toSafeInteger } from '@nanshan/db';
import { count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { adminProcedure, router } from '../../trpc';
import { orderView } from './order-view';

const status = z.enum(['awaiting_payment', 'paid', 'cancelled', 'expired', 'failed', 'refunded']);

export const adminOrdersRouter = router({
  /** Every order, newest first, with the buying enterprise — district staff only. */
  list: adminProcedure
    .input(
      z.object({
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
        status: status.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where = input.status ? eq(schema.orders.status, input.status) : undefined;
      const [rows, [total]] = await Promise.all([
        ctx.db
          .select({
            order: schema.orders,
            providerName: schema.providers.name,
            enterpriseName: schema.enterprises.name,
          })
          .from(schema.orders)
          .innerJoin(schema.providers, eq(schema.providers.id, schema.orders.providerId))
          .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.orders.enterpriseId))
          .where(where)
          .orderBy(desc(schema.orders.createdAt), desc(schema.orders.id))
          .limit(input.pageSize)
          .offset((input.page - 1) * input.pageSize),
        ctx.db.select({ n: count() }).from(schema.orders).where(where),
      ]);
      return {
        total: toSafeInteger(total?.n),
        items: rows.map((r) => ({ ...orderView(r.order, r.providerName), enterpriseName: r.enterpriseName })),
      };
    }),
});
