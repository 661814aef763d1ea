import { createDatabaseFromEnv, type Database } from '@nanshan/db';
import type Stripe from 'stripe';
import { createAuth } from '../auth/auth';
import { type Clock, systemClock } from '../clock';
import type { PaymentGateway } from '../payments/gateway';
import { simulatedGateway } from '../payments/simulated';
import { createStripeClient, createStripeGateway } from '../payments/stripe';
import { DEFAULT_SIGN_IN_LIMIT, type SignInLimit } from '../security/sign-in-limit';

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
  const clockOffsetDays = clockOffsetDaysFromEnv(env);
  return {
    port,
    signInLimit: signInLimitFromEnv(env),
    database,
    auth,
    payments,
    stripeWebhook,
    clockOffsetDays,
    now: offsetClock(clockOffsetDays),
  };
}

/** Shifts the server's clock by whole days (`NANSHAN_CLOCK_OFFSET_DAYS`, default 0): a demo and testing aid only. */
export const CLOCK_OFFSET_ENV = 'NANSHAN_CLOCK_OFFSET_DAYS';

/** The offset in days; anything but an integer refuses to start rather than silently running on the real date. */
export function clockOffsetDaysFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env[CLOCK_OFFSET_ENV]?.trim();
  if (raw === undefined || raw === '') return 0;
  if (!/^-?\d+$/.test(raw))
    throw new Error(`${CLOCK_OFFSET_ENV} must be a whole number of days, got "${raw}"`);
  return Number(raw);
}

/** The system clock moved by `days` days (the system clock itself when 0). */
export function offsetClock(days: number): Clock {
  if (days === 0) return systemClock;
  const shiftMs = days * 86_400_000;
  return () => new Date(Date.now() + shiftMs);
}

/**
 * `NANSHAN_SIGNIN_MAX_PER_MINUTE` (default 10) sign-in attempts per client IP and email per minute;
 * `NANSHAN_CLIENT_IP_HEADER` names the header a reverse proxy sets to the client's address (default: none, the
 * socket's peer address is used).
 */
export function signInLimitFromEnv(env: NodeJS.ProcessEnv): SignInLimit {
  const raw = env.NANSHAN_SIGNIN_MAX_PER_MINUTE?.trim();
  if (raw && !/^[1-9]\d*$/.test(raw))
    throw new Error(`NANSHAN_SIGNIN_MAX_PER_MINUTE must be a positive whole number, got "${raw}"`);
  return {
    maxPerMinute: raw ? Number(raw) : DEFAULT_SIGN_IN_LIMIT.maxPerMinute,
    clientIpHeader: env.NANSHAN_CLIENT_IP_HEADER?.trim().toLowerCase() || undefined,
  };
}

/** Stripe when `STRIPE_SECRET_KEY` is set (then the webhook secret is required too), else simulated. */
function paymentsFromEnv(
  env: NodeJS.ProcessEnv,
  publicUrl: string,
): { payments: PaymentGateway; stripeWebhook?: { stripe: Stripe; webhookSecret: string } } {
  if (!env.STRIPE_SECRET_KEY) return { payments: simulatedGateway };
  if (!env.STRIPE_WEBHOOK_SECRET) throw new Error('STRIPE_WEBHOOK_SECRET must be set with STRIPE_SECRET_KEY');
  const stripe = createStripeClient(env.STRIPE_SECRET_KEY, stripeEndpointFromEnv(env));
  return {
    payments: createStripeGateway({ stripe, publicUrl }),
    stripeWebhook: { stripe, webhookSecret: env.STRIPE_WEBHOOK_SECRET },
  };
}

/**
 * `STRIPE_API_URL` points the client at another Stripe API host (e.g. stripe-mock, or the tests' local stand-in);
 * unset, the client talks to api.stripe.com.
 */
function stripeEndpointFromEnv(env: NodeJS.ProcessEnv) {
  if (!env.STRIPE_API_URL) return undefined;
  const url = new URL(env.STRIPE_API_URL);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    host: url.hostname,
    port: Number(url.port || (protocol === 'http' ? 80 : 443)),
    protocol,
  } as const;
}
