import { z } from 'zod';
import { shenzhenYear } from '../../clock';
import { adminProcedure, router } from '../../trpc';
import { fundBurnDown } from './burn-down';
import { changeFundBudget } from './change-budget';
import { fundSummary } from './fund-summary';

const year = z.number().int().min(2024).max(2100);
/** Every budget change carries its reason (Art. 2: who, when and why). */
const reason = z.string().trim().min(1).max(2000);

export const fundRouter = router({
  /**
   * Art. 2: the year's budget and what is committed (paid subsidies), reserved (awaiting payment), left and
   * disbursed (paid out, from the ledger), with the budget's adjustment history.
   */
  summary: adminProcedure
    .input(z.object({ year: year.optional() }).optional())
    .query(({ ctx, input }) => fundSummary(ctx.db, input?.year ?? shenzhenYear(ctx.now()))),

  /** Sets the year's budget to an amount (fen). Refused below committed + reserved: `budget_below_commitments`. */
  setBudget: adminProcedure
    .input(z.object({ year, budgetFen: z.number().int().min(0), reason }))
    .mutation(({ ctx, input }) =>
      changeFundBudget(ctx.db, {
        year: input.year,
        change: { budgetFen: input.budgetFen },
        reason: input.reason,
        actorUserId: ctx.user.id,
        now: ctx.now(),
      }),
    ),

  /** Raises (positive) or lowers (negative) the year's budget by `deltaFen`. */
  adjust: adminProcedure
    .input(
      z.object({
        year,
        deltaFen: z
          .number()
          .int()
          .refine((n) => n !== 0, 'delta must not be zero'),
        reason,
      }),
    )
    .mutation(({ ctx, input }) =>
      changeFundBudget(ctx.db, {
        year: input.year,
        change: { deltaFen: input.deltaFen },
        reason: input.reason,
        actorUserId: ctx.user.id,
        now: ctx.now(),
      }),
    ),

  /** Budget, used (committed + reserved) and left over the year from the ledger, and when the fund runs out. */
  burnDown: adminProcedure
    .input(z.object({ year, granularity: z.enum(['day', 'week']).default('day') }))
    .query(({ ctx, input }) =>
      fundBurnDown(ctx.db, { year: input.year, granularity: input.granularity, now: ctx.now() }),
    ),
});
