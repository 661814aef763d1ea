import { z } from 'zod';
import { router, smeProcedure } from '../../trpc';
import { requireEnterprise } from '../enterprises/membership';
import { annualCaps, monthlyGranted } from './usage';

const year = z.number().int().min(2024).max(2100);

export const subsidyRouter = router({
  /** The enterprise's annual cap per market article (Arts. 6, 9): granted (paid), reserved (awaiting payment), left. */
  summary: smeProcedure
    .input(z.object({ year: year.optional() }).optional())
    .query(async ({ ctx, input }) => {
      const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
      return annualCaps(ctx.db, enterprise.id, ctx.now(), input?.year);
    }),

  /** Subsidy granted in each month of the year (12 points, net of refunds), per article, for the dashboard chart. */
  monthly: smeProcedure.input(z.object({ year })).query(async ({ ctx, input }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    return monthlyGranted(ctx.db, enterprise.id, input.year);
  }),
});
