import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';

/** The enterprise's tenancy in the incubation space on `date` (Art. 10), if any. */
export async function activeTenancy(db: DbOrTx, enterpriseId: string, date: string) {
  const [row] = await db
    .select({ tenancy: schema.tenancies, space: schema.incubatorSpaces })
    .from(schema.tenancies)
    .innerJoin(schema.incubatorSpaces, eq(schema.incubatorSpaces.id, schema.tenancies.spaceId))
    .where(
      and(
        eq(schema.tenancies.enterpriseId, enterpriseId),
        lte(schema.tenancies.startDate, date),
        or(isNull(schema.tenancies.endDate), gte(schema.tenancies.endDate, date)),
      ),
    )
    .limit(1);
  return row;
}
