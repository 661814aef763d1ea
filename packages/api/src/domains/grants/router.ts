import { z } from 'zod';
import { authedProcedure, router, smeProcedure } from '../../trpc';
import { requireEnterprise } from '../enterprises/membership';
import { applyForGrant, applyInput } from './apply';
import { uploadEvidence, uploadInput } from './evidence';
import { raiseObjection } from './objections';
import { respondToInfoRequest } from './respond';
import { applicantView, applicationsOf, ownApplication, publicNotices } from './views';
import { withdrawApplication } from './withdraw';

const applicationId = z.uuid();
const note = z.string().trim().min(1).max(2000);

/** The applicant's side of the grants module (Arts. 5, 6 annual declaration, 7, 8, 9, 11, 12, 13, 14). */
export const grantsRouter = router({
  /**
   * Stores an evidence file (PDF, PNG or JPEG, at most 10 MB) for the enterprise's applications, with the grant
   * evidence kinds; read it back with `documents.get`. (`documents.upload` with `ownerType: 'enterprise'` works too.)
   */
  uploadDocument: smeProcedure.input(uploadInput).mutation(async ({ ctx, input }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    return uploadEvidence(ctx.db, {
      ...input,
      enterpriseId: enterprise.id,
      userId: ctx.user.id,
      now: ctx.now(),
    });
  }),

  /**
   * Applies under one article; the proposal is computed at once from the database's history. (Named `submit`:
   * tRPC reserves `apply`, which the client proxy would mistake for Function.prototype.apply.)
   */
  submit: smeProcedure.input(applyInput).mutation(async ({ ctx, input }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    const { applicationId: id } = await applyForGrant(ctx.db, {
      enterprise,
      userId: ctx.user.id,
      now: ctx.now(),
      application: input,
    });
    return applicantView(ctx.db, await ownApplication(ctx.db, enterprise.id, id));
  }),

  /** The enterprise's applications, newest first. */
  mine: smeProcedure.query(async ({ ctx }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    return applicationsOf(ctx.db, enterprise.id);
  }),

  /** One own application with every step, the proposal and its trace, the decision and the payout. */
  get: smeProcedure.input(z.object({ applicationId })).query(async ({ ctx, input }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    return applicantView(ctx.db, await ownApplication(ctx.db, enterprise.id, input.applicationId));
  }),

  /** Answers a request for information; the application returns to the step that asked. */
  respond: smeProcedure
    .input(z.object({ applicationId, note, documentIds: z.array(z.uuid()).max(50).default([]) }))
    .mutation(async ({ ctx, input }) => {
      const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
      await respondToInfoRequest(ctx.db, {
        enterpriseId: enterprise.id,
        applicationId: input.applicationId,
        note: input.note,
        documentIds: input.documentIds,
        userId: ctx.user.id,
        now: ctx.now(),
      });
      return applicantView(ctx.db, await ownApplication(ctx.db, enterprise.id, input.applicationId));
    }),

  /** Withdraws an application nothing has been decided on. */
  withdraw: smeProcedure
    .input(z.object({ applicationId, note: z.string().trim().max(2000).default('') }))
    .mutation(async ({ ctx, input }) => {
      const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
      await withdrawApplication(ctx.db, {
        enterpriseId: enterprise.id,
        applicationId: input.applicationId,
        note: input.note,
        userId: ctx.user.id,
        now: ctx.now(),
      });
      return applicantView(ctx.db, await ownApplication(ctx.db, enterprise.id, input.applicationId));
    }),

  /** Applications under public notice (公示) today: anyone signed in may read them and object. */
  notices: authedProcedure.query(async ({ ctx }) => publicNotices(ctx.db, ctx.now())),

  /** An objection to an application under public notice, by anyone signed in. */
  object: authedProcedure.input(z.object({ applicationId, text: note })).mutation(async ({ ctx, input }) =>
    raiseObjection(ctx.db, {
      applicationId: input.applicationId,
      text: input.text,
      userId: ctx.user.id,
      now: ctx.now(),
    }),
  ),
});
