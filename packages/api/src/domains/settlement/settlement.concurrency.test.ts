import { queryRows, schema, toSafeInteger } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { orderPayables, providerPayableBalances } from '../../ledger/balances';
import { deliver } from '../../test/deliveries';
import { createHarness, type Harness } from '../../test/harness';
import { buy, H800 } from '../../test/purchases';
import { refundOrder } from '../orders/settle-order';
import { createPayoutBatch } from './create-batch';

// Settlement under real concurrency: two connection pools stand for two server processes, both creating payout
// batches (and refunding orders) at once. Only a real Postgres has concurrency.
const realPostgres = Boolean(process.env.DATABASE_URL);

describe.runIf(realPostgres)('concurrent payout batches on real Postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());
  beforeEach(async () => h.reset());

  /** Paid orders, delivered unless `delivered` says otherwise for its index. */
  async function paidOrders(count: number, delivered: (i: number) => boolean = () => true) {
    const sme = await h.callerFor('sme');
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      h.setNow(new Date(Date.UTC(2026, 10, 28, 2, i)));
      ids.push(await buy(h, sme, H800, 8 * (i + 1))); // 7,680 × (i + 1)
      if (delivered(i)) await deliver(h, ids[i]!);
    }
    return ids;
  }

  /** Per order: paid out at most once, and never more than its subsidy. */
  async function payoutsPerOrder() {
    return queryRows<{ order_id: string; payouts: unknown; paid: unknown; posted: unknown }>(
      h.db,
      sql`
      select t.order_id,
        count(*) filter (where t.debit_account like 'provider_payable:%' and t.credit_account like 'disbursed:%') as payouts,
        coalesce(sum(t.amount_fen) filter (where t.debit_account like 'provider_payable:%' and t.credit_account like 'disbursed:%'), 0) as paid,
        coalesce(sum(t.amount_fen) filter (where t.kind = 'post_pending'), 0) as posted
      from ledger_transfers t where t.order_id is not null group by t.order_id`,
    );
  }

  it('eight batches fired at once from two processes pay every order exactly once', async () => {
    const orders = await paidOrders(12);
    const owedFen = 7_680 * ((12 * 13) / 2);
    const admin = await h.userOf('admin');
    const pools = [h.database.connectAnother(), h.database.connectAnother()];
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        createPayoutBatch(pools[i % 2]!.db, { actorUserId: admin.id, now: h.now() }),
      ),
    );
    const created = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(created).toHaveLength(1);
    for (const r of refused) {
      const error = (r as PromiseRejectedResult).reason as TRPCError;
      expect(error).toBeInstanceOf(TRPCError);
      expect((error.cause as { reason?: string }).reason).toBe('nothing_to_settle');
    }
    const batches = await h.db.select().from(schema.payoutBatches);
    expect(batches.map((b) => [b.reference, b.totalFen])).toEqual([['NS-PAY-2026-0001', owedFen]]);
    const items = await h.db.select().from(schema.payoutItems);
    expect(items.map((i) => i.orderId).sort()).toEqual([...orders].sort());
    for (const row of await payoutsPerOrder()) {
      expect(toSafeInteger(row.payouts)).toBe(1);
      expect(toSafeInteger(row.paid)).toBe(toSafeInteger(row.posted));
    }
    expect(await orderPayables(h.db)).toEqual([]);
  });

  it('batches racing refunds and deliveries: each order is paid out at most once, and every refund after a payout is a clawback', async () => {
    // Every fourth order is delivered while the batches run: it is paid in one of them or left for the last.
    const lateDelivery = (i: number) => i % 4 === 3;
    const orders = await paidOrders(16, (i) => !lateDelivery(i));
    const admin = await h.userOf('admin');
    const pools = [h.database.connectAnother(), h.database.connectAnother()];
    // Batches and refunds interleaved across both pools; every second order is refunded.
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < orders.length; i++) {
      if (i % 2 === 0) {
        work.push(refundOrder(pools[i % 2]!.db, { orderId: orders[i]!, actorUserId: null, now: h.now() }));
      }
      if (i % 4 === 1) {
        work.push(createPayoutBatch(pools[(i + 1) % 2]!.db, { actorUserId: admin.id, now: h.now() }));
      }
      if (lateDelivery(i)) work.push(deliver({ ...h, db: pools[i % 2]!.db }, orders[i]!));
    }
    const results = await Promise.allSettled(work);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(((r.reason as TRPCError).cause as { reason?: string }).reason).toBe('nothing_to_settle');
      }
    }
    // Whatever interleaving happened, the books agree: one payout per order at most, never more than posted, and
    // each provider's payable balance equals what `owed` lists (a negative line per refunded-after-payout order).
    for (const row of await payoutsPerOrder()) {
      expect(toSafeInteger(row.payouts)).toBeLessThanOrEqual(1);
      expect(toSafeInteger(row.paid)).toBeLessThanOrEqual(toSafeInteger(row.posted));
    }
    const settled = new Set((await h.db.select().from(schema.payoutItems)).map((i) => i.orderId));
    const payables = await orderPayables(h.db);
    for (const [i, id] of orders.entries()) {
      const line = payables.find((p) => p.orderId === id);
      const subsidy = 7_680 * (i + 1);
      if (i % 2 === 0 && settled.has(id))
        expect(line?.owedFen).toBe(-subsidy); // clawback
      else if (i % 2 === 0)
        expect(line).toBeUndefined(); // refunded before any payout
      else if (settled.has(id))
        expect(line).toBeUndefined(); // paid out
      else expect(line?.owedFen).toBe(subsidy); // still owed
    }
    const balances = await providerPayableBalances(h.db);
    const net = payables.reduce((s, p) => s + p.owedFen, 0);
    expect([...balances.values()].reduce((s, b) => s + b, 0)).toBe(net);
    // A final batch settles everything left (net of clawbacks) when the provider is owed more than it owes.
    if (net > 0) {
      await createPayoutBatch(h.db, { actorUserId: admin.id, now: h.now() });
      expect(await orderPayables(h.db)).toEqual([]);
    }
    const batches = await h.db.select().from(schema.payoutBatches);
    expect(new Set(batches.map((b) => b.reference)).size).toBe(batches.length);
  });
});
