import { type DbOrTx, queryRows, schema, toSafeInteger } from '@nanshan/db';
import { eq, sql } from 'drizzle-orm';
import { verifyAuditChain } from '../audit/record-audit';
import { accountCode } from '../ledger/accounts';
import {
  CLAWBACK_RECOVERED,
  clawbacksOutstandingFromLedger,
  fundBalancesFromLedger,
  orderPayables,
  PAYOUT,
  providerPayableBalances,
  REVERSAL,
  usageFromLedger,
} from '../ledger/balances';

/**
 * The money invariants, checked on a whole database (faults, model-based and concurrency tests; no vitest import,
 * so a benchmark can use it too). Returns one line per violation; an empty list means they all hold:
 * - no enterprise over its cap, no fund year over its budget, no counter negative;
 * - the counters (usage rows, fund years) equal the sums recomputed from the ledger transfers — a fund year's committed
 *   amount including the clawbacks outstanding (refunded after payout, not yet recovered by a payout batch);
 * - the ledger is balanced: every post/void resolves a pending transfer of the same accounts and amount, at most once;
 *   each fund account's balance (credits − debits) less its open reservations and its clawbacks outstanding equals
 *   budget − committed − reserved;
 *   each provider's payable balance equals what its orders are owed;
 * - each order has exactly the transfers its status implies (one posting per paid order, one release per released
 *   one, one reversal per refund; at most one payout and one clawback), each of its subsidy amount;
 * - each grant has the transfers its status implies (decided: reserved; paid: posted and paid out; revoked: voided);
 *   a pool's allocated units are those its open and paid orders hold;
 * - the audit chain is intact.
 */
export async function invariantViolations(db: DbOrTx): Promise<string[]> {
  const checks = await Promise.all([
    countersWithinLimits(db),
    countersMatchLedger(db),
    resolutionsMatchPending(db),
    fundAccountsTieOut(db),
    providerPayablesTieOut(db),
    orderTransfers(db),
    grantTransfers(db),
    poolAllocations(db),
    auditChain(db),
  ]);
  return checks.flat();
}

/** Orders still awaiting payment: after a fault and recovery every order must be completed or released. */
export async function openOrders(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: schema.orders.id })
    .from(schema.orders)
    .where(eq(schema.orders.status, 'awaiting_payment'));
  return rows.map((r) => r.id);
}

async function countersWithinLimits(db: DbOrTx): Promise<string[]> {
  const out: string[] = [];
  for (const u of await db.select().from(schema.subsidyUsage)) {
    if (u.grantedFen < 0 || u.reservedFen < 0 || u.grantedFen + u.reservedFen > u.capFen) {
      out.push(
        `usage ${u.enterpriseId}/${u.article}/${u.year}: granted ${u.grantedFen} + reserved ${u.reservedFen} vs cap ${u.capFen}`,
      );
    }
  }
  for (const f of await db.select().from(schema.fundYears)) {
    if (f.committedFen < 0 || f.reservedFen < 0 || f.committedFen + f.reservedFen > f.budgetFen) {
      out.push(
        `fund ${f.year}: committed ${f.committedFen} + reserved ${f.reservedFen} vs budget ${f.budgetFen}`,
      );
    }
  }
  return out;
}

async function countersMatchLedger(db: DbOrTx): Promise<string[]> {
  const out: string[] = [];
  const funds = await fundBalancesFromLedger(db);
  for (const f of await db.select().from(schema.fundYears)) {
    const l = funds.find((x) => x.year === f.year) ?? { budgetFen: 0, committedFen: 0, reservedFen: 0 };
    const counters = [f.budgetFen, f.committedFen, f.reservedFen].join('/');
    const ledger = [l.budgetFen, l.committedFen, l.reservedFen].join('/');
    if (counters !== ledger)
      out.push(`fund ${f.year}: counters ${counters} ≠ ledger ${ledger} (budget/committed/reserved)`);
  }
  const usage = await usageFromLedger(db);
  for (const u of await db.select().from(schema.subsidyUsage)) {
    const l = usage.find(
      (x) => x.enterpriseId === u.enterpriseId && x.article === u.article && x.year === u.year,
    ) ?? { grantedFen: 0, reservedFen: 0 };
    if (l.grantedFen !== u.grantedFen || l.reservedFen !== u.reservedFen) {
      out.push(
        `usage ${u.enterpriseId}/${u.article}/${u.year}: counters ${u.grantedFen}/${u.reservedFen} ≠ ledger ${l.grantedFen}/${l.reservedFen} (granted/reserved)`,
      );
    }
  }
  return out;
}

