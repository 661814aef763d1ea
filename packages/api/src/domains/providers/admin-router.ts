import { schema, toSafeInteger } from '@nanshan/db';
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { shenzhenDate } from '../../clock';
import { domainError } from '../../errors';
import { adminProcedure, router } from '../../trpc';
import { decideProvider } from './decide-provider';
import { PROVIDER_KINDS, PROVIDER_STATUSES } from './facts';
import { FILING_ITEMS, filingChecklist, reviewFilingItem } from './filing-checklist';
import { providerDecisions, providerDocuments, providerView } from './provider-view';

const providerId = z.uuid();
/** Every staff decision carries a reason: it is shown to the provider. */
const reason = z.string().trim().min(1).max(2000);
const isoDate = z.iso.date();

/** `%` and `_` typed into the search box are literal characters, not wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const periodInOrder = (v: { validFrom?: string | undefined; validTo?: string | undefined }) =>
  !v.validFrom || !v.validTo || v.validFrom <= v.validTo;
const bothOrNeither = (v: { validFrom?: string | undefined; validTo?: string | undefined }) =>
  (v.validFrom === undefined) === (v.validTo === undefined);

const decisionInput = z
  .discriminatedUnion('decision', [
    z.object({
      decision: z.literal('approve'),
      providerId,
      reason,
      validFrom: isoDate.optional(),
      validTo: isoDate.optional(),
    }),
    z.object({ decision: z.literal('file'), providerId, reason, validFrom: isoDate, validTo: isoDate }),
    z.object({ decision: z.literal('suspend'), providerId, reason }),
    z.object({ decision: z.literal('revoke'), providerId, reason }),
    z.object({
      decision: z.literal('reinstate'),
      providerId,
      reason,
      validFrom: isoDate.optional(),
      validTo: isoDate.optional(),
    }),
  ])
  .refine((v) => !('validFrom' in v) || bothOrNeither(v), {
    message: 'filing_period_incomplete',
    path: ['validTo'],
  })
  .refine((v) => !('validFrom' in v) || periodInOrder(v), {
    message: 'filing_period_reversed',
    path: ['validTo'],
  });

/** Per provider: how many checklist items are accepted, rejected, awaiting review, or not submitted yet. */
async function checklistCounts(db: Parameters<typeof filingChecklist>[0], providerIds: string[]) {
  const rows = providerIds.length
    ? await db
        .select({
          providerId: schema.filingItems.providerId,
          status: schema.filingItems.status,
          statement: schema.filingItems.statement,
          documentId: schema.filingItems.documentId,
        })
        .from(schema.filingItems)
        .where(inArray(schema.filingItems.providerId, providerIds))
    : [];
  const counts = new Map(
    providerIds.map((id) => [
      id,
      { accepted: 0, rejected: 0, submitted: 0, notSubmitted: FILING_ITEMS.length },
    ]),
  );
  for (const r of rows) {
    const c = counts.get(r.providerId)!;
    const empty = r.status === 'submitted' && r.statement.trim() === '' && r.documentId === null;
    if (empty) continue;
    c.notSubmitted -= 1;
    if (r.status === 'accepted') c.accepted += 1;
    else if (r.status === 'rejected') c.rejected += 1;
    else c.submitted += 1;
  }
  return counts;
}

export const adminProvidersRouter = router({
  /** Providers newest first; filter by status, kind and a name or 统一社会信用代码 search. */
  list: adminProcedure
    .input(
      z.object({
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
        status: z.enum(PROVIDER_STATUSES).optional(),
        kind: z.enum(PROVIDER_KINDS).optional(),
        search: z.string().trim().max(100).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const conditions: SQL[] = [];
      if (input.status) conditions.push(eq(schema.providers.status, input.status));
      if (input.kind) conditions.push(eq(schema.providers.kind, input.kind));
      if (input.search) {
        const pattern = likePattern(input.search);
        conditions.push(or(ilike(schema.providers.name, pattern), ilike(schema.providers.uscc, pattern))!);
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const [rows, [total]] = await Promise.all([
        ctx.db
          .select()
          .from(schema.providers)
          .where(where)
          .orderBy(desc(schema.providers.createdAt), desc(schema.providers.id))
          .limit(input.pageSize)
          .offset((input.page - 1) * input.pageSize),
        ctx.db.select({ n: count() }).from(schema.providers).where(where),
      ]);
      const counts = await checklistCounts(
        ctx.db,
        rows.map((p) => p.id),
      );
      const today = shenzhenDate(ctx.now());
      return {
        total: toSafeInteger(total?.n),
        items: rows.map((p) => ({ ...providerView(p, today), checklist: counts.get(p.id)! })),
      };
    }),

  /** One provider: profile, checklist with documents, every document, staff decisions, members and offering counts. */
  get: adminProcedure.input(z.object({ providerId })).query(async ({ ctx, input }) => {
    const [provider] = await ctx.db
      .select()
      .from(schema.providers)
      .where(eq(schema.providers.id, input.providerId));
    if (!provider) throw domainError('provider_not_found', 'NOT_FOUND');
    const [checklist, documents, decisions, members, offerings] = await Promise.all([
      filingChecklist(ctx.db, provider.id),
      providerDocuments(ctx.db, provider.id),
      providerDecisions(ctx.db, provider.id),
      ctx.db
        .select({ userId: schema.user.id, name: schema.user.name, email: schema.user.email })
        .from(schema.providerMembers)
        .innerJoin(schema.user, eq(schema.user.id, schema.providerMembers.userId))
        .where(eq(schema.providerMembers.providerId, provider.id)),
      ctx.db
        .select({ status: schema.offerings.status, n: count() })
        .from(schema.offerings)
        .where(eq(schema.offerings.providerId, provider.id))
        .groupBy(schema.offerings.status),
    ]);
    const offeringCount = (status: string) => toSafeInteger(offerings.find((o) => o.status === status)?.n);
    return {
      ...providerView(provider, shenzhenDate(ctx.now())),
      checklist,
      documents,
      decisions,
      members,
      offerings: {
        draft: offeringCount('draft'),
        listed: offeringCount('listed'),
        delisted: offeringCount('delisted'),
      },
    };
  }),

  /** Accepts or rejects one checklist item with a note the provider sees (required to reject). */
  reviewItem: adminProcedure
    .input(
      z
        .object({
          providerId,
          item: z.enum(FILING_ITEMS),
          decision: z.enum(['accepted', 'rejected']),
          note: z.string().trim().max(2000).default(''),
        })
        .refine((v) => v.decision === 'accepted' || v.note !== '', {
          message: 'review_note_required',
          path: ['note'],
        }),
    )
    .mutation(({ ctx, input }) =>
      reviewFilingItem(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
    ),

  /**
   * approve | file (validFrom/validTo) | suspend | revoke | reinstate, with a reason. Only the legal transitions;
   * suspension and revocation delist the provider's offerings at once.
   */
  decide: adminProcedure.input(decisionInput).mutation(({ ctx, input }) =>
    decideProvider(ctx.db, {
      providerId: input.providerId,
      decision: input.decision,
      reason: input.reason,
      validFrom: 'validFrom' in input ? input.validFrom : undefined,
      validTo: 'validTo' in input ? input.validTo : undefined,
      actorUserId: ctx.user.id,
      now: ctx.now(),
    }),
  ),
});
