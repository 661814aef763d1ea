import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Helpers take either; inside a transaction pass only `tx` (the outer db hangs PGlite). */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives, for /api/health and logs (no credentials). */
  location: string;
  /** The connection URL (postgres only), for tools that need their own connection such as migrations. */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway in-memory database. */
  pgliteDir?: string | undefined;
  /** Pool size for postgres.js. */
  maxConnections?: number;
}

export const DEFAULT_PGLITE_DIR = resolve(import.meta.dirname, '../../../.data/pglite');

/** The one client factory: `DATABASE_URL` → postgres.js, otherwise embedded PGlite in a local folder. */
export function createDatabase(options: DatabaseOptions = {}): Database {
  if (options.url) {
    const sql = postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(preparing(sql), { schema }) as unknown as Db;
    const url = new URL(options.url);
    return {
      db,
      kind: 'postgres',
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      url: options.url,
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dir = options.pgliteDir ?? DEFAULT_PGLITE_DIR;
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', location: dir, close: () => client.close() };
}

/**
 * drizzle runs its queries unnamed (`prepare: false`), and postgres.js sends an unnamed query that has parameters in
 * two round trips (describe, then bind and execute) and pipelines nothing behind it. Prepared (`prepare: true`), a
 * statement is described once per connection and from then on runs in one round trip, pipelined with the next
 * (docs/performance.md). What a connection keeps is bounded by its lifetime (postgres.js recycles it after 30–60
 * min), and postgres.js prepares again when a plan went stale. Transactions and savepoints get the same client.
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (
          query: string,
          params?: postgres.ParameterOrJSON<never>[],
          options?: postgres.UnsafeQueryOptions,
        ) => target.unsafe(query, params, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: postgres.Sql) => unknown;
          const open = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
          return open.apply(target, [...args, (tx: postgres.Sql) => body(preparing(tx))]);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Reads the environment the way every entry point does. */
export function createDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): Database {
  return createDatabase({ url: env.DATABASE_URL || undefined, pgliteDir: env.PGLITE_DIR || undefined });
}
