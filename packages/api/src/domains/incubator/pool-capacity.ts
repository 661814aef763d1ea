import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq, sql } from 'drizzle-orm';
import { domainError } from '../../errors';

/**
 * Draws units from the shared compute pool. The conditional update is atomic on the pool row, so concurrent
 * tenants can never oversell it; the `pool_allocation_within_capacity` CHECK backs it up.
 */
export async function allocatePoolUnits(tx: DbOrTx, poolId: string, units: number): Promise<void> {
  const updated = await tx
    .update(schema.computePools)
    .set({ allocatedUnits: sql`${schema.computePools.allocatedUnits} + ${units}` })
    .where(
      and(
        eq(schema.computePools.id, poolId),
        sql`${schema.computePools.allocatedUnits} + ${units} <= ${schema.computePools.capacityUnits}`,
      ),
    )
    .returning({ id: schema.computePools.id });
  if (updated.length === 0) throw domainError('pool_capacity_exceeded', 'CONFLICT');
}

export async function releasePoolUnits(tx: DbOrTx, poolId: string, units: number): Promise<void> {
  await tx
    .update(schema.computePools)
    .set({ allocatedUnits: sql`${schema.computePools.allocatedUnits} - ${units}` })
    .where(eq(schema.computePools.id, poolId));
}

/** The same for an offering with limited stock (null stock = unlimited). */
export async function takeStock(tx: DbOrTx, offeringId: string, units: number): Promise<void> {
  const updated = await tx
    .update(schema.offerings)
    .set({ stock: sql`${schema.offerings.stock} - ${units}` })
    .where(and(eq(schema.offerings.id, offeringId), sql`${schema.offerings.stock} >= ${units}`))
    .returning({ id: schema.offerings.id });
  if (updated.length === 0) throw domainError('out_of_stock', 'CONFLICT');
}

export async function returnStock(tx: DbOrTx, offeringId: string, units: number): Promise<void> {
  await tx
    .update(schema.offerings)
    .set({ stock: sql`${schema.offerings.stock} + ${units}` })
    .where(and(eq(schema.offerings.id, offeringId), sql`${schema.offerings.stock} is not null`));
}
