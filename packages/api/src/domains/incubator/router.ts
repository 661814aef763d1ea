import { schema } from '@nanshan/db';
import { plainTrace } from '@nanshan/rules';
import { asc, eq } from 'drizzle-orm';
import { shenzhenDate } from '../../clock';
import { router, smeProcedure } from '../../trpc';
import { requireEnterprise } from '../enterprises/membership';
import { loadPolicyOverrides } from '../parameters/policy-overrides';
import { monthStart } from './billing-month';
import { poolPriceOn } from './pool-usage';
import { activeTenancy, tenancyRent } from './tenancy';

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
    // The bureau's published rent tiers decide the rent from their start dates on.
    const overrides = await loadPolicyOverrides(ctx.db);
    const rentOn = (date: string) => tenancyRent(enterprise, tenancy, date, overrides);
    const current = rentOn(today);
    const schedule = Array.from({ length: 12 }, (_, i) => {
      const month = monthStart(today, i + 1);
      const r = rentOn(month);
      return { month: month.slice(0, 7), tenancyMonth: r.month, payBps: r.payBps, rentDueFen: r.rentDueFen };
    });
    const poolPriceFen = poolPriceOn(today, overrides);
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
        // What an order is charged (the rules' price); the column is only the pool's own record of it.
        unitPriceFen: poolPriceFen ?? pool.unitPriceFen,
        capacityUnits: pool.capacityUnits,
        availableUnits: pool.capacityUnits - pool.allocatedUnits,
      })),
    };
  }),
});
