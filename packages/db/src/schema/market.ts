import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, fen, updatedAt } from './columns';
import { computePools } from './incubator';
import { enterprises, providers } from './parties';

/** A provider's listing. Orders copy the price, so a later price change never alters a placed order. */
export const offerings = pgTable(
  'offerings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    /** Only intelligent-compute (training/inference) services carry the Art. 6 subsidy. */
    serviceKind: text('service_kind').notNull().default('compute'),
    gpuModel: text('gpu_model'),
    gpuCount: integer('gpu_count'),
    unit: text('unit').notNull(),
    unitPriceFen: fen('unit_price_fen').notNull(),
    region: text('region'),
    description: text('description').notNull().default(''),
    /** Set for the incubator's compute-pool listing (Art. 10): only tenants may buy it, at the pool price. */
    poolId: uuid('pool_id')
      .unique()
      .references((): AnyPgColumn => computePools.id),
    /** Units still available (null = not limited by stock); decremented in the order transaction. */
    stock: integer('stock'),
    minQuantity: integer('min_quantity').notNull().default(1),
    maxQuantity: integer('max_quantity').notNull().default(10000),
    status: text('status').notNull().default('draft'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('offering_kind', sql`${t.kind} in ('compute', 'ai_service')`),
    check('offering_service_kind', sql`${t.serviceKind} in ('compute', 'storage', 'network', 'security')`),
    check('offering_status', sql`${t.status} in ('draft', 'listed', 'delisted')`),
    check('offering_price_positive', sql`${t.unitPriceFen} > 0`),
    check('offering_quantity_range', sql`${t.minQuantity} >= 1 and ${t.maxQuantity} >= ${t.minQuantity}`),
    check('offering_stock_non_negative', sql`${t.stock} is null or ${t.stock} >= 0`),
    index('offering_status_idx').on(t.status),
  ],
);

/**
 * One purchase. `list = subsidy + payable` always; the subsidy was reserved against the enterprise's
 * annual cap and the fund in the same transaction that inserted the row (see packages/api ledger).
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => offerings.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    placedBy: text('placed_by')
      .notNull()
      .references(() => user.id),
    offeringTitle: text('offering_title').notNull(),
    unit: text('unit').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceFen: fen('unit_price_fen').notNull(),
    listPriceFen: fen('list_price_fen').notNull(),
    subsidyFen: fen('subsidy_fen').notNull(),
    payableFen: fen('payable_fen').notNull(),
    article: text('article'),
    fundYear: integer('fund_year').notNull(),
    status: text('status').notNull().default('awaiting_payment'),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The rules' explanation and the exact ruleset that produced the subsidy, for audit replay. */
    trace: jsonb('trace').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    rulesetVersion: text('ruleset_version').notNull(),
    paramsHash: text('params_hash').notNull(),
    paymentGateway: text('payment_gateway').notNull(),
    paymentRef: text('payment_ref'),
    checkoutUrl: text('checkout_url'),
    /** The payment provider's charge reference (Stripe PaymentIntent), known once paid; refunds name it. */
    paymentIntentRef: text('payment_intent_ref'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** Evidence a reviewer needs (DOMAIN-NOTES): contract terms, invoice, related-party declaration, delivery. */
    contractGpuType: text('contract_gpu_type'),
    contractPeriodFrom: date('contract_period_from'),
    contractPeriodTo: date('contract_period_to'),
    invoiceRef: text('invoice_ref'),
    /** The buyer declared that buyer and provider have no common actual controller (related parties get nothing). */
    notRelatedDeclared: boolean('not_related_declared').notNull().default(false),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    deliveryNote: text('delivery_note'),
    /** Set when the order draws on the incubator's compute pool (Art. 10). */
    poolId: uuid('pool_id').references((): AnyPgColumn => computePools.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'order_status',
      sql`${t.status} in ('awaiting_payment', 'paid', 'cancelled', 'expired', 'failed', 'refunded')`,
    ),
    check('order_amounts_balance', sql`${t.listPriceFen} = ${t.subsidyFen} + ${t.payableFen}`),
    check(
      'order_amounts_non_negative',
      sql`${t.subsidyFen} >= 0 and ${t.payableFen} >= 0 and ${t.quantity} > 0`,
    ),
    check('order_gateway', sql`${t.paymentGateway} in ('simulated', 'stripe')`),
    check(
      'order_contract_period',
      sql`${t.contractPeriodFrom} is null or ${t.contractPeriodTo} is null or ${t.contractPeriodFrom} <= ${t.contractPeriodTo}`,
    ),
    uniqueIndex('order_idempotency').on(t.enterpriseId, t.idempotencyKey),
    index('order_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('order_status_expiry_idx').on(t.status, t.expiresAt),
    index('order_payment_ref_idx').on(t.paymentRef),
    index('order_payment_intent_idx').on(t.paymentIntentRef),
  ],
);

/** Payment-provider events seen, by their id: a replayed webhook is recognised and ignored. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    eventId: text('event_id').primaryKey(),
    gateway: text('gateway').notNull(),
    type: text('type').notNull(),
    orderId: uuid('order_id').references(() => orders.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Every payment completion asks whether a refund for its order came first (stripe-webhook.ts). A plain index: the
  // type is a bind parameter there, which a partial index's predicate could not match under a generic plan.
  (t) => [index('payment_event_order_idx').on(t.orderId)],
);
