import { type DbOrTx, schema } from '@nanshan/db';
import { and, asc, eq } from 'drizzle-orm';
import { domainError } from '../../errors';
import { orderStatement } from '../statements/order-statement';
import type { StatementFormat } from '../statements/render';
import { annualCaps, monthlyGranted } from '../subsidy/usage';
import { statementFile } from './files';
import { groupSubsidies, subsidyLines } from './subsidy-report';

/**
 * An enterprise's year for district staff: its caps per market article (granted, reserved, left), the subsidies and
 * grants by article from the ledger (net of refunds), the market subsidies by month, every order of the year, and —
 * when a format is asked — the same order statement the enterprise downloads itself.
 */
export async function enterpriseYearStatement(
  db: DbOrTx,
  input: { enterpriseId: string; year: number; now: Date; format?: StatementFormat },
) {
  const [enterprise] = await db
    .select()
    .from(schema.enterprises)
    .where(eq(schema.enterprises.id, input.enterpriseId));
  if (!enterprise) throw domainError('enterprise_not_found', 'NOT_FOUND');
  const [caps, monthly, subsidies, orders] = await Promise.all([
    annualCaps(db, enterprise.id, input.now, input.year),
    monthlyGranted(db, enterprise.id, input.year),
    subsidyLines(db, { year: input.year, enterpriseId: enterprise.id }),
    db
      .select({ order: schema.orders, providerName: schema.providers.name })
      .from(schema.orders)
      .innerJoin(schema.providers, eq(schema.providers.id, schema.orders.providerId))
      .where(and(eq(schema.orders.enterpriseId, enterprise.id), eq(schema.orders.fundYear, input.year)))
      .orderBy(asc(schema.orders.createdAt), asc(schema.orders.id)),
  ]);
  const byArticle = groupSubsidies(subsidies, 'article', input.year);
  return {
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      uscc: enterprise.uscc,
      district: enterprise.district,
      verifiedAt: enterprise.verifiedAt,
    },
    year: input.year,
    caps: caps.articles,
    byArticle: byArticle.rows,
    byMonth: monthly.points,
    totals: byArticle.totals,
    orders: orders.map(({ order, providerName }) => ({
      id: order.id,
      createdAt: order.createdAt,
      paidAt: order.paidAt,
      status: order.status,
      providerName,
      offeringTitle: order.offeringTitle,
      quantity: order.quantity,
      unit: order.unit,
      listPriceFen: order.listPriceFen,
      subsidyFen: order.subsidyFen,
      payableFen: order.payableFen,
      article: order.article,
    })),
    file: input.format
      ? await statementFile(await orderStatement(db, { enterpriseId: enterprise.id, year: input.year }), {
          format: input.format,
          filename: `statement-${enterprise.uscc}-${input.year}`,
          sheetName: `对账单 ${input.year}`,
          now: input.now,
        })
      : null,
  };
}
