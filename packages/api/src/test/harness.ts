import { schema } from '@nanshan/db';
import { createTestDatabase, type TestDatabase, truncateAll } from '@nanshan/db/testing';
import { eq } from 'drizzle-orm';
import { type Auth, createAuth } from '../auth/auth';
import type { Clock } from '../clock';
import type { PaymentGateway } from '../payments/gateway';
import { simulatedGateway } from '../payments/simulated';
import { appRouter } from '../root';
import { demoUsers } from '../seed/demo-data';
import { seedDemo } from '../seed/seed-demo';
import { createCallerFactory, type SessionUser } from '../trpc';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnop';
const createCaller = createCallerFactory(appRouter);

/**
 * One real database per test file (PGlite in memory, or a fresh database on the Postgres in
 * DATABASE_URL), the demo data, a settable clock, and tRPC callers acting as any demo user.
 */
export async function createHarness(
  options: {
    payments?: PaymentGateway /** Where to create the database (default: process.env). */;
    env?: NodeJS.ProcessEnv;
  } = {},
) {
  const database: TestDatabase = await createTestDatabase(options.env);
  const auth: Auth = createAuth({ db: database.db, secret: TEST_SECRET, baseURL: 'http://localhost:3000' });
  let current = new Date('2026-11-28T02:00:00Z');
  const now: Clock = () => current;
  const payments = options.payments ?? simulatedGateway;

  async function reset() {
    await truncateAll(database.db);
    await seedDemo(database.db, auth, 2026);
  }

  async function userOf(key: keyof typeof demoUsers): Promise<SessionUser> {
    const [u] = await database.db
      .select()
      .from(schema.user)
      .where(eq(schema.user.email, demoUsers[key].email));
    if (!u) throw new Error(`demo user ${key} missing`);
    return { id: u.id, name: u.name, email: u.email, role: u.role as SessionUser['role'] };
  }

  return {
    database,
    db: database.db,
    auth,
    now,
    payments,
    setNow: (at: string | Date) => {
      current = new Date(at);
    },
    reset,
    userOf,
    callerFor: async (key: keyof typeof demoUsers | null) =>
      createCaller({ db: database.db, now, payments, user: key ? await userOf(key) : null }),
    close: () => database.close(),
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** A snapshot of every money row, to prove a refused call changed nothing. */
export async function moneySnapshot(h: Harness) {
  const [orders, usage, fund, transfers] = await Promise.all([
    h.db.select().from(schema.orders),
    h.db.select().from(schema.subsidyUsage),
    h.db.select().from(schema.fundYears),
    h.db.select().from(schema.ledgerTransfers),
  ]);
  return { orders: orders.length, usage, fund, transfers: transfers.length };
}
