import { type Db, type DbOrTx, pgErrorOf, schema } from '@nanshan/db';
import { type ParamOverrides, RULESET_VERSION } from '@nanshan/rules';
import { and, eq } from 'drizzle-orm';
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
import { consecutiveYearsFunded } from './usage-history';

/** Unpaid orders release their reservation after this long (invariant 5: no cap is locked forever). */
export const PAYMENT_WINDOW_MS = 30 * 60 * 1000;

type OfferingRow = typeof schema.offerings.$inferSelect;
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
 * Creating the payment happens after commit, so no external call ever holds the locks.
 */
export async function placeOrder(db: Db, payments: PaymentGateway, input: PlaceOrderInput) {
  const existing = await findByKey(db, input);
  if (existing) return startPayment(db, payments, sameRequestOrConflict(existing, input).id);
  let orderId: string;
  try {
    orderId = await db.transaction((tx) => reserveAndRecord(tx, payments, input));
  } catch (error) {
    const winner =
      pgErrorOf(error)?.constraint === 'order_idempotency' ? await findByKey(db, input) : undefined;
    if (!winner) throw error;
    orderId = sameRequestOrConflict(winner, input).id;
  }
  return startPayment(db, payments, orderId);
}

async function reserveAndRecord(
  tx: DbOrTx,
  payments: PaymentGateway,
  outer: PlaceOrderInput,
): Promise<string> {
  // Re-read the enterprise under a share lock: a verification revoked or a fact changed by staff or the
  // owner at this moment either finishes first (and is seen here) or waits until this order is recorded.
  const [enterprise] = await tx
    .select()
    .from(schema.enterprises)
    .where(eq(schema.enterprises.id, outer.enterprise.id))
    .for('share');
  const input = { ...outer, enterprise: enterprise! };
  const date = shenzhenDate(input.now);
  const { offering, provider } = await loadListedOffering(tx, input.offeringId, input.quantity, date);
  const year = shenzhenYear(input.now);
  // Read in this transaction: the order prices with the segments published when it runs, like its quote re-check.
  const overrides = await loadPolicyOverrides(tx);
  const priced = offering.poolId
    ? await pricePoolPurchase(tx, input, { poolId: offering.poolId, date, overrides })
    : await priceSubsidisedPurchase(tx, input, { offering, provider, date, year, overrides });
  const { quote, unitPriceFen } = priced;
  if (offering.stock !== null) await takeStock(tx, offering.id, input.quantity);
  const [order] = await tx
    .insert(schema.orders)
    .values({
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
    .returning({ id: schema.orders.id });
  const orderId = order!.id;
  await reserveSubsidy(tx, {
    enterpriseId: input.enterprise.id,
    article: quote.article,
    year,
    orderId,
    providerId: provider.id,
    providerName: provider.name,
    amountFen: quote.subsidyFen,
  });
  await recordAudit(tx, {
    actorUserId: input.userId,
    action: 'order.placed',
    targetType: 'order',
    targetId: orderId,
    after: { listPriceFen: quote.listPriceFen, subsidyFen: quote.subsidyFen, payableFen: quote.payableFen },
    at: input.now,
  });
  return orderId;
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
  const { usage, fund } = await lockCounters(tx, key, annualCapFen(article, ctx.date, ctx.overrides));
  const quote = quotePurchase({
    date: ctx.date,
    enterprise: input.enterprise,
    offering: ctx.offering,
    provider: ctx.provider,
    quantity: input.quantity,
    counters: {
      usedFen: usage.grantedFen + usage.reservedFen,
      fund,
      consecutiveYearsFunded: await consecutiveYearsFunded(tx, input.enterprise.id, article, ctx.year),
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

async function startPayment(db: Db, payments: PaymentGateway, orderId: string) {
  const [order] = await db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
  if (!order) throw domainError('order_not_found', 'NOT_FOUND');
  // A retry after the order was closed (e.g. expired because its payment could not be created) opens no payment.
  if (order.paymentRef || order.status !== 'awaiting_payment') return order;
  const payment = await payments.createPayment({
    orderId,
    amountFen: order.payableFen,
    description: order.offeringTitle,
    idempotencyKey: `order-payment-${orderId}`,
    metadata: { orderId, enterpriseId: order.enterpriseId, subsidyFen: String(order.subsidyFen) },
  });
  const [updated] = await db
    .update(schema.orders)
    .set({ paymentRef: payment.ref, checkoutUrl: payment.checkoutUrl })
    .where(eq(schema.orders.id, orderId))
    .returning();
  return updated!;
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

function sameRequestOrConflict(order: typeof schema.orders.$inferSelect, input: PlaceOrderInput) {
  if (order.offeringId !== input.offeringId || order.quantity !== input.quantity) {
    throw domainError('idempotency_key_reused', 'CONFLICT');
  }
  return order;
}
