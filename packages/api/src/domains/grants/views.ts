import { type DbOrTx, queryRows, schema, toSafeInteger } from '@nanshan/db';
import type { TraceStep } from '@nanshan/rules';
import { and, asc, count, desc, eq, gte, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import { annualCapFen } from '../orders/purchase-quote';
import { payoutOf } from './disburse';
import { documentsMetadata } from './evidence';
import { type GrantArticle, readStoredFacts, SHARED_CAP_ARTICLES } from './facts';
import { declarationsSharingInvoices } from './invoices';
import { readResolution } from './objections';
import { computeProposal, subjectOf } from './proposal';
import { type ApplicationRow, EVENT_NOTES, type GrantStatus } from './workflow';

/** What an event in the history was, for the apps to label it (translated there). */
export type GrantEventKind =
  | 'submitted'
  | 'advanced'
  | 'info_requested'
  | 'responded'
  | 'withdrawn'
  | 'rejected'
  | 'decided'
  | 'paid'
  | 'revoked'
  | 'objection_upheld'
  | 'approval_recorded'
  | 'objection_raised'
  | 'objection_resolved'
  | 'non_duplication_excluded';

const NOTE_KINDS = new Set<string>(Object.values(EVENT_NOTES));

export function eventKind(e: { fromStatus: string | null; toStatus: string; note: string }): {
  kind: GrantEventKind;
  note: string;
} {
  if (e.fromStatus === e.toStatus) {
    const [code, ...rest] = e.note.split(': ');
    if (code && NOTE_KINDS.has(code)) return { kind: code as GrantEventKind, note: rest.join(': ') };
  }
  const note = e.note;
  if (e.fromStatus === null) return { kind: 'submitted', note };
  if (e.toStatus === 'info_requested') return { kind: 'info_requested', note };
  if (e.fromStatus === 'info_requested') return { kind: 'responded', note };
  if (e.fromStatus === 'public_notice' && e.toStatus === 'verification')
    return { kind: 'objection_upheld', note };
  if (['withdrawn', 'rejected', 'decided', 'paid', 'revoked'].includes(e.toStatus)) {
    return { kind: e.toStatus as GrantEventKind, note };
  }
  return { kind: 'advanced', note };
}

/** The columns every list shows. */
function summaryOf(app: ApplicationRow) {
  return {
    id: app.id,
    article: app.article as GrantArticle,
    year: app.year,
    projectName: app.projectName,
    status: app.status as GrantStatus,
    requestedFen: app.requestedFen,
    proposedFen: app.proposedFen,
    decidedFen: app.decidedFen,
    noticeEndsOn: app.noticeEndsOn,
    /** The proposal published with the current public notice: the most a decision may grant. */
    noticedFen: app.noticedFen,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}

async function eventsOf(db: DbOrTx, app: ApplicationRow) {
  const rows = await db
    .select({
      id: schema.grantEvents.id,
      fromStatus: schema.grantEvents.fromStatus,
      toStatus: schema.grantEvents.toStatus,
      note: schema.grantEvents.note,
      at: schema.grantEvents.at,
      actorUserId: schema.grantEvents.actorUserId,
      actorName: schema.user.name,
      actorRole: schema.user.role,
      actorEnterpriseId: schema.enterpriseMembers.enterpriseId,
    })
    .from(schema.grantEvents)
    .innerJoin(schema.user, eq(schema.user.id, schema.grantEvents.actorUserId))
    .leftJoin(schema.enterpriseMembers, eq(schema.enterpriseMembers.userId, schema.grantEvents.actorUserId))
    .where(eq(schema.grantEvents.applicationId, app.id))
    .orderBy(asc(schema.grantEvents.at), asc(schema.grantEvents.id));
  return rows.map((r) => ({
    ...r,
    ...eventKind(r),
    fromStatus: r.fromStatus as GrantStatus | null,
    toStatus: r.toStatus as GrantStatus,
    /** Who acted, as the applicant may know it: staff, the applicant's own people, or the public (an objection). */
    actor: (r.actorRole === 'admin'
      ? 'staff'
      : r.actorEnterpriseId === app.enterpriseId
        ? 'applicant'
        : 'public') as 'staff' | 'applicant' | 'public',
  }));
}

async function objectionsOf(db: DbOrTx, applicationId: string) {
  const rows = await db
    .select()
    .from(schema.grantObjections)
    .where(eq(schema.grantObjections.applicationId, applicationId))
    .orderBy(asc(schema.grantObjections.at), asc(schema.grantObjections.id));
  return rows.map((o) => ({
    id: o.id,
    text: o.text,
    at: o.at,
    resolution: readResolution(o.resolution),
    resolvedAt: o.resolvedAt,
  }));
}

async function payoutOrNull(db: DbOrTx, app: ApplicationRow) {
  if (app.status !== 'paid') return null;
  const { reference, amountFen, paidAt } = await payoutOf(db, app.id);
  return { reference, amountFen, paidAt };
}

/** Everything the applicant sees about its application: each step, the proposal and its trace, the decision. */
export async function applicantView(db: DbOrTx, app: ApplicationRow) {
  const facts = readStoredFacts(app.facts);
  const events = await eventsOf(db, app);
  const lastInfoRequest = events.filter((e) => e.kind === 'info_requested').at(-1);
  return {
    ...summaryOf(app),
    projectReference: facts.projectReference,
    projectKey: app.projectKey,
    facts: facts.articleFacts,
    otherMeasureAwards: facts.otherMeasureAwards,
    proposal: {
      amountFen: app.proposedFen,
      trace: app.proposalTrace as TraceStep[],
      rulesetVersion: app.rulesetVersion,
      paramsHash: app.paramsHash,
    },
    infoRequest:
      app.status === 'info_requested' && lastInfoRequest
        ? { note: lastInfoRequest.note, at: lastInfoRequest.at }
        : null,
    events: events.map(({ kind, fromStatus, toStatus, note, at, actor }) => ({
      kind,
      fromStatus,
      toStatus,
      note,
      at,
      actor,
    })),
    objections: await objectionsOf(db, app.id),
    documents: (await documentsMetadata(db, facts.evidenceDocumentIds)).map(({ sha256: _, ...d }) => d),
    payout: await payoutOrNull(db, app),
  };
}

export async function ownApplication(db: DbOrTx, enterpriseId: string, applicationId: string) {
  const [app] = await db
    .select()
    .from(schema.grantApplications)
    .where(
      and(
        eq(schema.grantApplications.id, applicationId),
        eq(schema.grantApplications.enterpriseId, enterpriseId),
      ),
    );
  // Another enterprise's application is reported as missing, not forbidden: its existence is not ours to know.
  if (!app) throw domainError('grant_not_found', 'NOT_FOUND');
  return app;
}

export async function applicationsOf(db: DbOrTx, enterpriseId: string) {
  const rows = await db
    .select()
    .from(schema.grantApplications)
    .where(eq(schema.grantApplications.enterpriseId, enterpriseId))
    .orderBy(desc(schema.grantApplications.createdAt), desc(schema.grantApplications.id));
  return rows.map(summaryOf);
}

/** Applications under public notice today (公示): what anyone signed in may read and object to. */
export async function publicNotices(db: DbOrTx, now: Date) {
  const rows = await db
    .select({ app: schema.grantApplications, enterpriseName: schema.enterprises.name })
    .from(schema.grantApplications)
    .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.grantApplications.enterpriseId))
    .where(
      and(
        eq(schema.grantApplications.status, 'public_notice'),
        gte(schema.grantApplications.noticeEndsOn, shenzhenDate(now)),
      ),
    )
    .orderBy(asc(schema.grantApplications.noticeEndsOn), asc(schema.grantApplications.id));
  return rows.map(({ app, enterpriseName }) => ({
    id: app.id,
    enterpriseName,
    article: app.article as GrantArticle,
    year: app.year,
    projectName: app.projectName,
    /** The amount published when the notice started (the proposal may change during it; the decision may not). */
    noticedFen: app.noticedFen!,
    noticeEndsOn: app.noticeEndsOn!,
  }));
}

