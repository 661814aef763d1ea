import { schema } from '@nanshan/db';
import { incubatorRent, plainTrace } from '@nanshan/rules';
import { asc, eq } from 'drizzle-orm';
import { shenzhenDate } from '../../clock';
import { router, smeProcedure } from '../../trpc';
import { requireEnterprise } from '../enterprises/membership';
import { applicantOf } from '../orders/purchase-quote';
import { activeTenancy } from './tenancy';

/** The first day of the month `offset` months after the month of `date` (YYYY-MM-DD strings). */
function monthStart(date: string, offset: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + offset;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

export const incubatorRouter = router({
  /**
   * Art. 10 for a tenant: the lease, this month's rent after the tier discount with the rules' trace, the
   * next twelve months' schedule, and the dedicated compute pool it may draw on. Null for non-tenants.
   */
  mine: smeProcedure.query(async ({ ctx }) => {
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    const today = shenzhenDate(ctx.now());
    const found = await activeTenancy(ctx.db, enterprise.id, today);
    if (!found) return null;
    const { tenancy, space } = found;
    const rentOn = (date: string) =>
      incubatorRent({
        date,
        applicant: applicantOf(enterprise),
        tenancyStartDate: tenancy.startDate,
        marketRentFen: tenancy.baseMonthlyRentFen,
      });
    const current = rentOn(today);
    const schedule = Array.from({ length: 12 }, (_, i) => {
      const month = monthStart(today, i + 1);
      const r = rentOn(month);
      return { month: month.slice(0, 7), tenancyMonth: r.month, payBps: r.payBps, rentDueFen: r.rentDueFen };
    });
    const pools = await ctx.db
      .select({ pool: schema.computePools, offering: schema.offerings, providerName: schema.providers.name })
      .from(schema.computePools)
      .innerJoin(schema.offerings, eq(schema.offerings.poolId, schema.computePools.id))
      .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId))
      .where(eq(schema.offerings.status, 'listed'))
      .orderBy(asc(schema.computePools.name));
    return {
      space: { name: space.name, address: space.address },
      unit: tenancy.unit,
      areaCentiM2: tenancy.areaCentiM2,
      startDate: tenancy.startDate,
      baseMonthlyRentFen: tenancy.baseMonthlyRentFen,
      current: {
        tenancyMonth: current.month,
        payBps: current.payBps,
        rentDueFen: current.rentDueFen,
        discountFen: current.amountFen,
        trace: plainTrace(current.trace),
      },
      schedule,
      pools: pools.map(({ pool, offering, providerName }) => ({
        id: pool.id,
        offeringId: offering.id,
        providerName,
        minQuantity: offering.minQuantity,
        maxQuantity: offering.maxQuantity,
        name: pool.name,
        gpuModel: pool.gpuModel,
        unit: pool.unit,
        unitPriceFen: pool.unitPriceFen,
        capacityUnits: pool.capacityUnits,
        availableUnits: pool.capacityUnits - pool.allocatedUnits,
      })),
    };
  }),
});
