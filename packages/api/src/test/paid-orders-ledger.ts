import { type DbOrTx, queryRows, toSafeInteger } from '@nanshan/db';
import { sql } from 'drizzle-orm';
import { annualCapFen } from '../domains/orders/purchase-quote';
import { accountCodeSql } from '../ledger/accounts';
import { setFundBudget } from '../ledger/fund';

/**
 * For paid Art. 6 orders of `year` inserted by SQL (the bench's year, a large test's batch): the money rows the
 * purchase path would have left with them — the providers' payable accounts, the fund year's budget (twice the
 * subsidies, through the ledger) and committed counter, the enterprises' usage rows, and per order its reservation
 * and the posting that resolved it. Returns the orders' subsidy in fen. Delivery is on the order rows, which the caller
 * inserts: a payout batch pays only the orders inserted with a `delivered_at`.
 */
export async function recordPaidOrdersLedger(tx: DbOrTx, year: number, why: string): Promise<number> {
  await tx.execute(sql`
    insert into ledger_accounts (code, kind, name)
    select distinct ${accountCodeSql.providerPayable(sql`p.id`)}, 'provider_payable', p.name
    from providers p join orders o on o.provider_id = p.id where o.fund_year = ${year}
    on conflict do nothing`);
  const [total] = await queryRows<{ subsidy: unknown }>(
    tx,
    sql`select coalesce(sum(subsidy_fen), 0) as subsidy from orders where fund_year = ${year}`,
  );
  const subsidyFen = toSafeInteger(total?.subsidy);
  await setFundBudget(tx, year, 2 * subsidyFen, why);
  await tx.execute(sql`update fund_years set committed_fen = ${subsidyFen} where year = ${year}`);
  await tx.execute(sql`
    insert into subsidy_usage (enterprise_id, article, year, cap_fen, granted_fen)
    select enterprise_id, 'art6', ${year}, ${annualCapFen('art6', `${year}-12-31`)}, sum(subsidy_fen)
    from orders where fund_year = ${year} group by enterprise_id`);
  await tx.execute(sql`
    insert into ledger_transfers (kind, debit_account, credit_account, amount_fen, order_id, enterprise_id,
                                  article, fund_year, memo, created_at)
    select 'pending', ${accountCodeSql.fund(sql`fund_year`)}, ${accountCodeSql.providerPayable(sql`provider_id`)},
           subsidy_fen, id, enterprise_id,
           article, fund_year, 'reserve subsidy for order ' || id, created_at
    from orders where fund_year = ${year} and subsidy_fen > 0 order by created_at`);
  await tx.execute(sql`
    insert into ledger_transfers (kind, pending_id, debit_account, credit_account, amount_fen, order_id,
                                  enterprise_id, article, fund_year, memo, created_at)
    select 'post_pending', t.id, t.debit_account, t.credit_account, t.amount_fen, t.order_id, t.enterprise_id,
           t.article, t.fund_year, 'post subsidy for order ' || t.order_id, t.created_at + interval '1 minute'
    from ledger_transfers t where t.kind = 'pending' and t.fund_year = ${year} order by t.id`);
  return subsidyFen;
}
