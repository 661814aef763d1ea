import { schema, toSafeInteger } from '@nanshan/db';
import { and, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { domainError } from '../../errors';
import { adminProcedure, router } from '../../trpc';
import { enterpriseEligibility } from './eligibility';
import { DISTRICTS } from './facts';
import { listMembers } from './members';
import { profileView } from './profile-view';
import { decideVerification, verificationDecisions, verificationStatuses } from './verification';

const enterpriseId = z.uuid();
/** Every staff decision carries a reason: it is shown to the applicant. */
const reason = z.string().trim().min(1).max(2000);

/** `%` and `_` typed into the search box are literal characters, not wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const adminEnterprisesRouter = router({
  /** Enterprises newest first; filter by verification, district and a name or 统一社会信用代码 search. */
  list: adminProcedure
    .input(
      z.object({
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
        verification: z.enum(['verified', 'unverified']).optional(),
        district: z.enum(DISTRICTS).optional(),
        search: z.string().trim().max(100).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const conditions: SQL[] = [];
      if (input.verification === 'verified') conditions.push(isNotNull(schema.enterprises.verifiedAt));
      if (input.verification === 'unverified') conditions.push(isNull(schema.enterprises.verifiedAt));
      if (input.district) conditions.push(eq(schema.enterprises.district, input.district));
      if (input.search) {
        const pattern = likePattern(input.search);
        conditions.push(
          or(ilike(schema.enterprises.name, pattern), ilike(schema.enterprises.uscc, pattern))!,
        );
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const [rows, [total]] = await Promise.all([
        ctx.db
          .select()
          .from(schema.enterprises)
          .where(where)
          .orderBy(desc(schema.enterprises.createdAt), desc(schema.enterprises.id))
          .limit(input.pageSize)
          .offset((input.page - 1) * input.pageSize),
        ctx.db.select({ n: count() }).from(schema.enterprises).where(where),
      ]);
      const statuses = await verificationStatuses(ctx.db, rows);
      return {
        total: toSafeInteger(total?.n),
        items: rows.map((e) => profileView(e, statuses.get(e.id)!)),
      };
    }),

  /** One enterprise: profile, members, eligibility as the rules see it today, and every staff decision. */
  get: adminProcedure.input(z.object({ enterpriseId })).query(async ({ ctx, input }) => {
    const [enterprise] = await ctx.db
      .select()
      .from(schema.enterprises)
      .where(eq(schema.enterprises.id, input.enterpriseId));
    if (!enterprise) throw domainError('enterprise_not_found', 'NOT_FOUND');
    const statuses = await verificationStatuses(ctx.db, [enterprise]);
    return {
      ...profileView(enterprise, statuses.get(enterprise.id)!),
      verifiedBy: enterprise.verifiedBy,
      members: await listMembers(ctx.db, enterprise.id),
      eligibility: await enterpriseEligibility(ctx.db, enterprise, ctx.now()),
      decisions: await verificationDecisions(ctx.db, enterprise.id),
    };
  }),

  /** Verifies the profile staff looked at (`profileVersion` from `get`/`list`); subsidies may be granted from now. */
  verify: adminProcedure
    .input(z.object({ enterpriseId, reason, profileVersion: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) =>
      decideVerification(ctx.db, {
        ...input,
        decision: 'verified',
        actorUserId: ctx.user.id,
        now: ctx.now(),
      }),
    ),

  /** Refuses an unverified profile, with the reason the applicant must address. */
  reject: adminProcedure.input(z.object({ enterpriseId, reason })).mutation(({ ctx, input }) =>
    decideVerification(ctx.db, {
      ...input,
      decision: 'rejected',
      actorUserId: ctx.user.id,
      now: ctx.now(),
    }),
  ),

  /** Withdraws a verification: no new subsidy until staff verify again. */
  revokeVerification: adminProcedure
    .input(z.object({ enterpriseId, reason }))
    .mutation(({ ctx, input }) =>
      decideVerification(ctx.db, { ...input, decision: 'revoked', actorUserId: ctx.user.id, now: ctx.now() }),
    ),
});
