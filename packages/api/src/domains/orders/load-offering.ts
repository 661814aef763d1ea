import { type DbOrTx, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { domainError } from '../../errors';

/** A listed offering with its provider, or a refusal the buyer can read. */
export async function loadListedOffering(db: DbOrTx, offeringId: string, quantity: number) {
  const [row] = await db
    .select({ offering: schema.offerings, provider: schema.providers })
    .from(schema.offerings)
    .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId))
    .where(eq(schema.offerings.id, offeringId));
  if (!row) throw domainError('offering_not_found', 'NOT_FOUND');
  if (row.offering.status !== 'listed') throw domainError('offering_not_listed', 'PRECONDITION_FAILED');
  if (
    row.provider.status === 'suspended' ||
    row.provider.status === 'revoked' ||
    row.provider.status === 'pending'
  ) {
    throw domainError('provider_not_active', 'PRECONDITION_FAILED');
  }
  if (quantity < row.offering.minQuantity || quantity > row.offering.maxQuantity) {
    throw domainError('quantity_out_of_range', 'BAD_REQUEST');
  }
  return row;
}
