import { setTimeout as sleep } from 'node:timers/promises';
import { schema } from '@nanshan/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_CHECKOUT as CREATE, startFakeStripe } from '../payments/fake-stripe-server';
import { DEMO_PASSWORD, demoUsers } from '../seed/demo-data';
import { createHarness, type Harness } from '../test/harness';
import { cookieHeaderOf } from '../test/http';
import { invariantViolations, openOrders } from '../test/invariants';
import { H800, offeringId } from '../test/purchases';
import { sessionEvent, signedWebhook, WEBHOOK_SECRET } from '../test/stripe-events';
import { startServerProcess } from './processes';
import { blockedBackend, holdRowLock } from './row-lock';

// Fault: the server process dies (SIGKILL) at the worst moments of a Stripe payment — after Stripe created the
// Checkout session but before the server stored it, and while it applies a webhook — and is started again on the
// same database. The kill comes from outside: the Stripe stand-in kills the server when the creation call arrives,
// or the test kills it while a row lock holds the webhook's transaction. Real Postgres only (the server is a
// separate process on the same database).
const realPostgres = Boolean(process.env.DATABASE_URL);

// Each case starts the server again (tsx compiles it afresh): allow for that on a busy machine.
describe.skipIf(!realPostgres)(
  'server killed mid-payment (real Postgres only: set DATABASE_URL)',
  { timeout: 180_000 },
  () => {
    let h: Harness;
    let fake: Awaited<ReturnType<typeof startFakeStripe>>;
    let server: Awaited<ReturnType<typeof startServerProcess>>;
    let cookie: string;
    let h800: string;

    beforeAll(async () => {
      h = await createHarness();
      await h.reset();
      h800 = await offeringId(h, H800);
      fake = await startFakeStripe();
      server = await startServerProcess({
        DATABASE_URL: h.database.url!,
        STRIPE_SECRET_KEY: 'sk_test_server_killed',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: `http://127.0.0.1:${fake.endpoint.port}`,
      });
      const res = await fetch(`${server.base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.base },
        body: JSON.stringify({ email: demoUsers.sme.email, password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      cookie = cookieHeaderOf(res);
    });
    afterAll(async () => {
      await server?.stop();
      await fake?.close();
      await h?.close();
    });

    /** The buyer's order request over HTTP (signed in, tRPC); resolves to the order id or rejects. */
    async function place(idempotencyKey: string): Promise<string> {
      const res = await fetch(`${server.base}/api/trpc/orders.place`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: server.base },
        body: JSON.stringify({
          json: { offeringId: h800, quantity: 100, idempotencyKey, notRelatedDeclared: true },
        }),
      });
      if (!res.ok) throw new Error(`orders.place answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { result: { data: { json: { orderId: string } } } }).result.data.json
        .orderId;
    }

    const webhook = (event: object) => fetch(`${server.base}/api/stripe/webhook`, signedWebhook(event));

    async function orderByKey(idempotencyKey: string) {
      const [o] = await h.db
        .select()
        .from(schema.orders)
        .where(eq(schema.orders.idempotencyKey, idempotencyKey));
      return o!;
    }

    /** Places an order whose Checkout session Stripe creates, but the server is killed before it stores it. */
    async function placeAndDieAfterCreation(idempotencyKey: string) {
      const sessions = fake.sessionIds().length;
      fake.inject(CREATE, { onArrival: () => server.killNow(), andThen: { hang: true } });
      await expect(place(idempotencyKey)).rejects.toThrow();
      expect(fake.sessionIds()).toHaveLength(sessions + 1);
      const order = await orderByKey(idempotencyKey);
      expect(order).toMatchObject({ status: 'awaiting_payment', paymentRef: null, subsidyFen: 96_000 });
      expect(await invariantViolations(h.db)).toEqual([]);
      return { order, sessionId: fake.sessionIds().at(-1)! };
    }

    it('between payment creation and commit: after the restart the buyer’s retry gets that payment, paid once', async () => {
      const { order, sessionId } = await placeAndDieAfterCreation('fault-server-kill-1');
      await server.restart();
      expect(await place('fault-server-kill-1')).toBe(order.id);
      expect(await orderByKey('fault-server-kill-1')).toMatchObject({ paymentRef: sessionId });
      expect(fake.sessionIds().at(-1)).toBe(sessionId); // Stripe replayed the session: no second payment
      const paid = await webhook(sessionEvent('checkout.session.completed', sessionId));
      expect(await paid.json()).toMatchObject({ outcome: 'paid' });
      expect((await orderByKey('fault-server-kill-1')).status).toBe('paid');
      expect(await invariantViolations(h.db)).toEqual([]);
    });

    it('while applying the completion webhook: nothing is recorded, and Stripe’s retry pays the order once', async () => {
      const orderId = await place('fault-server-kill-2');
      const { paymentRef } = await orderByKey('fault-server-kill-2');
      const event = sessionEvent('checkout.session.completed', paymentRef!);
      const lock = await holdRowLock(
        h.database.url!,
        sql`select 1 from orders where id = ${orderId} for update`,
      );
      const delivery = webhook(event).catch((error: unknown) => error);
      await blockedBackend(h.db, lock.pid); // the webhook's transaction waits for the order row
      await server.kill();
      await lock.release();
      expect(await delivery).toBeInstanceOf(Error);
      expect(
        await h.db.select().from(schema.paymentEvents).where(eq(schema.paymentEvents.eventId, event.id)),
      ).toEqual([]);
      expect((await orderByKey('fault-server-kill-2')).status).toBe('awaiting_payment');

      await server.restart();
      expect(await (await webhook(event)).json()).toMatchObject({ outcome: 'paid' });
      expect(await (await webhook(event)).json()).toMatchObject({ outcome: 'duplicate' });
      expect((await orderByKey('fault-server-kill-2')).status).toBe('paid');
      expect(
        await h.db.select().from(schema.paymentEvents).where(eq(schema.paymentEvents.eventId, event.id)),
      ).toMatchObject([{ orderId }]);
      expect(await invariantViolations(h.db)).toEqual([]);
    });

    it('between payment creation and commit, buyer gone: the restarted server releases it once due', async () => {
      const { order } = await placeAndDieAfterCreation('fault-server-kill-3');
      await server.restart({ NANSHAN_CLOCK_OFFSET_DAYS: '1' }); // its payment window is over
      // The restarted server sweeps at start; wait for it to release the reservation.
      while ((await orderByKey('fault-server-kill-3')).status === 'awaiting_payment') {
        await sleep(100);
      }
      expect((await orderByKey('fault-server-kill-3')).status).toBe('expired');
      const sessions = fake.sessionIds().length;
      expect(await place('fault-server-kill-3')).toBe(order.id); // a late retry: the closed order, no new payment
      expect(fake.sessionIds()).toHaveLength(sessions);
      expect(await openOrders(h.db)).toEqual([]);
      expect(await invariantViolations(h.db)).toEqual([]);
    });
  },
);
