import { execFileSync } from 'node:child_process';
import { createDatabase, queryRows } from '@nanshan/db';
import { sql } from 'drizzle-orm';

/** The local cluster's maintenance database; `BENCH_ADMIN_URL` points elsewhere (a role that may create databases). */
export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Starts the machine's PostgreSQL 15 cluster when `pg_lsclusters` reports it down (Debian's tooling). */
export function ensureLocalPostgres(): void {
  if (process.env.BENCH_ADMIN_URL) return;
  const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  const main = clusters.split('\n').find((l) => /^15\s+main\s/.test(l));
  if (!main) throw new Error(`no PostgreSQL 15 "main" cluster on this machine:\n${clusters}`);
  if (main.includes('online')) return;
  console.log('starting PostgreSQL 15/main …');
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'start'], { stdio: 'inherit' });
}

/** The URL of `name` on the same server as `ADMIN_URL`. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The run's databases are named after its process id, so a run that was killed can be cleaned up by the next. */
export const benchDatabaseNames = (pid: number) => ({
  app: `nanshan_bench_${pid}`,
  pgbench: `nanshan_pgbench_${pid}`,
});

/** Drops the databases of earlier runs whose process is gone (killed before it could drop them itself). */
export async function dropAbandonedDatabases(): Promise<void> {
  const admin = createDatabase({ url: ADMIN_URL, maxConnections: 1 });
  try {
    const rows = await queryRows<{ name: string }>(
      admin.db,
      sql`select datname as name from pg_database where datname ~ '^nanshan_(pg)?bench_[0-9]+$'`,
    );
    const abandoned = rows.map((r) => r.name).filter((name) => !isRunning(Number(name.split('_').at(-1))));
    for (const name of abandoned)
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
  } finally {
    await admin.close();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs maintenance statements (create / drop database) on the admin database, one short-lived connection. */
export async function onAdmin(statements: string[]): Promise<void> {
  const admin = createDatabase({ url: ADMIN_URL, maxConnections: 1 });
  try {
    for (const statement of statements) await admin.db.execute(sql.raw(statement));
  } finally {
    await admin.close();
  }
}

/** Drops (forcing out any session) and creates each database; names are generated, never user input. */
export const recreateDatabases = (names: string[]) =>
  onAdmin(names.flatMap((n) => [`drop database if exists ${n} with (force)`, `create database ${n}`]));

export const dropDatabases = (names: string[]) =>
  onAdmin(names.map((n) => `drop database if exists ${n} with (force)`));
