import { schema } from '@nanshan/db';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureAccounts } from '../../ledger/accounts';
import { setFundBudget } from '../../ledger/fund';
import { createHarness, type Harness } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { AI_API, buy, H800 } from '../../test/purchases';
import { refundOrder } from '../orders/settle-order';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

const SME = '深圳智源未来科技有限公司';
const LARGE = '深圳巨擘数据集团有限公司';

/**
 * 2026: the SME pays 96,000 (March) and 7,680 (April) of Art. 6 subsidy and has 9,600 refunded (April); the large firm
 * 240,000 of Art. 9 (paid 31 May 16:30 UTC, which is 1 June 00:30 in Shenzhen); an unpaid order; and a 2025 order.
 */
async function yearOfSubsidies() {
  const sme = await h.callerFor('sme');
  const large = await h.callerFor('large');
  await h.db.transaction((tx) => setFundBudget(tx, 2025, 50_000_000_00, 'budget for a 2025 order'));
  h.setNow('2025-06-01T02:00:00Z');
  await buy(h, sme, H800, 8);
  h.setNow('2026-03-10T02:00:00Z');
  const march = await buy(h, sme, H800, 100);
  h.setNow('2026-04-02T02:00:00Z');
  const april = await buy(h, sme, H800, 8);
  const refunded = await buy(h, sme, H800, 10);
  await refundOrder(h.db, { orderId: refunded, actorUserId: null, now: h.now() });
  h.setNow('2026-05-31T16:10:00Z');
  const art9 = await buy(h, large, AI_API, 1000, { payAt: '2026-05-31T16:30:00Z' });
  await buy(h, sme, H800, 8, { pay: false });
  h.setNow('2026-11-28T02:00:00Z');
  return { sme, march, april, refunded, art9 };
}

describe('admin.reports.subsidies', () => {
  it('groups the fund year’s subsidies from the ledger, net of refunds, by article, month, provider and enterprise', async () => {
    await yearOfSubsidies();
    const admin = await h.callerFor('admin');
    const byArticle = await admin.admin.reports.subsidies({ year: 2026, groupBy: 'article' });
    expect(
      byArticle.rows.map((r) => [r.key, r.orders, r.refundedOrders, r.grantedFen, r.reversedFen, r.netFen]),
    ).toEqual([
      ['art9', 1, 0, 240_000, 0, 240_000],
      ['art6', 3, 1, 113_280, 9_600, 103_680],
    ]);
    expect(byArticle.totals).toEqual({
      orders: 4,
      refundedOrders: 1,
      grants: 0,
      grantedFen: 353_280,
      reversedFen: 9_600,
      netFen: 343_680,
    });
    // The net equals what the fund holds as committed for the year.
    expect((await admin.admin.fund.summary({ year: 2026 })).committedFen).toBe(byArticle.totals.netFen);

    const byMonth = await admin.admin.reports.subsidies({ year: 2026, groupBy: 'month' });
    expect(byMonth.rows).toHaveLength(12);
    expect(byMonth.rows.filter((r) => r.netFen !== 0).map((r) => [r.key, r.netFen])).toEqual([
      ['2026-03', 96_000],
      ['2026-04', 7_680],
      ['2026-06', 240_000], // 31 May 16:30 UTC is June in Shenzhen
    ]);

    const byProvider = await admin.admin.reports.subsidies({ year: 2026, groupBy: 'provider' });
    expect(byProvider.rows.map((r) => [r.label, r.netFen])).toEqual([
      ['鹏云智能云服务', 240_000],
      ['南山智算中心', 103_680],
    ]);
    const byEnterprise = await admin.admin.reports.subsidies({ year: 2026, groupBy: 'enterprise' });
    expect(byEnterprise.rows.map((r) => [r.label, r.netFen])).toEqual([
      [`${LARGE} (91440305MA5G1N7P4L)`, 240_000],
      [`${SME} (91440305MA5F8K2L30)`, 103_680],
    ]);
    const y2025 = await admin.admin.reports.subsidies({ year: 2025, groupBy: 'article' });
    expect(y2025.totals.netFen).toBe(7_680);
    expect((await admin.admin.reports.subsidies({ year: 2024, groupBy: 'provider' })).rows).toEqual([]);
  });
});

/**
 * A disbursed Art. 12 award of 1,000,000 yuan written in the ledger the way ledger/grants.ts posts it (reserved, posted,
 * paid out to `disbursed:2026` in batch NS-GRANT-2026-0001 on 15 July), with the fund's counters to match.
 */
