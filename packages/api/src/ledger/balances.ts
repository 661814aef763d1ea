import { type DbOrTx, queryRows, toSafeInteger } from '@nanshan/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * A reversed (refunded) subsidy: provider payable back to the fund. Payouts also debit a provider's payable (towards
 * `disbursed:<year>`), so the credit side must be checked too.
 */
export const REVERSAL = sql.raw(
  `(t.kind = 'single' and t.debit_account like 'provider_payable:%' and t.credit_account like 'fund:%')`,
);

/**
 * Recomputes, from the transfers alone, what the counters claim: per fund year the budget, committed and
 * reserved amounts, and per (enterprise, article, year) the granted and reserved amounts. Used by the
 * consistency checks in tests and by reports; the counters are a locked cache of these sums.
 *
 * Committed is posted − reversed + the clawbacks outstanding: an order refunded after its subsidy was paid out keeps
 * its subsidy committed (the money is out; the provider owes it back) until a payout batch recovers it, so a refund
 * never lets the year pay out more than its budget (Art. 2).
 */
export async function fundBalancesFromLedger(db: DbOrTx) {
  const rows = await queryRows<{ year: unknown; budget: unknown; committed: unknown; reserved: unknown }>(
    db,
    sql`
    with resolved as (select pending_id, kind from ledger_transfers where pending_id is not null),
      clawbacks as (${clawbacksOutstandingByYear()})
    select y.year, y.budget, y.committed + coalesce(c.outstanding_fen, 0) as committed, y.reserved
    from (
      select t.fund_year as year,
        coalesce(sum(case when t.kind = 'single' and t.debit_account like 'appropriation:%' then t.amount_fen end), 0)
          - coalesce(sum(case when t.kind = 'single' and t.credit_account like 'appropriation:%' then t.amount_fen end), 0) as budget,
        coalesce(sum(case when t.kind = 'post_pending' then t.amount_fen end), 0)
          - coalesce(sum(case when ${REVERSAL} then t.amount_fen end), 0) as committed,
        coalesce(sum(case when t.kind = 'pending' and r.pending_id is null then t.amount_fen end), 0) as reserved
      from ledger_transfers t left join resolved r on r.pending_id = t.id
      where t.fund_year is not null
      group by t.fund_year
    ) y left join clawbacks c on c.year = y.year`,
  );
  return rows.map((r) => ({
    year: toSafeInteger(r.year),
    budgetFen: toSafeInteger(r.budget),
    committedFen: toSafeInteger(r.committed),
    reservedFen: toSafeInteger(r.reserved),
  }));
}

/**
 * Per fund year, the clawbacks outstanding: orders refunded after their subsidy was paid out whose clawback no payout
 * batch has recovered yet (their owed amount is negative), as a relation (`year`, `outstanding_fen`). They still count
 * in the year's committed amount; the reversal already credited the fund account, so its balance less reservations
 * exceeds budget − committed − reserved by exactly this much.
 */
export function clawbacksOutstandingByYear(): SQL {
  return sql`
    select o.fund_year as year, sum(-p.owed_fen) as outstanding_fen
    from (${owedPerOrder()}) p join orders o on o.id = p.order_id
    where p.owed_fen < 0
    group by o.fund_year`;
}

/** Per fund year, the clawbacks outstanding (see `clawbacksOutstandingByYear`); years without any are left out. */
export async function clawbacksOutstandingFromLedger(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await queryRows<{ year: unknown; outstanding_fen: unknown }>(db, clawbacksOutstandingByYear());
  return new Map(rows.map((r) => [toSafeInteger(r.year), toSafeInteger(r.outstanding_fen)]));
}

/**
 * What an order's subsidy has been paid out net of the clawback recovered for it (0 or its subsidy): read under the
 * order's lock, which a payout batch holds while it pays the order out.
 */
export async function paidOutOf(db: DbOrTx, orderId: string): Promise<number> {
  const [row] = await queryRows<{ paid_out: unknown }>(
    db,
    sql`select coalesce(sum(p.paid_out_fen), 0) as paid_out from (${owedPerOrder(sql`${orderId}`)}) p`,
  );
  return toSafeInteger(row?.paid_out);
}

/** `grant_payable:<application id>` (ledger/accounts.ts): the account names the application. */
const GRANT_PAYABLE_LIKE = sql.raw(`'grant_payable:%'`);
const GRANT_PAYABLE_FROM = sql.raw(String('grant_payable:'.length + 1));

/**
 * Per (enterprise, article, year) the granted and reserved amounts. A grant counts in its application's year (for an
 * Art. 6 declaration the spend year, whose usage row it shares with market orders), which can differ from the fund
 * year of the decision that pays it (ledger/grants.ts); every other transfer counts in its fund year.
 */
