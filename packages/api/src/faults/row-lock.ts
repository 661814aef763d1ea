import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, type DbOrTx, queryRows, toSafeInteger } from '@nanshan/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Pauses the application mid-transaction from outside: a separate connection takes a row lock (`lockQuery`, e.g.
 * `select … for update`) and holds it until `release`. A transaction of the application that needs the row waits
 * there, with its earlier writes done but not committed — the moment a fault is injected.
 */
export async function holdRowLock(url: string, lockQuery: SQL) {
  const database = createDatabase({ url, maxConnections: 1 });
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let holding!: Promise<void>;
  const pid = await new Promise<number>((resolve, reject) => {
    holding = database.db
      .transaction(async (tx) => {
        const [row] = await queryRows<{ pid: unknown }>(tx, sql`select pg_backend_pid() as pid`);
        await tx.execute(lockQuery);
        resolve(toSafeInteger(row?.pid));
        await released;
      })
      .catch(reject);
  });
  return {
    pid,
    /** Ends the lock holder's transaction (commit: it wrote nothing) and closes its connection. */
    release: async () => {
      release();
      await holding;
      await database.close();
    },
  };
}

/** Waits until some backend of this database is blocked by `lockerPid`, and returns that backend's pid. */
export async function blockedBackend(db: DbOrTx, lockerPid: number): Promise<number> {
  for (;;) {
    const [row] = await queryRows<{ pid: unknown }>(
      db,
      sql`select pid from pg_stat_activity
          where datname = current_database() and ${lockerPid} = any(pg_blocking_pids(pid))`,
    );
    if (row) return toSafeInteger(row.pid);
    await sleep(20);
  }
}

/** Kills a backend the way an operator or a crashed network would: the client sees its connection drop. */
export async function terminateBackend(db: DbOrTx, pid: number): Promise<void> {
  await db.execute(sql`select pg_terminate_backend(${pid})`);
}
