import { type DbOrTx, queryRows, schema, toSafeInteger } from '@nanshan/db';
import { count, eq, sql } from 'drizzle-orm';
import { shenzhenDateTime } from '../../clock';
import { domainError } from '../../errors';
import { payoutMemoPrefix } from '../../ledger/payout';
import { articleLabel } from '../reports/subsidy-report';
import type { Statement, StatementColumn, StatementRow } from '../statements/order-statement';
import { sum } from './owed';

/** Payout batches, newest first, with how many payees, orders and grants each paid. */
export async function listBatches(db: DbOrTx, input: { page: number; pageSize: number }) {
  const [rows, [total]] = await Promise.all([
    queryRows<{
      id: string;
      reference: string;
      total_fen: unknown;
      created_at: unknown;
      created_by: string;
      created_by_name: string;
      payees: unknown;
      orders: unknown;
      grants: unknown;
    }>(
      db,
      sql`
      select b.id, b.reference, b.total_fen, b.created_at, b.created_by, u.name as created_by_name,
        (select count(distinct i.payee_account) from payout_items i where i.batch_id = b.id) as payees,
        (select count(i.order_id) from payout_items i where i.batch_id = b.id) as orders,
        (select count(i.grant_application_id) from payout_items i where i.batch_id = b.id) as grants
      from payout_batches b join "user" u on u.id = b.created_by
      order by b.created_at desc, b.reference desc
      limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`,
    ),
    db.select({ n: count() }).from(schema.payoutBatches),
  ]);
  return {
    total: toSafeInteger(total?.n),
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      totalFen: toSafeInteger(r.total_fen),
      createdAt: new Date(r.created_at as string | Date),
      createdBy: r.created_by,
      createdByName: r.created_by_name,
      payeeCount: toSafeInteger(r.payees),
      orderCount: toSafeInteger(r.orders),
      grantCount: toSafeInteger(r.grants),
    })),
  };
}

export interface BatchLine {
  /** A provider's order subsidy paid out, a clawback netted off, or a grant paid to an enterprise. */
  kind: 'subsidy' | 'clawback' | 'grant';
  orderId: string | null;
  grantApplicationId: string | null;
  /** The buying enterprise (orders) or the grantee (grants). */
  enterpriseName: string;
  /** The order's item, or the grant's project. */
  description: string;
  article: string | null;
  fundYear: number | null;
  paidAt: Date | null;
  /** Positive: paid out; negative: a clawback netted off. */
  amountFen: number;
}

interface Payee {
  payeeType: 'provider' | 'enterprise';
  payeeId: string;
  payeeName: string;
  payeeUscc: string;
  payeeAccount: string;
  lines: BatchLine[];
}

/**
 * One batch: per payee (provider, or grantee enterprise), the orders it paid (payout_items), the clawbacks it netted
 * off (the ledger's transfers of the batch, found by their memo) and any grants, the payee's net, and the batch total
 * (equal to the sum of the nets).
 */
