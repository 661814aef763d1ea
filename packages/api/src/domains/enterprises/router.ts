import { z } from 'zod';
import { authedProcedure, router, smeProcedure } from '../../trpc';
import { enterpriseEligibility } from './eligibility';
import { enterpriseFacts, enterpriseOptions } from './facts';
import { addMember, listMembers, removeMember } from './members';
import { membershipOfUser, requireEnterprise } from './membership';
import { profileView } from './profile-view';
import { registerEnterprise } from './register-enterprise';
import { updateEnterprise } from './update-enterprise';
import { verificationDecisions, verificationStatuses } from './verification';

const factsInput = z.object(enterpriseFacts);

export const enterprisesRouter = router({
  /** Choice lists for the profile form (districts, SME industries, legal statuses, AI activities). */
  options: authedProcedure.query(() => enterpriseOptions()),

  /** An SME user without an enterprise registers one and becomes its owner; staff verify it later. */
  register: smeProcedure
    .input(factsInput.extend({ uscc: z.string().trim().min(1).max(40) }))
    .mutation(async ({ ctx, input }) => {
      const { uscc, ...facts } = input;
      const enterprise = await registerEnterprise(ctx.db, {
        userId: ctx.user.id,
        uscc,
        facts,
        now: ctx.now(),
      });
      return { enterpriseId: enterprise.id };
    }),

  /** The caller's enterprise with its verification state and the staff decisions (with reasons); null if none. */
  mine: smeProcedure.query(async ({ ctx }) => {
    const membership = await membershipOfUser(ctx.db, ctx.user.id);
    if (!membership) return null;
    const { enterprise, role } = membership;
    const [statuses, decisions] = await Promise.all([
      verificationStatuses(ctx.db, [enterprise]),
      verificationDecisions(ctx.db, enterprise.id),
    ]);
    return {
      ...profileView(enterprise, statuses.get(enterprise.id)!),
      myRole: role,
      decisions: decisions.map(({ id, decision, reason, at }) => ({ id, decision, reason, at })),
    };
  }),

  /** Owner only. Changing an eligibility fact withdraws verification (`verificationCleared`). */
  update: smeProcedure
    .input(
      factsInput
        .partial()
        .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing_to_update' }),
    )
    .mutation(({ ctx, input }) =>
      updateEnterprise(ctx.db, { userId: ctx.user.id, changes: input, now: ctx.now() }),
    ),

  /** The SME classification and, per market article, eligibility with reasons, trace and this year's cap. */
  eligibility: smeProcedure.query(async ({ ctx }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    return enterpriseEligibility(ctx.db, enterprise, ctx.now());
  }),

  members: smeProcedure.query(async ({ ctx }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    return listMembers(ctx.db, enterprise.id);
  }),

  /** Owner only: adds an existing SME user, found by email, who acts for no enterprise yet. */
  addMember: smeProcedure
    .input(
      z.object({
        email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
        role: z.enum(['owner', 'member']).default('member'),
      }),
    )
    .mutation(({ ctx, input }) => addMember(ctx.db, { ownerUserId: ctx.user.id, ...input, now: ctx.now() })),

  /** Owner only; never the last owner. */
  removeMember: smeProcedure
    .input(z.object({ userId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) =>
      removeMember(ctx.db, { ownerUserId: ctx.user.id, userId: input.userId, now: ctx.now() }),
    ),
});
