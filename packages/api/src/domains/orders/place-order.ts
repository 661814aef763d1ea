import { randomUUID } from 'node:crypto';
import { type Db, type DbOrTx, pgErrorOf, schema } from '@nanshan/db';
import { type ParamOverrides, RULESET_VERSION } from '@nanshan/rules';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import { lockCounters, reserveSubsidy } from '../../ledger/subsidy';
import type { PaymentGateway } from '../../payments/gateway';
import type { EnterpriseRow } from '../enterprises/membership';
import { allocatePoolUnits, takeStock } from '../incubator/pool-capacity';
import { activeTenancy } from '../incubator/tenancy';
import { loadPolicyOverrides } from '../parameters/policy-overrides';
import { loadListedOffering } from './load-offering';
import { annualCapFen, articleOf, quotePoolPurchase, quotePurchase } from './purchase-quote';
import { completePayment } from './settle-order';
import { consecutiveYearsFunded } from './usage-history';

/** Unpaid orders release their reservation after this long (invariant 5: no cap is locked forever). */
export const PAYMENT_WINDOW_MS = 30 * 60 * 1000;

type OfferingRow = typeof schema.offerings.$inferSelect;
type OrderRow = typeof schema.orders.$inferSelect;
type ProviderRow = typeof schema.providers.$inferSelect;

export interface PlaceOrderInput {
  enterprise: EnterpriseRow;
  userId: string;
  offeringId: string;
  quantity: number;
  idempotencyKey: string;
  now: Date;
  /** Evidence captured with the order (DOMAIN-NOTES): the declaration and the contract period. */
  notRelatedDeclared: boolean;
  contractPeriodFrom?: string | undefined;
  contractPeriodTo?: string | undefined;
}

/**
 * Places an order in one transaction: lock the enterprise's Art. 6 usage row and the fund row, re-run the
 * rules against the locked figures, reserve the subsidy that fits, record the order. The same idempotency
 * key returns the same order, also when two identical requests race (the unique index decides).
 * Creating the payment happens after commit, so no external call ever holds the locks; an order with nothing to pay
 * is paid in the same transaction and opens no payment.
 */
export async function placeOrder(db: Db, payments: PaymentGateway, input: PlaceOrderInput) {
  const existing = await findByKey(db, input);
  if (existing) return startPayment(db, payments, sameRequestOrConflict(existing, input));
  let order: OrderRow;
  try {
    order = await db.transaction(async (tx) => {
      const placed = await reserveAndRecord(tx, payments, input);
      // Nothing to pay (the subsidy covers the whole price): paid as placed, without a gateway — there is nothing
      // to collect, and a payment left open for it would only hold the reservation.
      if (placed.payableFen > 0) return placed;
      return completePayment(tx, { orderId: placed.id, actorUserId: input.userId, now: input.now });
    });
  } catch (error) {
    const winner =
      pgErrorOf(error)?.constraint === 'order_idempotency' ? await findByKey(db, input) : undefined;
    if (!winner) throw error;
    order = sameRequestOrConflict(winner, input);
  }
  return startPayment(db, payments, order);
}

/**
 * Statements that do not need each other's answers are issued together (`Promise.all`, in lock order): postgres.js
 * pipelines them, so the transaction takes about six round trips and holds the fund row for the last four
 * (docs/performance.md).
 */
async function reserveAndRecord(
  tx: DbOrTx,
  payments: PaymentGateway,
  outer: PlaceOrderInput,
): Promise<OrderRow> {
  const date = shenzhenDate(outer.now);
  const [enterprise, { offering, provider }, overrides] = await Promise.all([
    shareLockEnterprise(tx, outer.enterprise.id),
    loadListedOffering(tx, outer.offeringId, outer.quantity, date),
    // Read in this transaction: the order prices with the segments published when it runs, like its quote re-check.
    loadPolicyOverrides(tx),
  ]);
  const input = { ...outer, enterprise };
  const year = shenzhenYear(input.now);
  const priced = offering.poolId
    ? await pricePoolPurchase(tx, input, { poolId: offering.poolId, date, overrides })
    : await priceSubsidisedPurchase(tx, input, { offering, provider, date, year, overrides });
  const { quote, unitPriceFen } = priced;
  if (offering.stock !== null) await takeStock(tx, offering.id, input.quantity);
  // The id is made here so that the reservation, which refers to it, goes out right behind the order's insert
  // (`execute()` sends the insert now, before the reservation's statements are issued).
  const orderId = randomUUID();
  const [[order]] = await Promise.all([
    tx
      .insert(schema.orders)
      .values({
        id: orderId,
        enterpriseId: input.enterprise.id,
        offeringId: offering.id,
        providerId: provider.id,
        placedBy: input.userId,
        offeringTitle: offering.title,
        unit: offering.unit,
        quantity: input.quantity,
        unitPriceFen,
        listPriceFen: quote.listPriceFen,
        subsidyFen: quote.subsidyFen,
        payableFen: quote.payableFen,
        article: quote.subsidyFen > 0 || offering.poolId ? quote.article : null,
        poolId: offering.poolId,
        fundYear: year,
        idempotencyKey: input.idempotencyKey,
        trace: quote.trace,
        reasons: quote.reasons,
        rulesetVersion: RULESET_VERSION,
        paramsHash: quote.paramsHash,
        paymentGateway: payments.kind,
        contractGpuType: offering.gpuModel,
        contractPeriodFrom: input.contractPeriodFrom ?? null,
        contractPeriodTo: input.contractPeriodTo ?? null,
        notRelatedDeclared: input.notRelatedDeclared,
        expiresAt: new Date(input.now.getTime() + PAYMENT_WINDOW_MS),
        createdAt: input.now,
      })
      .returning()
      .execute(),
    reserveSubsidy(tx, {
      enterpriseId: input.enterprise.id,
      article: quote.article,
      year,
      orderId,
      providerId: provider.id,
      providerName: provider.name,
      amountFen: quote.subsidyFen,
    }),
  ]);
  await recordAudit(tx, {
    actorUserId: input.userId,
    action: 'order.placed',
    targetType: 'order',
    targetId: orderId,
    after: { listPriceFen: quote.listPriceFen, subsidyFen: quote.subsidyFen, payableFen: quote.payableFen },
    at: input.now,
  });
  return order!;
}