/** The staff review queue: oldest first (longest waiting), filtered by status and article. */
export async function reviewQueue(
  db: DbOrTx,
  input: {
    status?: GrantStatus | undefined;
    article?: GrantArticle | undefined;
    page: number;
    pageSize: number;
  },
) {
  const conditions: SQL[] = [];
  if (input.status) conditions.push(eq(schema.grantApplications.status, input.status));
  if (input.article) conditions.push(eq(schema.grantApplications.article, input.article));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        app: schema.grantApplications,
        enterpriseName: schema.enterprises.name,
        uscc: schema.enterprises.uscc,
        approvals: sql<unknown>`(select count(*) from ${schema.grantApprovals} where ${schema.grantApprovals.applicationId} = ${schema.grantApplications.id})`,
        openObjections: sql<unknown>`(select count(*) from ${schema.grantObjections} where ${schema.grantObjections.applicationId} = ${schema.grantApplications.id} and ${schema.grantObjections.resolvedAt} is null)`,
      })
      .from(schema.grantApplications)
      .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.grantApplications.enterpriseId))
      .where(where)
      .orderBy(asc(schema.grantApplications.createdAt), asc(schema.grantApplications.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(schema.grantApplications).where(where),
  ]);
  return {
    total: toSafeInteger(total?.n),
    items: rows.map((r) => ({
      ...summaryOf(r.app),
      enterpriseId: r.app.enterpriseId,
      enterpriseName: r.enterpriseName,
      uscc: r.uscc,
      approvals: toSafeInteger(r.approvals),
      openObjections: toSafeInteger(r.openObjections),
    })),
  };
}