async function resolutionsMatchPending(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ id: unknown; problem: string }>(
    db,
    sql`
    select r.id, case when p.id is null or p.kind <> 'pending' then 'resolves no pending transfer'
      when p.debit_account <> r.debit_account or p.credit_account <> r.credit_account then 'other accounts than its pending one'
      when p.amount_fen <> r.amount_fen then 'another amount than its pending one'
      else 'resolves a pending transfer twice' end as problem
    from ledger_transfers r left join ledger_transfers p on p.id = r.pending_id
    where r.kind in ('post_pending', 'void_pending') and (p.id is null or p.kind <> 'pending'
      or p.debit_account <> r.debit_account or p.credit_account <> r.credit_account or p.amount_fen <> r.amount_fen
      or (select count(*) from ledger_transfers o where o.pending_id = r.pending_id
        and o.kind in ('post_pending', 'void_pending')) > 1)`,
  );
  return rows.map((r) => `transfer ${toSafeInteger(r.id)} ${r.problem}`);
}

/**
 * A fund account's balance, from its debits and credits alone, less what is still reserved on it and less the
 * clawbacks outstanding (refunds after payout credit the fund account, but the money stays committed until a payout
 * batch recovers it: Art. 2).
 */
async function fundAccountsTieOut(db: DbOrTx): Promise<string[]> {
  const out: string[] = [];
  const clawbacks = await clawbacksOutstandingFromLedger(db);
  for (const f of await db.select().from(schema.fundYears)) {
    const account = accountCode.fund(f.year);
    const [row] = await queryRows<{ balance: unknown; open: unknown }>(
      db,
      sql`
      select
        coalesce(sum(case when t.kind in ('single', 'post_pending') and t.credit_account = ${account} then t.amount_fen
                          when t.kind in ('single', 'post_pending') and t.debit_account = ${account} then -t.amount_fen end), 0)
          as balance,
        coalesce(sum(case when t.kind = 'pending' and t.debit_account = ${account}
          and not exists (select 1 from ledger_transfers r where r.pending_id = t.id
            and r.kind in ('post_pending', 'void_pending')) then t.amount_fen end), 0) as open
      from ledger_transfers t
      where t.debit_account = ${account} or t.credit_account = ${account}`,
    );
    const available = toSafeInteger(row?.balance) - toSafeInteger(row?.open) - (clawbacks.get(f.year) ?? 0);
    const expected = f.budgetFen - f.committedFen - f.reservedFen;
    if (available !== expected) {
      out.push(
        `${account}: balance less reservations and clawbacks outstanding ${available} ≠ budget − committed − reserved ${expected}`,
      );
    }
  }
  return out;
}

async function providerPayablesTieOut(db: DbOrTx): Promise<string[]> {
  const owed = new Map<string, number>();
  for (const o of await orderPayables(db)) owed.set(o.providerId, (owed.get(o.providerId) ?? 0) + o.owedFen);
  const out: string[] = [];
  const balances = await providerPayableBalances(db);
  for (const providerId of new Set([...owed.keys(), ...balances.keys()])) {
    const fromOrders = owed.get(providerId) ?? 0;
    const balance = balances.get(providerId) ?? 0;
    if (fromOrders !== balance) {
      out.push(`provider ${providerId}: payable balance ${balance} ≠ owed per order ${fromOrders}`);
    }
  }
  return out;
}

/** The transfers an order of each status has: pending, posted, voided, reversed (a subsidy of 0 has none). */
const EXPECTED_BY_STATUS: Record<string, string> = {
  awaiting_payment: '1/0/0/0',
  paid: '1/1/0/0',
  refunded: '1/1/0/1',
  cancelled: '1/0/1/0',
  expired: '1/0/1/0',
  failed: '1/0/1/0',
};

