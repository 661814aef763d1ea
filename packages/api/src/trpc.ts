import type { Db } from '@nanshan/db';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { Role } from './auth/auth';
import type { Clock } from './clock';
import { DomainError, domainError } from './errors';
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
/** Whether a raw input holds U+0000 anywhere (keys or strings): Postgres text cannot store it. */
function hasNulCharacter(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNulCharacter);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNulCharacter(v));
  return false;
}

/** Every procedure refuses a NUL character as bad input, rather than failing later in the database (a 500). */
export const publicProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  if (hasNulCharacter(await getRawInput())) throw domainError('nul_character');
  return next();
});

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
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
