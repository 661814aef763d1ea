import { serve } from '@hono/node-server';
import { releaseExpiredReservations } from '../domains/orders/expire-orders';
import { delistExpiredProviders } from '../domains/providers/delist';
import { pruneSignInAttempts } from '../security/sign-in-limit';
import { BUILT_APPS, createApp } from './app';
import { CLOCK_OFFSET_ENV, configFromEnv } from './config';
import { migrateIfPending } from './migrate-if-pending';

const SWEEP_EVERY_MS = 60_000;

const { port, database, auth, payments, stripeWebhook, clockOffsetDays, now, signInLimit } = configFromEnv();
if (clockOffsetDays !== 0) {
  console.warn(
    `WARNING: ${CLOCK_OFFSET_ENV}=${clockOffsetDays}: the server's clock is shifted by ${clockOffsetDays} day(s) (now ${now().toISOString()}) — a demo/testing aid, never for production`,
  );
}
await migrateIfPending(database);
const app = createApp({
  database,
  auth,
  payments,
  stripeWebhook,
  staticRoots: BUILT_APPS,
  now,
  signInLimit,
});

function sweepOnce() {
  releaseExpiredReservations(database.db, payments, now()).catch((error) =>
    console.error('expiry sweep failed', error),
  );
  delistExpiredProviders(database.db, now()).catch((error) =>
    console.error('expired-filing sweep failed', error),
  );
  pruneSignInAttempts(database.db, now()).catch((error) =>
    console.error('sign-in counter sweep failed', error),
  );
}
// At start too: after a crash or restart, reservations that fell due meanwhile are released right away.
sweepOnce();
const sweep = setInterval(sweepOnce, SWEEP_EVERY_MS);

const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(
    `Nanshan AI platform on http://localhost:${info.port}  (database: ${database.kind} ${database.location}, payments: ${payments.kind})`,
  );
  console.log(
    `  market: http://localhost:${info.port}/   admin: http://localhost:${info.port}/admin/   health: /api/health`,
  );
});

async function shutdown() {
  clearInterval(sweep);
  server.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
