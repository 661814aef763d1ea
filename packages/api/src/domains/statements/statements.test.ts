import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setFundBudget } from '../../ledger/fund';
import { createHarness, type Harness, moneySnapshot } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { AI_API, buy, H800 } from '../../test/purchases';
import { refundOrder } from '../orders/settle-order';
import { fenToYuan } from './yuan';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

const EVIL = '=HYPERLINK("http://evil.example","点我"), 8 卡';

/**
 * The demo SME's 2026: two paid orders (Arts. 6 and 9), one refunded, one awaiting payment, one with a
 * provider-written title a spreadsheet would run as a formula; plus a 2025 order and another enterprise's order.
 */
async function yearOfOrders() {
  const sme = await h.callerFor('sme');
  await h.db.transaction((tx) => setFundBudget(tx, 2025, 50_000_000_00, 'budget for a 2025 order'));
  h.setNow('2025-06-01T02:00:00Z');
  await buy(h, sme, H800, 8);
  h.setNow('2026-03-10T02:00:00Z');
  const h800 = await buy(h, sme, H800, 8, { payAt: '2026-03-10T02:03:04Z' });
  h.setNow('2026-04-01T02:00:00Z');
  const api = await buy(h, sme, AI_API, 1000);
  h.setNow('2026-04-02T02:00:00Z');
  const refunded = await buy(h, sme, H800, 100);
  await refundOrder(h.db, { orderId: refunded, actorUserId: null, now: h.now() });
  h.setNow('2026-05-01T02:00:00Z');
  await h.db.update(schema.offerings).set({ title: EVIL }).where(eq(schema.offerings.title, H800));
  const evil = await buy(h, sme, EVIL, 8, { pay: false });
  await buy(h, await h.callerFor('large'), AI_API, 1000);
  h.setNow('2026-11-28T02:00:00Z');
  return { sme, h800, api, refunded, evil };
}

const decode = (contentBase64: string) => Buffer.from(contentBase64, 'base64');

describe('fenToYuan', () => {
  it('writes integer fen as a yuan decimal by string arithmetic', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(99)).toBe('0.99');
    expect(fenToYuan(100)).toBe('1.00');
    expect(fenToYuan(123_456)).toBe('1234.56');
    expect(fenToYuan(-5)).toBe('-0.05');
    // Beyond float precision for a decimal: 2^53 − 1 fen.
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
    expect(() => fenToYuan(Number.NaN)).toThrow(RangeError);
  });
});

