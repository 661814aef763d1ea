import { schema } from '@nanshan/db';
import { z } from 'zod';
import { adminProcedure, router } from '../../trpc';
import { twoPersonApprovalAboveFen } from './approval-threshold';
import { approveApplication } from './approve';
import { disburseGrant, GRANT_REFERENCE_PATTERN } from './disburse';
import { GRANT_ARTICLES, MAX_FORM_FEN } from './facts';
import { resolveObjection } from './objections';
import { advanceApplication, MAX_NOTICE_DAYS, rejectApplication, requestInformation } from './review';
import { revokeGrant } from './revoke';
import { reviewerView, reviewQueue } from './views';

const applicationId = z.uuid();
/** Every staff decision carries a reason or a note: it is shown to the applicant. */
const reason = z.string().trim().min(1).max(2000);
const status = z.enum(schema.GRANT_STATES);

/**
 * District staff review grant applications: queue, review with the trace, decide, revoke, pay (every action audited).
 */
export const adminGrantsRouter = router({
  /** The review queue, oldest first; filter by status and article. */
  queue: adminProcedure
    .input(
      z.object({
        status: status.optional(),
        article: z.enum(GRANT_ARTICLES).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(async ({ ctx, input }) => reviewQueue(ctx.db, input)),

  /** One application with the proposal recomputed now, its trace, history, approvals, duplicates and the fund. */
  get: adminProcedure.input(z.object({ applicationId })).query(async ({ ctx, input }) =>
    reviewerView(ctx.db, {
      applicationId: input.applicationId,
      now: ctx.now(),
      twoPersonAboveFen: twoPersonApprovalAboveFen(),
    }),
  ),

  /**
   * The next step (submitted → formal_check → bureau_review → funding_plan → verification → public_notice), from the
   * step staff saw; entering the public notice sets its length (days, default 5).
   */
  advance: adminProcedure
    .input(
      z.object({
        applicationId,
        from: status,
        note: z.string().trim().max(2000).default(''),
        noticeDays: z.number().int().min(1).max(MAX_NOTICE_DAYS).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      advanceApplication(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
    ),

  /** Asks the applicant for more information (the note says what). */
  requestInfo: adminProcedure
    .input(z.object({ applicationId, note: reason }))
    .mutation(async ({ ctx, input }) =>
      requestInformation(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
    ),

  /** Rejects an open application with the reason the applicant reads. */
  reject: adminProcedure
    .input(z.object({ applicationId, reason }))
    .mutation(async ({ ctx, input }) =>
      rejectApplication(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
    ),

  /** Approves an amount (≤ the proposal recomputed now); above the threshold two different staff must approve. */
  approve: adminProcedure
    .input(
      z.object({
        applicationId,
        amountFen: z.number().int().min(1).max(MAX_FORM_FEN),
        note: z.string().trim().max(2000).default(''),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      approveApplication(ctx.db, {
        ...input,
        actorUserId: ctx.user.id,
        now: ctx.now(),
        twoPersonAboveFen: twoPersonApprovalAboveFen(),
      }),
    ),

  /** Resolves an objection raised during the public notice: dismissed, or upheld (back to verification). */
  resolveObjection: adminProcedure
    .input(z.object({ objectionId: z.uuid(), outcome: z.enum(['dismissed', 'upheld']), resolution: reason }))
    .mutation(async ({ ctx, input }) =>
      resolveObjection(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
    ),

  /** Revokes a decided grant not yet paid, with the reason the applicant reads; its reservation is released. */
  revoke: adminProcedure
    .input(z.object({ applicationId, reason }))
    .mutation(async ({ ctx, input }) =>
      revokeGrant(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
    ),

  /** Pays a decided grant: a payout batch with a unique reference and the ledger posting fund → grantee. */
  disburse: adminProcedure
    .input(
      z.object({ applicationId, reference: z.string().trim().regex(GRANT_REFERENCE_PATTERN).optional() }),
    )
    .mutation(async ({ ctx, input }) =>
      disburseGrant(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
    ),
});
