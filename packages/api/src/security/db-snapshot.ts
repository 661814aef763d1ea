import { type DbOrTx, queryRows } from '@nanshan/db';
import { sql } from 'drizzle-orm';

/**
 * Every table's row count and a hash of its rows (money tables and the audit log included), to prove that a
 * refused call changed nothing anywhere. Rows are hashed in a stable order, so equal snapshots mean equal data.
 * One statement for all tables, so fuzzing can afford a snapshot around every call.
 */
export async function databaseSnapshot(db: DbOrTx): Promise<Record<string, string>> {
  const tables = await queryRows<{ tablename: string }>(
    db,
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const perTable = tables.map(
    ({ tablename }) =>
      `select '${tablename}' as t, count(*) || ' rows ' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '-') as s from "${tablename}" x`,
  );
  const rows = await queryRows<{ t: string; s: string }>(db, sql.raw(perTable.join(' union all ')));
  return Object.fromEntries(rows.map((r) => [r.t, r.s]));
}
