import { isIsoDate } from '@nanshan/rules';
import { z } from 'zod';
import { adminProcedure, router } from '../../trpc';
import { draftSegment, listParameters, publishSegment, withdrawSegment } from './segments';
import { PARAM_KEYS } from './values';
import { whatIf } from './what-if';

const key = z.enum(PARAM_KEYS);
const isoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');
const reason = z.string().trim().min(1).max(2000);
const id = z.uuid();

export const parametersRouter = router({
  /** Every parameter with its citation, unit, dated segments, bureau flag, value in force today and staff segments. */
  list: adminProcedure.query(({ ctx }) => listParameters(ctx.db, ctx.now())),

  /**
   * A draft segment for a bureau-set value (publishable) or a cap/rate the measures fix (what-if only). Refusals:
   * `parameter_not_draftable`, `parameter_value_invalid`, `rent_tiers_not_contiguous`, `parameter_outside_validity`.
   */
  draft: adminProcedure
    .input(
      z
        .object({ key, value: z.unknown(), fromDate: isoDate, toDate: isoDate.optional(), reason })
        .refine((d) => !d.toDate || d.fromDate <= d.toDate, {
          message: 'toDate must not be before fromDate',
          path: ['toDate'],
        }),
    )
    .mutation(({ ctx, input }) =>
      draftSegment(ctx.db, {
        key: input.key,
        value: input.value,
        fromDate: input.fromDate,
        ...(input.toDate ? { toDate: input.toDate } : {}),
        reason: input.reason,
        actorUserId: ctx.user.id,
        now: ctx.now(),
      }),
    ),

  /**
   * The effect of a candidate value on last year's paid orders and on the fund. Refusals: `what_if_not_supported`
   * (keys other than the Art. 6 / Art. 9 rates and caps) and the value checks of `draft`.
   */
  whatIf: adminProcedure
    .input(z.object({ key, value: z.unknown() }))
    .query(({ ctx, input }) => whatIf(ctx.db, { key: input.key, value: input.value, now: ctx.now() })),

  /**
   * Publishes a draft of a bureau-set value, effective from its start date (tomorrow at the earliest). Refusals:
   * `parameter_not_found`, `parameter_not_draft`, `parameter_not_set_by_bureau`, `parameter_effective_too_early`.
   */
  publish: adminProcedure.input(z.object({ id, reason })).mutation(({ ctx, input }) =>
    publishSegment(ctx.db, {
      id: input.id,
      reason: input.reason,
      actorUserId: ctx.user.id,
      now: ctx.now(),
    }),
  ),

  /**
   * Withdraws a draft, or a published segment before its start date. Refusals: `parameter_not_found`,
   * `parameter_not_draft` (already withdrawn), `parameter_already_in_force`.
   */
  withdraw: adminProcedure.input(z.object({ id, reason })).mutation(({ ctx, input }) =>
    withdrawSegment(ctx.db, {
      id: input.id,
      reason: input.reason,
      actorUserId: ctx.user.id,
      now: ctx.now(),
    }),
  ),
});
