import { type DbOrTx, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import type { Auth, Role } from './auth';

/**
 * Creates a user through better-auth (so the library hashes the password) unless the email exists, then
 * gives it the role. Admins can only be made here — by the CLI and the seed — never over HTTP.
 */
export async function ensureUser(
  auth: Auth,
  db: DbOrTx,
  input: { email: string; password: string; name: string; role: Role },
): Promise<{ id: string; created: boolean }> {
  const email = input.email.toLowerCase();
  const [existing] = await db.select().from(schema.user).where(eq(schema.user.email, email));
  if (existing) {
    if (existing.role !== input.role)
      await db.update(schema.user).set({ role: input.role }).where(eq(schema.user.id, existing.id));
    return { id: existing.id, created: false };
  }
  const { user } = await auth.api.signUpEmail({
    body: {
      email,
      password: input.password,
      name: input.name,
      role: input.role === 'admin' ? 'sme' : input.role,
    },
  });
  if (input.role === 'admin')
    await db.update(schema.user).set({ role: 'admin' }).where(eq(schema.user.id, user.id));
  return { id: user.id, created: true };
}
