import { type DbOrTx, queryRows, toSafeInteger } from '@nanshan/db';
import { type SQL, sql } from 'drizzle-orm';
import type { Statement, StatementColumn } from '../statements/order-statement';

export type ReportGroupBy = 'article' | 'month' | 'provider' | 'enterprise';

const ARTICLE_NAMES: Record<string, string> = {
  art6: '算力券 / compute vouchers',
  art9: 'AI+百业 / AI services',
  art10: '算力池 / compute pool',
};

const CHINESE_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `art12` → `第十二条 Art. 12` (with the market articles' short names). */
export function articleLabel(article: string): string {
  const n = Number(/^art(\d+)$/.exec(article)?.[1]);
  if (!Number.isInteger(n) || n < 1 || n > 19) return article;
  const zh = n <= 10 ? CHINESE_NUMBERS[n] : `十${CHINESE_NUMBERS[n - 10]}`;
  const name = ARTICLE_NAMES[article];
  return `第${zh}条 Art. ${n}${name ? ` ${name}` : ''}`;
}

/**
 * One subsidy of a fund year, from the ledger: a market order's (posted when paid, reversed by a refund) or a grant's
 * (posted when disbursed; Arts. 5–14 and Art. 6 declarations).
 */
export interface SubsidyLine {
  kind: 'order' | 'grant';
  orderId: string | null;
  grantApplicationId: string | null;
  article: string;
  /** Null for grants (no provider). */
  providerId: string | null;
  providerName: string | null;
  enterpriseId: string;
  enterpriseName: string;
  enterpriseUscc: string;
  /**
   * Shenzhen month (1–12) within the fund year the money was granted: an order's payment, a grant's payout batch (a
   * date after New Year counts in December).
   */
  month: number;
  grantedFen: number;
  reversedFen: number;
}

/**
 * Subsidies of a fund year, from the ledger's postings: per market order the posted subsidy and its reversal by a
 * refund (a refunded order nets to zero), and per grant the amount posted when it was disbursed. The net total equals
 * the fund's committed amount for the year.
 */
export async function subsidyLines(
  db: DbOrTx,
  input: { year: number; enterpriseId?: string },
): Promise<SubsidyLine[]> {
  const orderConditions: SQL[] = [sql`t.fund_year = ${input.year}`, sql`t.order_id is not null`];
  const grantConditions: SQL[] = [
    sql`t.fund_year = ${input.year}`,
    sql`t.kind = 'post_pending'`,
    sql`t.credit_account like 'grant_payable:%'`,
  ];
  if (input.enterpriseId) {
    orderConditions.push(sql`o.enterprise_id = ${input.enterpriseId}`);
    grantConditions.push(sql`t.enterprise_id = ${input.enterpriseId}`);
  }
  type Row = {
    kind: 'order' | 'grant';
    order_id: string | null;
    grant_id: string | null;
    article: string | null;
    provider_id: string | null;
    provider_name: string | null;
    enterprise_id: string;
    enterprise_name: string;
    enterprise_uscc: string;
    granted_at: unknown;
    granted: unknown;
    reversed: unknown;
  };
  const [orders, grants] = await Promise.all([
    queryRows<Row>(
      db,
      sql`
      select 'order' as kind, o.id as order_id, null as grant_id, o.article, o.provider_id, p.name as provider_name,
        o.enterprise_id, e.name as enterprise_name, e.uscc as enterprise_uscc, o.paid_at as granted_at,
        coalesce(sum(case when t.kind = 'post_pending' then t.amount_fen end), 0) as granted,
        coalesce(sum(case when t.kind = 'single' and t.debit_account like 'provider_payable:%'
                           and t.credit_account like 'fund:%' then t.amount_fen end), 0) as reversed
      from ledger_transfers t
        join orders o on o.id = t.order_id
        join providers p on p.id = o.provider_id
        join enterprises e on e.id = o.enterprise_id
      where ${sql.join(orderConditions, sql` and `)}
      group by o.id, o.article, o.provider_id, p.name, o.enterprise_id, e.name, e.uscc, o.paid_at
      having coalesce(sum(case when t.kind = 'post_pending' then t.amount_fen end), 0) > 0`,
    ),
    queryRows<Row>(
      db,
      sql`
      select 'grant' as kind, null as order_id,
        coalesce(i.grant_application_id::text, substr(t.credit_account, 15)) as grant_id, t.article, -- 15 = after 'grant_payable:'
        null as provider_id, null as provider_name, t.enterprise_id, e.name as enterprise_name,
        e.uscc as enterprise_uscc, coalesce(b.created_at, t.created_at) as granted_at,
        t.amount_fen as granted, 0 as reversed
      from ledger_transfers t
        join enterprises e on e.id = t.enterprise_id
        left join payout_items i on i.payee_account = t.credit_account and i.grant_application_id is not null
        left join payout_batches b on b.id = i.batch_id
      where ${sql.join(grantConditions, sql` and `)}`,
    ),
  ]);
  return [...orders, ...grants].map((r) => {
    const grantedAt = new Date(r.granted_at as string | Date);
    const local = new Date(grantedAt.getTime() + 8 * 3600_000);
    const grantedYear = local.getUTCFullYear();
    return {
      kind: r.kind,
      orderId: r.order_id,
      grantApplicationId: r.grant_id,
      article: r.article ?? 'art6',
      providerId: r.provider_id,
      providerName: r.provider_name,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      enterpriseUscc: r.enterprise_uscc,
      month: grantedYear > input.year ? 12 : grantedYear < input.year ? 1 : local.getUTCMonth() + 1,
      grantedFen: toSafeInteger(r.granted),
      reversedFen: toSafeInteger(r.reversed),
    };
  });
}

export interface ReportRow {
  key: string;
  label: string;
  /** Orders whose subsidy was granted (paid), refunded ones included. */
  orders: number;
  refundedOrders: number;
  /** Grants disbursed. */
  grants: number;
  grantedFen: number;
  reversedFen: number;
  /** granted − reversed: what the year's fund carries for the group. */
  netFen: number;
}

function add(a: number, b: number): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new RangeError('report total out of range');
  return s;
}

