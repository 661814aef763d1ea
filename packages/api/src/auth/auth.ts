import { type Db, schema } from '@nanshan/db';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';

/** Roles a person may give themselves at sign-up; `admin` is only granted by `pnpm admin:create`. */
export const SELF_SERVICE_ROLES = ['sme', 'provider'] as const;
export type Role = 'sme' | 'provider' | 'admin';

export interface AuthOptions {
  db: Db;
  secret: string;
  baseURL: string;
  trustedOrigins?: string[];
}

/**
 * better-auth with its drizzle adapter: email + password, passwords hashed by the library (scrypt),
 * sessions stored server-side in the `session` table behind an HTTP-only cookie.
 */
export function createAuth({ db, secret, baseURL, trustedOrigins = [] }: AuthOptions) {
  return betterAuth({
    appName: 'Nanshan AI compute vouchers',
    secret,
    baseURL,
    basePath: '/api/auth',
    trustedOrigins,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
      },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'sme', input: true },
      },
    },
    databaseHooks: {
      user: {
        create: {
          // Over HTTP a person may register as an SME or a provider user, never as district staff.
          before: async (user) => {
            const role = (user.role as string | undefined) ?? 'sme';
            if (!(SELF_SERVICE_ROLES as readonly string[]).includes(role)) return false;
            return { data: { ...user, role } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
