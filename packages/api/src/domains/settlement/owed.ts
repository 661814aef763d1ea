import { type DbOrTx, schema } from '@nanshan/db';
import { eq, inArray } from 'drizzle-orm';
import { orderPayables, providerPayableBalances } from '../../ledger/balances';

/**
 * One line of what the district owes a provider: the subsidy of a paid order not yet paid out, or — negative — a
 * clawback: an order refunded after its subsidy was paid out, which the provider owes back until a payout batch
 * nets it off.
 */
export interface OwedLine {
  kind: 'subsidy' | 'clawback';
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
  /** Positive for a subsidy owed, negative for a clawback. */
  amountFen: number;
}

/** The owed lines, from the ledger (see `orderPayables`), with the order details staff need; oldest payment first. */
export async function owedLines(
  db: DbOrTx,
  filter: { providerIds?: readonly string[]; orderIds?: readonly string[] } = {},
): Promise<OwedLine[]> {
  const payables = await orderPayables(db, filter);
  if (payables.length === 0) return [];
  const orders = await db
    .select({
      order: schema.orders,
      enterpriseName: schema.enterprises.name,
      providerName: schema.providers.name,
    })
    .from(schema.orders)
    .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.orders.enterpriseId))
    .innerJoin(schema.providers, eq(schema.providers.id, schema.orders.providerId))
    .where(
      inArray(
        schema.orders.id,
        payables.map((p) => p.orderId),
      ),
    );
  const byId = new Map(orders.map((o) => [o.order.id, o]));
  return payables
    .map((p): OwedLine => {
      const { order, enterpriseName, providerName } = byId.get(p.orderId)!;
      return {
        kind: p.owedFen > 0 ? 'subsidy' : 'clawback',
        orderId: order.id,
        providerId: order.providerId,
        providerName,
        enterpriseId: order.enterpriseId,
        enterpriseName,
        offeringTitle: order.offeringTitle,
        article: order.article,
        fundYear: order.fundYear,
        status: order.status,
        paidAt: order.paidAt,
        amountFen: p.owedFen,
      };
    })
    .sort(
      (a, b) => (a.paidAt?.getTime() ?? 0) - (b.paidAt?.getTime() ?? 0) || (a.orderId < b.orderId ? -1 : 1),
    );
}

/**
 * What the district owes each provider: the subsidy lines, the clawback lines and the net, next to the provider's
 * payable balance in the ledger (they agree by construction; the UI can show both). Providers with nothing owed
 * either way are left out.
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
      const owedFen = sum(own.filter((l) => l.amountFen > 0).map((l) => l.amountFen));
      const clawbackFen = sum(own.filter((l) => l.amountFen < 0).map((l) => l.amountFen));
      return {
        providerId: p.id,
        providerName: p.name,
        providerUscc: p.uscc,
        providerStatus: p.status,
        owedFen,
        clawbackFen,
        netFen: owedFen + clawbackFen,
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
  };
}

export function sum(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('amount out of range');
  }
  return total;
}
