import { schema } from '@nanshan/db';
import { and, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';

type ProviderRow = typeof schema.providers.$inferSelect;

/** Providers whose offerings may be shown and bought: approved (Art. 6 platform registration) or filed (Art. 9). */
export const ACTIVE_PROVIDER_STATUSES = ['approved', 'filed'] as const;

export function isActiveStatus(status: string): boolean {
  return (ACTIVE_PROVIDER_STATUSES as readonly string[]).includes(status);
}

export type FilingPeriodState = 'in_force' | 'not_yet_valid' | 'expired';

/**
 * Where `date` (a Shenzhen `YYYY-MM-DD`) falls in the provider's registration / 备案 validity period. A provider
 * without dates has an open-ended period. Out of its period a provider's offerings leave the catalogue and take no
 * new orders, whatever its status says.
 */
export function filingPeriodOn(
  provider: Pick<ProviderRow, 'filingValidFrom' | 'filingValidTo'>,
  date: string,
): FilingPeriodState {
  if (provider.filingValidFrom && date < provider.filingValidFrom) return 'not_yet_valid';
  if (provider.filingValidTo && date > provider.filingValidTo) return 'expired';
  return 'in_force';
}

/** The same test in SQL, for catalogue queries: the provider is active and inside its period on `date`. */
export function providerActiveOnSql(date: string): SQL {
  return and(
    sql`${schema.providers.status} in ('approved', 'filed')`,
    or(isNull(schema.providers.filingValidFrom), lte(schema.providers.filingValidFrom, date)),
    or(isNull(schema.providers.filingValidTo), gte(schema.providers.filingValidTo, date)),
  )!;
}
