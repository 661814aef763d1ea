/**
 * Throughput of the purchase transaction (lock counters → rules → reserve → order → audit) and of
 * payment completion, on the database the environment selects (PGlite by default, Postgres with
 * DATABASE_URL). Prints figures; asserts nothing.
 */
import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { enterpriseOfUser } from '../src/domains/enterprises/membership';
import { placeOrder } from '../src/domains/orders/place-order';
import { completePayment } from '../src/domains/orders/settle-order';
import { createHarness } from '../src/test/harness';

const N = Number(process.env.BENCH_ORDERS ?? 300);
const CONCURRENCY = process.env.DATABASE_URL ? 8 : 1;

const h = await createHarness();
await h.reset();
const user = await h.userOf('sme');
const enterprise = (await enterpriseOfUser(h.db, user.id))!;
const [offering] = await h.db
  .select()
  .from(schema.offerings)
  .where(eq(schema.offerings.title, 'NVIDIA L40S 推理 · 按卡时'));

async function timed(label: string, count: number, work: (i: number) => Promise<unknown>) {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
  const ms = performance.now() - start;
  console.log(
    `${label.padEnd(28)} ${count} in ${ms.toFixed(0)} ms  →  ${((count / ms) * 1000).toFixed(0)} /s  (${CONCURRENCY} concurrent, ${h.database.kind})`,
  );
}

const ids: string[] = [];
await timed('placeOrder', N, async (i) => {
  const o = await placeOrder(h.db, h.payments, {
    enterprise,
    userId: user.id,
    offeringId: offering!.id,
    quantity: 1,
    idempotencyKey: `bench-${i}-xxxx`,
    notRelatedDeclared: true,
    now: h.now(),
  });
  ids.push(o.id);
});
await timed('completePayment', ids.length, (i) =>
  completePayment(h.db, { orderId: ids[i]!, actorUserId: user.id, now: h.now() }),
);
await h.close();
