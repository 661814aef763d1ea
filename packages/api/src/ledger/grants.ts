import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq, sql } from 'drizzle-orm';
import { accountCode, ensureAccounts } from './accounts';
import { payoutMemoPrefix } from './payout';
import { resolvePending } from './resolve-pending';

/**
 * The only code that moves grant money (Arts. 5, 6 annual declaration, 7, 8, 9, 11, 12, 13, 14). A decided grant is
 * a pending transfer `fund:<decision year>` → `grant_payable:<application>` (reserved on both counters it touches);
 * disbursement posts it (reserved → committed / granted) and pays it out (`grant_payable:<application>` →
 * `disbursed:<fund year>`), so the fund summary's disbursed amount includes grants; revoking a decided grant voids it
 * (reserved released on both counters).
 *
 * Two years can differ: the fund year is the year of the decision (the budget that pays it, Art. 2), the usage year is
 * the year the support counts in (for an Art. 6 declaration the spend year, whose cap it shares with the market's
 * instant subsidies). Only articles whose annual cap the market also draws on (Arts. 6 and 9) have a usage row; the
 * others pass `usage: null`. `usageFromLedger` reads the usage year from the application the account names.
 *
 * The caller holds the locks, in the order every grant transaction takes them: the enterprise's grant lock →
 * application → usage → fund (see `lockGrantCounters`).
 */

export interface GrantUsageKey {
  enterpriseId: string;
  article: string;
  year: number;
}

export interface GrantMoney {
  applicationId: string;
  enterpriseId: string;
  article: string;
  /** The enterprise's (article, year) usage row the grant shares with the market, or null. */
  usage: GrantUsageKey | null;
  fundYear: number;
}

/**
 * Locks the usage row (created on first use with the cap in force) and the fund year's row, in that order, for the
 * rest of the transaction. The fund row may be missing (no budget set for the year): then it is `undefined`.
 */
export async function lockGrantCounters(
  tx: DbOrTx,
  input: { usage: GrantUsageKey | null; annualCapFen: number; fundYear: number },
) {
  let usage: typeof schema.subsidyUsage.$inferSelect | undefined;
  if (input.usage) {
    await tx
      .insert(schema.subsidyUsage)
      .values({ ...input.usage, capFen: input.annualCapFen })
      .onConflictDoNothing();
    [usage] = await tx.select().from(schema.subsidyUsage).where(usageWhere(input.usage)).for('update');
  }
  const [fund] = await tx
    .select()
    .from(schema.fundYears)
    .where(eq(schema.fundYears.year, input.fundYear))
    .for('update');
  return { usage, fund };
}

/** A decision: the grant is reserved in the fund (and in the shared usage row) as a pending transfer. */
export async function reserveGrant(
  tx: DbOrTx,
  input: GrantMoney & { amountFen: number; payeeName: string },
): Promise<void> {
  if (input.amountFen <= 0) throw new RangeError('a grant reservation must be positive');
  await ensureAccounts(tx, [
    { code: accountCode.grantPayable(input.applicationId), kind: 'grant_payable', name: input.payeeName },
  ]);
  await tx.insert(schema.ledgerTransfers).values({
    kind: 'pending',
    debitAccount: accountCode.fund(input.fundYear),
    creditAccount: accountCode.grantPayable(input.applicationId),
    amountFen: input.amountFen,
    enterpriseId: input.enterpriseId,
    article: input.article,
    fundYear: input.fundYear,
    memo: `reserve grant ${input.applicationId}`,
  });
  await moveGrantCounters(tx, input, input.amountFen, 0);
}

/**
 * Disbursement: the pending transfer is posted (reserved → committed in the fund, → granted in the usage row) and
 * paid out to the grantee in the payout batch `reference`. Returns the amount posted; throws when the grant was never
 * reserved or was already resolved (the unique index on resolutions is the last line).
 */
export async function disburseGrantFunds(
  tx: DbOrTx,
  input: Omit<GrantMoney, 'fundYear'> & { reference: string },
): Promise<number> {
  const pending = await pendingGrantOf(tx, input.applicationId);
  if (!pending) throw new Error(`grant ${input.applicationId} has no reservation to disburse`);
  await resolvePending(tx, pending, 'post_pending', `post grant ${input.applicationId}`);
  await moveGrantCounters(
    tx,
    { ...input, fundYear: pending.fundYear! },
    -pending.amountFen,
    pending.amountFen,
  );
  await ensureAccounts(tx, [
    {
      code: accountCode.disbursed(pending.fundYear!),
      kind: 'disbursed',
      name: `Disbursed ${pending.fundYear}`,
    },
  ]);
  await tx.insert(schema.ledgerTransfers).values({
    kind: 'single',
    debitAccount: pending.creditAccount,
    creditAccount: accountCode.disbursed(pending.fundYear!),
    amountFen: pending.amountFen,
    enterpriseId: pending.enterpriseId,
    article: pending.article,
    fundYear: pending.fundYear,
    memo: `${payoutMemoPrefix(input.reference)} grant ${input.applicationId}`,
  });
  return pending.amountFen;
}

/**
 * A revoked decision: the pending transfer is voided and `reserved` released on both counters, so neither the fund
 * nor the enterprise's annual cap stays locked by a grant that will not be paid. Returns the amount released and its
 * fund year; throws when the grant was never reserved (the unique index on resolutions is the last line against
 * resolving it twice).
 */
export async function releaseGrant(
  tx: DbOrTx,
  input: Omit<GrantMoney, 'fundYear'>,
): Promise<{ amountFen: number; fundYear: number }> {
  const pending = await pendingGrantOf(tx, input.applicationId);
  if (!pending) throw new Error(`grant ${input.applicationId} has no reservation to release`);
  await resolvePending(tx, pending, 'void_pending', `revoke grant ${input.applicationId}`);
  await moveGrantCounters(tx, { ...input, fundYear: pending.fundYear! }, -pending.amountFen, 0);
  return { amountFen: pending.amountFen, fundYear: pending.fundYear! };
}

/** A grant's reservation (its one pending transfer); whether it is resolved, the application's status says. */
async function pendingGrantOf(tx: DbOrTx, applicationId: string) {
  const [pending] = await tx
    .select()
    .from(schema.ledgerTransfers)
    .where(
      and(
        eq(schema.ledgerTransfers.creditAccount, accountCode.grantPayable(applicationId)),
        eq(schema.ledgerTransfers.kind, 'pending'),
      ),
    );
  return pending;
}

async function moveGrantCounters(
  tx: DbOrTx,
  money: GrantMoney,
  reservedDelta: number,
  grantedDelta: number,
): Promise<void> {
  if (money.usage) {
    await tx
      .update(schema.subsidyUsage)
      .set({
        reservedFen: sql`${schema.subsidyUsage.reservedFen} + ${reservedDelta}`,
        grantedFen: sql`${schema.subsidyUsage.grantedFen} + ${grantedDelta}`,
      })
      .where(usageWhere(money.usage));
  }
  await tx
    .update(schema.fundYears)
    .set({
      reservedFen: sql`${schema.fundYears.reservedFen} + ${reservedDelta}`,
      committedFen: sql`${schema.fundYears.committedFen} + ${grantedDelta}`,
    })
    .where(eq(schema.fundYears.year, money.fundYear));
}

function usageWhere(key: GrantUsageKey) {
  return and(
    eq(schema.subsidyUsage.enterpriseId, key.enterpriseId),
    eq(schema.subsidyUsage.article, key.article),
    eq(schema.subsidyUsage.year, key.year),
  );
}