export async function usageFromLedger(db: DbOrTx) {
  const rows = await queryRows<{
    enterprise_id: string;
    article: string;
    year: unknown;
    granted: unknown;
    reserved: unknown;
  }>(
    db,
    sql`
    with resolved as (select pending_id from ledger_transfers where pending_id is not null)
    select t.enterprise_id, t.article, coalesce(g.year, t.fund_year) as year,
      coalesce(sum(case when t.kind = 'post_pending' then t.amount_fen end), 0)
        - coalesce(sum(case when ${REVERSAL} then t.amount_fen end), 0) as granted,
      coalesce(sum(case when t.kind = 'pending' and r.pending_id is null then t.amount_fen end), 0) as reserved
    from ledger_transfers t left join resolved r on r.pending_id = t.id
      left join grant_applications g on g.id = (case
        when t.credit_account like ${GRANT_PAYABLE_LIKE} then substr(t.credit_account, ${GRANT_PAYABLE_FROM})
        when t.debit_account like ${GRANT_PAYABLE_LIKE} then substr(t.debit_account, ${GRANT_PAYABLE_FROM}) end)::uuid
    where t.enterprise_id is not null
    group by t.enterprise_id, t.article, coalesce(g.year, t.fund_year)`,
  );
  return rows.map((r) => ({
    enterpriseId: r.enterprise_id,
    article: r.article,
    year: toSafeInteger(r.year),
    grantedFen: toSafeInteger(r.granted),
    reservedFen: toSafeInteger(r.reserved),
  }));
}

export const PAYOUT = sql.raw(
  `(t.kind = 'single' and t.debit_account like 'provider_payable:%' and t.credit_account like 'disbursed:%')`,
);
export const CLAWBACK_RECOVERED = sql.raw(
  `(t.kind = 'single' and t.debit_account like 'disbursed:%' and t.credit_account like 'provider_payable:%')`,
);

/**
 * What the district has paid out of a fund year — subsidies to providers and grants to enterprises, less clawbacks
 * recovered — from the ledger: the balance of `disbursed:<year>`.
 */
export async function disbursedFromLedger(db: DbOrTx, year: number): Promise<number> {
  const [row] = await queryRows<{ disbursed: unknown }>(
    db,
    sql`
    select coalesce(sum(case when t.credit_account like 'disbursed:%' then t.amount_fen
                             when t.debit_account like 'disbursed:%' then -t.amount_fen end), 0) as disbursed
    from ledger_transfers t
    where t.fund_year = ${year} and t.kind = 'single'`,
  );
  return toSafeInteger(row?.disbursed);
}

/**
 * Per order, what its provider is owed for it: subsidy posted − reversed (refund) − paid out + clawback recovered.
 * Positive: a subsidy not yet paid out; negative: a clawback (refunded after it was paid out) not yet recovered;
 * orders at zero are left out. The sum per provider equals the provider's payable balance. Delivered or not: a
 * payout batch pays only what is `PAYABLE_NOW`.
 */
export async function orderPayables(db: DbOrTx) {
  const rows = await queryRows<{ order_id: string; provider_id: string; owed_fen: unknown }>(
    db,
    sql`
    select p.order_id, o.provider_id, p.owed_fen
    from (${owedPerOrder()}) p join orders o on o.id = p.order_id
    where p.owed_fen <> 0`,
  );
  return rows.map((r) => ({
    orderId: r.order_id,
    providerId: r.provider_id,
    owedFen: toSafeInteger(r.owed_fen),
  }));
}

/**
 * The owed amount (see `orderPayables`) of every order with transfers, or of the orders in the subquery `orderIds`,
 * as a relation (`order_id`, `owed_fen`, and `paid_out_fen`: paid out less clawbacks recovered) for set-based
 * statements. The transfers are summed per order in one pass over the ledger, before any join.
 */
export function owedPerOrder(orderIds?: SQL): SQL {
  return sql`
    select t.order_id, sum(case when ${REVERSAL} or ${PAYOUT} then -t.amount_fen else t.amount_fen end) as owed_fen,
      coalesce(sum(case when ${PAYOUT} then t.amount_fen when ${CLAWBACK_RECOVERED} then -t.amount_fen end), 0)
        as paid_out_fen
    from ledger_transfers t
    where t.order_id is not null and (t.kind = 'post_pending' or ${REVERSAL} or ${PAYOUT} or ${CLAWBACK_RECOVERED})
      ${orderIds ? sql`and t.order_id in (${orderIds})` : sql``}
    group by t.order_id`;
}

/**
 * Whether the owed amount of `p` (an `owedPerOrder` row) may go in a payout batch now, `o` being its order: a
 * clawback always; a subsidy only once the provider has recorded the order delivered — the district settles a
 * subsidy after the provider fulfils (DESIGN.md, purchase flow), with the delivery record a reviewer expects.
 */
