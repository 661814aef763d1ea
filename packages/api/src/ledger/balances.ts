import { type DbOrTx, queryRows, toSafeInteger } from '@nanshan/db';
import { sql } from 'drizzle-orm';

/**
 * Recomputes, from the transfers alone, what the counters claim: per fund year the budget, committed and
 * reserved amounts, and per (enterprise, article, year) the granted and reserved amounts. Used by the
 * consistency checks in tests and by reports; the counters are a locked cache of these sums.
 */
export async function fundBalancesFromLedger(db: DbOrTx) {
  const rows = await queryRows<{ year: unknown; budget: unknown; committed: unknown; reserved: unknown }>(
    db,
    sql`
    with resolved as (select pending_id, kind from ledger_transfers where pending_id is not null)
    select t.fund_year as year,
      coalesce(sum(case when t.kind = 'single' and t.debit_account like 'appropriation:%' then t.amount_fen end), 0)
        - coalesce(sum(case when t.kind = 'single' and t.credit_account like 'appropriation:%' then t.amount_fen end), 0) as budget,
      coalesce(sum(case when t.kind = 'post_pending' then t.amount_fen end), 0)
        - coalesce(sum(case when t.kind = 'single' and t.debit_account like 'provider_payable:%' then t.amount_fen end), 0) as committed,
      coalesce(sum(case when t.kind = 'pending' and r.pending_id is null then t.amount_fen end), 0) as reserved
    from ledger_transfers t left join resolved r on r.pending_id = t.id
    where t.fund_year is not null
    group by t.fund_year`,
  );
  return rows.map((r) => ({
    year: toSafeInteger(r.year),
    budgetFen: toSafeInteger(r.budget),
    committedFen: toSafeInteger(r.committed),
    reservedFen: toSafeInteger(r.reserved),
  }));
}

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
    select t.enterprise_id, t.article, t.fund_year as year,
      coalesce(sum(case when t.kind = 'post_pending' then t.amount_fen end), 0)
        - coalesce(sum(case when t.kind = 'single' and t.debit_account like 'provider_payable:%' then t.amount_fen end), 0) as granted,
      coalesce(sum(case when t.kind = 'pending' and r.pending_id is null then t.amount_fen end), 0) as reserved
    from ledger_transfers t left join resolved r on r.pending_id = t.id
    where t.enterprise_id is not null
    group by t.enterprise_id, t.article, t.fund_year`,
  );
  return rows.map((r) => ({
    enterpriseId: r.enterprise_id,
    article: r.article,
    year: toSafeInteger(r.year),
    grantedFen: toSafeInteger(r.granted),
    reservedFen: toSafeInteger(r.reserved),
  }));
}
