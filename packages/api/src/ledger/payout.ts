import { type DbOrTx, schema } from '@nanshan/db';
import { like, type SQL, sql } from 'drizzle-orm';
import { accountCodeSql } from './accounts';

/**
 * Settlement: the only code that pays subsidies out to providers. One transfer per order, so every payout (and every
 * clawback recovered) names the order, the enterprise, the article and the fund year it belongs to, and the owed
 * amounts can be recomputed from postings alone. The caller holds the order rows' locks and the payout-batch lock
 * (see domains/settlement/create-batch.ts).
 *
 * Transfers written here carry the memo `payout <reference>: …`, which is how a batch finds its clawback lines in the
 * ledger (payout_items hold only positive, once-per-order payouts). References therefore never contain a colon.
 */

/**
 * Payout batches are created one at a time (a transaction-scoped advisory lock, released at commit): references are
 * numbered without a race, and two batches never look at the same owed amounts at once. Every code path that creates
 * a payout batch (settlement, grant disbursement) takes this lock first.
 */
export async function lockPayoutBatches(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('nanshan:payout_batch'))`);
}

/** The next `NS-PAY-<year>-NNNN` reference; call it holding `lockPayoutBatches`. */
export async function nextPayoutReference(tx: DbOrTx, year: number): Promise<string> {
  const prefix = `NS-PAY-${year}-`;
  const rows = await tx
    .select({ reference: schema.payoutBatches.reference })
    .from(schema.payoutBatches)
    .where(like(schema.payoutBatches.reference, `${prefix}%`));
  let max = 0;
  for (const { reference } of rows) {
    const tail = reference.slice(prefix.length);
    if (/^\d+$/.test(tail)) max = Math.max(max, Number(tail));
  }
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

/** The memo prefix of every transfer of one payout batch. */
export function payoutMemoPrefix(reference: string): string {
  return `payout ${reference}:`;
}

/**
 * Posts a payout batch's lines, in a fixed number of statements: per line with a positive amount the order's subsidy
 * is paid out to its provider (`provider_payable:<id>` → `disbursed:<fund year>`); per negative line a clawback is
 * netted off (`disbursed:<fund year>` → `provider_payable:<id>`: the order was refunded after its subsidy had been
 * paid out, so the provider owed it back and the batch pays it that much less; the money counts as disbursed no
 * more, and its fund year's committed amount, which kept it while it was owed, is released).
 *
 * `lines` is a relation with the columns `order_id`, `provider_id`, `enterprise_id`, `article`, `fund_year`, `paid_at`
 * and `amount_fen` (signed), at most one line per order.
 */
export async function payOutLines(tx: DbOrTx, input: { reference: string; lines: SQL }): Promise<void> {
  const prefix = payoutMemoPrefix(input.reference);
  await tx.execute(sql`
    insert into ledger_accounts (code, kind, name)
    select ${accountCodeSql.providerPayable(sql`p.id`)}, 'provider_payable', p.name from providers p
      where p.id in (select provider_id from ${input.lines})
    union all
    select distinct ${accountCodeSql.disbursed(sql`fund_year`)}, 'disbursed', 'Disbursed ' || fund_year
    from ${input.lines}
    on conflict do nothing`);
  await tx.execute(sql`
    insert into ledger_transfers (kind, debit_account, credit_account, amount_fen, order_id, enterprise_id, article,
                                  fund_year, memo)
    select 'single',
      case when l.amount_fen > 0 then l.payable else l.disbursed end,
      case when l.amount_fen > 0 then l.disbursed else l.payable end,
      abs(l.amount_fen), l.order_id, l.enterprise_id, l.article, l.fund_year,
      case when l.amount_fen > 0 then ${`${prefix} subsidy for order `}
           else ${`${prefix} clawback of refunded order `} end || l.order_id
    from (select *, ${accountCodeSql.providerPayable(sql`provider_id`)} as payable,
            ${accountCodeSql.disbursed(sql`fund_year`)} as disbursed
          from ${input.lines}) l
    order by l.provider_id, l.paid_at nulls first, l.order_id`);
  // A clawback recovered stops counting against its fund year's budget (Art. 2): the refund after payout left it
  // committed (`reverseSubsidy`). The fund rows are locked in year order (after the orders, before the audit chain),
  // then released in one statement.
  await tx.execute(sql`
    select f.year from fund_years f
    where f.year in (select fund_year from ${input.lines} where amount_fen < 0)
    order by f.year for update`);
  await tx.execute(sql`
    update fund_years f set committed_fen = f.committed_fen - c.recovered_fen
    from (select fund_year, sum(-amount_fen) as recovered_fen from ${input.lines} where amount_fen < 0
          group by fund_year) c
    where f.year = c.fund_year`);
}
