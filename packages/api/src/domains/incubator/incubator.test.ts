import { schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { releaseExpiredReservations } from '../orders/expire-orders';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

async function poolOfferingId() {
  const [o] = await h.db
    .select()
    .from(schema.offerings)
    .where(eq(schema.offerings.title, '孵化空间专属算力池 · 昇腾 910B（仅限入驻企业）'));
  return o!.id;
}
const pool = async () => (await h.db.select().from(schema.computePools))[0]!;

describe('Art. 10 incubator', () => {
  it('shows the tenant its lease, this month’s rent after the tier discount, and the pool', async () => {
    const mine = await (await h.callerFor('sme')).incubator.mine();
    expect(mine).not.toBeNull();
    // Lease from 2025-03-01: November 2026 is tenancy month 21, inside the two rent-free years.
    expect(mine!.current).toMatchObject({
      tenancyMonth: 21,
      payBps: 0,
      rentDueFen: 0,
      discountFen: 27_000_00,
    });
    expect(mine!.current.trace.some((s) => s.zh && s.en)).toBe(true);
    // March 2027 is month 25: 30% of market rent.
    expect(mine!.schedule.find((m) => m.month === '2027-03')).toMatchObject({
      tenancyMonth: 25,
      payBps: 3000,
      rentDueFen: 8_100_00,
    });
    expect(mine!.pools[0]).toMatchObject({
      capacityUnits: 20_000,
      availableUnits: 20_000,
      unitPriceFen: 1000,
    });
    expect(await (await h.callerFor('large')).incubator.mine()).toBeNull();
  });

  it('sells pool hours to a tenant at the pool price, with no Art. 6 subsidy on top', async () => {
    const sme = await h.callerFor('sme');
    const quote = await sme.orders.quote({ offeringId: await poolOfferingId(), quantity: 500 });
    expect(quote).toMatchObject({ article: 'art10', listPriceFen: 500_000, subsidyFen: 0, cap: null });
    const refusedQuote = await (await h.callerFor('large')).orders
      .quote({ offeringId: await poolOfferingId(), quantity: 1 })
      .catch((e: unknown) => e);
    expect((refusedQuote as TRPCError).code).toBe('FORBIDDEN');
    const { orderId } = await sme.orders.place({
      offeringId: await poolOfferingId(),
      quantity: 500,
      idempotencyKey: 'pool-order-001',
      notRelatedDeclared: true,
    });
    const order = await sme.orders.get({ orderId });
    expect(order).toMatchObject({
      listPriceFen: 500_000,
      subsidyFen: 0,
      payableFen: 500_000,
      article: 'art10',
    });
    expect((await pool()).allocatedUnits).toBe(500);
    await sme.orders.cancel({ orderId });
    expect((await pool()).allocatedUnits).toBe(0);
  });

  it('keeps the pool out of the public catalogue', async () => {
    const poolId = await poolOfferingId();
    const { items } = await (await h.callerFor(null)).offerings.list({ page: 1, pageSize: 100 });
    expect(items.length).toBeGreaterThan(5);
    expect(items.map((i) => i.id)).not.toContain(poolId);
  });

  it('refuses non-tenants, and never oversells the shared capacity', async () => {
    const refused = await (await h.callerFor('large')).orders
      .place({
        offeringId: await poolOfferingId(),
        quantity: 1,
        idempotencyKey: 'pool-nontenant',
        notRelatedDeclared: true,
      })
      .catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe('FORBIDDEN');
    expect(await h.db.select().from(schema.orders)).toHaveLength(0);

    await h.db.update(schema.computePools).set({ capacityUnits: 2500 });
    const sme = await h.callerFor('sme');
    const placed: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await sme.orders
        .place({
          offeringId: await poolOfferingId(),
          quantity: 500,
          idempotencyKey: `pool-fill-${i}-x`,
          notRelatedDeclared: true,
        })
        .catch((e: unknown) => e);
      if (r instanceof TRPCError)
        expect((r.cause as { reason?: string }).reason).toBe('pool_capacity_exceeded');
      else placed.push((r as { orderId: string }).orderId);
    }
    expect(placed).toHaveLength(5);
    expect((await pool()).allocatedUnits).toBe(2500);
    // An unpaid order's hours return to the pool when it expires.
    expect(await releaseExpiredReservations(h.db, h.payments, new Date('2026-11-28T03:00:00Z'))).toBe(5);
    expect((await pool()).allocatedUnits).toBe(0);
  });
});
