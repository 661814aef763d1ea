import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq, sql } from 'drizzle-orm';
import { accountCode, ensureAccounts } from './accounts';

/**
 * The only code that moves subsidy money. Each operation writes the ledger transfer and updates the two
 * counters it affects — the enterprise's (article, year) usage and the fund year — in the caller's
 * transaction. The caller must already hold the row locks (see `lockCounters`), in the order
 * order → usage → fund, which every money-moving transaction follows so none can deadlock another.
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
  await tx
    .insert(schema.subsidyUsage)
    .values({ ...key, capFen: annualCapFen })
    .onConflictDoNothing();
  const [usage] = await tx.select().from(schema.subsidyUsage).where(usageWhere(key)).for('update');
  const [fund] = await tx
    .select()
    .from(schema.fundYears)
    .where(eq(schema.fundYears.year, key.year))
    .for('update');
  return { usage: usage!, fund };
}

/** Reserves a subsidy for an order: a pending transfer plus `reserved` on both counters. */
export async function reserveSubsidy(
  tx: DbOrTx,
  input: SubsidyKey & { orderId: string; providerId: string; providerName: string; amountFen: number },
): Promise<void> {
  if (input.amountFen === 0) return;
  await ensureAccounts(tx, [
    {
      code: accountCode.providerPayable(input.providerId),
      kind: 'provider_payable',
      name: input.providerName,
    },
  ]);
  await tx.insert(schema.ledgerTransfers).values({
    kind: 'pending',
    debitAccount: accountCode.fund(input.year),
    creditAccount: accountCode.providerPayable(input.providerId),
    amountFen: input.amountFen,
    orderId: input.orderId,
    enterpriseId: input.enterpriseId,
    article: input.article,
    fundYear: input.year,
    memo: `reserve subsidy for order ${input.orderId}`,
  });
  await moveCounters(tx, input, input.amountFen, 0);
}

/** Payment succeeded: the pending transfer is posted; reserved becomes granted / committed. */
export async function postSubsidy(tx: DbOrTx, orderId: string, key: SubsidyKey): Promise<void> {
  const pending = await pendingTransferOf(tx, orderId);
  if (!pending) return;
  await resolvePending(tx, pending, 'post_pending', `post subsidy for order ${orderId}`);
  await moveCounters(tx, key, -pending.amountFen, pending.amountFen);
}

/** Cancel, payment failure or expiry: the pending transfer is voided and both counters released. */
export async function releaseSubsidy(
  tx: DbOrTx,
  orderId: string,
  key: SubsidyKey,
  why: string,
): Promise<void> {
  const pending = await pendingTransferOf(tx, orderId);
  if (!pending) return;
  await resolvePending(tx, pending, 'void_pending', `release subsidy for order ${orderId}: ${why}`);
  await moveCounters(tx, key, -pending.amountFen, 0);
}

/**
 * A refund: the posted subsidy goes back from the provider's payable to the fund, and the enterprise's
 * cap and the fund's committed amount are restored. A new transfer, never an edit (append-only ledger).
 */
export async function reverseSubsidy(tx: DbOrTx, orderId: string, key: SubsidyKey): Promise<void> {
  const pending = await pendingTransferOf(tx, orderId);
  if (!pending) return;
  await tx.insert(schema.ledgerTransfers).values({
    kind: 'single',
    debitAccount: pending.creditAccount,
    creditAccount: pending.debitAccount,
    amountFen: pending.amountFen,
    orderId,
    enterpriseId: pending.enterpriseId,
    article: pending.article,
    fundYear: pending.fundYear,
    memo: `reverse subsidy for refunded order ${orderId}`,
  });
  await moveCounters(tx, key, 0, -pending.amountFen);
}

async function pendingTransferOf(tx: DbOrTx, orderId: string) {
  const [pending] = await tx
    .select()
    .from(schema.ledgerTransfers)
    .where(and(eq(schema.ledgerTransfers.orderId, orderId), eq(schema.ledgerTransfers.kind, 'pending')));
  return pending;
}

async function resolvePending(
  tx: DbOrTx,
  pending: typeof schema.ledgerTransfers.$inferSelect,
  kind: 'post_pending' | 'void_pending',
  memo: string,
): Promise<void> {
  await tx.insert(schema.ledgerTransfers).values({
    kind,
    pendingId: pending.id,
    debitAccount: pending.debitAccount,
    creditAccount: pending.creditAccount,
    amountFen: pending.amountFen,
    orderId: pending.orderId,
    enterpriseId: pending.enterpriseId,
    article: pending.article,
    fundYear: pending.fundYear,
    memo,
  });
}

async function moveCounters(tx: DbOrTx, key: SubsidyKey, reservedDelta: number, grantedDelta: number) {
  await tx
    .update(schema.subsidyUsage)
    .set({
      reservedFen: sql`${schema.subsidyUsage.reservedFen} + ${reservedDelta}`,
      grantedFen: sql`${schema.subsidyUsage.grantedFen} + ${grantedDelta}`,
    })
    .where(usageWhere(key));
  await tx
    .update(schema.fundYears)
    .set({
      reservedFen: sql`${schema.fundYears.reservedFen} + ${reservedDelta}`,
      committedFen: sql`${schema.fundYears.committedFen} + ${grantedDelta}`,
    })
    .where(eq(schema.fundYears.year, key.year));
}

function usageWhere(key: SubsidyKey) {
  return and(
    eq(schema.subsidyUsage.enterpriseId, key.enterpriseId),
    eq(schema.subsidyUsage.article, key.article),
    eq(schema.subsidyUsage.year, key.year),
  );
}