export type DuplicateMatch = 'project_key' | 'evidence_file' | 'invoice_number';

/**
 * Possible duplicates for the reviewer (Art. 15 and "the same contract or invoice is subsidised once"): other
 * applications with the same project key, applications of any enterprise citing a file with the same content
 * (sha256), and Art. 6 declarations of the enterprise naming one of the same invoice numbers.
 */
async function duplicatesOf(db: DbOrTx, app: ApplicationRow, documents: { sha256: string }[]) {
  const found = new Map<string, { app: ApplicationRow; matches: Set<DuplicateMatch> }>();
  const add = (other: ApplicationRow, match: DuplicateMatch) => {
    const entry = found.get(other.id) ?? { app: other, matches: new Set<DuplicateMatch>() };
    entry.matches.add(match);
    found.set(other.id, entry);
  };
  const sameKey = await db
    .select()
    .from(schema.grantApplications)
    .where(
      and(eq(schema.grantApplications.projectKey, app.projectKey), ne(schema.grantApplications.id, app.id)),
    );
  for (const other of sameKey) add(other, 'project_key');

  const hashes = [...new Set(documents.map((d) => d.sha256))];
  if (hashes.length > 0) {
    const sameFiles = await db
      .select({ id: schema.documents.id })
      .from(schema.documents)
      .where(inArray(schema.documents.sha256, hashes));
    const ids = sameFiles.map((d) => d.id);
    if (ids.length > 0) {
      const citing = await queryRows<{ id: string }>(
        db,
        sql`select id from grant_applications where id <> ${app.id} and jsonb_exists_any(facts -> 'evidenceDocumentIds', array[${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}]::text[])`,
      );
      if (citing.length > 0) {
        const rows = await db
          .select()
          .from(schema.grantApplications)
          .where(
            inArray(
              schema.grantApplications.id,
              citing.map((c) => c.id),
            ),
          );
        for (const other of rows) add(other, 'evidence_file');
      }
    }
  }

  const facts = readStoredFacts(app.facts).articleFacts;
  if (facts.article === 'art6') {
    const sharing = await declarationsSharingInvoices(db, {
      enterpriseId: app.enterpriseId,
      invoiceNumbers: facts.invoiceNumbers,
      exceptId: app.id,
      releasedToo: true,
    });
    for (const { other } of sharing) add(other, 'invoice_number');
  }
  return [...found.values()].map(({ app: other, matches }) => ({
    ...summaryOf(other),
    enterpriseId: other.enterpriseId,
    matches: [...matches],
  }));
}

/**
 * One application for staff: the enterprise, the proposal recomputed now (with its trace and the history it
 * counted) beside the stored one, the history of events with names, approvals, objections, evidence, possible
 * duplicates, and the fund (and for Arts. 6 and 9 the usage row) a decision today would draw on.
 */
