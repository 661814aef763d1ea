import { createDatabaseFromEnv, type Database } from '@nanshan/db';
import type Stripe from 'stripe';
import { createAuth } from '../auth/auth';
import type { PaymentGateway } from '../payments/gateway';
import { simulatedGateway } from '../payments/simulated';
import { createStripeClient, createStripeGateway } from '../payments/stripe';

/** Builds the server's dependencies from the environment; one place reads the variables. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 3000);
  const baseURL = env.BETTER_AUTH_URL ?? `http://localhost:${port}`;
  const secret =
    env.BETTER_AUTH_SECRET ??
    (env.NODE_ENV === 'production' ? undefined : 'dev-only-secret-change-me-0123456789');
  if (!secret) throw new Error('BETTER_AUTH_SECRET must be set in production');
  const database: Database = createDatabaseFromEnv(env);
  const auth = createAuth({
    db: database.db,
    secret,
    baseURL,
    trustedOrigins: [baseURL, `http://127.0.0.1:${port}`, 'http://localhost:5173', 'http://localhost:5174'],
  });
  const { payments, stripeWebhook } = paymentsFromEnv(env, baseURL);
  return { port, database, auth, payments, stripeWebhook };
}

/** Stripe when `STRIPE_SECRET_KEY` is set (then the webhook secret is required too), else simulated. */
function paymentsFromEnv(
  env: NodeJS.ProcessEnv,
  publicUrl: string,
): { payments: PaymentGateway; stripeWebhook?: { stripe: Stripe; webhookSecret: string } } {
  if (!env.STRIPE_SECRET_KEY) return { payments: simulatedGateway };
  if (!env.STRIPE_WEBHOOK_SECRET) throw new Error('STRIPE_WEBHOOK_SECRET must be set with STRIPE_SECRET_KEY');
  const stripe = createStripeClient(env.STRIPE_SECRET_KEY);
  return {
    payments: createStripeGateway({ stripe, publicUrl }),
    stripeWebhook: { stripe, webhookSecret: env.STRIPE_WEBHOOK_SECRET },
  };
}
