import { type DbOrTx, schema } from '@nanshan/db';
import { incubatorRent, type ParamOverrides } from '@nanshan/rules';
import { and, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { EnterpriseRow } from '../enterprises/membership';
import { applicantOf } from '../orders/purchase-quote';

type TenancyRow = typeof schema.tenancies.$inferSelect;

/** Tenancies that run on at least one day from `first` to `last` (null: with no end); an open lease runs on. */
export function tenancyRunsDuring(first: string, last: string | null): SQL {
  const endsAfterFirst = or(isNull(schema.tenancies.endDate), gte(schema.tenancies.endDate, first))!;
  return last === null ? endsAfterFirst : and(lte(schema.tenancies.startDate, last), endsAfterFirst)!;
}

/** Leases with their enterprise and space name, to filter and order (staff lists and rent statements). */
export function tenancyRows(db: DbOrTx) {
  return db
    .select({
      tenancy: schema.tenancies,
      enterprise: schema.enterprises,
      spaceName: schema.incubatorSpaces.name,
    })
    .from(schema.tenancies)
    .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.tenancies.enterpriseId))
    .innerJoin(schema.incubatorSpaces, eq(schema.incubatorSpaces.id, schema.tenancies.spaceId));
}

/** The enterprise's tenancy in the incubation space on `date` (Art. 10), if any. */
export async function activeTenancy(db: DbOrTx, enterpriseId: string, date: string) {
  const [row] = await db
    .select({ tenancy: schema.tenancies, space: schema.incubatorSpaces })
    .from(schema.tenancies)
    .innerJoin(schema.incubatorSpaces, eq(schema.incubatorSpaces.id, schema.tenancies.spaceId))
    .where(and(eq(schema.tenancies.enterpriseId, enterpriseId), tenancyRunsDuring(date, date)))
    .limit(1);
  return row;
}

/**
 * Art. 10: a tenancy's rent for the month `date` falls in, after the tier discount, with the rules' trace. The one
 * place the platform computes rent (the tenant's page and the staff's monthly statements); `overrides` are the
 * bureau's published rent tiers, read by the caller.
 */
export function tenancyRent(
  enterprise: EnterpriseRow,
  tenancy: Pick<TenancyRow, 'startDate' | 'baseMonthlyRentFen'>,
  date: string,
  overrides?: ParamOverrides,
) {
  return incubatorRent({
    date,
    applicant: applicantOf(enterprise),
    tenancyStartDate: tenancy.startDate,
    marketRentFen: tenancy.baseMonthlyRentFen,
    ...(overrides ? { overrides } : {}),
  });
}