export async function reviewerView(
  db: DbOrTx,
  input: { applicationId: string; now: Date; twoPersonAboveFen: number },
) {
  const [app] = await db
    .select()
    .from(schema.grantApplications)
    .where(eq(schema.grantApplications.id, input.applicationId));
  if (!app) throw domainError('grant_not_found', 'NOT_FOUND');
  const [enterprise] = await db
    .select()
    .from(schema.enterprises)
    .where(eq(schema.enterprises.id, app.enterpriseId));
  const applicant = await applicantView(db, app);
  const facts = readStoredFacts(app.facts);
  const documents = await documentsMetadata(db, facts.evidenceDocumentIds);
  const proposal = await computeProposal(db, {
    subject: subjectOf(app),
    enterprise: enterprise!,
    now: input.now,
  });
  const events = await eventsOf(db, app);
  const approvals = await db
    .select({
      approverUserId: schema.grantApprovals.approverUserId,
      approverName: schema.user.name,
      amountFen: schema.grantApprovals.amountFen,
      at: schema.grantApprovals.at,
    })
    .from(schema.grantApprovals)
    .innerJoin(schema.user, eq(schema.user.id, schema.grantApprovals.approverUserId))
    .where(eq(schema.grantApprovals.applicationId, app.id))
    .orderBy(asc(schema.grantApprovals.at));
  const fundYear = shenzhenYear(input.now);
  const [fund] = await db.select().from(schema.fundYears).where(eq(schema.fundYears.year, fundYear));
  const article = app.article as GrantArticle;
  let usage = null;
  if (SHARED_CAP_ARTICLES.has(article)) {
    const [row] = await db
      .select()
      .from(schema.subsidyUsage)
      .where(
        and(
          eq(schema.subsidyUsage.enterpriseId, app.enterpriseId),
          eq(schema.subsidyUsage.article, article),
          eq(schema.subsidyUsage.year, app.year),
        ),
      );
    const capFen = row?.capFen ?? annualCapFen(article as 'art6' | 'art9', shenzhenDate(input.now));
    const usedFen = (row?.grantedFen ?? 0) + (row?.reservedFen ?? 0);
    usage = {
      year: app.year,
      capFen,
      grantedFen: row?.grantedFen ?? 0,
      reservedFen: row?.reservedFen ?? 0,
      leftFen: Math.max(0, capFen - usedFen),
    };
  }
  const [openObjections] = await db
    .select({ n: count() })
    .from(schema.grantObjections)
    .where(and(eq(schema.grantObjections.applicationId, app.id), isNull(schema.grantObjections.resolvedAt)));
  return {
    ...applicant,
    /** Whether the 公示 is still running on the server's date (approval waits for its end). */
    noticeRunning:
      app.status === 'public_notice' &&
      app.noticeEndsOn !== null &&
      shenzhenDate(input.now) <= app.noticeEndsOn,
    enterprise: {
      id: enterprise!.id,
      name: enterprise!.name,
      uscc: enterprise!.uscc,
      district: enterprise!.district,
      legalStatus: enterprise!.legalStatus,
      industry: enterprise!.industry,
      aiActivity: enterprise!.aiActivity,
      employees: enterprise!.employees,
      revenueFen: enterprise!.revenueFen,
      verified: enterprise!.verifiedAt !== null,
    },
    events: events.map(({ kind, fromStatus, toStatus, note, at, actor, actorUserId, actorName }) => ({
      kind,
      fromStatus,
      toStatus,
      note,
      at,
      actor,
      actorUserId,
      actorName,
    })),
    documents,
    /** The proposal as the rules see it now; `proposal` (from the applicant view) is the one stored at the last step. */
    currentProposal: proposal,
    approvals,
    approvalRule: {
      twoPersonAboveFen: input.twoPersonAboveFen,
      /** Approvals a decision at the current proposal would need. */
      approvalsNeeded: proposal.amountFen > input.twoPersonAboveFen ? 2 : 1,
    },
    openObjections: toSafeInteger(openObjections?.n),
    duplicates: await duplicatesOf(db, app, documents),
    fund: {
      year: fundYear,
      budgetFen: fund?.budgetFen ?? 0,
      committedFen: fund?.committedFen ?? 0,
      reservedFen: fund?.reservedFen ?? 0,
      leftFen: fund ? fund.budgetFen - fund.committedFen - fund.reservedFen : 0,
    },
    usage,
  };
}
