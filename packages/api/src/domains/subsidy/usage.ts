import { type DbOrTx, queryRows, schema, toSafeInteger } from '@nanshan/db';
import { and, eq, sql } from 'drizzle-orm';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { annualCapFen, MARKET_ARTICLES, type MarketArticle } from '../orders/purchase-quote';

/**
 * Each market article's cap for the year as the counters hold it: granted (paid) + reserved (awaiting payment)
 * ≤ cap (invariant 2). A year without a counter row shows the cap in force — today's for the current year, the
 * year's last day's for another year.
 */
export async function annualCaps(db: DbOrTx, enterpriseId: string, now: Date, year = shenzhenYear(now)) {
  const rows = await db
    .select()
    .from(schema.subsidyUsage)
    .where(and(eq(schema.subsidyUsage.enterpriseId, enterpriseId), eq(schema.subsidyUsage.year, year)));
  const date = year === shenzhenYear(now) ? shenzhenDate(now) : `${year}-12-31`;
  return {
    year,
    articles: MARKET_ARTICLES.map((article) => {
      const usage = rows.find((r) => r.article === article);
      const capFen = usage?.capFen ?? annualCapFen(article, date);
      const grantedFen = usage?.grantedFen ?? 0;
      const reservedFen = usage?.reservedFen ?? 0;
      return { article, capFen, grantedFen, reservedFen, leftFen: capFen - grantedFen - reservedFen };
    }),
  };
}

/**
 * Subsidy granted under the market articles, by the Shenzhen month the order was paid, for orders counting against
 * `year`'s cap (their fund year). Refunded orders are out (their subsidy was reversed), so the twelve points add up
 * to `annualCaps(...).grantedFen`. An order placed in the year but paid just after New Year counts in December:
 * the chart shows the year's cap, and that is where its subsidy counts.
 */
export async function monthlyGranted(db: DbOrTx, enterpriseId: string, year: number) {
  const rows = await queryRows<{ article: string; y: unknown; m: unknown; granted: unknown }>(
    db,
    sql`
      select o.article,
        extract(year from (o.paid_at at time zone 'UTC') + interval '8 hours')::int as y,
        extract(month from (o.paid_at at time zone 'UTC') + interval '8 hours')::int as m,
        sum(o.subsidy_fen)::bigint as granted
      from ${schema.orders} o
      where o.enterprise_id = ${enterpriseId} and o.fund_year = ${year} and o.status = 'paid'
        and o.paid_at is not null and o.subsidy_fen > 0
      group by 1, 2, 3`,
  );
  const points = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    grantedFen: 0,
    byArticle: Object.fromEntries(MARKET_ARTICLES.map((a) => [a, 0])) as Record<MarketArticle, number>,
  }));
  for (const r of rows) {
    if (!(MARKET_ARTICLES as readonly string[]).includes(r.article)) continue;
    const paidYear = toSafeInteger(r.y);
    const month = paidYear > year ? 12 : paidYear < year ? 1 : toSafeInteger(r.m);
    const point = points[month - 1]!;
    const granted = toSafeInteger(r.granted);
    point.grantedFen += granted;
    point.byArticle[r.article as MarketArticle] += granted;
  }
  return { year, points };
}
