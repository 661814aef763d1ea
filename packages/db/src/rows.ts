import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from './client';

/** `execute()` returns `{ rows }` on PGlite and an array on postgres.js; this gives rows on both. */
export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Ids as one `uuid[]` bind parameter, however many there are (a query may have at most 65,534 parameters). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** Sums and counts arrive as strings on postgres.js and numbers on PGlite; amounts must stay exact. */
export function toSafeInteger(value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${String(value)}`);
  return n;
}

export interface PgErrorInfo {
  code: string | undefined;
  constraint: string | undefined;
  message: string;
}

/** drizzle wraps driver errors ("Failed query: …"); the Postgres error with its code is the cause. */
export function pgErrorOf(error: unknown): PgErrorInfo | undefined {
  let current: unknown = error;
  while (current && typeof current === 'object') {
    const e = current as {
      code?: unknown;
      message?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
      cause?: unknown;
    };
    if (typeof e.code === 'string' && typeof e.message === 'string') {
      const constraint = e.constraint ?? e.constraint_name;
      return {
        code: e.code,
        message: e.message,
        constraint: typeof constraint === 'string' ? constraint : undefined,
      };
    }
    current = e.cause;
  }
  return undefined;
}
