import { createHash } from 'node:crypto';
import { type DbOrTx, schema } from '@nanshan/db';
import { asc, desc, sql } from 'drizzle-orm';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
}

const GENESIS = '0'.repeat(64);

function hashOf(
  prevHash: string,
  row: {
    actorUserId: string | null;
    action: string;
    targetType: string;
    targetId: string;
    before: string | null;
    after: string | null;
    at: Date;
  },
) {
  return createHash('sha256')
    .update(
      JSON.stringify([
        prevHash,
        row.actorUserId,
        row.action,
        row.targetType,
        row.targetId,
        row.before,
        row.after,
        row.at.toISOString(),
      ]),
    )
    .digest('hex');
}

/**
 * Appends one entry to the hash-chained audit log inside the caller's transaction. A transaction-scoped
 * advisory lock serialises writers, so two concurrent entries can never chain onto the same predecessor.
 * The lock and the read of the last hash are pipelined (one round trip) but stay two statements: the read must
 * take its snapshot after the lock is granted, or it could miss the entry of the writer it waited for.
 * Take it last in a transaction (lock order … → fund → audit): it serialises every writer until commit.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const [, [last]] = await Promise.all([
    tx.execute(sql`select pg_advisory_xact_lock(hashtext('nanshan:audit'))`),
    tx
      .select({ hash: schema.auditLog.hash })
      .from(schema.auditLog)
      .orderBy(desc(schema.auditLog.id))
      .limit(1),
  ]);
  const row = {
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    at: entry.at,
  };
  const prevHash = last?.hash ?? GENESIS;
  await tx.insert(schema.auditLog).values({ ...row, prevHash, hash: hashOf(prevHash, row) });
}

/** Walks the chain from the start; returns the id of the first entry that does not match, or null. */
export async function verifyAuditChain(db: DbOrTx): Promise<number | null> {
  const rows = await db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id));
  let prev = GENESIS;
  for (const r of rows) {
    if (r.prevHash !== prev || r.hash !== hashOf(prev, r)) return r.id;
    prev = r.hash;
  }
  return null;
}
