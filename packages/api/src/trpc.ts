import type { Db } from '@nanshan/db';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { Role } from './auth/auth';
import type { Clock } from './clock';
import { DomainError } from './errors';
import type { PaymentGateway } from './payments/gateway';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface Context {
  db: Db;
  now: Clock;
  user: SessionUser | null;
  payments: PaymentGateway;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause as { issues?: unknown } | undefined;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Input validation failures carry the zod issues so forms can show them field by field.
        zodIssues: error.code === 'BAD_REQUEST' && Array.isArray(cause?.issues) ? cause.issues : null,
        reason: error.cause instanceof DomainError ? error.cause.reason : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign_in_required' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function roleProcedure(role: Role) {
  return authedProcedure.use(({ ctx, next }) => {
    if (ctx.user.role !== role) throw new TRPCError({ code: 'FORBIDDEN', message: `${role}_only` });
    return next();
  });
}

export const smeProcedure = roleProcedure('sme');
export const providerProcedure = roleProcedure('provider');
export const adminProcedure = roleProcedure('admin');
