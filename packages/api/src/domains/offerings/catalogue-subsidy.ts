import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { shenzhenDate, shenzhenYear } from '../../clock';
import type { EnterpriseRow } from '../enterprises/membership';
import {
  articleOf,
  type CounterState,
  MARKET_ARTICLES,
  type MarketArticle,
  quotePurchase,
} from '../orders/purchase-quote';
import { consecutiveYearsFunded } from '../orders/usage-history';
import { loadPolicyOverrides } from '../parameters/policy-overrides';

type OfferingRow = typeof schema.offerings.$inferSelect;
type ProviderRow = typeof schema.providers.$inferSelect;

/** What the catalogue shows an enterprise for one offering: the subsidy it would get now at the minimum quantity. */
export interface CatalogueSubsidy {
  article: MarketArticle;
  quantity: number;
  listPriceFen: number;
  subsidyFen: number;
  payableFen: number;
  eligible: boolean;
  reasons: string[];
}

/**
 * Everything the subsidy of any offering depends on for one enterprise, read once per request: the enterprise's
 * use of each market article's annual cap, the fund, the consecutive funded years (Art. 9) and the published
 * parameter segments. Reads only; the order transaction re-checks under locks.
 */
export async function buyerSnapshot(db: DbOrTx, enterprise: EnterpriseRow, now: Date) {
  const date = shenzhenDate(now);
  const year = shenzhenYear(now);
  const [usage, [fund], art6Years, art9Years, overrides] = await Promise.all([
    db
      .select()
      .from(schema.subsidyUsage)
      .where(and(eq(schema.subsidyUsage.enterpriseId, enterprise.id), eq(schema.subsidyUsage.year, year))),
    db.select().from(schema.fundYears).where(eq(schema.fundYears.year, year)),
    consecutiveYearsFunded(db, enterprise.id, 'art6', year),
    consecutiveYearsFunded(db, enterprise.id, 'art9', year),
    loadPolicyOverrides(db),
  ]);
  const years: Record<MarketArticle, number> = { art6: art6Years, art9: art9Years };
  const counters = Object.fromEntries(
    MARKET_ARTICLES.map((article) => {
      const row = usage.find((u) => u.article === article);
      const state: CounterState = {
        usedFen: (row?.grantedFen ?? 0) + (row?.reservedFen ?? 0),
        fund,
        consecutiveYearsFunded: years[article],
      };
      return [article, state];
    }),
  ) as Record<MarketArticle, CounterState>;
  return { date, enterprise, counters, overrides };
}

export type BuyerSnapshot = Awaited<ReturnType<typeof buyerSnapshot>>;

/**
 * The subsidy shown next to an offering: the same rules function the quote and the order use (quotePurchase), for
 * the minimum quantity, with the not-related-party declaration the checkout asks for. (The incubator pool is not in
 * the catalogue: tenants buy it from their incubator page at the pool price.)
 */
export function catalogueSubsidy(
  buyer: BuyerSnapshot,
  offering: OfferingRow,
  provider: ProviderRow,
): CatalogueSubsidy {
  const quantity = offering.minQuantity;
  const article = articleOf(provider);
  const q = quotePurchase({
    date: buyer.date,
    enterprise: buyer.enterprise,
    offering,
    provider,
    quantity,
    counters: buyer.counters[article],
    notRelatedDeclared: true,
    overrides: buyer.overrides,
  });
  return { article, quantity, ...pick(q) };
}

function pick(q: {
  listPriceFen: number;
  subsidyFen: number;
  payableFen: number;
  eligible: boolean;
  reasons: string[];
}) {
  return {
    listPriceFen: q.listPriceFen,
    subsidyFen: q.subsidyFen,
    payableFen: q.payableFen,
    eligible: q.eligible,
    reasons: [...q.reasons],
  };
}
