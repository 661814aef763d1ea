import { type DbOrTx, schema } from '@nanshan/db';
import { type ParamKey, type ParamOverride, type ParamOverrides, paramOverrides } from '@nanshan/rules';
import { eq } from 'drizzle-orm';

type SegmentRow = typeof schema.parameterSegments.$inferSelect;

/** A stored segment as the rules take it: the reason it was drafted with is its source, its id the reference. */
function overrideOf(row: SegmentRow): ParamOverride {
  return {
    key: row.key as ParamKey,
    value: row.value,
    from: row.fromDate,
    ...(row.toDate === null ? {} : { to: row.toDate }),
    source: row.reason,
    ref: row.id,
    kind: 'published',
  };
}

/**
 * Published rows in publication order (then by id, so the order never depends on how the rows were read): on equal
 * start dates the later publication wins (the rules' precedence). The one place that orders segments.
 */
export function publishedOverrideList(rows: readonly SegmentRow[]): ParamOverride[] {
  const publishedAt = (r: SegmentRow) => r.publishedAt?.getTime() ?? 0;
  return rows
    .filter((r) => r.status === 'published')
    .sort((a, b) => publishedAt(a) - publishedAt(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => overrideOf(r));
}

export function publishedOverrides(rows: readonly SegmentRow[]): ParamOverrides {
  return paramOverrides(publishedOverrideList(rows));
}

/**
 * The published parameter segments, for every rules call that decides an amount: one query, read with the caller's
 * connection or transaction (so an order placed in a transaction prices with what was published when it ran) and
 * never cached across requests. The rules pick, per decision date, the segment in force or their own table.
 */
export async function loadPolicyOverrides(db: DbOrTx): Promise<ParamOverrides> {
  const rows = await db
    .select()
    .from(schema.parameterSegments)
    .where(eq(schema.parameterSegments.status, 'published'));
  return publishedOverrides(rows);
}
