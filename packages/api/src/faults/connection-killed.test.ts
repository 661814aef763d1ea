import { schema } from '@nanshan/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { releaseExpiredReservations } from '../domains/orders/expire-orders';
import { refundOrder } from '../domains/orders/settle-order';
import { createHarness, type Harness, moneySnapshot } from '../test/harness';
import { invariantViolations, openOrders } from '../test/invariants';
import { buy, H800, offeringId } from '../test/purchases';
import { blockedBackend, holdRowLock, terminateBackend } from './row-lock';

// Fault: the database connection of a money transaction is killed (pg_terminate_backend) while the transaction is
// half done. A lock held from outside on the fund row stops it right before its last write; then its backend is
// terminated. Postgres rolls the transaction back, the caller sees an error, and its retry counts once.
const realPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!realPostgres)(
  'connection killed mid-transaction (real Postgres only: set DATABASE_URL)',
  () => {
    let h: Harness;
    // One seeded database for all cases (each uses its own orders): the invariants are checked on all of it.
    beforeAll(async () => {
      h = await createHarness();
      await h.reset();
    });
    afterAll(async () => h.close());
    beforeEach(() => h.setNow('2026-11-28T02:00:00Z'));

    /** Runs `step` until it waits for the fund row, kills its connection there, and returns the error it got. */
    async function killMidway(step: () => Promise<unknown>) {
      const lock = await holdRowLock(
        h.database.url!,
        sql`select 1 from fund_years where year = 2026 for update`,
      );
      const running = step().then(
        () => undefined,
        (error: unknown) => error,
      );
      await terminateBackend(h.db, await blockedBackend(h.db, lock.pid));
      await lock.release();
      return running;
    }

    async function statusOf(orderId: string) {
      const [o] = await h.db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
      return o!.status;
    }

    it('placing an order: nothing is recorded, and the retry with the same key places it once', async () => {
      const sme = await h.callerFor('sme');
      const place = async () =>
        sme.orders.place({
          offeringId: await offeringId(h, H800),
          quantity: 100,
          idempotencyKey: 'fault-kill-place-1',
          notRelatedDeclared: true,
        });
      const before = await moneySnapshot(h);
      expect(await killMidway(place)).toBeInstanceOf(Error);
      expect(await moneySnapshot(h)).toEqual(before);
      const { orderId } = await place();
      expect((await place()).orderId).toBe(orderId);
      await sme.payments.simulatePay({ orderId });
      expect(
        await h.db.select().from(schema.orders).where(eq(schema.orders.idempotencyKey, 'fault-kill-place-1')),
      ).toHaveLength(1);
      expect(await invariantViolations(h.db)).toEqual([]);
    });

    const transitions = {
      pay: { from: 'awaiting_payment', to: 'paid' },
      cancel: { from: 'awaiting_payment', to: 'cancelled' },
      expire: { from: 'awaiting_payment', to: 'expired' },
      refund: { from: 'paid', to: 'refunded' },
    } as const;

    it.each(Object.keys(transitions) as Array<keyof typeof transitions>)(
      '%s: the order keeps its state and the retry moves the money once',
      async (name) => {
        const sme = await h.callerFor('sme');
        const orderId = await buy(h, sme, H800, 100, { pay: transitions[name].from === 'paid' });
        const run = {
          pay: () => sme.payments.simulatePay({ orderId }),
          cancel: () => sme.orders.cancel({ orderId }),
          expire: () => releaseExpiredReservations(h.db, h.payments, new Date('2026-11-28T02:31:00Z')),
          refund: () => refundOrder(h.db, { orderId, actorUserId: null, now: h.now() }),
        }[name];
        const before = await moneySnapshot(h);
        expect(await killMidway(run)).toBeInstanceOf(Error);
        expect(await moneySnapshot(h)).toEqual(before);
        expect(await statusOf(orderId)).toBe(transitions[name].from);
        expect(await invariantViolations(h.db)).toEqual([]);

        await run();
        await run(); // a second retry (a duplicate webhook, a second sweep) changes nothing
        expect(await statusOf(orderId)).toBe(transitions[name].to);
        expect(await openOrders(h.db)).toEqual([]);
        expect(await invariantViolations(h.db)).toEqual([]);
      },
    );
  },
);
