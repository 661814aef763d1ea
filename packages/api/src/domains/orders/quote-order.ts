import { type DbOrTx, schema } from '@nanshan/db';
import type { ParamOverrides } from '@nanshan/rules';
import { and, eq } from 'drizzle-orm';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import type { EnterpriseRow } from '../enterprises/membership';
import { activeTenancy } from '../incubator/tenancy';
import { loadPolicyOverrides } from '../parameters/policy-overrides';
import { loadListedOffering } from './load-offering';
import { annualCapFen, articleOf, quotePoolPurchase, quotePurchase } from './purchase-quote';
import { consecutiveYearsFunded } from './usage-history';

/** The buyer's quote: price, subsidy, what is left of the year's cap, and the rules' trace. Reads only. */
export async function quoteOrder(
  db: DbOrTx,
  input: {
    enterprise: EnterpriseRow;
    offeringId: string;
    quantity: number;
    notRelatedDeclared: boolean;
    now: Date;
  },
) {
  const date = shenzhenDate(input.now);
  const { offering, provider } = await loadListedOffering(db, input.offeringId, input.quantity, date);
  const overrides = await loadPolicyOverrides(db);
  if (offering.poolId) return quotePoolOrder(db, input, date, overrides);
  const year = shenzhenYear(input.now);
  const article = articleOf(provider);
  const [usage] = await db
    .select()
    .from(schema.subsidyUsage)
    .where(
      and(
        eq(schema.subsidyUsage.enterpriseId, input.enterprise.id),
        eq(schema.subsidyUsage.article, article),
        eq(schema.subsidyUsage.year, year),
      ),
    );
  const [fund] = await db.select().from(schema.fundYears).where(eq(schema.fundYears.year, year));
  const capFen = usage?.capFen ?? annualCapFen(article, date, overrides);
  const grantedFen = usage?.grantedFen ?? 0;
  const reservedFen = usage?.reservedFen ?? 0;
  const quote = quotePurchase({
    date,
    enterprise: input.enterprise,
    offering,
    provider,
    quantity: input.quantity,
    counters: {
      usedFen: grantedFen + reservedFen,
      fund,
      consecutiveYearsFunded: await consecutiveYearsFunded(db, input.enterprise.id, article, year),
    },
    notRelatedDeclared: input.notRelatedDeclared,
    overrides,
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
    article,
    cap: { year, capFen, grantedFen, reservedFen, leftFen: Math.max(0, capFen - grantedFen - reservedFen) },
  };
}

/** Art. 10: the pool is quoted to tenants only, at the pool price, with no subsidy and no annual cap to draw on. */
async function quotePoolOrder(
  db: DbOrTx,
  input: { enterprise: EnterpriseRow; offeringId: string; quantity: number },
  date: string,
  overrides: ParamOverrides,
) {
  if (!(await activeTenancy(db, input.enterprise.id, date))) throw domainError('not_a_tenant', 'FORBIDDEN');
  const quote = quotePoolPurchase({ date, quantity: input.quantity, overrides });
  return {
    offeringId: input.offeringId,
    quantity: input.quantity,
    listPriceFen: quote.listPriceFen,
    subsidyFen: quote.subsidyFen,
    payableFen: quote.payableFen,
    eligible: quote.eligible,
    reasons: quote.reasons,
    trace: quote.trace,
    article: quote.article,
    cap: null,
  };
}
