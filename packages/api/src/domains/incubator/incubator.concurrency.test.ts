import { schema } from '@nanshan/db';
import type { TRPCError } from '@trpc/server';
import { eq, inArray, sum } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoIncubator } from '../../seed/demo-data';
import { createHarness, type Harness } from '../../test/harness';
import { enterpriseOfUser } from '../enterprises/membership';
import { placeOrder } from '../orders/place-order';
import { createTenancy } from './manage-tenancy';
import { setPoolCapacity } from './pool-usage';

// Art. 10 under real concurrency, from two connection pools ("server processes") at once: one unit is never let
// twice for the same days, and a capacity cut racing tenants' orders never leaves the pool oversold.
// Only a real Postgres has concurrency.
const realPostgres = Boolean(process.env.DATABASE_URL);

const reasonOf = (r: PromiseSettledResult<unknown>) =>
  (((r as PromiseRejectedResult).reason as TRPCError).cause as { reason?: string }).reason;

describe.runIf(realPostgres)('incubator writes racing on real Postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());
  beforeEach(async () => h.reset());

  it('six simultaneous overlapping leases of one unit: exactly one is recorded', async () => {
    const admin = await h.userOf('admin');
    const [space] = await h.db
      .select()
      .from(schema.incubatorSpaces)
      .where(eq(schema.incubatorSpaces.name, demoIncubator.space.name));
    const enterprises = await h.db.select().from(schema.enterprises);
    const pools = [h.database.connectAnother(), h.database.connectAnother()];
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        createTenancy(pools[i % 2]!.db, {
          enterprise: { enterpriseId: enterprises[i % enterprises.length]!.id },
          spaceId: space!.id,
          terms: {
            unit: 'B-201',
            areaCentiM2: 50_00,
            baseMonthlyRentFen: 7_500_00,
            // Every period shares December 2026 with every other.
            startDate: `2026-${String(1 + i).padStart(2, '0')}-01`,
            endDate: i % 2 === 0 ? null : '2026-12-31',
          },
          actorUserId: admin.id,
          now: h.now(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect(reasonOf(r)).toBe('tenancy_overlap');
    const leases = await h.db.select().from(schema.tenancies).where(eq(schema.tenancies.unit, 'B-201'));
    expect(leases).toHaveLength(1);
    const audit = await h.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'incubator.tenancy_created'));
    expect(audit.map((a) => a.targetId)).toEqual([leases[0]!.id]);
  });

  it('a capacity cut racing eight orders: the pool is never oversold and every unit is accounted for', async () => {
    const admin = await h.userOf('admin');
    const sme = await h.userOf('sme');
    const enterprise = (await enterpriseOfUser(h.db, sme.id))!;
    const [offering] = await h.db
      .select()
      .from(schema.offerings)
      .where(eq(schema.offerings.title, demoIncubator.poolOffering.title));
    const [pool] = await h.db.select().from(schema.computePools);
    await setPoolCapacity(h.db, {
      poolId: pool!.id,
      capacityUnits: 1_000,
      reason: 'test',
      actorUserId: admin.id,
      now: h.now(),
    });
    const pools = [h.database.connectAnother(), h.database.connectAnother()];
    const orders = Array.from({ length: 8 }, (_, i) =>
      placeOrder(pools[i % 2]!.db, h.payments, {
        enterprise,
        userId: sme.id,
        offeringId: offering!.id,
        quantity: 200,
        idempotencyKey: `pool-race-${i}`,
        now: h.now(),
        notRelatedDeclared: true,
      }),
    );
    const cut = setPoolCapacity(pools[1]!.db, {
      poolId: pool!.id,
      capacityUnits: 500,
      reason: 'maintenance',
      actorUserId: admin.id,
      now: h.now(),
    });
    const [cutResult, ...orderResults] = await Promise.allSettled([cut, ...orders]);
    const placed = orderResults.filter((r) => r.status === 'fulfilled').length;
    for (const r of orderResults.filter((x) => x.status === 'rejected')) {
      expect(reasonOf(r)).toBe('pool_capacity_exceeded');
    }

    const [after] = await h.db.select().from(schema.computePools);
    const [held] = await h.db
      .select({ units: sum(schema.orders.quantity) })
      .from(schema.orders)
      .where(inArray(schema.orders.status, ['paid', 'awaiting_payment']));
    expect(after!.allocatedUnits).toBe(placed * 200);
    expect(Number(held?.units ?? 0)).toBe(placed * 200);
    expect(after!.allocatedUnits).toBeLessThanOrEqual(after!.capacityUnits);
    if (cutResult!.status === 'fulfilled') {
      // The cut went first (or between orders that then found less room): at most two orders of 200 fit in 500.
      expect(after!.capacityUnits).toBe(500);
      expect(placed).toBeLessThanOrEqual(2);
    } else {
      // Orders went first and hold more than 500 units: the cut was refused, the capacity stays.
      expect(reasonOf(cutResult!)).toBe('pool_capacity_below_allocated');
      expect(after!.capacityUnits).toBe(1_000);
      expect(placed).toBeGreaterThan(2);
      expect(placed).toBeLessThanOrEqual(5);
    }
  });
});
