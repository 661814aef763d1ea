import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, fen } from './columns';
import { orders } from './market';
import { enterprises } from './parties';

/**
 * Invariant 2: for every (enterprise, article, year) granted + reserved never exceeds the cap.
 * The row is locked (`for update`) by every reservation; the CHECK is the last line of defence.
 */
export const subsidyUsage = pgTable(
  'subsidy_usage',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    article: text('article').notNull(),
    year: integer('year').notNull(),
    capFen: fen('cap_fen').notNull(),
    grantedFen: fen('granted_fen').notNull().default(0),
    reservedFen: fen('reserved_fen').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.article, t.year] }),
    check('usage_non_negative', sql`${t.grantedFen} >= 0 and ${t.reservedFen} >= 0 and ${t.capFen} >= 0`),
    check('usage_within_cap', sql`${t.grantedFen} + ${t.reservedFen} <= ${t.capFen}`),
  ],
);

/** Invariant 3 (Art. 2): for every fund year committed + reserved never exceeds the budget. */
export const fundYears = pgTable(
  'fund_years',
  {
    year: integer('year').primaryKey(),
    budgetFen: fen('budget_fen').notNull(),
    committedFen: fen('committed_fen').notNull().default(0),
    reservedFen: fen('reserved_fen').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check('fund_non_negative', sql`${t.budgetFen} >= 0 and ${t.committedFen} >= 0 and ${t.reservedFen} >= 0`),
    check('fund_within_budget', sql`${t.committedFen} + ${t.reservedFen} <= ${t.budgetFen}`),
  ],
);

/** Chart of accounts; codes look like `fund:2026`, `appropriation:2026`, `provider_payable:<uuid>`. */
export const ledgerAccounts = pgTable('ledger_accounts', {
  code: text('code').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/**
 * Invariant 4: an append-only journal of transfers, each one debit and one credit of the same amount, so
 * every posting balances by construction. A reservation is a `pending` transfer, later completed by a
 * `post_pending` or `void_pending` transfer that points at it (each pending one is resolved at most once).
 * Updates and deletes are refused by a trigger (see the migrations).
 */
export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    debitAccount: text('debit_account')
      .notNull()
      .references(() => ledgerAccounts.code),
    creditAccount: text('credit_account')
      .notNull()
      .references(() => ledgerAccounts.code),
    amountFen: fen('amount_fen').notNull(),
    pendingId: bigint('pending_id', { mode: 'number' }).references((): AnyPgColumn => ledgerTransfers.id),
    orderId: uuid('order_id').references(() => orders.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    article: text('article'),
    fundYear: integer('fund_year'),
    memo: text('memo').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('transfer_kind', sql`${t.kind} in ('single', 'pending', 'post_pending', 'void_pending')`),
    check('transfer_positive', sql`${t.amountFen} > 0`),
    check('transfer_two_accounts', sql`${t.debitAccount} <> ${t.creditAccount}`),
    check(
      'transfer_pending_link',
      sql`(${t.kind} in ('post_pending', 'void_pending')) = (${t.pendingId} is not null)`,
    ),
    uniqueIndex('transfer_pending_resolved_once')
      .on(t.pendingId)
      .where(sql`${t.kind} in ('post_pending', 'void_pending')`),
    index('transfer_order_idx').on(t.orderId),
    index('transfer_debit_idx').on(t.debitAccount),
    index('transfer_credit_idx').on(t.creditAccount),
  ],
);

/** Append-only, hash-chained record of admin and money-moving actions (invariant 7). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorUserId: text('actor_user_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
    at: createdAt(),
  },
  (t) => [index('audit_target_idx').on(t.targetType, t.targetId)],
);
