import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createDatabase, type Database, type Db } from './client';
import { migrate } from './migrate';
import { pgErrorOf } from './rows';

export interface TestDatabase extends Database {
  /** A second, independent connection pool on the same database (Postgres only): another "server process". */
  connectAnother(): Database;
}

/**
 * A fresh, migrated database for one test file. With `DATABASE_URL` set it creates a new database on that
 * server (dropped again by `close`), so tests never touch each other's data; otherwise an in-memory PGlite.
 */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const serverUrl = env.DATABASE_URL;
  if (!serverUrl) {
    const database = createDatabase({ pgliteDir: 'memory://' });
    await migrate(database);
    return {
      ...database,
      connectAnother: () => {
        throw new Error('connectAnother needs a real Postgres (set DATABASE_URL)');
      },
    };
  }
  const name = `nanshan_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ url: url.toString() });
  await migrate(database);
  const others: Database[] = [];
  return {
    ...database,
    connectAnother: () => {
      const other = createDatabase({ url: url.toString(), maxConnections: 8 });
      others.push(other);
      return other;
    },
    close: async () => {
      await Promise.all(others.map((o) => o.close()));
      await database.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Empties every table between tests; the ledger and audit log refuse TRUNCATE unless the transaction allows it. */
export async function truncateAll(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local nanshan.allow_truncate = 'on'`);
    await tx.execute(sql`
    truncate table audit_log, payout_items, payout_batches, budget_adjustments, parameter_segments,
      grant_objections, grant_approvals, grant_events, grant_applications, ledger_transfers, ledger_accounts, payment_events, orders, subsidy_usage,
      fund_years, offerings, filing_items, review_decisions, documents, provider_members, providers,
      tenancies, incubator_spaces, compute_pools, enterprise_members, enterprises,
      verification, account, session, "user", sign_in_attempts restart identity cascade`);
  });
}

/** Awaits a query that must fail and returns the database's own message (constraint names included). */
export async function dbErrorOf(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const info = pgErrorOf(error);
    return `${info?.code ?? ''} ${info?.constraint ?? ''} ${info?.message ?? String(error)}`;
  }
  throw new Error('expected the database to refuse the query, but it succeeded');
}
