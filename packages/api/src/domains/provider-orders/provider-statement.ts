import { type DbOrTx, queryRows, schema, toSafeInteger, uuidArray } from '@nanshan/db';
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { shenzhenDateTime } from '../../clock';
import { owedPerOrder, PAYABLE_NOW } from '../../ledger/balances';
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
  { key: 'subsidy', header: '区补贴（元）/ Subsidy (CNY)', kind: 'fen', width: 18 },
  { key: 'deliveredAt', header: '交付时间 / Delivered (UTC+8)', kind: 'text', width: 20 },
  { key: 'deliveryNote', header: '交付说明 / Delivery note', kind: 'text', width: 40 },
  { key: 'settlement', header: '结算状态 / Settlement', kind: 'text', width: 30 },
  { key: 'paidOut', header: '区财政已付（元）/ Paid out by the district (CNY)', kind: 'fen', width: 22 },
  { key: 'owed', header: '区财政待付（元）/ Still owed by the district (CNY)', kind: 'fen', width: 22 },
];

interface OrderSettlement {
  owedFen: number;
  paidOutFen: number;
  /** The payout batch that paid it, if one did. */
  reference: string | null;
  payableNow: boolean;
}

/** Where an order's subsidy stands with the district (see `providerSettlement`). */
function settlementLabel(s: OrderSettlement): string {
  if (s.owedFen < 0) return '应退回 clawback owed';
  if (s.owedFen > 0) return s.payableNow ? '待结算 due in the next payout' : '待交付 awaiting delivery';
  if (s.paidOutFen > 0) return `已结算 paid out ${s.reference}`;
  return s.reference ? '已追回 clawed back' : '已冲销 reversed';
}

/** Per order of `orderIds`, from the ledger: still owed (negative: a clawback owed), paid out, and its payout batch. */
async function orderSettlements(db: DbOrTx, orderIds: string[]): Promise<Map<string, OrderSettlement>> {
  const rows = await queryRows<{
    order_id: string;
    owed_fen: unknown;
    paid_out_fen: unknown;
    reference: string | null;
    payable_now: boolean;
  }>(
    db,
    sql`
    select p.order_id, p.owed_fen, p.paid_out_fen, b.reference, ${PAYABLE_NOW} as payable_now
    from (${owedPerOrder(sql`select unnest(${uuidArray(orderIds)})`)}) p
      join orders o on o.id = p.order_id
      left join payout_items i on i.order_id = p.order_id
      left join payout_batches b on b.id = i.batch_id`,
  );
  return new Map(
    rows.map((r) => [
      r.order_id,
      {
        owedFen: toSafeInteger(r.owed_fen),
        paidOutFen: toSafeInteger(r.paid_out_fen),
        reference: r.reference,
        payableNow: r.payable_now,
      },
    ]),
  );
}

/**
 * The provider's monthly statement: every order of its offerings paid in the Shenzhen month `YYYY-MM` (paid, or paid
 * and refunded since), oldest first, with where its subsidy stands with the district, from the ledger. The totals row
 * adds up, in integer fen, the orders still paid — what the buyers paid and the subsidy on them — and over every row
 * what the district has paid out and still owes (less clawbacks owed back); the last two add up to the subsidy.
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
  let paidOutFen = 0;
  let owedFen = 0;
  const settlements = await orderSettlements(
    db,
    rows.map((r) => r.order.id),
  );
  // An order without a subsidy has no transfers.
  const settlementOf = (orderId: string) =>
    settlements.get(orderId) ?? { owedFen: 0, paidOutFen: 0, reference: null, payableNow: false };
  for (const { order } of rows) {
    paidOutFen += settlementOf(order.id).paidOutFen;
    owedFen += settlementOf(order.id).owedFen;
    if (order.status !== 'paid') continue;
    paid += 1;
    listFen += order.listPriceFen;
    payableFen += order.payableFen;
    subsidyFen += order.subsidyFen;
  }
  if (![listFen, payableFen, subsidyFen, paidOutFen, owedFen].every(Number.isSafeInteger)) {
    throw new RangeError('statement total out of range');
  }
  return {
    title: `供应商月度对账单 Provider statement ${input.month}`,
    columns: COLUMNS,
    rows: rows.map(({ order, enterpriseName, uscc }) => {
      const settlement = settlementOf(order.id);
      return {
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
        settlement: order.subsidyFen > 0 ? settlementLabel(settlement) : '',
        paidOut: settlement.paidOutFen,
        owed: settlement.owedFen,
      };
    }),
    totals: {
      orderId: '合计（已支付）/ Total (paid)',
      status: `${paid} 笔 / orders`,
      quantity: null,
      unitPrice: null,
      listPrice: listFen,
      payable: payableFen,
      subsidy: subsidyFen,
      paidOut: paidOutFen,
      owed: owedFen,
    },
  };
}
