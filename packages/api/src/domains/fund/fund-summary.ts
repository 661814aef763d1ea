import { type DbOrTx, schema } from '@nanshan/db';
import { desc, eq } from 'drizzle-orm';
import { disbursedFromLedger } from '../../ledger/balances';

/**
 * Art. 2: the year's budget and what is committed (paid subsidies), reserved (awaiting payment), left, and — from the
 * ledger — disbursed (actually paid out to providers or grantees; part of committed). With every budget change, newest
 * first.
 */
export async function fundSummary(db: DbOrTx, year: number) {
  const [[fund], disbursedFen, adjustments] = await Promise.all([
    db.select().from(schema.fundYears).where(eq(schema.fundYears.year, year)),
    disbursedFromLedger(db, year),
    db
      .select({
        id: schema.budgetAdjustments.id,
        deltaFen: schema.budgetAdjustments.deltaFen,
        budgetAfterFen: schema.budgetAdjustments.budgetAfterFen,
        reason: schema.budgetAdjustments.reason,
        at: schema.budgetAdjustments.at,
        actorUserId: schema.budgetAdjustments.actorUserId,
        actorName: schema.user.name,
      })
      .from(schema.budgetAdjustments)
      .innerJoin(schema.user, eq(schema.user.id, schema.budgetAdjustments.actorUserId))
      .where(eq(schema.budgetAdjustments.year, year))
      .orderBy(desc(schema.budgetAdjustments.at), desc(schema.budgetAdjustments.id)),
  ]);
  const budgetFen = fund?.budgetFen ?? 0;
  const committedFen = fund?.committedFen ?? 0;
  const reservedFen = fund?.reservedFen ?? 0;
  return {
    year,
    budgetFen,
    committedFen,
    reservedFen,
    leftFen: budgetFen - committedFen - reservedFen,
    disbursedFen,
    adjustments,
  };
}