export async function batchDetail(db: DbOrTx, batchId: string) {
  const [batch] = await db
    .select({ batch: schema.payoutBatches, createdByName: schema.user.name })
    .from(schema.payoutBatches)
    .innerJoin(schema.user, eq(schema.user.id, schema.payoutBatches.createdBy))
    .where(eq(schema.payoutBatches.id, batchId));
  if (!batch) throw domainError('batch_not_found', 'NOT_FOUND');
  const reference = batch.batch.reference;
  const prefix = payoutMemoPrefix(reference);
  const orderLines = await queryRows<{
    kind: 'subsidy' | 'clawback';
    order_id: string;
    payee_account: string;
    provider_id: string;
    provider_name: string;
    provider_uscc: string;
    enterprise_name: string;
    offering_title: string;
    article: string | null;
    fund_year: unknown;
    paid_at: unknown;
    amount: unknown;
  }>(
    db,
    sql`
    select l.kind, o.id as order_id, l.payee_account, p.id as provider_id, p.name as provider_name,
      p.uscc as provider_uscc, e.name as enterprise_name, o.offering_title, o.article, o.fund_year, o.paid_at, l.amount
    from (
      select 'subsidy' as kind, i.order_id, i.payee_account, i.amount_fen as amount from payout_items i
        where i.batch_id = ${batchId} and i.order_id is not null
      union all
      select 'clawback', t.order_id, t.credit_account, -t.amount_fen from ledger_transfers t
        where t.kind = 'single' and t.debit_account like 'disbursed:%' and t.credit_account like 'provider_payable:%'
          and left(t.memo, ${prefix.length}) = ${prefix}
    ) l
    join orders o on o.id = l.order_id
    join providers p on p.id = o.provider_id
    join enterprises e on e.id = o.enterprise_id
    order by p.name, p.id, o.paid_at, o.id`,
  );
  const grantLines = await queryRows<{
    application_id: string;
    payee_account: string;
    enterprise_id: string;
    enterprise_name: string;
    enterprise_uscc: string;
    project_name: string;
    article: string;
    amount: unknown;
  }>(
    db,
    sql`
    select g.id as application_id, i.payee_account, e.id as enterprise_id, e.name as enterprise_name,
      e.uscc as enterprise_uscc, g.project_name, g.article, i.amount_fen as amount
    from payout_items i
      join grant_applications g on g.id = i.grant_application_id
      join enterprises e on e.id = g.enterprise_id
    where i.batch_id = ${batchId}
    order by e.name, e.id, g.id`,
  );
  const payees = new Map<string, Payee>();
  const payeeOf = (key: string, make: () => Omit<Payee, 'lines'>) => {
    let payee = payees.get(key);
    if (!payee) {
      payee = { ...make(), lines: [] };
      payees.set(key, payee);
    }
    return payee;
  };
  for (const r of orderLines) {
    payeeOf(`provider:${r.provider_id}`, () => ({
      payeeType: 'provider',
      payeeId: r.provider_id,
      payeeName: r.provider_name,
      payeeUscc: r.provider_uscc,
      payeeAccount: r.payee_account,
    })).lines.push({
      kind: r.kind,
      orderId: r.order_id,
      grantApplicationId: null,
      enterpriseName: r.enterprise_name,
      description: r.offering_title,
      article: r.article,
      fundYear: toSafeInteger(r.fund_year),
      paidAt: r.paid_at === null ? null : new Date(r.paid_at as string | Date),
      amountFen: toSafeInteger(r.amount),
    });
  }
  for (const r of grantLines) {
    payeeOf(`enterprise:${r.enterprise_id}`, () => ({
      payeeType: 'enterprise',
      payeeId: r.enterprise_id,
      payeeName: r.enterprise_name,
      payeeUscc: r.enterprise_uscc,
      payeeAccount: r.payee_account,
    })).lines.push({
      kind: 'grant',
      orderId: null,
      grantApplicationId: r.application_id,
      enterpriseName: r.enterprise_name,
      description: r.project_name,
      article: r.article,
      fundYear: null,
      paidAt: null,
      amountFen: toSafeInteger(r.amount),
    });
  }
  return {
    id: batch.batch.id,
    reference,
    totalFen: batch.batch.totalFen,
    createdAt: batch.batch.createdAt,
    createdBy: batch.batch.createdBy,
    createdByName: batch.createdByName,
    payees: [...payees.values()].map((p) => {
      const paidFen = sum(p.lines.filter((l) => l.amountFen > 0).map((l) => l.amountFen));
      const clawbackFen = sum(p.lines.filter((l) => l.amountFen < 0).map((l) => l.amountFen));
      return { ...p, paidFen, clawbackFen, netFen: paidFen + clawbackFen };
    }),
  };
}

export type BatchDetail = Awaited<ReturnType<typeof batchDetail>>;

const LINE_LABELS: Record<BatchLine['kind'], string> = {
  subsidy: '补贴 / subsidy',
  clawback: '追回 / clawback',
  grant: '资助 / grant',
};

const COLUMNS: StatementColumn[] = [
  { key: 'reference', header: '付款批次 / Batch reference', kind: 'text', width: 20 },
  { key: 'payee', header: '收款方 / Payee', kind: 'text', width: 24 },
  { key: 'payeeUscc', header: '统一社会信用代码 / USCC', kind: 'text', width: 22 },
  { key: 'line', header: '类型 / Line', kind: 'text', width: 20 },
  { key: 'source', header: '订单或申请 / Order or application', kind: 'text', width: 38 },
  { key: 'enterprise', header: '企业 / Enterprise', kind: 'text', width: 28 },
  { key: 'article', header: '补贴条款 / Article', kind: 'text', width: 16 },
  { key: 'fundYear', header: '资金年度 / Fund year', kind: 'integer', width: 12 },
  { key: 'paidAt', header: '支付时间 / Paid (UTC+8)', kind: 'text', width: 20 },
  { key: 'amount', header: '金额（元）/ Amount (CNY)', kind: 'fen', width: 18 },
];

/**
 * The batch as a bank-ready table: one row per order paid out, clawback netted off or grant, a subtotal per payee
 * (what the bank transfers to it) and the batch total.
 */
export function batchStatement(batch: BatchDetail): Statement {
  const rows: StatementRow[] = [];
  for (const p of batch.payees) {
    for (const l of p.lines) {
      rows.push({
        reference: batch.reference,
        payee: p.payeeName,
        payeeUscc: p.payeeUscc,
        line: LINE_LABELS[l.kind],
        source: l.orderId ?? l.grantApplicationId,
        enterprise: l.enterpriseName,
        article: l.article ? articleLabel(l.article) : '',
        fundYear: l.fundYear,
        paidAt: l.paidAt ? shenzhenDateTime(l.paidAt) : '',
        amount: l.amountFen,
      });
    }
    rows.push({
      reference: batch.reference,
      payee: p.payeeName,
      payeeUscc: p.payeeUscc,
      line: '小计 / subtotal',
      amount: p.netFen,
    });
  }
  return {
    title: `付款批次 Payout batch ${batch.reference}`,
    columns: COLUMNS,
    rows,
    totals: { reference: batch.reference, line: '合计 / total', amount: batch.totalFen },
  };
}
