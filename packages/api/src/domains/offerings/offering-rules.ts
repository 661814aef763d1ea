import type { schema } from '@nanshan/db';
import { z } from 'zod';
import { domainError } from '../../errors';
import type { ProviderKind } from '../providers/facts';

type OfferingRow = typeof schema.offerings.$inferSelect;

export const OFFERING_KINDS = ['compute', 'ai_service'] as const;
export type OfferingKind = (typeof OFFERING_KINDS)[number];

/** Only intelligent-compute (training/inference) services carry the Art. 6 subsidy; the others are listed as such. */
export const SERVICE_KINDS = ['compute', 'storage', 'network', 'security'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const OFFERING_UNITS = [
  'gpu_hour',
  'card_month',
  'node_month',
  'million_tokens',
  'api_call_thousand',
  'project',
  'tb_month',
] as const;
export type OfferingUnit = (typeof OFFERING_UNITS)[number];

/** Units as statements and receipts print them (Chinese / English). */
export const UNIT_LABELS: Record<OfferingUnit, string> = {
  gpu_hour: 'GPU·小时 GPU-hour',
  card_month: '卡·月 card-month',
  node_month: '节点·月 node-month',
  million_tokens: '百万 tokens million tokens',
  api_call_thousand: '千次调用 thousand API calls',
  project: '项目 project',
  tb_month: 'TB·月 TB-month',
};

export const OFFERING_STATUSES = ['draft', 'listed', 'delisted'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

/** The most units one order may buy (the order input's limit). */
export const MAX_ORDER_QUANTITY = 1_000_000;

/** The fields a provider sets; money in integer fen (invariant 1), strictly positive. */
export const offeringFields = {
  title: z.string().trim().min(2).max(200),
  kind: z.enum(OFFERING_KINDS),
  serviceKind: z.enum(SERVICE_KINDS),
  gpuModel: z.string().trim().min(1).max(100).nullable(),
  gpuCount: z.number().int().min(1).max(100_000).nullable(),
  unit: z.enum(OFFERING_UNITS),
  unitPriceFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  region: z.string().trim().min(1).max(100).nullable(),
  description: z.string().trim().max(4000),
  /** Units available; null = not limited. */
  stock: z.number().int().min(0).max(1_000_000_000).nullable(),
  minQuantity: z.number().int().min(1).max(MAX_ORDER_QUANTITY),
  maxQuantity: z.number().int().min(1).max(MAX_ORDER_QUANTITY),
};

export type OfferingFields = { [K in keyof typeof offeringFields]: z.infer<(typeof offeringFields)[K]> };

/**
 * What an offering must satisfy as a whole, on creation and after every change:
 * - an intelligent-computing centre sells compute (Art. 6), a cloud vendor AI services (Art. 9): the article a
 *   purchase is subsidised under follows the provider, so the catalogue's kind must agree with it;
 * - compute sold as compute names the GPU model and count (the contract must state the GPU type — practice);
 * - min ≤ max quantity;
 * - the price of the largest order stays an exact integer in fen.
 */
export function assertOfferingConsistent(o: OfferingFields, providerKind: ProviderKind): void {
  const expectedKind: OfferingKind = providerKind === 'computing_centre' ? 'compute' : 'ai_service';
  if (o.kind !== expectedKind) throw domainError('offering_kind_not_for_provider', 'BAD_REQUEST');
  if (o.kind === 'compute' && o.serviceKind === 'compute' && (!o.gpuModel || !o.gpuCount)) {
    throw domainError('gpu_fields_required', 'BAD_REQUEST');
  }
  if (o.minQuantity > o.maxQuantity) throw domainError('quantity_range_invalid', 'BAD_REQUEST');
  if (BigInt(o.unitPriceFen) * BigInt(o.maxQuantity) > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw domainError('price_out_of_range', 'BAD_REQUEST');
  }
}

/** An offering as its provider sees it (every state, stock and whether it is the incubator's pool listing). */
export function offeringView(o: OfferingRow) {
  return {
    id: o.id,
    title: o.title,
    kind: o.kind as OfferingKind,
    serviceKind: o.serviceKind as ServiceKind,
    gpuModel: o.gpuModel,
    gpuCount: o.gpuCount,
    unit: o.unit as OfferingUnit,
    unitPriceFen: o.unitPriceFen,
    region: o.region,
    description: o.description,
    stock: o.stock,
    minQuantity: o.minQuantity,
    maxQuantity: o.maxQuantity,
    status: o.status as OfferingStatus,
    /** The incubator's dedicated compute-pool listing (Art. 10): price and quantities are the bureau's. */
    pool: o.poolId !== null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
