import { createDatabaseFromEnv, type Database } from '@nanshan/db';
import { createAuth } from '../auth/auth';
import type { PaymentGateway } from '../payments/gateway';
import { simulatedGateway } from '../payments/simulated';

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
  const payments: PaymentGateway = simulatedGateway;
  return { port, database, auth, payments };
}
