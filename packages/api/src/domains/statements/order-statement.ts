import { type DbOrTx, schema } from '@nanshan/db';
import { and, asc, eq } from 'drizzle-orm';
import { shenzhenDateTime } from '../../clock';

/** How a column's values are written: text, a whole number, or an amount in integer fen. */
export type ColumnKind = 'text' | 'integer' | 'fen';

export interface StatementColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  width: number;
}

export type StatementRow = Record<string, string | number | null>;

export interface Statement {
  title: string;
  columns: StatementColumn[];
  rows: StatementRow[];
  /** Sums of the paid orders: the money that actually moved this year. */
  totals: StatementRow;
}

const STATUS_LABELS: Record<string, string> = {
  awaiting_payment: '待支付 awaiting payment',
  paid: '已支付 paid',
  cancelled: '已取消 cancelled',
  expired: '已过期 expired',
  failed: '支付失败 failed',
  refunded: '已退款 refunded',
};

const ARTICLE_LABELS: Record<string, string> = {
  art6: '第六条 Art. 6',
  art9: '第九条 Art. 9',
  art10: '第十条 Art. 10',
};

const UNIT_LABELS: Record<string, string> = {
  gpu_hour: 'GPU·小时 GPU-hour',
  card_month: '卡·月 card-month',
  tb_month: 'TB·月 TB-month',
  million_tokens: '百万 tokens million tokens',
  project: '项目 project',
};

const COLUMNS: StatementColumn[] = [
  { key: 'orderId', header: '订单号 / Order ID', kind: 'text', width: 38 },
  { key: 'placedAt', header: '下单时间 / Placed (UTC+8)', kind: 'text', width: 20 },
  { key: 'paidAt', header: '支付时间 / Paid (UTC+8)', kind: 'text', width: 20 },
  { key: 'status', header: '状态 / Status', kind: 'text', width: 22 },
  { key: 'provider', header: '供应商 / Provider', kind: 'text', width: 24 },
  { key: 'item', header: '商品 / Item', kind: 'text', width: 36 },
  { key: 'unit', header: '计量单位 / Unit', kind: 'text', width: 18 },
  { key: 'quantity', header: '数量 / Quantity', kind: 'integer', width: 12 },
  { key: 'unitPrice', header: '单价（元）/ Unit price (CNY)', kind: 'fen', width: 18 },
  { key: 'listPrice', header: '标价合计（元）/ List price (CNY)', kind: 'fen', width: 20 },
  { key: 'article', header: '补贴条款 / Article', kind: 'text', width: 16 },
  { key: 'subsidy', header: '补贴（元）/ Subsidy (CNY)', kind: 'fen', width: 18 },
  { key: 'payable', header: '实付（元）/ Payable (CNY)', kind: 'fen', width: 18 },
  { key: 'paymentRef', header: '支付参考号 / Payment reference', kind: 'text', width: 40 },
];

/**
 * The enterprise's orders counting in `year` (their fund year), oldest first, every status shown; the totals row
 * adds up only paid orders, in integer fen.
 */
export async function orderStatement(
  db: DbOrTx,
  input: { enterpriseId: string; year: number },
): Promise<Statement> {
  const rows = await db
    .select({ order: schema.orders, providerName: schema.providers.name })
    .from(schema.orders)
    .innerJoin(schema.providers, eq(schema.providers.id, schema.orders.providerId))
    .where(and(eq(schema.orders.enterpriseId, input.enterpriseId), eq(schema.orders.fundYear, input.year)))
    .orderBy(asc(schema.orders.createdAt), asc(schema.orders.id));
  let paid = 0;
  let listFen = 0;
  let subsidyFen = 0;
  let payableFen = 0;
  for (const { order } of rows) {
    if (order.status !== 'paid') continue;
    paid += 1;
    listFen += order.listPriceFen;
    subsidyFen += order.subsidyFen;
    payableFen += order.payableFen;
  }
  if (![listFen, subsidyFen, payableFen].every(Number.isSafeInteger))
    throw new RangeError('statement total out of range');
  return {
    title: `订单对账单 Order statement ${input.year}`,
    columns: COLUMNS,
    rows: rows.map(({ order, providerName }) => ({
      orderId: order.id,
      placedAt: shenzhenDateTime(order.createdAt),
      paidAt: order.paidAt ? shenzhenDateTime(order.paidAt) : '',
      status: STATUS_LABELS[order.status] ?? order.status,
      provider: providerName,
      item: order.offeringTitle,
      unit: UNIT_LABELS[order.unit] ?? order.unit,
      quantity: order.quantity,
      unitPrice: order.unitPriceFen,
      listPrice: order.listPriceFen,
      article: order.article ? (ARTICLE_LABELS[order.article] ?? order.article) : '',
      subsidy: order.subsidyFen,
      payable: order.payableFen,
      paymentRef: order.paymentIntentRef ?? order.paymentRef ?? '',
    })),
    totals: {
      orderId: '合计（已支付）/ Total (paid)',
      status: `${paid} 笔 / orders`,
      quantity: null,
      unitPrice: null,
      listPrice: listFen,
      subsidy: subsidyFen,
      payable: payableFen,
    },
  };
}