async function disbursedGrant() {
  const [enterprise] = await h.db.select().from(schema.enterprises).where(eq(schema.enterprises.name, SME));
  const sme = await h.userOf('sme');
  const admin = await h.userOf('admin');
  const amountFen = 100_000_000;
  const [app] = await h.db
    .insert(schema.grantApplications)
    .values({
      enterpriseId: enterprise!.id,
      article: 'art12',
      year: 2026,
      projectKey: 'revenue-2026',
      projectName: '营收首次突破 2 亿元',
      facts: {},
      requestedFen: amountFen,
      proposedFen: amountFen,
      decidedFen: amountFen,
      status: 'paid',
      submittedBy: sme.id,
    })
    .returning();
  const payable = `grant_payable:${app!.id}`;
  await ensureAccounts(h.db, [
    { code: payable, kind: 'grant_payable', name: SME },
    { code: 'disbursed:2026', kind: 'disbursed', name: 'Disbursed 2026' },
  ]);
  const money = { enterpriseId: enterprise!.id, article: 'art12', fundYear: 2026, amountFen };
  const [pending] = await h.db
    .insert(schema.ledgerTransfers)
    .values({
      ...money,
      kind: 'pending',
      debitAccount: 'fund:2026',
      creditAccount: payable,
      memo: 'reserve grant',
    })
    .returning();
  await h.db.insert(schema.ledgerTransfers).values([
    {
      ...money,
      kind: 'post_pending',
      pendingId: pending!.id,
      debitAccount: 'fund:2026',
      creditAccount: payable,
      memo: 'post grant',
    },
    {
      ...money,
      kind: 'single',
      debitAccount: payable,
      creditAccount: 'disbursed:2026',
      memo: 'payout NS-GRANT-2026-0001: grant',
    },
  ]);
  await h.db
    .update(schema.fundYears)
    .set({ committedFen: sql`${schema.fundYears.committedFen} + ${amountFen}` })
    .where(eq(schema.fundYears.year, 2026));
  const [batch] = await h.db
    .insert(schema.payoutBatches)
    .values({
      reference: 'NS-GRANT-2026-0001',
      totalFen: amountFen,
      createdBy: admin.id,
      createdAt: new Date('2026-07-15T02:00:00Z'),
    })
    .returning();
  await h.db
    .insert(schema.payoutItems)
    .values({ batchId: batch!.id, payeeAccount: payable, grantApplicationId: app!.id, amountFen });
  return { applicationId: app!.id, batchId: batch!.id, enterpriseId: enterprise!.id };
}

describe('grants in the reports', () => {
  it('counts disbursed grants under their article and month, without a provider, and shows their payout batch', async () => {
    await yearOfSubsidies();
    const { applicationId, batchId, enterpriseId } = await disbursedGrant();
    const admin = await h.callerFor('admin');
    const byArticle = await admin.admin.reports.subsidies({ year: 2026, groupBy: 'article' });
    expect(byArticle.rows[0]).toMatchObject({
      key: 'art12',
      label: '第十二条 Art. 12',
      grants: 1,
      orders: 0,
      netFen: 100_000_000,
    });
    expect(byArticle.totals).toMatchObject({ orders: 4, grants: 1, netFen: 343_680 + 100_000_000 });
    expect((await admin.admin.fund.summary({ year: 2026 })).committedFen).toBe(byArticle.totals.netFen);
    const byMonth = await admin.admin.reports.subsidies({ year: 2026, groupBy: 'month' });
    expect(byMonth.rows.find((r) => r.key === '2026-07')).toMatchObject({ grants: 1, netFen: 100_000_000 });
    const byProvider = await admin.admin.reports.subsidies({ year: 2026, groupBy: 'provider' });
    expect(byProvider.rows[0]).toMatchObject({ key: 'grants', netFen: 100_000_000 });
    const statement = await admin.admin.reports.enterpriseStatement({ enterpriseId, year: 2026 });
    expect(statement.byArticle.map((r) => [r.key, r.netFen])).toEqual([
      ['art12', 100_000_000],
      ['art6', 103_680],
    ]);
    expect((await admin.admin.fund.summary({ year: 2026 })).disbursedFen).toBe(100_000_000);
    const batch = await admin.admin.settlement.batch({ id: batchId });
    expect(batch.payees).toEqual([
      expect.objectContaining({
        payeeType: 'enterprise',
        payeeName: SME,
        netFen: 100_000_000,
        lines: [
          expect.objectContaining({
            kind: 'grant',
            grantApplicationId: applicationId,
            description: '营收首次突破 2 亿元',
          }),
        ],
      }),
    ]);
    expect((await admin.admin.settlement.batches({ page: 1, pageSize: 5 })).items[0]).toMatchObject({
      reference: 'NS-GRANT-2026-0001',
      grantCount: 1,
      orderCount: 0,
    });
  });
});

