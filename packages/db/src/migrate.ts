import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database } from './client';
import { queryRows, toSafeInteger } from './rows';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../drizzle');
const config = { migrationsFolder: MIGRATIONS_DIR };

/**
 * Applies the committed drizzle-kit migrations. On Postgres several server processes may start at
 * once, so the run is serialised by a transaction-scoped advisory lock.
 */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  // A session-level lock needs one connection for the whole run: a pool would scatter the statements.
  const client = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(hashtext('nanshan:migrate'))`;
    await migratePostgres(drizzlePostgres(client), config);
  } finally {
    await client`select pg_advisory_unlock(hashtext('nanshan:migrate'))`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}

export interface MigrationState {
  applied: number;
  available: number;
  upToDate: boolean;
}

/** For /api/health: how many migrations the journal holds and how many the database has applied. */
export async function migrationState(database: Database): Promise<MigrationState> {
  const journal = JSON.parse(readFileSync(resolve(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  let applied = 0;
  try {
    const rows = await queryRows<{ n: unknown }>(
      database.db,
      sql`select count(*) as n from drizzle.__drizzle_migrations`,
    );
    applied = toSafeInteger(rows[0]?.n);
  } catch {
    applied = 0;
  }
  return { applied, available: journal.entries.length, upToDate: applied === journal.entries.length };
}
