import { type DbOrTx, schema } from '@nanshan/db';

/**
 * Chart of accounts. Transfers move money from the debit account to the credit account:
 * - `appropriation:<year>` → `fund:<year>`: the budget the district sets for the year (Art. 2).
 * - `fund:<year>` → `provider_payable:<provider>`: a subsidy the district owes a provider for an order.
 * - `provider_payable:<provider>` → `fund:<year>`: a reversed (refunded) subsidy.
 * The fund's balance (credits − debits) is what is left to commit.
 */
export const accountCode = {
  appropriation: (year: number) => `appropriation:${year}`,
  fund: (year: number) => `fund:${year}`,
  providerPayable: (providerId: string) => `provider_payable:${providerId}`,
};

export async function ensureAccounts(
  tx: DbOrTx,
  accounts: Array<{ code: string; kind: string; name: string }>,
): Promise<void> {
  await tx.insert(schema.ledgerAccounts).values(accounts).onConflictDoNothing();
}
