import { setTimeout as sleep } from 'node:timers/promises';
import { queryRows, schema } from '@nanshan/db';
import { like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';
import { invariantViolations, openOrders } from '../test/invariants';
import { H800, offeringId } from '../test/purchases';
import { postgresBinDir, startThrowawayCluster } from './throwaway-cluster';

// Fault: Postgres itself restarts (`pg_ctl restart -m fast`: every connection is cut) while buyers are placing and
// paying orders. It runs on a throwaway cluster of its own, never the machine's shared one. Each buyer behaves like
// the apps: an error is retried with the same idempotency key (placing) or the same order (paying). Afterwards every
// order is paid exactly once, no key has two orders, the invariants hold, and new orders succeed.
const realPostgres = Boolean(process.env.DATABASE_URL);
const binDir = postgresBinDir();
const BUYERS = 4;
const ORDERS_EACH = 8;
const RESTART_AFTER = 6; // placed orders

describe.skipIf(!realPostgres || !binDir)(
  'Postgres restarted under load (real Postgres only: set DATABASE_URL; needs initdb/pg_ctl from pg_config --bindir)',
  { timeout: 180_000 },
  () => {
    let cluster: Awaited<ReturnType<typeof startThrowawayCluster>>;
    let h: Harness;
    beforeAll(async () => {
      cluster = await startThrowawayCluster(binDir!);
      h = await createHarness({ env: { DATABASE_URL: cluster.url } });
      await h.reset();
    });
    afterAll(async () => {
      await h?.close();
      await cluster?.stop();
    });

    async function postmasterStart(harness: Harness) {
      const [row] = await queryRows<{ at: string }>(
        harness.db,
        sql`select pg_postmaster_start_time()::text as at`,
      );
      return row!.at;
    }

    /** Retries `step` until it succeeds, as a client does when the connection drops; returns what it got. */
    async function untilDone<T>(step: () => Promise<T>, errors: unknown[]): Promise<T> {
      for (;;) {
        try {
          return await step();
        } catch (error) {
          errors.push(error);
          await sleep(50);
        }
      }
    }

    it('every order ends paid once, the invariants hold, and the app recovers', async () => {
      const sme = await h.callerFor('sme');
      const h800 = await offeringId(h, H800);
      const errors: unknown[] = [];
      const startedBefore = await postmasterStart(h);
      let placed = 0;
      let restart: Promise<unknown> | undefined;
      const buyer = async (b: number) => {
        for (let i = 0; i < ORDERS_EACH; i++) {
          const input = {
            offeringId: h800,
            quantity: 100,
            idempotencyKey: `fault-restart-${b}-${i}`,
            notRelatedDeclared: true,
          };
          const { orderId } = await untilDone(() => sme.orders.place(input), errors);
          if (++placed === RESTART_AFTER) restart = cluster.restart();
          await untilDone(() => sme.payments.simulatePay({ orderId }), errors);
        }
      };
      await Promise.all(Array.from({ length: BUYERS }, (_, b) => buyer(b)));
      await restart;
      expect(await postmasterStart(h)).not.toBe(startedBefore); // Postgres did restart during the load

      const orders = await h.db
        .select()
        .from(schema.orders)
        .where(like(schema.orders.idempotencyKey, 'fault-restart-%'));
      expect(orders).toHaveLength(BUYERS * ORDERS_EACH);
      expect(new Set(orders.map((o) => o.idempotencyKey)).size).toBe(BUYERS * ORDERS_EACH);
      expect(orders.every((o) => o.status === 'paid')).toBe(true);
      expect(await openOrders(h.db)).toEqual([]);
      expect(await invariantViolations(h.db)).toEqual([]);

      // Recovered: a new order is placed and paid at once.
      const { orderId } = await sme.orders.place({
        offeringId: h800,
        quantity: 100,
        idempotencyKey: 'fault-restart-after',
        notRelatedDeclared: true,
      });
      expect((await sme.payments.simulatePay({ orderId })).status).toBe('paid');
      expect(await invariantViolations(h.db)).toEqual([]);
    });
  },
);
