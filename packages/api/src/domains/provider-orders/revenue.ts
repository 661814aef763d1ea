import { type DbOrTx, queryRows, schema, toSafeInteger } from '@nanshan/db';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { shenzhenDayStart } from '../../calendar';
import { providerSettlement } from '../../ledger/balances';

export interface MonthFigures {
  /** `YYYY-MM`, the Shenzhen month the orders were paid in. */
  month: string;
  orders: number;
  listFen: number;
  /** Paid by the buyers. */
  revenuePaidFen: number;
  /**
   * The district's share of the price (subsidy of paid orders; refunded orders are out, their subsidy was reversed),
   * whether paid out yet or not: what is still owed is in `settlement`.
   */
  subsidyFen: number;
}

function sumOf(rows: MonthFigures[]) {
  const totals = { orders: 0, listFen: 0, revenuePaidFen: 0, subsidyFen: 0 };
  for (const r of rows) {
    totals.orders += r.orders;
    totals.listFen += r.listFen;
    totals.revenuePaidFen += r.revenuePaidFen;
    totals.subsidyFen += r.subsidyFen;
  }
  if (!Object.values(totals).every(Number.isSafeInteger)) throw new RangeError('revenue total out of range');
  return totals;
}

/**
 * What the provider's paid orders brought in, by the Shenzhen month of payment: revenue paid by the buyers (sum of
 * payable) and the subsidy on them (sum of subsidy), for orders that are paid now — a refunded order counts for
 * neither. Sums in SQL over integer fen; twelve months of `year`, the year's totals, the all-time totals, how many
 * paid orders wait to be delivered, and where the provider stands with the district now, from the ledger
 * (`settlement`: owed on delivered orders — the next payout batch pays it —, owed on orders awaiting delivery, paid
 * out, and clawbacks owed back).
 */
export async function providerRevenue(db: DbOrTx, input: { providerId: string; year: number }) {
  const rows = await queryRows<{
    month: string;
    orders: unknown;
    list: unknown;
    payable: unknown;
    subsidy: unknown;
  }>(
    db,
    sql`
      select to_char((o.paid_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month,
        count(*) as orders,
        sum(o.list_price_fen)::bigint as list,
        sum(o.payable_fen)::bigint as payable,
        sum(o.subsidy_fen)::bigint as subsidy
      from ${schema.orders} o
      where o.provider_id = ${input.providerId} and o.status = 'paid' and o.paid_at is not null
      group by 1`,
  );
  const all: MonthFigures[] = rows.map((r) => ({
    month: r.month,
    orders: toSafeInteger(r.orders),
    listFen: toSafeInteger(r.list),
    revenuePaidFen: toSafeInteger(r.payable),
    subsidyFen: toSafeInteger(r.subsidy),
  }));
  const months = Array.from({ length: 12 }, (_, i): MonthFigures => {
    const month = `${input.year}-${String(i + 1).padStart(2, '0')}`;
    return (
      all.find((m) => m.month === month) ?? {
        month,
        orders: 0,
        listFen: 0,
        revenuePaidFen: 0,
        subsidyFen: 0,
      }
    );
  });
  const [waiting] = await db
    .select({ n: count() })
    .from(schema.orders)
    .where(
      and(
        eq(schema.orders.providerId, input.providerId),
        eq(schema.orders.status, 'paid'),
        isNull(schema.orders.deliveredAt),
      ),
    );
  return {
    year: input.year,
    months,
    yearTotals: sumOf(months),
    allTime: sumOf(all),
    toFulfil: toSafeInteger(waiting?.n),
    settlement: await providerSettlement(db, input.providerId),
  };
}

/** The instants a Shenzhen month `YYYY-MM` starts and ends (exclusive). */
export function shenzhenMonthBounds(month: string): { from: Date; to: Date } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: shenzhenDayStart(`${month}-01`), to: shenzhenDayStart(next) };
}
