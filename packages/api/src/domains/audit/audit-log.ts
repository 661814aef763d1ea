import { type DbOrTx, schema, toSafeInteger } from '@nanshan/db';
import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { verifyAuditChain } from '../../audit/record-audit';
import { addDays, shenzhenDayStart } from '../../calendar';

export interface AuditFilter {
  actorUserId?: string;
  /** `fund.` matches every fund action; a full action name matches itself. */
  actionPrefix?: string;
  targetType?: string;
  targetId?: string;
  /** Shenzhen calendar days, both included. */
  fromDate?: string;
  toDate?: string;
}

/** The audit log, newest first (by its chain order), filtered and paged, with the actor's name. */
export async function listAudit(db: DbOrTx, input: AuditFilter & { page: number; pageSize: number }) {
  const a = schema.auditLog;
  const conditions: SQL[] = [];
  if (input.actorUserId) conditions.push(eq(a.actorUserId, input.actorUserId));
  if (input.actionPrefix) {
    conditions.push(sql`left(${a.action}, ${input.actionPrefix.length}) = ${input.actionPrefix}`);
  }
  if (input.targetType) conditions.push(eq(a.targetType, input.targetType));
  if (input.targetId) conditions.push(eq(a.targetId, input.targetId));
  if (input.fromDate) conditions.push(gte(a.at, shenzhenDayStart(input.fromDate)));
  if (input.toDate) conditions.push(lt(a.at, shenzhenDayStart(addDays(input.toDate, 1))));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ entry: a, actorName: schema.user.name, actorEmail: schema.user.email })
      .from(a)
      .leftJoin(schema.user, eq(schema.user.id, a.actorUserId))
      .where(where)
      .orderBy(desc(a.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(a).where(where),
  ]);
  return {
    total: toSafeInteger(total?.n),
    items: rows.map(({ entry, actorName, actorEmail }) => ({
      id: entry.id,
      at: entry.at,
      actorUserId: entry.actorUserId,
      actorName,
      actorEmail,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      /** JSON text as recorded (hashed as stored); null when the action had no before/after state. */
      before: entry.before,
      after: entry.after,
      hash: entry.hash,
      prevHash: entry.prevHash,
    })),
  };
}

/** Walks the hash chain: ok, or the id of the first entry that was altered (or whose predecessor was). */
export async function verifyAuditLog(db: DbOrTx, now: Date) {
  const [firstBrokenId, [entries]] = await Promise.all([
    verifyAuditChain(db),
    db.select({ n: count() }).from(schema.auditLog),
  ]);
  return { ok: firstBrokenId === null, firstBrokenId, entries: toSafeInteger(entries?.n), checkedAt: now };
}
