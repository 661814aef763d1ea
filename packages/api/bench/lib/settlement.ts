import { type Db, queryRows, toSafeInteger } from '@nanshan/db';
import { PARAMS_HASH, RULESET_VERSION } from '@nanshan/rules';
import { sql } from 'drizzle-orm';
import { createPayoutBatch } from '../../src/domains/settlement/create-batch';
import { orderPayables } from '../../src/ledger/balances';
import { recordPaidOrdersLedger } from '../../src/test/paid-orders-ledger';
import { round } from './drive';

const SECONDS_PER_YEAR = 365 * 86_400;
const BENCH_OFFERINGS = 'NVIDIA L40S 推理 · 按卡时 · 压测 %';

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, seconds: round((performance.now() - start) / 1000, 2) };
}

/** The innermost cause of a failure, short: drizzle's wrapper repeats the whole query and its parameters. */
function reasonOf(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

/**
 * Settles everything owed so far in one payout batch (the settlement code as staff run it); timed. A batch pays only
 * delivered orders, so the paid orders not delivered yet (the run's purchases) are first recorded delivered, as their
 * providers would, outside the timing.
 */
export async function settleOwed(db: Db, actorUserId: string) {
  try {
    await db.execute(sql`
      update orders set delivered_at = now(), delivery_note = 'bench: delivered before settlement'
      where status = 'paid' and delivered_at is null`);
    const { value, seconds } = await timed(() => createPayoutBatch(db, { actorUserId, now: new Date() }));
    const [row] = await queryRows<{ n: unknown }>(
      db,
      sql`select count(*) as n from payout_items where batch_id = ${value.batchId}`,
    );
    const orders = toSafeInteger(row?.n);
    return { ok: true as const, orders, seconds, ordersPerSecond: round(orders / seconds, 0) };
  } catch (error) {
    return { ok: false as const, error: reasonOf(error) };
  }
}

/**
 * A year of paid, subsidised and delivered Art. 6 orders inserted by SQL (`generate_series`) in the shape the purchase
 * path and the providers' delivery records leave: the order (delivered an hour after payment), its pending
 * reservation and the posting that resolved it, the enterprises' usage rows and the fund year's budget (through the
 * ledger) and counters. Spread evenly over `year`, round-robin over the bench enterprises and offerings.
 */
export async function seedYearOfOrders(db: Db, year: number, count: number) {
  const step = SECONDS_PER_YEAR / count;
  const seeded = await db.transaction(async (tx) => {
    // Bulk load: the rows are consistent by construction (and the invariants are checked afterwards), so the
    // per-row foreign-key and ledger triggers are skipped for this transaction (superuser only, as locally), and
    // the secondary indexes of the two big tables are dropped and built again afterwards (much faster than
    // maintaining them row by row).
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    const indexes = await queryRows<{ name: string; definition: string }>(
      tx,
      sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
          where i.schemaname = current_schema() and i.tablename in ('orders', 'ledger_transfers')
            and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    );
    for (const index of indexes) await tx.execute(sql`drop index ${sql.identifier(index.name)}`);
    await tx.execute(sql`
    with e as (select enterprise_id, user_id, row_number() over (order by user_id) - 1 as k
               from enterprise_members where user_id like 'bench-user-%'),
         o as (select id, provider_id, title, unit, unit_price_fen, gpu_model,
                      row_number() over (order by id) - 1 as k
               from offerings where title like ${BENCH_OFFERINGS}),
         s as (select (select count(*) from e) as enterprises, (select count(*) from o) as offerings),
         g as (select g, 1 + g % 8 as quantity,
                      make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai') + make_interval(secs => g * ${step}::float8) as at
               from generate_series(0, ${count - 1}) g)
    insert into orders (enterprise_id, offering_id, provider_id, placed_by, offering_title, unit, quantity,
                        unit_price_fen, list_price_fen, subsidy_fen, payable_fen, article, fund_year, status,
                        idempotency_key, trace, ruleset_version, params_hash, payment_gateway, payment_ref,
                        expires_at, paid_at, delivered_at, delivery_note, contract_gpu_type, not_related_declared,
                        created_at)
    select e.enterprise_id, o.id, o.provider_id, e.user_id, o.title, o.unit, g.quantity,
           o.unit_price_fen, g.quantity * o.unit_price_fen, g.quantity * o.unit_price_fen * 3 / 10,
           g.quantity * o.unit_price_fen - g.quantity * o.unit_price_fen * 3 / 10, 'art6', ${year}, 'paid',
           'year-' || g.g, '[]'::jsonb, ${RULESET_VERSION}, ${PARAMS_HASH}, 'simulated', 'sim_year_' || g.g,
           g.at + interval '30 minutes', g.at + interval '1 minute', g.at + interval '61 minutes',
           'bench: delivered', o.gpu_model, true, g.at
    from g cross join s
      join e on e.k = g.g % s.enterprises
      join o on o.k = g.g % s.offerings`);
    const subsidyFen = await recordPaidOrdersLedger(tx, year, `bench: a year of orders (${year})`);
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
    return { orders: count, subsidyFen };
  });
  await db.execute(sql`analyze`);
  return seeded;
}

/**
 * The year's settlement against a plain aggregate over the same rows: what each order is owed from the ledger
 * (`orderPayables`: the per-order sums the settlement screen and payout batches read), then a payout batch over all
 * of it.
 */
export async function timeYearSettlement(db: Db, year: number, actorUserId: string) {
  const plain = await timed(() =>
    queryRows(
      db,
      sql`select provider_id, count(*), sum(subsidy_fen) from orders
          where fund_year = ${year} and status = 'paid' group by provider_id`,
    ),
  );
  const owed = await timed(() => orderPayables(db));
  return {
    plainAggregateSeconds: plain.seconds,
    owedFromLedger: { orders: owed.value.length, seconds: owed.seconds },
    payoutBatch: await settleOwed(db, actorUserId),
  };
}
