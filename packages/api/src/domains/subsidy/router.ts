import { schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { router, smeProcedure } from '../../trpc';
import { requireEnterprise } from '../enterprises/membership';
import { annualCapFen } from '../orders/purchase-quote';

export const subsidyRouter = router({
  /** The enterprise's annual caps: granted (paid), reserved (awaiting payment) and left. */
  summary: smeProcedure
    .input(z.object({ year: z.number().int().min(2024).max(2100).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
      const now = ctx.now();
      const year = input?.year ?? shenzhenYear(now);
      const [usage] = await ctx.db
        .select()
        .from(schema.subsidyUsage)
        .where(
          and(
            eq(schema.subsidyUsage.enterpriseId, enterprise.id),
            eq(schema.subsidyUsage.article, 'art6'),
            eq(schema.subsidyUsage.year, year),
          ),
        );
      const capFen =
        usage?.capFen ?? annualCapFen('art6', year === shenzhenYear(now) ? shenzhenDate(now) : `${year}-12-31`);
      const grantedFen = usage?.grantedFen ?? 0;
      const reservedFen = usage?.reservedFen ?? 0;
      return {
        year,
        articles: [
          {
            article: 'art6' as const,
            capFen,
            grantedFen,
            reservedFen,
            leftFen: capFen - grantedFen - reservedFen,
          },
        ],
      };
    }),
});
