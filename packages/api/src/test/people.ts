import { usccCheckCharacter } from '@nanshan/rules';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { Role } from '../auth/auth';
import { ensureUser } from '../auth/ensure-user';
import { appRouter } from '../root';
import { createCallerFactory } from '../trpc';
import type { Harness } from './harness';

const createCaller = createCallerFactory(appRouter);

/** A new user (signed up through better-auth like anyone else) and a tRPC caller acting as them. */
export async function newUser(h: Harness, email: string, role: Role = 'sme') {
  const { id } = await ensureUser(h.auth, h.db, { email, password: 'Test@2026-password', name: email, role });
  const user = { id, name: email, email: email.toLowerCase(), role };
  return { user, caller: createCaller({ db: h.db, now: h.now, payments: h.payments, user }) };
}

/** A valid 统一社会信用代码 from 17 characters (the check character is computed). */
export function validUscc(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

/** Awaits a call that must be refused with `code` (and, when given, the domain reason code). */
export async function expectRefusal(call: Promise<unknown>, code: TRPCError['code'], reason?: string) {
  const error = await call.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (reason) expect(((error as TRPCError).cause as { reason?: string }).reason).toBe(reason);
  return error as TRPCError;
}
