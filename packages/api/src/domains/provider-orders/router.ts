import { schema, toSafeInteger } from '@nanshan/db';
import { and, asc, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { shenzhenYear } from '../../clock';
import { providerProcedure, router } from '../../trpc';
import { requireProvider } from '../providers/membership';
import { MIME_TYPES, statementCsv } from '../statements/render';
import { markDelivered } from './mark-delivered';
import { providerOrderView } from './provider-order-view';
import { providerStatement } from './provider-statement';
import { providerRevenue } from './revenue';

const ORDER_STATUSES = ['awaiting_payment', 'paid', 'cancelled', 'expired', 'failed', 'refunded'] as const;

export const providerOrdersRouter = router({
  /**
   * Orders of the caller's offerings only. `scope: 'to_fulfil'` → paid and not delivered, oldest payment first;
   * `'all'` → every order (optionally one status), newest first.
   */
  list: providerProcedure
    .input(
      z.object({
        scope: z.enum(['to_fulfil', 'all']).default('all'),
        status: z.enum(ORDER_STATUSES).optional(),
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(async ({ ctx, input }) => {
      const provider = await requireProvider(ctx.db, ctx.user.id);
      const conditions: SQL[] = [eq(schema.orders.providerId, provider.id)];
      if (input.scope === 'to_fulfil') {
        conditions.push(eq(schema.orders.status, 'paid'), isNull(schema.orders.deliveredAt));
      } else if (input.status) {
        conditions.push(eq(schema.orders.status, input.status));
      }
      const where = and(...conditions);
      const order =
        input.scope === 'to_fulfil'
          ? [asc(schema.orders.paidAt), asc(schema.orders.id)]
          : [desc(schema.orders.createdAt), desc(schema.orders.id)];
      const [rows, [total]] = await Promise.all([
        ctx.db
          .select({ order: schema.orders, name: schema.enterprises.name, uscc: schema.enterprises.uscc })
          .from(schema.orders)
          .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.orders.enterpriseId))
          .where(where)
          .orderBy(...order)
          .limit(input.pageSize)
          .offset((input.page - 1) * input.pageSize),
        ctx.db.select({ n: count() }).from(schema.orders).where(where),
      ]);
      return {
        total: toSafeInteger(total?.n),
        items: rows.map((r) => providerOrderView(r.order, { name: r.name, uscc: r.uscc })),
      };
    }),

  /** Records the delivery of a paid order of the caller's, with a delivery note; once. */
  markDelivered: providerProcedure
    .input(z.object({ orderId: z.uuid(), deliveryNote: z.string().trim().min(1).max(2000) }))
    .mutation(({ ctx, input }) => markDelivered(ctx.db, { userId: ctx.user.id, ...input, now: ctx.now() })),

  /** Revenue paid by buyers and subsidy receivable from the district, by month of `year` (default: this year). */
  summary: providerProcedure
    .input(z.object({ year: z.number().int().min(2024).max(2100).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const provider = await requireProvider(ctx.db, ctx.user.id);
      return providerRevenue(ctx.db, {
        providerId: provider.id,
        year: input?.year ?? shenzhenYear(ctx.now()),
      });
    }),

  /**
   * The month's statement as CSV (UTF-8 with BOM for Excel, CRLF, amounts in yuan with two decimals from integer
   * fen). `content` is the text; `contentBase64` the same bytes for the apps' download helper.
   */
  statementCsv: providerProcedure
    .input(z.object({ month: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'month') }))
    .query(async ({ ctx, input }) => {
      const provider = await requireProvider(ctx.db, ctx.user.id);
      const bytes = statementCsv(
        await providerStatement(ctx.db, { providerId: provider.id, month: input.month }),
      );
      return {
        filename: `provider-statement-${provider.uscc}-${input.month}.csv`,
        mimeType: MIME_TYPES.csv,
        content: bytes.toString('utf8'),
        contentBase64: bytes.toString('base64'),
      };
    }),
});