/** Groups order subsidies by article, month (all twelve), provider or enterprise; largest net first (months in order). */
export function groupSubsidies(lines: readonly SubsidyLine[], groupBy: ReportGroupBy, year: number) {
  const groups = new Map<string, ReportRow>();
  const rowFor = (key: string, label: string) => {
    let row = groups.get(key);
    if (!row) {
      row = { key, label, orders: 0, refundedOrders: 0, grants: 0, grantedFen: 0, reversedFen: 0, netFen: 0 };
      groups.set(key, row);
    }
    return row;
  };
  const monthKey = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  if (groupBy === 'month') for (let m = 1; m <= 12; m++) rowFor(monthKey(m), monthKey(m));
  for (const o of lines) {
    const row =
      groupBy === 'article'
        ? rowFor(o.article, articleLabel(o.article))
        : groupBy === 'month'
          ? rowFor(monthKey(o.month), monthKey(o.month))
          : groupBy === 'provider'
            ? o.providerId === null
              ? rowFor('grants', '资助（无供应商）/ grants (no provider)')
              : rowFor(o.providerId, o.providerName ?? o.providerId)
            : rowFor(o.enterpriseId, `${o.enterpriseName} (${o.enterpriseUscc})`);
    if (o.kind === 'grant') row.grants += 1;
    else row.orders += 1;
    if (o.reversedFen > 0) row.refundedOrders += 1;
    row.grantedFen = add(row.grantedFen, o.grantedFen);
    row.reversedFen = add(row.reversedFen, o.reversedFen);
    row.netFen = row.grantedFen - row.reversedFen;
  }
  const rows = [...groups.values()];
  if (groupBy === 'month') rows.sort((a, b) => (a.key < b.key ? -1 : 1));
  else rows.sort((a, b) => b.netFen - a.netFen || (a.key < b.key ? -1 : 1));
  const totals = rows.reduce(
    (t, r) => ({
      orders: t.orders + r.orders,
      refundedOrders: t.refundedOrders + r.refundedOrders,
      grants: t.grants + r.grants,
      grantedFen: add(t.grantedFen, r.grantedFen),
      reversedFen: add(t.reversedFen, r.reversedFen),
      netFen: add(t.netFen, r.netFen),
    }),
    { orders: 0, refundedOrders: 0, grants: 0, grantedFen: 0, reversedFen: 0, netFen: 0 },
  );
  return { year, groupBy, rows, totals };
}

export async function subsidyReport(db: DbOrTx, input: { year: number; groupBy: ReportGroupBy }) {
  return groupSubsidies(await subsidyLines(db, { year: input.year }), input.groupBy, input.year);
}

const GROUP_HEADERS: Record<ReportGroupBy, string> = {
  article: '条款 / Article',
  month: '月份 / Month',
  provider: '供应商 / Provider',
  enterprise: '企业 / Enterprise',
};

const GROUP_TITLES: Record<ReportGroupBy, string> = {
  article: '按条款 by article',
  month: '按月份 by month',
  provider: '按供应商 by provider',
  enterprise: '按企业 by enterprise',
};

/** The report as a table for CSV/XLSX: one row per group and a totals row, amounts in fen. */
export function subsidyReportStatement(report: Awaited<ReturnType<typeof subsidyReport>>): Statement {
  const columns: StatementColumn[] = [
    { key: 'group', header: GROUP_HEADERS[report.groupBy], kind: 'text', width: 40 },
    { key: 'orders', header: '订单数 / Orders', kind: 'integer', width: 12 },
    { key: 'refundedOrders', header: '退款订单 / Refunded', kind: 'integer', width: 12 },
    { key: 'grants', header: '资助项目 / Grants', kind: 'integer', width: 12 },
    { key: 'granted', header: '已拨补贴（元）/ Granted (CNY)', kind: 'fen', width: 20 },
    { key: 'reversed', header: '退款冲回（元）/ Reversed (CNY)', kind: 'fen', width: 20 },
    { key: 'net', header: '净额（元）/ Net (CNY)', kind: 'fen', width: 20 },
  ];
  return {
    title: `补贴报表 Subsidies ${report.year} ${GROUP_TITLES[report.groupBy]}`,
    columns,
    rows: report.rows.map((r) => ({
      group: r.label,
      orders: r.orders,
      refundedOrders: r.refundedOrders,
      grants: r.grants,
      granted: r.grantedFen,
      reversed: r.reversedFen,
      net: r.netFen,
    })),
    totals: {
      group: '合计 / Total',
      orders: report.totals.orders,
      refundedOrders: report.totals.refundedOrders,
      grants: report.totals.grants,
      granted: report.totals.grantedFen,
      reversed: report.totals.reversedFen,
      net: report.totals.netFen,
    },
  };
}