describe('statements.orders', () => {
  it('exports the year as CSV: UTF-8 with BOM, yuan decimals, every status, a totals row of paid orders', async () => {
    const { sme, h800, api, refunded, evil } = await yearOfOrders();
    const file = await sme.statements.orders({ year: 2026, format: 'csv' });
    expect(file.filename).toBe('orders-91440305MA5F8K2L30-2026.csv');
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    const bytes = decode(file.contentBase64);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines[0]).toBe(
      '订单号 / Order ID,下单时间 / Placed (UTC+8),支付时间 / Paid (UTC+8),状态 / Status,供应商 / Provider,商品 / Item,' +
        '计量单位 / Unit,数量 / Quantity,单价（元）/ Unit price (CNY),标价合计（元）/ List price (CNY),补贴条款 / Article,' +
        '补贴（元）/ Subsidy (CNY),实付（元）/ Payable (CNY),支付参考号 / Payment reference',
    );
    // Four 2026 orders of this enterprise, oldest first, then the totals.
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines[1]).toBe(
      `${h800},2026-03-10 10:00:00,2026-03-10 10:03:04,已支付 paid,南山智算中心,${H800},GPU·小时 GPU-hour,8,32.00,256.00,第六条 Art. 6,76.80,179.20,sim_${h800}`,
    );
    expect(lines[2]).toContain(`${api},2026-04-01 10:00:00,2026-04-01 10:00:00,已支付 paid,鹏云智能云服务,`);
    expect(lines[2]).toContain(',1000,8.00,8000.00,第九条 Art. 9,2400.00,5600.00,');
    expect(lines[3]).toContain(`${refunded},`);
    expect(lines[3]).toContain('已退款 refunded');
    // The provider's title cannot run as a formula; its quotes and comma are escaped.
    expect(lines[4]).toBe(
      `${evil},2026-05-01 10:00:00,,待支付 awaiting payment,南山智算中心,"'=HYPERLINK(""http://evil.example"",""点我""), 8 卡",GPU·小时 GPU-hour,8,32.00,256.00,第六条 Art. 6,76.80,179.20,sim_${evil}`,
    );
    // Totals: the two paid orders only — 256.00 + 8000.00, 76.80 + 2400.00, 179.20 + 5600.00.
    expect(lines[5]).toBe('合计（已支付）/ Total (paid),,,2 笔 / orders,,,,,,8256.00,,2476.80,5779.20,');
  });

  it('exports XLSX that reads back with exact amounts, a 0.00 format and the totals row', async () => {
    const { sme, h800, evil } = await yearOfOrders();
    const file = await sme.statements.orders({ year: 2026, format: 'xlsx' });
    expect(file.filename).toBe('orders-91440305MA5F8K2L30-2026.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(decode(file.contentBase64) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('订单 Orders')!;
    expect(sheet).toBeDefined();
    expect(sheet.rowCount).toBe(1 + 4 + 1);
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual([
      '订单号 / Order ID',
      '下单时间 / Placed (UTC+8)',
      '支付时间 / Paid (UTC+8)',
    ]);

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(h800);
    expect(first.getCell(8).value).toBe(8);
    // Amount cells are numbers shown with two decimals; they round back to the exact fen.
    const amounts = [9, 10, 12, 13].map((c) => first.getCell(c));
    expect(amounts.map((c) => c.value)).toEqual([32, 256, 76.8, 179.2]);
    for (const cell of amounts) {
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt).toBe('#,##0.00');
    }
    expect(amounts.map((c) => Math.round((c.value as number) * 100))).toEqual([3200, 25_600, 7680, 17_920]);

    // A title that looks like a formula stays text in XLSX.
    const evilRow = sheet.getRow(5);
    expect(evilRow.getCell(1).value).toBe(evil);
    expect(evilRow.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(evilRow.getCell(6).value).toBe(EVIL);

    const totals = sheet.getRow(6);
    expect(totals.getCell(1).value).toBe('合计（已支付）/ Total (paid)');
    expect(totals.getCell(4).value).toBe('2 笔 / orders');
    expect([10, 12, 13].map((c) => totals.getCell(c).value)).toEqual([8256, 2476.8, 5779.2]);
    expect(totals.getCell(12).numFmt).toBe('#,##0.00');
    expect(totals.getCell(1).font?.bold).toBe(true);
  });

  it('shows only the chosen year and only this enterprise', async () => {
    const { sme } = await yearOfOrders();
    const csv2025 = decode(
      (await sme.statements.orders({ year: 2025, format: 'csv' })).contentBase64,
    ).toString('utf8');
    const lines = csv2025.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('合计（已支付）/ Total (paid),,,1 笔 / orders,,,,,,256.00,,76.80,179.20,');
    const large = await h.callerFor('large');
    const theirs = decode(
      (await large.statements.orders({ year: 2026, format: 'csv' })).contentBase64,
    ).toString('utf8');
    expect(theirs).toContain('鹏云智能云服务');
    expect(theirs).not.toContain('南山智算中心');
    expect(theirs.trim().split('\r\n')).toHaveLength(3);
    const empty = await sme.statements.orders({ year: 2024, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(decode(empty.contentBase64) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(10).value).toBe(0);
  });

  it('refuses other roles and bad input, changing nothing', async () => {
    const before = await moneySnapshot(h);
    for (const who of ['provider', 'admin'] as const) {
      await expectRefusal(
        (await h.callerFor(who)).statements.orders({ year: 2026, format: 'csv' }),
        'FORBIDDEN',
      );
    }
    await expectRefusal(
      (await h.callerFor(null)).statements.orders({ year: 2026, format: 'csv' }),
      'UNAUTHORIZED',
    );
    const sme = await h.callerFor('sme');
    await expectRefusal(sme.statements.orders({ year: 2026, format: 'pdf' as never }), 'BAD_REQUEST');
    await expectRefusal(sme.statements.orders({ year: 20260, format: 'csv' }), 'BAD_REQUEST');
    expect(await moneySnapshot(h)).toEqual(before);
  });
});
