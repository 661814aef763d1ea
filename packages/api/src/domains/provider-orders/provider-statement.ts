import { type DbOrTx, schema } from '@nanshan/db';
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { shenzhenDateTime } from '../../clock';
import { UNIT_LABELS } from '../offerings/offering-rules';
import type { Statement, StatementColumn } from '../statements/order-statement';
import { shenzhenMonthBounds } from './revenue';

const STATUS_LABELS: Record<string, string> = {
  paid: '已支付 paid',
  refunded: '已退款 refunded',
};

const ARTICLE_LABELS: Record<string, string> = {
  art6: '第六条 Art. 6',
  art9: '第九条 Art. 9',
  art10: '第十条 Art. 10',
};

const COLUMNS: StatementColumn[] = [
  { key: 'orderId', header: '订单号 / Order ID', kind: 'text', width: 38 },
  { key: 'paidAt', header: '支付时间 / Paid (UTC+8)', kind: 'text', width: 20 },
  { key: 'status', header: '状态 / Status', kind: 'text', width: 18 },
  { key: 'enterprise', header: '采购企业 / Buyer', kind: 'text', width: 28 },
  { key: 'uscc', header: '统一社会信用代码 / USCC', kind: 'text', width: 22 },
  { key: 'item', header: '商品 / Item', kind: 'text', width: 36 },
  { key: 'unit', header: '计量单位 / Unit', kind: 'text', width: 16 },
  { key: 'quantity', header: '数量 / Quantity', kind: 'integer', width: 12 },
  { key: 'unitPrice', header: '单价（元）/ Unit price (CNY)', kind: 'fen', width: 18 },
  { key: 'listPrice', header: '标价合计（元）/ List price (CNY)', kind: 'fen', width: 20 },
  { key: 'payable', header: '企业实付（元）/ Paid by buyer (CNY)', kind: 'fen', width: 20 },
  { key: 'article', header: '补贴条款 / Article', kind: 'text', width: 16 },
  { key: 'subsidy', header: '应收区补贴（元）/ Subsidy receivable (CNY)', kind: 'fen', width: 22 },
  { key: 'deliveredAt', header: '交付时间 / Delivered (UTC+8)', kind: 'text', width: 20 },
  { key: 'deliveryNote', header: '交付说明 / Delivery note', kind: 'text', width: 40 },
];

/**
 * The provider's monthly statement: every order of its offerings paid in the Shenzhen month `YYYY-MM` (paid, or paid
 * and refunded since), oldest first. The totals row adds up the orders still paid — what the buyers paid and what
 * the district owes — in integer fen.
 */
export async function providerStatement(
  db: DbOrTx,
  input: { providerId: string; month: string },
): Promise<Statement> {
  const { from, to } = shenzhenMonthBounds(input.month);
  const rows = await db
    .select({ order: schema.orders, enterpriseName: schema.enterprises.name, uscc: schema.enterprises.uscc })
    .from(schema.orders)
    .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.orders.enterpriseId))
    .where(
      and(
        eq(schema.orders.providerId, input.providerId),
        inArray(schema.orders.status, ['paid', 'refunded']),
        gte(schema.orders.paidAt, from),
        lt(schema.orders.paidAt, to),
      ),
    )
    .orderBy(asc(schema.orders.paidAt), asc(schema.orders.id));
  let paid = 0;
  let listFen = 0;
  let payableFen = 0;
  let subsidyFen = 0;
  for (const { order } of rows) {
    if (order.status !== 'paid') continue;
    paid += 1;
    listFen += order.listPriceFen;
    payableFen += order.payableFen;
    subsidyFen += order.subsidyFen;
  }
  if (![listFen, payableFen, subsidyFen].every(Number.isSafeInteger)) {
    throw new RangeError('statement total out of range');
  }
  return {
    title: `供应商月度对账单 Provider statement ${input.month}`,
    columns: COLUMNS,
    rows: rows.map(({ order, enterpriseName, uscc }) => ({
      orderId: order.id,
      paidAt: order.paidAt ? shenzhenDateTime(order.paidAt) : '',
      status: STATUS_LABELS[order.status] ?? order.status,
      enterprise: enterpriseName,
      uscc,
      item: order.offeringTitle,
      unit: UNIT_LABELS[order.unit as keyof typeof UNIT_LABELS] ?? order.unit,
      quantity: order.quantity,
      unitPrice: order.unitPriceFen,
      listPrice: order.listPriceFen,
      payable: order.payableFen,
      article: order.article ? (ARTICLE_LABELS[order.article] ?? order.article) : '',
      subsidy: order.subsidyFen,
      deliveredAt: order.deliveredAt ? shenzhenDateTime(order.deliveredAt) : '',
      deliveryNote: order.deliveryNote ?? '',
    })),
    totals: {
      orderId: '合计（已支付）/ Total (paid)',
      status: `${paid} 笔 / orders`,
      quantity: null,
      unitPrice: null,
      listPrice: listFen,
      payable: payableFen,
      subsidy: subsidyFen,
    },
  };
}
