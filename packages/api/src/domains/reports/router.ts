import { z } from 'zod';
import { adminProcedure, router } from '../../trpc';
import { enterpriseYearStatement } from './enterprise-statement';
import { statementFile } from './files';
import { subsidyReport, subsidyReportStatement } from './subsidy-report';

const year = z.number().int().min(2024).max(2100);
const groupBy = z.enum(['article', 'month', 'provider', 'enterprise']);

export const reportsRouter = router({
  /** Subsidies of a fund year from the ledger (granted when paid, minus refunds), grouped for tables and charts. */
  subsidies: adminProcedure
    .input(z.object({ year, groupBy }))
    .query(({ ctx, input }) => subsidyReport(ctx.db, input)),

  /** The same report as a file: CSV (UTF-8 with BOM, yuan decimals) or XLSX. */
  export: adminProcedure
    .input(z.object({ year, groupBy, format: z.enum(['csv', 'xlsx']) }))
    .query(async ({ ctx, input }) => {
      const report = await subsidyReport(ctx.db, input);
      return statementFile(subsidyReportStatement(report), {
        format: input.format,
        filename: `subsidies-${input.year}-by-${input.groupBy}`,
        sheetName: `补贴 ${input.year} ${input.groupBy}`,
        now: ctx.now(),
      });
    }),

  /** An enterprise's year: caps, subsidies by article and month, its orders; with `format`, the statement file. */
  enterpriseStatement: adminProcedure
    .input(z.object({ enterpriseId: z.uuid(), year, format: z.enum(['csv', 'xlsx']).optional() }))
    .query(({ ctx, input }) =>
      enterpriseYearStatement(ctx.db, {
        enterpriseId: input.enterpriseId,
        year: input.year,
        now: ctx.now(),
        ...(input.format ? { format: input.format } : {}),
      }),
    ),
});