export const PAYABLE_NOW = sql.raw(`(p.owed_fen < 0 or (p.owed_fen > 0 and o.delivered_at is not null))`);

/**
 * Where a provider stands with the district, from the ledger over its orders: subsidies owed on delivered orders
 * (the next payout batch pays them), subsidies owed on orders not delivered yet, clawbacks it owes back (negative),
 * and what batches have paid it (less clawbacks they netted off). The first three add up to its payable balance.
 */
export async function providerSettlement(db: DbOrTx, providerId: string) {
  const [row] = await queryRows<{ due: unknown; awaiting: unknown; clawback: unknown; paid_out: unknown }>(
    db,
    sql`
    select coalesce(sum(p.owed_fen) filter (where p.owed_fen > 0 and ${PAYABLE_NOW}), 0) as due,
      coalesce(sum(p.owed_fen) filter (where p.owed_fen > 0 and not ${PAYABLE_NOW}), 0) as awaiting,
      coalesce(sum(p.owed_fen) filter (where p.owed_fen < 0), 0) as clawback,
      coalesce(sum(p.paid_out_fen), 0) as paid_out
    from (${owedPerOrder(sql`select id from orders where provider_id = ${providerId}`)}) p
      join orders o on o.id = p.order_id`,
  );
  return {
    dueFen: toSafeInteger(row?.due),
    awaitingDeliveryFen: toSafeInteger(row?.awaiting),
    clawbackFen: toSafeInteger(row?.clawback),
    paidOutFen: toSafeInteger(row?.paid_out),
  };
}

/**
 * Each provider's payable balance from posted transfers (reservations not yet paid are not owed): subsidies posted
 * and clawbacks recovered, minus reversals and payouts.
 */
export async function providerPayableBalances(db: DbOrTx, providerIds?: readonly string[]) {
  const rows = await queryRows<{ account: string; balance: unknown }>(
    db,
    sql`
    select account, sum(amount) as balance from (
      select t.credit_account as account, t.amount_fen as amount from ledger_transfers t
        where t.kind in ('post_pending', 'single') and t.credit_account like 'provider_payable:%'
      union all
      select t.debit_account, -t.amount_fen from ledger_transfers t
        where t.kind = 'single' and t.debit_account like 'provider_payable:%'
    ) movements
    group by account`,
  );
  const balances = new Map<string, number>();
  for (const r of rows) {
    const providerId = r.account.slice('provider_payable:'.length);
    if (!providerIds || providerIds.includes(providerId)) balances.set(providerId, toSafeInteger(r.balance));
  }
  return balances;
}

/**
 * A fund year's movements per Shenzhen calendar day (UTC+8), from the ledger: budget set, subsidies committed
 * (posted − reversed; a refund after payout on the day its clawback is recovered, see `fundBalancesFromLedger`),
 * reserved (held − released or posted) and disbursed. Summed from the first day they give the year's counters on any
 * day (the burn-down).
 */
export async function fundDailyMovements(db: DbOrTx, year: number) {
  const rows = await queryRows<{
    day: string;
    budget: unknown;
    committed: unknown;
    reserved: unknown;
    disbursed: unknown;
  }>(
    db,
    sql`
    select to_char(((t.created_at at time zone 'UTC') + interval '8 hours')::date, 'YYYY-MM-DD') as day,
      coalesce(sum(case when t.kind = 'single' and t.debit_account like 'appropriation:%' then t.amount_fen
                        when t.kind = 'single' and t.credit_account like 'appropriation:%' then -t.amount_fen end), 0)
        as budget,
      coalesce(sum(case when t.kind = 'post_pending' then t.amount_fen
                        when ${REVERSAL} and po.order_id is null then -t.amount_fen
                        when ${CLAWBACK_RECOVERED} and t.order_id is not null then -t.amount_fen end), 0) as committed,
      coalesce(sum(case when t.kind = 'pending' then t.amount_fen
                        when t.kind in ('post_pending', 'void_pending') then -t.amount_fen end), 0) as reserved,
      coalesce(sum(case when t.kind = 'single' and t.credit_account like 'disbursed:%' then t.amount_fen
                        when t.kind = 'single' and t.debit_account like 'disbursed:%' then -t.amount_fen end), 0)
        as disbursed
    from ledger_transfers t
      left join (select distinct t.order_id from ledger_transfers t
                 where ${PAYOUT} and t.order_id is not null and t.fund_year = ${year}) po
        on po.order_id = t.order_id
    where t.fund_year = ${year}
    group by 1
    order by 1`,
  );
  return rows.map((r) => ({
    day: r.day,
    budgetFen: toSafeInteger(r.budget),
    committedFen: toSafeInteger(r.committed),
    reservedFen: toSafeInteger(r.reserved),
    disbursedFen: toSafeInteger(r.disbursed),
  }));
}
