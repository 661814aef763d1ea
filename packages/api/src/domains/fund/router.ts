import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { shenzhenYear } from '../../clock';
import { adminProcedure, router } from '../../trpc';

export const fundRouter = router({
  /** Art. 2: the year's budget and what is committed (paid subsidies), reserved (awaiting payment) and left. */
  summary: adminProcedure
    .input(z.object({ year: z.number().int().min(2024).max(2100).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const year = input?.year ?? shenzhenYear(ctx.now());
      const [fund] = await ctx.db.select().from(schema.fundYears).where(eq(schema.fundYears.year, year));
      const budgetFen = fund?.budgetFen ?? 0;
      const committedFen = fund?.committedFen ?? 0;
      const reservedFen = fund?.reservedFen ?? 0;
      return { year, budgetFen, committedFen, reservedFen, leftFen: budgetFen - committedFen - reservedFen };
    }),
});
