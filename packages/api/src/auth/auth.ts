import { type Db, schema } from '@nanshan/db';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';

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
 * sessions stored server-side in the `session` table behind an HTTP-only, SameSite=Lax cookie that is also
 * `Secure` and `__Secure-`-prefixed when the server is reached over https.
 */
export function createAuth({ db, secret, baseURL, trustedOrigins = [] }: AuthOptions) {
  return betterAuth({
    appName: 'Nanshan AI compute vouchers',
    secret,
    baseURL,
    basePath: '/api/auth',
    trustedOrigins,
    telemetry: { enabled: false },
    advanced: {
      useSecureCookies: isHttps(baseURL),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // The library skips its origin check when NODE_ENV=test; tests must see what production does.
      disableOriginCheck: false,
    },
    // Sign-in attempts are limited in front of this handler, in the database, across all server processes
    // (security/sign-in-limit.ts); the library's own limiter (other auth routes, in production) is per process.
    rateLimit: { customRules: { '/sign-in/email': false } },
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
        update: {
          // The role is chosen once, at sign-up. better-auth's /update-user accepts every additional field that
          // sign-up accepts, so without this a signed-in SME could post `{ role: 'admin' }` and become staff.
          // Staff and the CLI change roles in the database directly (ensure-user.ts), never through this hook.
          before: async (user) => {
            if ('role' in user) throw new APIError('FORBIDDEN', { message: 'role_not_changeable' });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export function isHttps(url: string): boolean {
  return url.startsWith('https://');
}

/** The origins whose pages may send signed-in, state-changing requests: the server's own and the configured ones. */
export function trustedOriginsOf(auth: Auth): string[] {
  const { baseURL, trustedOrigins } = auth.options;
  return [String(baseURL), ...(Array.isArray(trustedOrigins) ? trustedOrigins : [])];
}
