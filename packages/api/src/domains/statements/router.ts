import { z } from 'zod';
import { router, smeProcedure } from '../../trpc';
import { requireEnterprise } from '../enterprises/membership';
import { orderStatement } from './order-statement';
import { MIME_TYPES, statementCsv, statementXlsx } from './render';

export const statementsRouter = router({
  /** The enterprise's orders of a year as a file (CSV with BOM, or XLSX) with a totals row of paid orders. */
  orders: smeProcedure
    .input(z.object({ year: z.number().int().min(2024).max(2100), format: z.enum(['csv', 'xlsx']) }))
    .query(async ({ ctx, input }) => {
      const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
      const statement = await orderStatement(ctx.db, { enterpriseId: enterprise.id, year: input.year });
      const content =
        input.format === 'csv' ? statementCsv(statement) : await statementXlsx(statement, ctx.now());
      return {
        filename: `orders-${enterprise.uscc}-${input.year}.${input.format}`,
        mimeType: MIME_TYPES[input.format],
        contentBase64: content.toString('base64'),
      };
    }),
});
