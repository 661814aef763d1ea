import { type DbOrTx, schema } from '@nanshan/db';
import { type SQL, sql } from 'drizzle-orm';

const FUND = 'fund:';
const PROVIDER_PAYABLE = 'provider_payable:';
const DISBURSED = 'disbursed:';

/**
 * Chart of accounts. Transfers move money from the debit account to the credit account:
 * - `appropriation:<year>` → `fund:<year>`: the budget the district sets for the year (Art. 2).
 * - `fund:<year>` → `provider_payable:<provider>`: a subsidy the district owes a provider for an order.
 * - `provider_payable:<provider>` → `fund:<year>`: a reversed (refunded) subsidy.
 * - `fund:<year>` → `grant_payable:<application>`: a grant decided under Arts. 5–14 (pending until disbursed;
 *   one account per application, so its reservation and payout are found by account).
 * - `provider_payable:<provider>` → `disbursed:<year>`: a subsidy paid out to the provider in a payout batch
 *   (settlement); `<year>` is the fund year the order's subsidy was committed in.
 * - `disbursed:<year>` → `provider_payable:<provider>`: a clawback recovered — an order refunded after it was paid
 *   out left the provider owing the subsidy back, and a later payout batch netted it off.
 * The fund's balance (credits − debits) is what is left to commit, plus the clawbacks outstanding (a refund after
 * payout credits the fund, but the amount stays committed until a payout batch recovers it: `reverseSubsidy`). A
 * provider's payable balance (posted transfers only) is what the district still owes it — negative while it owes a
 * clawback.
 */
export const accountCode = {
  appropriation: (year: number) => `appropriation:${year}`,
  fund: (year: number) => `${FUND}${year}`,
  providerPayable: (providerId: string) => `${PROVIDER_PAYABLE}${providerId}`,
  grantPayable: (applicationId: string) => `grant_payable:${applicationId}`,
  /**
   * What the district has actually paid out of the year's fund (to providers in settlement; grant disbursements
   * may use it too). Its balance is the fund summary's `disbursedFen`; it is part of, never beyond, `committed`.
   */
  disbursed: (year: number) => `${DISBURSED}${year}`,
};

/** The same codes built in SQL from a column or expression, for set-based statements (settlement, seeding). */
export const accountCodeSql = {
  fund: (year: SQL) => sql`${sql.raw(`'${FUND}'`)} || ${year}`,
  providerPayable: (providerId: SQL) => sql`${sql.raw(`'${PROVIDER_PAYABLE}'`)} || ${providerId}`,
  disbursed: (year: SQL) => sql`${sql.raw(`'${DISBURSED}'`)} || ${year}`,
};

export async function ensureAccounts(
  tx: DbOrTx,
  accounts: Array<{ code: string; kind: string; name: string }>,
): Promise<void> {
  await tx.insert(schema.ledgerAccounts).values(accounts).onConflictDoNothing();
}