/** Compared in the database, so that only the orders breaking a rule come back (a year of orders is a million). */
async function orderTransfers(db: DbOrTx): Promise<string[]> {
  const expected = sql.join(
    Object.entries(EXPECTED_BY_STATUS).map(([status, transfers]) => sql`(${status}, ${transfers})`),
    sql`, `,
  );
  const rows = await queryRows<{
    id: string;
    status: string;
    got: string;
    expected: string | null;
    twice: boolean;
    wrong_amount: boolean;
  }>(
    db,
    sql`
    select * from (
      select c.id, c.status, c.got, case when c.subsidy_fen = 0 then '0/0/0/0' else e.transfers end as expected,
        c.twice, c.wrong_amount
      from (
        select o.id, o.status, o.subsidy_fen,
          concat_ws('/', count(*) filter (where t.kind = 'pending'), count(*) filter (where t.kind = 'post_pending'),
            count(*) filter (where t.kind = 'void_pending'), count(*) filter (where ${REVERSAL})) as got,
          count(*) filter (where ${PAYOUT}) > 1 or count(*) filter (where ${CLAWBACK_RECOVERED}) > 1 as twice,
          count(*) filter (where (t.kind <> 'single' or ${REVERSAL}) and t.amount_fen <> o.subsidy_fen) > 0
            as wrong_amount
        from orders o left join ledger_transfers t on t.order_id = o.id
        group by o.id, o.status, o.subsidy_fen
      ) c left join (values ${expected}) e (status, transfers) on e.status = c.status
    ) v
    where v.got is distinct from v.expected or v.twice or v.wrong_amount`,
  );
  const out: string[] = [];
  for (const r of rows) {
    if (r.got !== r.expected)
      out.push(`order ${r.id} (${r.status}): transfers ${r.got}, expected ${r.expected}`);
    if (r.twice) out.push(`order ${r.id}: paid out or clawed back twice`);
    if (r.wrong_amount) out.push(`order ${r.id}: a transfer of another amount than its subsidy`);
  }
  return out;
}

async function grantTransfers(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ id: string; status: string; kinds: string | null; wrong_amount: unknown }>(
    db,
    sql`
    select g.id, g.status, string_agg(t.kind, ',' order by t.kind) as kinds,
      count(*) filter (where t.amount_fen <> g.decided_fen) as wrong_amount
    from grant_applications g left join ledger_transfers t
      on t.credit_account = 'grant_payable:' || g.id or t.debit_account = 'grant_payable:' || g.id
    group by g.id, g.status`,
  );
  const expected: Record<string, string> = {
    decided: 'pending',
    paid: 'pending,post_pending,single',
    revoked: 'pending,void_pending',
  };
  const out: string[] = [];
  for (const r of rows) {
    const want = expected[r.status] ?? '';
    if ((r.kinds ?? '') !== want)
      out.push(`grant ${r.id} (${r.status}): transfers ${r.kinds}, expected ${want}`);
    if (toSafeInteger(r.wrong_amount) > 0)
      out.push(`grant ${r.id}: a transfer of another amount than decided`);
  }
  return out;
}

async function poolAllocations(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ id: string; allocated: unknown; held: unknown }>(
    db,
    sql`
    select p.id, p.allocated_units as allocated, coalesce(sum(o.quantity) filter
      (where o.status in ('awaiting_payment', 'paid')), 0) as held
    from compute_pools p left join orders o on o.pool_id = p.id
    group by p.id, p.allocated_units`,
  );
  return rows
    .filter((r) => toSafeInteger(r.allocated) !== toSafeInteger(r.held))
    .map(
      (r) =>
        `pool ${r.id}: allocated ${toSafeInteger(r.allocated)} ≠ held by orders ${toSafeInteger(r.held)}`,
    );
}

async function auditChain(db: DbOrTx): Promise<string[]> {
  const broken = await verifyAuditChain(db);
  return broken === null ? [] : [`audit chain broken at entry ${broken}`];
}
