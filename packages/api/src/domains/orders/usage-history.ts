import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq, gt, lt } from 'drizzle-orm';

/**
 * How many years in a row, ending the year before `year`, the enterprise was granted a subsidy under the
 * article — read from the database's history, not from anything the buyer states (Art. 9: at most 3
 * consecutive years).
 */
export async function consecutiveYearsFunded(
  db: DbOrTx,
  enterpriseId: string,
  article: string,
  year: number,
): Promise<number> {
  const rows = await db
    .select({ year: schema.subsidyUsage.year })
    .from(schema.subsidyUsage)
    .where(
      and(
        eq(schema.subsidyUsage.enterpriseId, enterpriseId),
        eq(schema.subsidyUsage.article, article),
        lt(schema.subsidyUsage.year, year),
        gt(schema.subsidyUsage.grantedFen, 0),
      ),
    );
  const funded = new Set(rows.map((r) => r.year));
  let n = 0;
  while (funded.has(year - 1 - n)) n++;
  return n;
}
