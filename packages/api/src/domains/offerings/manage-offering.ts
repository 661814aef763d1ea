import { type DbOrTx, schema } from '@nanshan/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { shenzhenDate } from '../../clock';
import { domainError } from '../../errors';
import type { ProviderKind } from '../providers/facts';
import { filingPeriodOn, isActiveStatus } from '../providers/filing-period';
import { lockOwnProvider, requireProvider } from '../providers/membership';
import {
  assertOfferingConsistent,
  type OfferingFields,
  type OfferingStatus,
  offeringView,
} from './offering-rules';

type OfferingRow = typeof schema.offerings.$inferSelect;

/** The provider's offerings in every state, newest first. */
export async function providerOfferings(db: DbOrTx, userId: string) {
  const provider = await requireProvider(db, userId);
  const rows = await db
    .select()
    .from(schema.offerings)
    .where(eq(schema.offerings.providerId, provider.id))
    .orderBy(desc(schema.offerings.createdAt), asc(schema.offerings.id));
  return rows.map(offeringView);
}

/** Locks one of the provider's own offerings; another provider's offering is reported as missing. */
async function lockOwnOffering(tx: DbOrTx, providerId: string, offeringId: string): Promise<OfferingRow> {
  const [row] = await tx
    .select()
    .from(schema.offerings)
    .where(and(eq(schema.offerings.id, offeringId), eq(schema.offerings.providerId, providerId)))
    .for('update');
  if (!row) throw domainError('offering_not_found', 'NOT_FOUND');
  return row;
}

/** A new offering, as a draft: the provider lists it when ready (and when active). */
export async function createOffering(
  db: DbOrTx,
  input: { userId: string; fields: OfferingFields; now: Date },
) {
  return db.transaction(async (tx) => {
    const provider = await lockOwnProvider(tx, input.userId, 'share');
    assertOfferingConsistent(input.fields, provider.kind as ProviderKind);
    const [row] = await tx
      .insert(schema.offerings)
      .values({
        ...input.fields,
        providerId: provider.id,
        status: 'draft',
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'offering.created',
      targetType: 'offering',
      targetId: row!.id,
      after: input.fields,
      at: input.now,
    });
    return offeringView(row!);
  });
}

/**
 * Changes an offering's terms. Orders copy the title, unit and unit price when placed, so a price change applies to
 * new orders only. The incubator pool's listing is priced by the bureau (Art. 10) and not editable here.
 */
export async function updateOffering(
  db: DbOrTx,
  input: { userId: string; offeringId: string; changes: Partial<OfferingFields>; now: Date },
) {
  return db.transaction(async (tx) => {
    const provider = await lockOwnProvider(tx, input.userId, 'share');
    const current = await lockOwnOffering(tx, provider.id, input.offeringId);
    if (current.poolId) throw domainError('pool_offering_managed_by_district', 'FORBIDDEN');
    const next: Partial<OfferingFields> = {};
    for (const [key, value] of Object.entries(input.changes) as Array<[keyof OfferingFields, unknown]>) {
      if (value !== undefined && value !== current[key]) (next as Record<string, unknown>)[key] = value;
    }
    const changed = Object.keys(next) as Array<keyof OfferingFields>;
    if (changed.length === 0) return offeringView(current);
    assertOfferingConsistent({ ...pickFields(current), ...next }, provider.kind as ProviderKind);
    const [row] = await tx
      .update(schema.offerings)
      .set({ ...next, updatedAt: input.now })
      .where(eq(schema.offerings.id, current.id))
      .returning();
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'offering.updated',
      targetType: 'offering',
      targetId: current.id,
      before: Object.fromEntries(changed.map((f) => [f, current[f]])),
      after: next,
      at: input.now,
    });
    return offeringView(row!);
  });
}

function pickFields(o: OfferingRow): OfferingFields {
  return {
    title: o.title,
    kind: o.kind as OfferingFields['kind'],
    serviceKind: o.serviceKind as OfferingFields['serviceKind'],
    gpuModel: o.gpuModel,
    gpuCount: o.gpuCount,
    unit: o.unit as OfferingFields['unit'],
    unitPriceFen: o.unitPriceFen,
    region: o.region,
    description: o.description,
    stock: o.stock,
    minQuantity: o.minQuantity,
    maxQuantity: o.maxQuantity,
  };
}

/**
 * Lists, delists or returns an offering to draft. Listing needs a provider that staff approved or filed and whose
 * validity period covers today. The provider row is share-locked, so a suspension decided at the same moment
 * either comes first (and listing is refused) or delists this offering after.
 */
export async function setOfferingStatus(
  db: DbOrTx,
  input: { userId: string; offeringId: string; status: OfferingStatus; now: Date },
) {
  return db.transaction(async (tx) => {
    const provider = await lockOwnProvider(tx, input.userId, 'share');
    const current = await lockOwnOffering(tx, provider.id, input.offeringId);
    if (current.status === input.status) return offeringView(current);
    if (input.status === 'listed') {
      if (!isActiveStatus(provider.status)) throw domainError('provider_not_active', 'PRECONDITION_FAILED');
      const period = filingPeriodOn(provider, shenzhenDate(input.now));
      if (period === 'expired') throw domainError('provider_filing_expired', 'PRECONDITION_FAILED');
      if (period === 'not_yet_valid') {
        throw domainError('provider_filing_not_yet_valid', 'PRECONDITION_FAILED');
      }
    }
    const [row] = await tx
      .update(schema.offerings)
      .set({ status: input.status, updatedAt: input.now })
      .where(eq(schema.offerings.id, current.id))
      .returning();
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: `offering.${input.status}`,
      targetType: 'offering',
      targetId: current.id,
      before: { status: current.status },
      after: { status: input.status },
      at: input.now,
    });
    return offeringView(row!);
  });
}
