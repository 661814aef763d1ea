import { type DbOrTx, schema } from '@nanshan/db';
import { desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import type { GrantUsageKey } from '../../ledger/grants';
import { type GrantArticle, SHARED_CAP_ARTICLES } from './facts';

export type GrantStatus = (typeof schema.GRANT_STATES)[number];
export type ApplicationRow = typeof schema.grantApplications.$inferSelect;

/**
 * Nanshan's rule-based (核准类) procedure (DOMAIN-NOTES): online application → formal check (district enterprise
 * service centre) → re-review by the science and technology bureau → draft funding plan → verification (statistics
 * reporting, local operation, credit) → public notice (公示, objections possible) → decision → payment. `advance`
 * walks the steps up to the public notice; only `approve` decides and only `disburse` pays.
 */
export const NEXT_STEP: Partial<Record<GrantStatus, GrantStatus>> = {
  submitted: 'formal_check',
  formal_check: 'bureau_review',
  bureau_review: 'funding_plan',
  funding_plan: 'verification',
  verification: 'public_notice',
};

/** Steps where staff review the application: they may ask for information or reject it. */
export const REVIEW_STATES: readonly GrantStatus[] = [
  'submitted',
  'formal_check',
  'bureau_review',
  'funding_plan',
  'verification',
  'public_notice',
];

/** Still open: nothing decided, nothing reserved; the applicant may withdraw. */
export const OPEN_STATES: readonly GrantStatus[] = [...REVIEW_STATES, 'info_requested'];

/** Decided (reserved in the fund) or paid: counts as an award in every history. */
export const AWARDED_STATES: readonly GrantStatus[] = ['decided', 'paid'];

/**
 * Notes of events that change no status, so the history says what happened. The view turns them into `kind`.
 */
export const EVENT_NOTES = {
  approvalRecorded: 'approval_recorded',
  objectionRaised: 'objection_raised',
  objectionResolved: 'objection_resolved',
  nonDuplicationExcluded: 'non_duplication_excluded',
} as const;

/**
 * Serialises every grant transaction of one enterprise, across server processes, before any row lock: its decisions
 * read the enterprise's whole history (Art. 4 per project, Art. 15 across articles, annual and multi-year limits), so
 * two of them must never decide on the same history. Lock order: this lock → application → usage → fund.
 */
export async function lockEnterpriseGrants(tx: DbOrTx, enterpriseId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`nanshan:grants:${enterpriseId}`}))`);
}

/**
 * Locks an application for a change: the enterprise's grant lock first, then the row. With `enterpriseId`, an
 * application of another enterprise is reported as missing — its existence is not the caller's to know — and is
 * never locked.
 */
export async function lockApplication(
  tx: DbOrTx,
  applicationId: string,
  enterpriseId?: string,
): Promise<ApplicationRow> {
  const [seen] = await tx
    .select({ enterpriseId: schema.grantApplications.enterpriseId })
    .from(schema.grantApplications)
    .where(eq(schema.grantApplications.id, applicationId));
  if (!seen || (enterpriseId !== undefined && seen.enterpriseId !== enterpriseId)) {
    throw domainError('grant_not_found', 'NOT_FOUND');
  }
  await lockEnterpriseGrants(tx, seen.enterpriseId);
  const [row] = await tx
    .select()
    .from(schema.grantApplications)
    .where(eq(schema.grantApplications.id, applicationId))
    .for('update');
  return row!;
}

/**
 * The counters an application's money moves on, for ledger/grants.ts: the fund always, and for Arts. 6 and 9 the
 * enterprise's usage row of the application's year, the annual cap the market's instant subsidies share.
 */
export function grantMoneyOf(app: ApplicationRow): {
  applicationId: string;
  enterpriseId: string;
  article: GrantArticle;
  usage: GrantUsageKey | null;
} {
  const article = app.article as GrantArticle;
  return {
    applicationId: app.id,
    enterpriseId: app.enterpriseId,
    article,
    usage: SHARED_CAP_ARTICLES.has(article)
      ? { enterpriseId: app.enterpriseId, article, year: app.year }
      : null,
  };
}

/** Refuses unless the application is in one of `states`. */
export function requireStatus(app: ApplicationRow, states: readonly GrantStatus[], reason: string): void {
  if (!states.includes(app.status as GrantStatus)) throw domainError(reason, 'PRECONDITION_FAILED');
}

/**
 * Appends an event to the application's history. Times are strictly increasing per application (a step taken in
 * the same millisecond as the previous one is stamped a millisecond later), so the history reads in the order it
 * happened; the caller holds the application's lock.
 */
export async function appendEvent(
  tx: DbOrTx,
  event: {
    applicationId: string;
    fromStatus: string | null;
    toStatus: string;
    note?: string;
    actorUserId: string;
    at: Date;
  },
): Promise<void> {
  const [last] = await tx
    .select({ at: schema.grantEvents.at })
    .from(schema.grantEvents)
    .where(eq(schema.grantEvents.applicationId, event.applicationId))
    .orderBy(desc(schema.grantEvents.at))
    .limit(1);
  const at = last && last.at.getTime() >= event.at.getTime() ? new Date(last.at.getTime() + 1) : event.at;
  await tx.insert(schema.grantEvents).values({ ...event, note: event.note ?? '', at });
}

/**
 * One state change: the row, the event the applicant sees, and the audit entry (actor, before, after) — in the
 * caller's transaction.
 */
export async function transition(
  tx: DbOrTx,
  input: {
    app: ApplicationRow;
    to: GrantStatus;
    note?: string;
    actorUserId: string;
    now: Date;
    set?: Partial<typeof schema.grantApplications.$inferInsert>;
    audit?: Record<string, unknown>;
  },
): Promise<ApplicationRow> {
  const { app, to, now } = input;
  const [updated] = await tx
    .update(schema.grantApplications)
    .set({ ...input.set, status: to, updatedAt: now })
    .where(eq(schema.grantApplications.id, app.id))
    .returning();
  await appendEvent(tx, {
    applicationId: app.id,
    fromStatus: app.status,
    toStatus: to,
    note: input.note ?? '',
    actorUserId: input.actorUserId,
    at: now,
  });
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: `grant.${to}`,
    targetType: 'grant_application',
    targetId: app.id,
    before: { status: app.status, proposedFen: app.proposedFen, decidedFen: app.decidedFen },
    after: {
      status: to,
      proposedFen: updated!.proposedFen,
      decidedFen: updated!.decidedFen,
      ...(input.note ? { note: input.note } : {}),
      ...input.audit,
    },
    at: now,
  });
  return updated!;
}

/** An event that changes no status (an approval, an objection, an exclusion), with its audit entry. */
export async function recordEvent(
  tx: DbOrTx,
  input: {
    app: ApplicationRow;
    note: (typeof EVENT_NOTES)[keyof typeof EVENT_NOTES];
    detail?: string;
    action: string;
    actorUserId: string;
    now: Date;
    audit?: Record<string, unknown>;
  },
): Promise<void> {
  await appendEvent(tx, {
    applicationId: input.app.id,
    fromStatus: input.app.status,
    toStatus: input.app.status,
    note: input.detail ? `${input.note}: ${input.detail}` : input.note,
    actorUserId: input.actorUserId,
    at: input.now,
  });
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: input.action,
    targetType: 'grant_application',
    targetId: input.app.id,
    after: { status: input.app.status, ...input.audit },
    at: input.now,
  });
}
