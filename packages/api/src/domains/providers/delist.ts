import { type Db, type DbOrTx, schema } from '@nanshan/db';
import { and, eq, lt } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { shenzhenDate } from '../../clock';
import { filingPeriodOn } from './filing-period';
import { lockProvider } from './membership';

/**
 * Takes every listed offering of a provider off the market, in the caller's transaction (which holds the provider
 * row lock). Returns the ids delisted. Placed orders are untouched: they copied their terms when placed.
 */
export async function delistProviderOfferings(tx: DbOrTx, providerId: string, now: Date): Promise<string[]> {
  const rows = await tx
    .update(schema.offerings)
    .set({ status: 'delisted', updatedAt: now })
    .where(and(eq(schema.offerings.providerId, providerId), eq(schema.offerings.status, 'listed')))
    .returning({ id: schema.offerings.id });
  return rows.map((r) => r.id).sort();
}

/**
 * The sweeper for expired registrations / filings: a provider whose validity period ended before today (Shenzhen
 * date) has its listed offerings delisted. The catalogue and new orders already refuse such a provider from the
 * first day after its period; this makes the listing state say so too. One transaction per provider, re-checked
 * under the provider's lock (staff may have renewed the filing meanwhile). Returns how many offerings were delisted.
 */
export async function delistExpiredProviders(db: Db, now: Date): Promise<number> {
  const today = shenzhenDate(now);
  const due = await db
    .selectDistinct({ id: schema.providers.id })
    .from(schema.providers)
    .innerJoin(schema.offerings, eq(schema.offerings.providerId, schema.providers.id))
    .where(and(eq(schema.offerings.status, 'listed'), lt(schema.providers.filingValidTo, today)));
  let delisted = 0;
  for (const { id } of due) {
    delisted += await db.transaction(async (tx) => {
      const provider = await lockProvider(tx, id);
      if (!provider || filingPeriodOn(provider, today) !== 'expired') return 0;
      const offeringIds = await delistProviderOfferings(tx, provider.id, now);
      if (offeringIds.length === 0) return 0;
      await recordAudit(tx, {
        actorUserId: null,
        action: 'provider.expired_offerings_delisted',
        targetType: 'provider',
        targetId: provider.id,
        before: { filingValidTo: provider.filingValidTo },
        after: { delistedOfferingIds: offeringIds },
        at: now,
      });
      return offeringIds.length;
    });
  }
  return delisted;
}
