import { type DbOrTx, schema } from '@nanshan/db';
import { like, sql } from 'drizzle-orm';
import { accountCode, ensureAccounts } from './accounts';

/**
 * Settlement: the only code that pays subsidies out to providers. One transfer per order, so every payout (and every
 * clawback recovered) names the order, the enterprise, the article and the fund year it belongs to, and the owed
 * amounts can be recomputed from postings alone. The caller holds the order rows' locks and the payout-batch lock
 * (see domains/settlement/create-batch.ts).
 *
 * Transfers written here carry the memo `payout <reference>: …`, which is how a batch finds its clawback lines in the
 * ledger (payout_items hold only positive, once-per-order payouts). References therefore never contain a colon.
 */

export interface PayoutLine {
  reference: string;
  providerId: string;
  providerName: string;
  orderId: string;
  enterpriseId: string;
  article: string | null;
  fundYear: number;
  amountFen: number;
}

/**
 * Payout batches are created one at a time (a transaction-scoped advisory lock, released at commit): references are
 * numbered without a race, and two batches never look at the same owed amounts at once. Every code path that creates
 * a payout batch (settlement, grant disbursement) takes this lock first.
 */
export async function lockPayoutBatches(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('nanshan:payout_batch'))`);
}

/** The next `NS-PAY-<year>-NNNN` reference; call it holding `lockPayoutBatches`. */
export async function nextPayoutReference(tx: DbOrTx, year: number): Promise<string> {
  const prefix = `NS-PAY-${year}-`;
  const rows = await tx
    .select({ reference: schema.payoutBatches.reference })
    .from(schema.payoutBatches)
    .where(like(schema.payoutBatches.reference, `${prefix}%`));
  let max = 0;
  for (const { reference } of rows) {
    const tail = reference.slice(prefix.length);
    if (/^\d+$/.test(tail)) max = Math.max(max, Number(tail));
  }
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

/** The memo prefix of every transfer of one payout batch. */
export function payoutMemoPrefix(reference: string): string {
  return `payout ${reference}:`;
}

async function ensurePayoutAccounts(tx: DbOrTx, line: PayoutLine) {
  await ensureAccounts(tx, [
    { code: accountCode.providerPayable(line.providerId), kind: 'provider_payable', name: line.providerName },
    { code: accountCode.disbursed(line.fundYear), kind: 'disbursed', name: `Disbursed ${line.fundYear}` },
  ]);
}

/** Pays an order's posted subsidy out to its provider: `provider_payable:<id>` → `disbursed:<fund year>`. */
export async function payOutSubsidy(tx: DbOrTx, line: PayoutLine): Promise<void> {
  await ensurePayoutAccounts(tx, line);
  await tx.insert(schema.ledgerTransfers).values({
    kind: 'single',
    debitAccount: accountCode.providerPayable(line.providerId),
    creditAccount: accountCode.disbursed(line.fundYear),
    amountFen: line.amountFen,
    orderId: line.orderId,
    enterpriseId: line.enterpriseId,
    article: line.article,
    fundYear: line.fundYear,
    memo: `${payoutMemoPrefix(line.reference)} subsidy for order ${line.orderId}`,
  });
}

/**
 * Nets off a clawback in a payout batch: the order was refunded after its subsidy had been paid out, so the
 * provider owed it back; the batch pays the provider that much less. `disbursed:<fund year>` →
 * `provider_payable:<id>` (the money counts as disbursed no more, and the provider's payable is square again).
 */
export async function recoverClawback(tx: DbOrTx, line: PayoutLine): Promise<void> {
  await ensurePayoutAccounts(tx, line);
  await tx.insert(schema.ledgerTransfers).values({
    kind: 'single',
    debitAccount: accountCode.disbursed(line.fundYear),
    creditAccount: accountCode.providerPayable(line.providerId),
    amountFen: line.amountFen,
    orderId: line.orderId,
    enterpriseId: line.enterpriseId,
    article: line.article,
    fundYear: line.fundYear,
    memo: `${payoutMemoPrefix(line.reference)} clawback of refunded order ${line.orderId}`,
  });
}
