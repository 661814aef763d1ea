import { publicProcedure, router } from '../../trpc';
import { enterpriseOfUser } from '../enterprises/membership';

export const sessionRouter = router({
  /** Who is signed in, and the enterprise an SME user acts for. */
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user) return null;
    const enterprise = ctx.user.role === 'sme' ? await enterpriseOfUser(ctx.db, ctx.user.id) : undefined;
    return {
      user: ctx.user,
      enterprise: enterprise
        ? {
            id: enterprise.id,
            name: enterprise.name,
            uscc: enterprise.uscc,
            verified: enterprise.verifiedAt !== null,
          }
        : null,
    };
  }),
});
