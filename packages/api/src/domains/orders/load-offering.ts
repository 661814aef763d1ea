import { type DbOrTx, schema } from '@nanshan/db';
import { eq, sql } from 'drizzle-orm';
import { domainError } from '../../errors';
import { filingPeriodOn, isActiveStatus } from '../providers/filing-period';

/**
 * A listed offering with its provider, or a refusal the buyer can read. `today` is the Shenzhen date of the
 * purchase: a provider outside its registration / 备案 validity period takes no new orders.
 *
 * Inside the order transaction the provider's gate is held shared and its row share-locked before the offering and
 * provider are read: a suspension or revocation (which holds them exclusively and delists the offerings) either
 * commits first and is seen here, or waits until this order is recorded — and, the gate being fair, orders that
 * arrive while it waits queue behind it. Shared holders do not block each other, so orders are not serialised.
 */
export async function loadListedOffering(db: DbOrTx, offeringId: string, quantity: number, today: string) {
  // Two statements in one round trip (pipelined): the gate is entered through the offering's provider, and the
  // read that follows takes its snapshot only once the gate is held. The gate key is `providerGateKey` in SQL.
  const [, [row]] = await Promise.all([
    db.execute(
      sql`select pg_advisory_xact_lock_shared(hashtext('nanshan:provider:' || provider_id::text))
          from offerings where id = ${offeringId}`,
    ),
    db
      .select({ offering: schema.offerings, provider: schema.providers })
      .from(schema.offerings)
      .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId))
      .where(eq(schema.offerings.id, offeringId))
      .for('share', { of: schema.providers }),
  ]);
  if (!row) throw domainError('offering_not_found', 'NOT_FOUND');
  if (row.offering.status !== 'listed') throw domainError('offering_not_listed', 'PRECONDITION_FAILED');
  if (!isActiveStatus(row.provider.status)) throw domainError('provider_not_active', 'PRECONDITION_FAILED');
  const period = filingPeriodOn(row.provider, today);
  if (period === 'expired') throw domainError('provider_filing_expired', 'PRECONDITION_FAILED');
  if (period === 'not_yet_valid') throw domainError('provider_filing_not_yet_valid', 'PRECONDITION_FAILED');
  if (quantity < row.offering.minQuantity || quantity > row.offering.maxQuantity) {
    throw domainError('quantity_out_of_range', 'BAD_REQUEST');
  }
  return row;
}
