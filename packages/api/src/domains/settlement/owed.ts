import { type DbOrTx, queryRows, schema, toSafeInteger, uuidArray } from '@nanshan/db';
import { inArray, sql } from 'drizzle-orm';
import { owedPerOrder, PAYABLE_NOW, providerPayableBalances } from '../../ledger/balances';

/**
 * One line of what the district owes a provider: the subsidy of a paid and delivered order not yet paid out; the
 * subsidy of a paid order the provider has not delivered yet (`awaiting_delivery`: no batch pays it until then); or —
 * negative — a clawback: an order refunded after its subsidy was paid out, which the provider owes back until a
 * payout batch nets it off.
 */
export interface OwedLine {
  kind: 'subsidy' | 'awaiting_delivery' | 'clawback';
  orderId: string;
  providerId: string;
  providerName: string;
  enterpriseId: string;
  enterpriseName: string;
  offeringTitle: string;
  article: string | null;
  fundYear: number;
  status: string;
  paidAt: Date | null;
  deliveredAt: Date | null;
  /** Positive for a subsidy owed, negative for a clawback. */
  amountFen: number;
}

/** The owed lines, from the ledger (see `owedPerOrder`), with the order details staff need; oldest payment first. */
export async function owedLines(
  db: DbOrTx,
  filter: { providerIds?: readonly string[] } = {},
): Promise<OwedLine[]> {
  const rows = await queryRows<{
    order_id: string;
    provider_id: string;
    provider_name: string;
    enterprise_id: string;
    enterprise_name: string;
    offering_title: string;
    article: string | null;
    fund_year: unknown;
    status: string;
    paid_at: unknown;
    delivered_at: unknown;
    owed_fen: unknown;
    payable_now: boolean;
  }>(
    db,
    sql`
    select o.id as order_id, o.provider_id, v.name as provider_name, o.enterprise_id, e.name as enterprise_name,
      o.offering_title, o.article, o.fund_year, o.status, o.paid_at, o.delivered_at, p.owed_fen,
      ${PAYABLE_NOW} as payable_now
    from (${owedPerOrder()}) p join orders o on o.id = p.order_id
      join enterprises e on e.id = o.enterprise_id
      join providers v on v.id = o.provider_id
    where p.owed_fen <> 0
      ${filter.providerIds ? sql`and o.provider_id = any(${uuidArray(filter.providerIds)})` : sql``}
    order by o.paid_at nulls first, o.id`,
  );
  return rows.map((r) => {
    const amountFen = toSafeInteger(r.owed_fen);
    return {
      kind: amountFen < 0 ? 'clawback' : r.payable_now ? 'subsidy' : 'awaiting_delivery',
      orderId: r.order_id,
      providerId: r.provider_id,
      providerName: r.provider_name,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      offeringTitle: r.offering_title,
      article: r.article,
      fundYear: toSafeInteger(r.fund_year),
      status: r.status,
      paidAt: dateOrNull(r.paid_at),
      deliveredAt: dateOrNull(r.delivered_at),
      amountFen,
    };
  });
}

/**
 * What the district owes each provider: the subsidies of delivered orders, the clawbacks and their net — what a
 * payout batch would pay — and apart from them the subsidies awaiting delivery, next to the provider's payable balance
 * in the ledger (net + awaiting delivery, by construction; the UI can show both). Providers with nothing owed either
 * way are left out.
 */
export async function owedToProviders(db: DbOrTx, filter: { providerIds?: readonly string[] } = {}) {
  const lines = await owedLines(db, filter);
  const providerIds = [...new Set(lines.map((l) => l.providerId))];
  const [providers, balances] = await Promise.all([
    providerIds.length
      ? db.select().from(schema.providers).where(inArray(schema.providers.id, providerIds))
      : Promise.resolve([]),
    providerPayableBalances(db, providerIds),
  ]);
  const result = providers
    .map((p) => {
      const own = lines.filter((l) => l.providerId === p.id);
      const amountsOf = (kind: OwedLine['kind']) =>
        own.filter((l) => l.kind === kind).map((l) => l.amountFen);
      const owedFen = sum(amountsOf('subsidy'));
      const clawbackFen = sum(amountsOf('clawback'));
      return {
        providerId: p.id,
        providerName: p.name,
        providerUscc: p.uscc,
        providerStatus: p.status,
        owedFen,
        clawbackFen,
        netFen: owedFen + clawbackFen,
        awaitingDeliveryFen: sum(amountsOf('awaiting_delivery')),
        ledgerBalanceFen: balances.get(p.id) ?? 0,
        lines: own,
      };
    })
    .sort((a, b) => b.netFen - a.netFen || a.providerName.localeCompare(b.providerName, 'zh-CN'));
  return {
    providers: result,
    totalOwedFen: sum(result.map((r) => r.owedFen)),
    totalClawbackFen: sum(result.map((r) => r.clawbackFen)),
    totalNetFen: sum(result.map((r) => r.netFen)),
    totalAwaitingDeliveryFen: sum(result.map((r) => r.awaitingDeliveryFen)),
  };
}

function dateOrNull(value: unknown): Date | null {
  return value === null ? null : new Date(value as string | Date);
}

export function sum(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('amount out of range');
  }
  return total;
}
