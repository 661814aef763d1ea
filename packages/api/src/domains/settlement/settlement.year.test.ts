import { queryRows, toSafeInteger } from '@nanshan/db';
import { PARAMS_HASH, RULESET_VERSION } from '@nanshan/rules';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPayables } from '../../ledger/balances';
import { deliver } from '../../test/deliveries';
import { createHarness, type Harness } from '../../test/harness';
import { invariantViolations } from '../../test/invariants';
import { recordPaidOrdersLedger } from '../../test/paid-orders-ledger';
import { buy, H800 } from '../../test/purchases';
import { refundOrder } from '../orders/settle-order';
import { createPayoutBatch } from './create-batch';

// More orders than a query may have bind parameters (65,534), all of one provider: a batch that bound a parameter per
// order (or five per payout item) could not settle them. A few more are paid but not delivered: the batch leaves them.
const ORDERS = 66_000;
const UNDELIVERED = 500;
const YEAR = 2025;

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
});
afterAll(async () => h.close());

/**
 * `count` paid Art. 6 orders of the SME for one H800 GPU-hour each (subsidy 960), one a minute from the start of
 * `year`, inserted by SQL in the shape the purchase path leaves: the order, its reservation and the posting that
 * resolved it, the usage row and the fund year's budget (through the ledger) and counters. All but the last
 * `undelivered` are delivered an hour after payment, with a note, as the provider records it.
 */
async function seedPaidOrders(count: number, undelivered: number, year: number) {
  const sme = await h.userOf('sme');
  await h.db.transaction(async (tx) => {
    // The rows are consistent by construction and the invariants are checked afterwards: the per-row foreign-key and
    // ledger triggers are skipped while they go in (as superuser, which the test databases run as).
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      insert into orders (enterprise_id, offering_id, provider_id, placed_by, offering_title, unit, quantity,
                          unit_price_fen, list_price_fen, subsidy_fen, payable_fen, article, fund_year, status,
                          idempotency_key, trace, ruleset_version, params_hash, payment_gateway, payment_ref,
                          expires_at, paid_at, delivered_at, delivery_note, not_related_declared, created_at)
      select m.enterprise_id, o.id, o.provider_id, m.user_id, o.title, o.unit, 1, o.unit_price_fen, o.unit_price_fen,
        o.unit_price_fen * 3 / 10, o.unit_price_fen - o.unit_price_fen * 3 / 10, 'art6', ${year}, 'paid',
        'seeded-' || g, '[]'::jsonb, ${RULESET_VERSION}, ${PARAMS_HASH}, 'simulated', 'sim_seeded_' || g,
        s.at + interval '30 minutes', s.at + interval '1 minute',
        case when g <= ${count - undelivered} then s.at + interval '61 minutes' end,
        case when g <= ${count - undelivered} then 'seeded delivery ' || g end, true, s.at
      from generate_series(1, ${count}) g
        cross join lateral (select make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
                                   + g * interval '1 minute' as at) s
        join offerings o on o.title = ${H800}
        join enterprise_members m on m.user_id = ${sme.id}`);
    await recordPaidOrdersLedger(tx, year, `seeded orders of ${year}`);
  });
}

describe('settlement of a whole year', { timeout: 120_000 }, () => {
  it(`pays ${ORDERS.toLocaleString('en-US')} delivered orders of one provider in one batch, netting a clawback`, async () => {
    const admin = await h.callerFor('admin');
    // An order paid out and then refunded: the provider owes its subsidy back, and the year's batch nets it off.
    h.setNow('2026-11-28T01:00:00Z');
    const refunded = await buy(h, await h.callerFor('sme'), H800, 100); // subsidy 96,000
    await deliver(h, refunded);
    await admin.admin.settlement.createBatch({});
    await refundOrder(h.db, { orderId: refunded, actorUserId: null, now: h.now() });
    await seedPaidOrders(ORDERS + UNDELIVERED, UNDELIVERED, YEAR);
    h.setNow('2026-11-28T02:00:00Z');

    // The operation itself: the router would also load the batch's lines for its answer.
    const batch = await createPayoutBatch(h.db, { actorUserId: (await h.userOf('admin')).id, now: h.now() });
    expect(batch).toMatchObject({ reference: 'NS-PAY-2026-0002', totalFen: ORDERS * 960 - 96_000 });
    const [lines] = await queryRows<{ items: unknown; paid: unknown; clawbacks: unknown }>(
      h.db,
      sql`
      select (select count(*) from payout_items where batch_id = ${batch.batchId}) as items,
        (select sum(amount_fen) from payout_items where batch_id = ${batch.batchId}) as paid,
        (select count(*) from ledger_transfers where order_id = ${refunded}
           and memo like 'payout NS-PAY-2026-0002: clawback%') as clawbacks`,
    );
    expect([lines?.items, lines?.paid, lines?.clawbacks].map(toSafeInteger)).toEqual([
      ORDERS,
      ORDERS * 960,
      1,
    ]);
    // What is left owed: the undelivered orders' subsidies, each still in the provider's payable balance.
    const left = await orderPayables(h.db);
    expect(left).toHaveLength(UNDELIVERED);
    expect(left.every((o) => o.owedFen === 960)).toBe(true);
    const [undeliveredPaid] = await queryRows<{ n: unknown }>(
      h.db,
      sql`select count(*) as n from payout_items i join orders o on o.id = i.order_id where o.delivered_at is null`,
    );
    expect(toSafeInteger(undeliveredPaid?.n)).toBe(0);
    expect((await admin.admin.fund.summary({ year: YEAR })).disbursedFen).toBe(ORDERS * 960);
    expect(await invariantViolations(h.db)).toEqual([]);
  });
});
