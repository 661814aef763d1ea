import { z } from 'zod';
import { shenzhenDate } from '../../clock';
import { providerProcedure, router } from '../../trpc';
import { providerFacts } from './facts';
import { FILING_ITEMS, filingChecklist, submitFilingItem } from './filing-checklist';
import { providerOfUser } from './membership';
import { providerDecisions, providerDocuments, providerView } from './provider-view';
import { registerProvider } from './register-provider';

export const providersRouter = router({
  /**
   * A provider user without a provider registers one (pending until staff decide). An intelligent-computing centre
   * must be in Shenzhen (Art. 6); the 统一社会信用代码 is checked by the rules package.
   */
  register: providerProcedure
    .input(z.object({ ...providerFacts, uscc: z.string().trim().min(1).max(40) }))
    .mutation(async ({ ctx, input }) => {
      const { uscc, ...facts } = input;
      const provider = await registerProvider(ctx.db, { userId: ctx.user.id, uscc, facts, now: ctx.now() });
      return { providerId: provider.id };
    }),

  /** The caller's provider: profile, status and validity, the filing checklist with review notes, staff decisions with reasons, documents; null if none. */
  mine: providerProcedure.query(async ({ ctx }) => {
    const provider = await providerOfUser(ctx.db, ctx.user.id);
    if (!provider) return null;
    const [checklist, decisions, documents] = await Promise.all([
      filingChecklist(ctx.db, provider.id),
      providerDecisions(ctx.db, provider.id),
      providerDocuments(ctx.db, provider.id),
    ]);
    return {
      ...providerView(provider, shenzhenDate(ctx.now())),
      checklist: checklist.map(({ reviewerName: _, ...item }) => item),
      decisions: decisions.map(({ id, decision, reason, at }) => ({ id, decision, reason, at })),
      documents,
    };
  }),

  /** States what the provider has for one checklist item (and optionally cites one of its documents); back to `submitted`. */
  submitFilingItem: providerProcedure
    .input(
      z.object({
        item: z.enum(FILING_ITEMS),
        statement: z.string().trim().max(4000),
        documentId: z.uuid().nullable().default(null),
      }),
    )
    .mutation(({ ctx, input }) =>
      submitFilingItem(ctx.db, { userId: ctx.user.id, ...input, now: ctx.now() }),
    ),
});
