import { schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../errors';
import { simulatedGateway } from '../../payments/simulated';
import { createHarness, type Harness } from '../../test/harness';
import { enterpriseOfUser } from '../enterprises/membership';
import { placeOrder } from '../orders/place-order';
import { decideProvider } from './decide-provider';

// A revocation decided while orders are in flight, from two "server processes": once the revocation commits, no
// order of the provider may commit after it, and a stream of new orders cannot hold it off. The audit log's ids
// follow commit order (its writers serialise on one lock held to commit), so every order's `order.placed` entry
// must come before `provider.revoked`.
const realPostgres = Boolean(process.env.DATABASE_URL);
const N = 40;

describe.runIf(realPostgres)('revocation racing orders on real Postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());
  beforeEach(async () => h.reset());

  it('lets no order of a revoked provider commit after the revocation', async () => {
    const user = await h.userOf('sme');
    const admin = await h.userOf('admin');
    const enterprise = (await enterpriseOfUser(h.db, user.id))!;
    const [offering] = await h.db
      .select()
      .from(schema.offerings)
      .where(eq(schema.offerings.title, 'NVIDIA H800 训练集群 · 8 卡节点'));
    const pools = [h.database.connectAnother(), h.database.connectAnother(), h.database.connectAnother()];
    await Promise.all(
      pools.map((p) => p.db.select({ id: schema.providers.id }).from(schema.providers).limit(1)),
    );
    const place = (i: number) =>
      placeOrder(pools[i % 2]!.db, simulatedGateway, {
        enterprise,
        userId: user.id,
        offeringId: offering!.id,
        quantity: 8,
        idempotencyKey: `race-revocation-${i}`,
        notRelatedDeclared: true,
        now: h.now(),
      });
    const firstWave = Array.from({ length: N }, (_, i) => place(i));
    // Revoke while orders are being placed (once the first has gone through, the others are in flight), and keep
    // placing orders while the revocation runs.
    await Promise.race(firstWave);
    const revocation = decideProvider(pools[2]!.db, {
      providerId: offering!.providerId,
      decision: 'revoke',
      reason: 'race test',
      actorUserId: admin.id,
      now: h.now(),
    });
    const secondWave = Array.from({ length: N }, (_, i) => place(N + i));
    const orders = [...firstWave, ...secondWave];
    const results = await Promise.allSettled([...orders, revocation]);
    expect(results.at(-1)!.status).toBe('fulfilled');
    for (const r of results.slice(0, -1)) {
      if (r.status === 'fulfilled') continue;
      // Refused orders are refused for the revocation, with a reason, never a database error.
      expect(r.reason).toBeInstanceOf(TRPCError);
      expect(((r.reason as TRPCError).cause as DomainError).reason).toMatch(
        /^(offering_not_listed|provider_not_active)$/,
      );
      expect((r.reason as TRPCError).cause).toBeInstanceOf(DomainError);
    }
    // Not starved: orders that arrive while the revocation waits queue behind it (row share locks alone would let
    // them all jump ahead of it).
    const secondWaveRefused = results.slice(N, 2 * N).filter((r) => r.status === 'rejected').length;
    expect(secondWaveRefused).toBeGreaterThan(0);
    const placed = await h.db
      .select({ id: schema.orders.id })
      .from(schema.orders)
      .where(eq(schema.orders.providerId, offering!.providerId));
    const entries = await h.db
      .select({ id: schema.auditLog.id, action: schema.auditLog.action, targetId: schema.auditLog.targetId })
      .from(schema.auditLog)
      .where(
        and(
          inArray(schema.auditLog.action, ['order.placed', 'provider.revoked']),
          inArray(schema.auditLog.targetId, [offering!.providerId, ...placed.map((p) => p.id)]),
        ),
      );
    const revokedAt = entries.find((e) => e.action === 'provider.revoked')!.id;
    const placedAfter = entries.filter((e) => e.action === 'order.placed' && e.id > revokedAt);
    expect(placedAfter).toEqual([]);
    expect(entries.filter((e) => e.action === 'order.placed')).toHaveLength(placed.length);
    const [row] = await h.db.select().from(schema.offerings).where(eq(schema.offerings.id, offering!.id));
    expect(row!.status).toBe('delisted');
  });
});