describe('admin.reports.export', () => {
  it('exports the report as CSV (BOM, yuan decimals, totals) and as XLSX read back with exceljs', async () => {
    await yearOfSubsidies();
    const admin = await h.callerFor('admin');
    const csv = await admin.admin.reports.export({ year: 2026, groupBy: 'article', format: 'csv' });
    expect(csv).toMatchObject({
      filename: 'subsidies-2026-by-article.csv',
      mimeType: 'text/csv; charset=utf-8',
    });
    const bytes = Buffer.from(csv.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      [
        '条款 / Article,订单数 / Orders,退款订单 / Refunded,资助项目 / Grants,已拨补贴（元）/ Granted (CNY),退款冲回（元）/ Reversed (CNY),净额（元）/ Net (CNY)',
        '第九条 Art. 9 AI+百业 / AI services,1,0,0,2400.00,0.00,2400.00',
        '第六条 Art. 6 算力券 / compute vouchers,3,1,0,1132.80,96.00,1036.80',
        '合计 / Total,4,1,0,3532.80,96.00,3436.80',
        '',
      ].join('\r\n'),
    );

    const xlsx = await admin.admin.reports.export({ year: 2026, groupBy: 'month', format: 'xlsx' });
    expect(xlsx).toMatchObject({
      filename: 'subsidies-2026-by-month.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('补贴 2026 month');
    expect(sheet.getRow(1).getCell(1).value).toBe('月份 / Month');
    expect(sheet.rowCount).toBe(14); // header, twelve months, totals
    expect(sheet.getRow(4).getCell(1).value).toBe('2026-03');
    expect(sheet.getRow(4).getCell(7).value).toBe(960);
    expect(sheet.getRow(5).getCell(6).value).toBe(96);
    expect(sheet.getRow(14).getCell(1).value).toBe('合计 / Total');
    expect(sheet.getRow(14).getCell(7).value).toBe(3436.8);
    expect(sheet.getRow(14).getCell(7).numFmt).toBe('#,##0.00');
  });
});

describe('admin.reports.enterpriseStatement', () => {
  it("shows an enterprise's year: caps, subsidies by article and month, its orders, and the statement file", async () => {
    const { march, refunded } = await yearOfSubsidies();
    const admin = await h.callerFor('admin');
    const [enterprise] = await h.db.select().from(schema.enterprises).where(eq(schema.enterprises.name, SME));
    const statement = await admin.admin.reports.enterpriseStatement({
      enterpriseId: enterprise!.id,
      year: 2026,
    });
    expect(statement.enterprise).toMatchObject({ name: SME, uscc: '91440305MA5F8K2L30' });
    expect(statement.caps.find((c) => c.article === 'art6')).toMatchObject({
      capFen: 100_000_000,
      grantedFen: 103_680,
      reservedFen: 7_680,
    });
    expect(statement.byArticle.map((r) => [r.key, r.netFen])).toEqual([['art6', 103_680]]);
    expect(statement.totals.netFen).toBe(103_680);
    expect(statement.byMonth[2]!.grantedFen).toBe(96_000);
    expect(statement.orders.map((o) => o.status).sort()).toEqual([
      'awaiting_payment',
      'paid',
      'paid',
      'refunded',
    ]);
    expect(statement.orders.find((o) => o.id === march)).toMatchObject({
      subsidyFen: 96_000,
      status: 'paid',
    });
    expect(statement.orders.find((o) => o.id === refunded)!.status).toBe('refunded');
    expect(statement.file).toBeNull();

    const withFile = await admin.admin.reports.enterpriseStatement({
      enterpriseId: enterprise!.id,
      year: 2026,
      format: 'csv',
    });
    expect(withFile.file!.filename).toBe('statement-91440305MA5F8K2L30-2026.csv');
    const text = Buffer.from(withFile.file!.contentBase64, 'base64').subarray(3).toString('utf8');
    expect(text).toContain(march);
    expect(text.trimEnd().split('\r\n').at(-1)).toContain('1036.80'); // paid orders' subsidy total

    await expectRefusal(
      admin.admin.reports.enterpriseStatement({
        enterpriseId: '00000000-0000-4000-8000-000000000000',
        year: 2026,
      }),
      'NOT_FOUND',
      'enterprise_not_found',
    );
  });
});

describe('report refusals', () => {
  it('refuses SMEs and providers', async () => {
    const [enterprise] = await h.db.select().from(schema.enterprises).where(eq(schema.enterprises.name, SME));
    for (const who of ['sme', 'provider'] as const) {
      const caller = await h.callerFor(who);
      await expectRefusal(caller.admin.reports.subsidies({ year: 2026, groupBy: 'article' }), 'FORBIDDEN');
      await expectRefusal(
        caller.admin.reports.export({ year: 2026, groupBy: 'article', format: 'csv' }),
        'FORBIDDEN',
      );
      await expectRefusal(
        caller.admin.reports.enterpriseStatement({ enterpriseId: enterprise!.id, year: 2026 }),
        'FORBIDDEN',
      );
    }
  });
});
