import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, fen, updatedAt } from './columns';
import { enterprises } from './parties';

/**
 * Workflow states of a grant application, after Nanshan's rule-based (核准类) procedure (DOMAIN-NOTES):
 * submitted → formal_check → bureau_review → funding_plan → verification → public_notice → decided → paid,
 * with rejected / info_requested / withdrawn as exits or detours, and revoked as the exit of a decided grant that is
 * not paid (its reservation voided).
 */
export const GRANT_STATES = [
  'submitted',
  'formal_check',
  'bureau_review',
  'funding_plan',
  'verification',
  'public_notice',
  'decided',
  'paid',
  'rejected',
  'info_requested',
  'withdrawn',
  'revoked',
] as const;

/** An application under one article (Arts. 5, 6 annual declaration, 7, 8, 9, 11, 12, 13, 14). */
export const grantApplications = pgTable(
  'grant_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    article: text('article').notNull(),
    /** The year the support counts in (spend year for Art. 6 declarations). */
    year: integer('year').notNull(),
    /** Identifies the project or spend across articles for Art. 4 (per-project cap) and Art. 15 (no duplication). */
    projectKey: text('project_key').notNull(),
    projectName: text('project_name').notNull(),
    /** The facts the article needs, as the applicant stated them (validated per article by the API). */
    facts: jsonb('facts').notNull(),
    requestedFen: fen('requested_fen').notNull(),
    /** The rules' proposed maximum and its trace, recomputed from database history at each review step. */
    proposedFen: fen('proposed_fen').notNull().default(0),
    proposalTrace: jsonb('proposal_trace').notNull().default([]),
    rulesetVersion: text('ruleset_version'),
    paramsHash: text('params_hash'),
    decidedFen: fen('decided_fen'),
    status: text('status').notNull().default('submitted'),
    noticeEndsOn: date('notice_ends_on'),
    /** The proposal published when the current public notice (公示) started: a decision never exceeds it. */
    noticedFen: fen('noticed_fen'),
    submittedBy: text('submitted_by')
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'grant_article',
      sql`${t.article} in ('art5', 'art6', 'art7', 'art8', 'art9', 'art11', 'art12', 'art13', 'art14')`,
    ),
    check(
      'grant_status',
      sql`${t.status} in ('submitted', 'formal_check', 'bureau_review', 'funding_plan', 'verification', 'public_notice', 'decided', 'paid', 'rejected', 'info_requested', 'withdrawn', 'revoked')`,
    ),
    check(
      'grant_amounts',
      sql`${t.requestedFen} >= 0 and ${t.proposedFen} >= 0 and (${t.decidedFen} is null or ${t.decidedFen} >= 0)`,
    ),
    check(
      'grant_decided_within_proposal',
      sql`${t.decidedFen} is null or ${t.decidedFen} <= ${t.proposedFen}`,
    ),
    // Null for decisions taken before the amount at notice was stored (migration 0010).
    check('grant_decided_within_notice', sql`${t.decidedFen} is null or ${t.decidedFen} <= ${t.noticedFen}`),
    index('grant_enterprise_idx').on(t.enterpriseId, t.year),
    index('grant_project_idx').on(t.projectKey),
    index('grant_status_idx').on(t.status),
  ],
);

/** Every state change, with who and why: the applicant sees this history. */
export const grantEvents = pgTable(
  'grant_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => grantApplications.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    actorUserId: text('actor_user_id')
      .notNull()
      .references(() => user.id),
    at: createdAt(),
  },
  (t) => [index('grant_event_application_idx').on(t.applicationId, t.at)],
);

/** Approvals of a decision; above the configured amount two different staff members must approve. */
export const grantApprovals = pgTable(
  'grant_approvals',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => grantApplications.id),
    approverUserId: text('approver_user_id')
      .notNull()
      .references(() => user.id),
    amountFen: fen('amount_fen').notNull(),
    at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.approverUserId] })],
);

/** Objections raised during the public notice (公示). */
export const grantObjections = pgTable('grant_objections', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id')
    .notNull()
    .references(() => grantApplications.id),
  text: text('text').notNull(),
  resolution: text('resolution'),
  resolvedBy: text('resolved_by').references(() => user.id),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  at: createdAt(),
});

/** Budget changes with who, when and why (Art. 2); the money itself moves in the ledger. */
export const budgetAdjustments = pgTable('budget_adjustments', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull(),
  deltaFen: fen('delta_fen').notNull(),
  budgetAfterFen: fen('budget_after_fen').notNull(),
  reason: text('reason').notNull(),
  actorUserId: text('actor_user_id')
    .notNull()
    .references(() => user.id),
  at: createdAt(),
});

/** A payout of subsidies owed to providers (or of grants to enterprises), with a reference for the bank. */
export const payoutBatches = pgTable(
  'payout_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    totalFen: fen('total_fen').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [check('payout_total_positive', sql`${t.totalFen} > 0`)],
);

/** Each paid order is settled at most once (unique order id). */
export const payoutItems = pgTable(
  'payout_items',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => payoutBatches.id),
    payeeAccount: text('payee_account').notNull(),
    orderId: uuid('order_id'),
    grantApplicationId: uuid('grant_application_id').references(() => grantApplications.id),
    amountFen: fen('amount_fen').notNull(),
  },
  (t) => [
    check('payout_item_positive', sql`${t.amountFen} > 0`),
    check('payout_item_one_source', sql`(${t.orderId} is null) <> (${t.grantApplicationId} is null)`),
    uniqueIndex('payout_item_order_once').on(t.orderId).where(sql`${t.orderId} is not null`),
    uniqueIndex('payout_item_grant_once')
      .on(t.grantApplicationId)
      .where(sql`${t.grantApplicationId} is not null`),
  ],
);

/**
 * Values the measures leave to the bureau (Art. 9 batch rates, Art. 10 rent tiers and pool price, Art. 13
 * rates, …): new dated segments over the rules package's defaults. A draft can be evaluated (what-if) before
 * it is published; a published segment is never edited, only superseded by a later one.
 */
export const parameterSegments = pgTable(
  'parameter_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    publishedBy: text('published_by').references(() => user.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('parameter_status', sql`${t.status} in ('draft', 'published', 'withdrawn')`),
    check('parameter_period', sql`${t.toDate} is null or ${t.fromDate} <= ${t.toDate}`),
    index('parameter_key_idx').on(t.key, t.fromDate),
  ],
);