/**
 * Re-reads the enterprise under a share lock: a verification revoked or a fact changed by staff or the owner at
 * this moment either finishes first (and is seen here) or waits until this order is recorded.
 */
async function shareLockEnterprise(tx: DbOrTx, enterpriseId: string): Promise<EnterpriseRow> {
  const [enterprise] = await tx
    .select()
    .from(schema.enterprises)
    .where(eq(schema.enterprises.id, enterpriseId))
    .for('share');
  return enterprise!;
}

/** Art. 6 / Art. 9: lock the enterprise's usage row and the fund, then price against the locked figures. */
async function priceSubsidisedPurchase(
  tx: DbOrTx,
  input: PlaceOrderInput,
  ctx: {
    offering: OfferingRow;
    provider: ProviderRow;
    date: string;
    year: number;
    overrides: ParamOverrides;
  },
) {
  const article = articleOf(ctx.provider);
  const key = { enterpriseId: input.enterprise.id, article, year: ctx.year };
  const [{ usage, fund }, consecutiveYears] = await Promise.all([
    lockCounters(tx, key, annualCapFen(article, ctx.date, ctx.overrides)),
    consecutiveYearsFunded(tx, input.enterprise.id, article, ctx.year),
  ]);
  const quote = quotePurchase({
    date: ctx.date,
    enterprise: input.enterprise,
    offering: ctx.offering,
    provider: ctx.provider,
    quantity: input.quantity,
    counters: {
      usedFen: usage.grantedFen + usage.reservedFen,
      fund,
      consecutiveYearsFunded: consecutiveYears,
    },
    notRelatedDeclared: input.notRelatedDeclared,
    overrides: ctx.overrides,
  });
  return { quote, unitPriceFen: ctx.offering.unitPriceFen };
}

/** Art. 10: only tenants draw on the pool, at the pool price, and never beyond its capacity. */
async function pricePoolPurchase(
  tx: DbOrTx,
  input: PlaceOrderInput,
  ctx: { poolId: string; date: string; overrides: ParamOverrides },
) {
  if (!(await activeTenancy(tx, input.enterprise.id, ctx.date))) {
    throw domainError('not_a_tenant', 'FORBIDDEN');
  }
  await allocatePoolUnits(tx, ctx.poolId, input.quantity);
  const quote = quotePoolPurchase({ date: ctx.date, quantity: input.quantity, overrides: ctx.overrides });
  return { quote, unitPriceFen: quote.unitPriceFen };
}

async function startPayment(db: Db, payments: PaymentGateway, order: OrderRow) {
  // A retry after the order was closed (e.g. expired because its payment could not be created) opens no payment.
  if (order.paymentRef || order.status !== 'awaiting_payment') return order;
  const payment = await payments.createPayment({
    orderId: order.id,
    amountFen: order.payableFen,
    description: order.offeringTitle,
    idempotencyKey: `order-payment-${order.id}`,
    metadata: { orderId: order.id, enterpriseId: order.enterpriseId, subsidyFen: String(order.subsidyFen) },
  });
  // Only onto an order still open and without a payment: the sweeper or the buyer may have closed it meanwhile.
  const [updated] = await db
    .update(schema.orders)
    .set({ paymentRef: payment.ref, checkoutUrl: payment.checkoutUrl })
    .where(
      and(
        eq(schema.orders.id, order.id),
        eq(schema.orders.status, 'awaiting_payment'),
        isNull(schema.orders.paymentRef),
      ),
    )
    .returning();
  if (updated) return updated;
  const [current] = await db.select().from(schema.orders).where(eq(schema.orders.id, order.id));
  // A concurrent retry recorded the same payment (the idempotency key made the gateway return it): it stays open.
  // Otherwise the order was closed: its payment, which nobody was shown, is closed too.
  if (current!.paymentRef !== payment.ref) await payments.cancelPayment(payment.ref);
  return current!;
}

async function findByKey(db: Db, input: PlaceOrderInput) {
  const [row] = await db
    .select()
    .from(schema.orders)
    .where(
      and(
        eq(schema.orders.enterpriseId, input.enterprise.id),
        eq(schema.orders.idempotencyKey, input.idempotencyKey),
      ),
    );
  return row;
}

function sameRequestOrConflict(order: OrderRow, input: PlaceOrderInput) {
  if (order.offeringId !== input.offeringId || order.quantity !== input.quantity) {
    throw domainError('idempotency_key_reused', 'CONFLICT');
  }
  return order;
}
