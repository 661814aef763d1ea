import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, fen } from './columns';
import { enterprises } from './parties';

/** Art. 10: the district's AI incubation space. */
export const incubatorSpaces = pgTable('incubator_spaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  address: text('address').notNull(),
  createdAt: createdAt(),
});

/** A resident enterprise's lease; the monthly rent is discounted by the tier for the tenancy month. */
export const tenancies = pgTable(
  'tenancies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => incubatorSpaces.id),
    unit: text('unit').notNull(),
    /** Area in hundredths of a square metre (integer, like money). */
    areaCentiM2: integer('area_centi_m2').notNull(),
    baseMonthlyRentFen: fen('base_monthly_rent_fen').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    createdAt: createdAt(),
  },
  (t) => [
    check('tenancy_positive', sql`${t.areaCentiM2} > 0 and ${t.baseMonthlyRentFen} >= 0`),
    check('tenancy_period', sql`${t.endDate} is null or ${t.startDate} <= ${t.endDate}`),
  ],
);

/**
 * The dedicated compute pool (Art. 10): capacity shared by all tenants, sold at the pool price. The row is
 * locked by every allocation and the CHECK makes overselling impossible.
 */
export const computePools = pgTable(
  'compute_pools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    gpuModel: text('gpu_model').notNull(),
    unit: text('unit').notNull(),
    capacityUnits: integer('capacity_units').notNull(),
    allocatedUnits: integer('allocated_units').notNull().default(0),
    unitPriceFen: fen('unit_price_fen').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'pool_allocation_within_capacity',
      sql`${t.allocatedUnits} >= 0 and ${t.allocatedUnits} <= ${t.capacityUnits}`,
    ),
    check('pool_price_positive', sql`${t.unitPriceFen} > 0`),
  ],
);
