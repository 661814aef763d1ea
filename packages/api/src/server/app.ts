import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { trpcServer } from '@hono/trpc-server';
import { type Database, migrationState } from '@nanshan/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type Stripe from 'stripe';
import { type Auth, isHttps, type Role, trustedOriginsOf } from '../auth/auth';
import { type Clock, systemClock } from '../clock';
import type { PaymentGateway } from '../payments/gateway';
import { handleStripeWebhook } from '../payments/stripe-webhook';
import { appRouter } from '../root';
import { trustedOriginCheck } from '../security/origin-check';
import { securityHeaders } from '../security/security-headers';
import { DEFAULT_SIGN_IN_LIMIT, type SignInLimit, signInLimiter } from '../security/sign-in-limit';
import type { Context, SessionUser } from '../trpc';

export interface AppDeps {
  database: Database;
  auth: Auth;
  payments: PaymentGateway;
  now?: Clock;
  /** Set when payments go through Stripe: the client and the endpoint's signing secret. */
  stripeWebhook?: { stripe: Stripe; webhookSecret: string };
  /** Folders with the built SPAs; served only when they exist (production mode). */
  staticRoots?: { market: string; admin: string };
  signInLimit?: SignInLimit;
}

/** The largest request body: a 10 MB document as base64 inside tRPC's JSON, with room to spare. */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
export const BUILT_APPS = {
  market: resolve(REPO_ROOT, 'apps/market/dist'),
  admin: resolve(REPO_ROOT, 'apps/admin/dist'),
};

/** The one HTTP surface: tRPC, auth, health, webhooks and (when built) the two apps. */
export function createApp({
  database,
  auth,
  payments,
  now = systemClock,
  staticRoots,
  stripeWebhook,
  signInLimit = DEFAULT_SIGN_IN_LIMIT,
}: AppDeps) {
  const app = new Hono();
  app.use(securityHeaders({ https: isHttps(String(auth.options.baseURL)) }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => c.json({ code: 'PAYLOAD_TOO_LARGE', message: 'request_too_large' }, 413),
    }),
  );
  // better-auth checks origins on /api/auth itself (see auth.ts); everything else under /api is checked here.
  const originCheck = trustedOriginCheck(trustedOriginsOf(auth));
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/auth/') ? next() : originCheck(c, next)));

  async function userOf(headers: Headers): Promise<SessionUser | null> {
    const session = await auth.api.getSession({ headers });
    if (!session) return null;
    const u = session.user as typeof session.user & { role?: string };
    return { id: u.id, name: u.name, email: u.email, role: (u.role ?? 'sme') as Role };
  }

  app.get('/api/health', async (c) => {
    const migrations = await migrationState(database);
    return c.json({
      status: migrations.upToDate ? 'ok' : 'migrations_pending',
      database: { kind: database.kind, location: database.location },
      migrations,
      payments: payments.kind,
    });
  });

  app.post('/api/auth/sign-in/email', signInLimiter(database.db, now, signInLimit));
  app.on(['GET', 'POST'], '/api/auth/*', (c) => auth.handler(c.req.raw));

  app.use(
    '/api/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/api/trpc',
      createContext: async (opts): Promise<Context & Record<string, unknown>> => ({
        db: database.db,
        now,
        payments,
        user: await userOf(opts.req.headers),
      }),
    }),
  );

  if (stripeWebhook) {
    app.post('/api/stripe/webhook', async (c) => {
      // The signature covers the exact bytes Stripe sent, so the body is read raw, never re-serialised.
      const outcome = await handleStripeWebhook(
        { db: database.db, now, ...stripeWebhook },
        await c.req.text(),
        c.req.header('stripe-signature'),
      );
      return c.json(outcome.body, outcome.status);
    });
  }

  app.all('/api/*', (c) => c.json({ error: 'not_found' }, 404));

  if (staticRoots) {
    mountSpa(app, '/admin', staticRoots.admin);
    mountSpa(app, '', staticRoots.market);
  }
  return app;
}

/** Serves a built Vite app under a prefix, falling back to its index.html for client-side routes. */
function mountSpa(app: Hono, prefix: string, root: string) {
  const indexFile = resolve(root, 'index.html');
  if (!existsSync(indexFile)) return;
  const html = readFileSync(indexFile, 'utf8');
  app.use(
    `${prefix}/*`,
    serveStatic({ root, rewriteRequestPath: (path) => path.slice(prefix.length) || '/' }),
  );
  app.get(prefix ? `${prefix}/*` : '*', (c) => c.html(html));
  if (prefix) app.get(prefix, (c) => c.redirect(`${prefix}/`));
}
