import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq, sql } from 'drizzle-orm';
import { accountCode, ensureAccounts } from './accounts';
import { paidOutOf } from './balances';
import { resolvePending, type Transfer } from './resolve-pending';

/**
 * The only code that moves subsidy money. Each operation writes the ledger transfer and updates the two
 * counters it affects — the enterprise's (article, year) usage and the fund year — in the caller's
 * transaction. The caller must already hold the row locks (see `lockCounters`), in the order
 * order → usage → fund (→ audit), which every money-moving transaction follows so none can deadlock another.
 *
 * The statements of one operation do not depend on each other's answers, so they are issued together
 * (`Promise.all`): postgres.js pipelines them on the transaction's connection (one round trip, and PGlite runs
 * them in turn), and the server runs them in the order issued. Fewer round trips is fewer milliseconds holding the
 * hot fund row (docs/performance.md).
 */

export interface SubsidyKey {
  enterpriseId: string;
  article: string;
  year: number;
}

export interface LockedCounters {
  usage: typeof schema.subsidyUsage.$inferSelect;
  fund: typeof schema.fundYears.$inferSelect | undefined;
}

/** Creates the usage row on first use, then locks it and the fund row for the rest of the transaction. */
export async function lockCounters(
  tx: DbOrTx,
  key: SubsidyKey,
  annualCapFen: number,
): Promise<LockedCounters> {
  const [[usage], [fund]] = await Promise.all([
    // An upsert that changes nothing still locks the existing row and returns it: create-or-lock in one statement.
    // The cap stays the one frozen when the row was created.
    tx
      .insert(schema.subsidyUsage)
      .values({ ...key, capFen: annualCapFen })
      .onConflictDoUpdate({
        target: [schema.subsidyUsage.enterpriseId, schema.subsidyUsage.article, schema.subsidyUsage.year],
        set: { capFen: sql`${schema.subsidyUsage.capFen}` },
      })
      .returning(),
    tx.select().from(schema.fundYears).where(eq(schema.fundYears.year, key.year)).for('update'),
  ]);
  return { usage: usage!, fund };
}

/** Reserves a subsidy for an order: a pending transfer plus `reserved` on both counters. */
export async function reserveSubsidy(
  tx: DbOrTx,
  input: SubsidyKey & { orderId: string; providerId: string; providerName: string; amountFen: number },
): Promise<void> {
  if (input.amountFen === 0) return;
  await Promise.all([
    ensureAccounts(tx, [
      {
        code: accountCode.providerPayable(input.providerId),
        kind: 'provider_payable',
        name: input.providerName,
      },
    ]),
    tx.insert(schema.ledgerTransfers).values({
      kind: 'pending',
      debitAccount: accountCode.fund(input.year),
      creditAccount: accountCode.providerPayable(input.providerId),
      amountFen: input.amountFen,
      orderId: input.orderId,
      enterpriseId: input.enterpriseId,
      article: input.article,
      fundYear: input.year,
      memo: `reserve subsidy for order ${input.orderId}`,
    }),
    ...moveCounters(tx, input, input.amountFen, 0),
  ]);
}

/**
 * Payment succeeded: the pending transfer is posted; reserved becomes granted / committed. `pending` is the order's
 * reservation (`pendingTransferOf`, read under the order's lock); none for an order without subsidy.
 */
export async function postSubsidy(tx: DbOrTx, pending: Transfer | undefined, key: SubsidyKey): Promise<void> {
  if (!pending) return;
  await Promise.all([
    resolvePending(tx, pending, 'post_pending', `post subsidy for order ${pending.orderId}`),
    ...moveCounters(tx, key, -pending.amountFen, pending.amountFen),
  ]);
}

/** Cancel, payment failure or expiry: the pending transfer is voided and both counters released. */
export async function releaseSubsidy(
  tx: DbOrTx,
  pending: Transfer | undefined,
  key: SubsidyKey,
  why: string,
): Promise<void> {
  if (!pending) return;
  await Promise.all([
    resolvePending(tx, pending, 'void_pending', `release subsidy for order ${pending.orderId}: ${why}`),
    ...moveCounters(tx, key, -pending.amountFen, 0),
  ]);
}

/**
 * A refund: the posted subsidy goes back from the provider's payable to the fund, and the enterprise's
 * cap is restored. A new transfer, never an edit (append-only ledger). The fund's committed amount is restored only
 * if the subsidy was not paid out: after a payout the district's money is still with the provider, which owes it back
 * (a clawback); it keeps counting against the budget (Art. 2) until a payout batch recovers it (`payOutLines`).
 * Read under the order's lock, which every payout batch takes too.
 */
export async function reverseSubsidy(
  tx: DbOrTx,
  pending: Transfer | undefined,
  key: SubsidyKey,
): Promise<void> {
  if (!pending) return;
  const orderId = pending.orderId;
  const paidOutFen = orderId ? await paidOutOf(tx, orderId) : 0;
  await Promise.all([
    tx.insert(schema.ledgerTransfers).values({
      kind: 'single',
      debitAccount: pending.creditAccount,
      creditAccount: pending.debitAccount,
      amountFen: pending.amountFen,
      orderId,
      enterpriseId: pending.enterpriseId,
      article: pending.article,
      fundYear: pending.fundYear,
      memo: `reverse subsidy for refunded order ${orderId}`,
    }),
    ...moveCounters(tx, key, 0, -pending.amountFen, -pending.amountFen + paidOutFen),
  ]);
}

/** The reservation of an order's subsidy (its pending transfer), if it has one. */
export async function pendingTransferOf(tx: DbOrTx, orderId: string): Promise<Transfer | undefined> {
  const [pending] = await tx
    .select()
    .from(schema.ledgerTransfers)
    .where(and(eq(schema.ledgerTransfers.orderId, orderId), eq(schema.ledgerTransfers.kind, 'pending')));
  return pending;
}

/**
 * The two counter updates, usage then fund (lock order), for the caller to issue with its other statements. The
 * fund's committed amount moves with the usage's granted one, except at a refund after payout (`committedDelta`).
 */
function moveCounters(
  tx: DbOrTx,
  key: SubsidyKey,
  reservedDelta: number,
  grantedDelta: number,
  committedDelta = grantedDelta,
) {
  return [
    tx
      .update(schema.subsidyUsage)
      .set({
        reservedFen: sql`${schema.subsidyUsage.reservedFen} + ${reservedDelta}`,
        grantedFen: sql`${schema.subsidyUsage.grantedFen} + ${grantedDelta}`,
      })
      .where(usageWhere(key)),
    tx
      .update(schema.fundYears)
      .set({
        reservedFen: sql`${schema.fundYears.reservedFen} + ${reservedDelta}`,
        committedFen: sql`${schema.fundYears.committedFen} + ${committedDelta}`,
      })
      .where(eq(schema.fundYears.year, key.year)),
  ];
}

function usageWhere(key: SubsidyKey) {
  return and(
    eq(schema.subsidyUsage.enterpriseId, key.enterpriseId),
    eq(schema.subsidyUsage.article, key.article),
    eq(schema.subsidyUsage.year, key.year),
  );
}
