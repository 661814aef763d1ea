import { type DbOrTx, schema } from '@nanshan/db';
import { eq, sql } from 'drizzle-orm';
import { accountCode, ensureAccounts } from './accounts';

/**
 * Sets (or adjusts) the fund's budget for a year. The change is a ledger transfer from the year's
 * appropriation, so the budget can be recomputed from postings; lowering it below what is already
 * committed + reserved is refused by the `fund_within_budget` constraint.
 */
export async function setFundBudget(
  tx: DbOrTx,
  year: number,
  budgetFen: number,
  memo: string,
): Promise<void> {
  await ensureAccounts(tx, [
    { code: accountCode.appropriation(year), kind: 'appropriation', name: `Appropriation ${year}` },
    { code: accountCode.fund(year), kind: 'fund', name: `District AI fund ${year}` },
  ]);
  await tx.insert(schema.fundYears).values({ year, budgetFen: 0 }).onConflictDoNothing();
  const [fund] = await tx
    .select()
    .from(schema.fundYears)
    .where(eq(schema.fundYears.year, year))
    .for('update');
  const delta = budgetFen - fund!.budgetFen;
  if (delta === 0) return;
  await tx.insert(schema.ledgerTransfers).values({
    kind: 'single',
    debitAccount: delta > 0 ? accountCode.appropriation(year) : accountCode.fund(year),
    creditAccount: delta > 0 ? accountCode.fund(year) : accountCode.appropriation(year),
    amountFen: Math.abs(delta),
    fundYear: year,
    memo,
  });
  await tx
    .update(schema.fundYears)
    .set({ budgetFen: sql`${schema.fundYears.budgetFen} + ${delta}` })
    .where(eq(schema.fundYears.year, year));
}

/**
 * Creates the year's fund row on first use (budget 0) and locks it for the rest of the transaction, so a budget
 * change can check the new amount against what is committed and reserved before moving money (`setFundBudget`
 * then takes the same lock again, which is free).
 */
export async function lockFundYear(tx: DbOrTx, year: number) {
  await tx.insert(schema.fundYears).values({ year, budgetFen: 0 }).onConflictDoNothing();
  const [fund] = await tx
    .select()
    .from(schema.fundYears)
    .where(eq(schema.fundYears.year, year))
    .for('update');
  return fund!;
}
