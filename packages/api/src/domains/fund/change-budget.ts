import { type Db, pgErrorOf, schema } from '@nanshan/db';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { lockFundYear, setFundBudget } from '../../ledger/fund';

export type BudgetChange = { budgetFen: number } | { deltaFen: number };

/**
 * Art. 2 (资金总量控制): staff set or adjust a fund year's budget, always with a reason. The budget moves in the ledger
 * (`setFundBudget`), the change is kept with who, when and why (budget_adjustments) and audited. A budget below what
 * is already committed + reserved is refused (`budget_below_commitments`): checked under the fund row's lock, with the
 * `fund_within_budget` constraint as the last line.
 */
export async function changeFundBudget(
  db: Db,
  input: { year: number; change: BudgetChange; reason: string; actorUserId: string; now: Date },
) {
  try {
    return await db.transaction(async (tx) => {
      const fund = await lockFundYear(tx, input.year);
      const budgetFen =
        'budgetFen' in input.change ? input.change.budgetFen : fund.budgetFen + input.change.deltaFen;
      const deltaFen = budgetFen - fund.budgetFen;
      if (!Number.isSafeInteger(budgetFen)) throw domainError('budget_out_of_range');
      if (deltaFen === 0) throw domainError('budget_unchanged');
      if (budgetFen < 0) throw domainError('budget_negative');
      if (budgetFen < fund.committedFen + fund.reservedFen) {
        throw domainError('budget_below_commitments', 'PRECONDITION_FAILED');
      }
      await setFundBudget(tx, input.year, budgetFen, `budget ${input.year} changed: ${input.reason}`);
      const [adjustment] = await tx
        .insert(schema.budgetAdjustments)
        .values({
          year: input.year,
          deltaFen,
          budgetAfterFen: budgetFen,
          reason: input.reason,
          actorUserId: input.actorUserId,
          at: input.now,
        })
        .returning();
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'fund.budget_changed',
        targetType: 'fund_year',
        targetId: String(input.year),
        before: { budgetFen: fund.budgetFen, committedFen: fund.committedFen, reservedFen: fund.reservedFen },
        after: { budgetFen, deltaFen, reason: input.reason, adjustmentId: adjustment!.id },
        at: input.now,
      });
      return {
        year: input.year,
        adjustmentId: adjustment!.id,
        budgetBeforeFen: fund.budgetFen,
        budgetFen,
        deltaFen,
        leftFen: budgetFen - fund.committedFen - fund.reservedFen,
      };
    });
  } catch (error) {
    throw asBudgetRefusal(error);
  }
}

/** The database's own refusal of an overdraft (`fund_within_budget`) as the domain's reason; other errors unchanged. */
export function asBudgetRefusal(error: unknown): unknown {
  const pg = pgErrorOf(error);
  if (pg?.code === '23514' && pg.constraint === 'fund_within_budget') {
    return domainError('budget_below_commitments', 'PRECONDITION_FAILED');
  }
  return error;
}
