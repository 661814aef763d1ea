import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { shenzhenDate, shenzhenYear } from '../../clock';
import type { EnterpriseRow } from '../enterprises/membership';
import { art6AnnualCapFen, quoteArt6Purchase } from './art6-quote';
import { loadListedOffering } from './load-offering';

/** The buyer's quote: price, subsidy, what is left of the year's cap, and the rules' trace. Reads only. */
export async function quoteOrder(
  db: DbOrTx,
  input: { enterprise: EnterpriseRow; offeringId: string; quantity: number; now: Date },
) {
  const { offering, provider } = await loadListedOffering(db, input.offeringId, input.quantity);
  const date = shenzhenDate(input.now);
  const year = shenzhenYear(input.now);
  const [usage] = await db
    .select()
    .from(schema.subsidyUsage)
    .where(
      and(
        eq(schema.subsidyUsage.enterpriseId, input.enterprise.id),
        eq(schema.subsidyUsage.article, 'art6'),
        eq(schema.subsidyUsage.year, year),
      ),
    );
  const [fund] = await db.select().from(schema.fundYears).where(eq(schema.fundYears.year, year));
  const capFen = usage?.capFen ?? art6AnnualCapFen(date);
  const grantedFen = usage?.grantedFen ?? 0;
  const reservedFen = usage?.reservedFen ?? 0;
  const quote = quoteArt6Purchase({
    date,
    enterprise: input.enterprise,
    offering,
    provider,
    quantity: input.quantity,
    counters: { usedFen: grantedFen + reservedFen, fund },
  });
  return {
    offeringId: offering.id,
    quantity: input.quantity,
    listPriceFen: quote.listPriceFen,
    subsidyFen: quote.subsidyFen,
    payableFen: quote.payableFen,
    eligible: quote.eligible,
    reasons: quote.reasons,
    trace: quote.trace,
    cap: { year, capFen, grantedFen, reservedFen, leftFen: Math.max(0, capFen - grantedFen - reservedFen) },
  };
}
