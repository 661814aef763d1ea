import { type DbOrTx, schema } from '@nanshan/db';
import type { GrantRecord } from '@nanshan/rules';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { shenzhenDate } from '../../clock';
import type { EnterpriseRow } from '../enterprises/membership';
import { ARTICLE_ZH, type GrantArticle, SHARED_CAP_ARTICLES } from './facts';
import { type ApplicationRow, AWARDED_STATES, type GrantStatus } from './workflow';

/**
 * The enterprise's history as the rules package reads it (`GrantRecord`s), built from the database — never from
 * what a form says:
 * - every decided (`approved`) or paid grant application other than the one being evaluated;
 * - the market's instant subsidies under Arts. 6 and 9, from the `subsidy_usage` counters net of the grants that
 *   share those rows, one record per (article, year) and state (granted = paid, reserved = awaiting payment).
 */
export interface GrantHistory {
  subject: string;
  records: GrantRecord[];
  /** Every other application of the enterprise (any status), oldest first. */
  applications: ApplicationRow[];
}

/** Ids of market records: `market:<article>:<year>:<granted|reserved>`. */
export function isMarketRecord(grantId: string): boolean {
  return grantId.startsWith('market:');
}

export async function loadGrantHistory(
  db: DbOrTx,
  enterprise: EnterpriseRow,
  evaluatedId: string | null,
): Promise<GrantHistory> {
  const [applications, usage] = await Promise.all([
    db
      .select()
      .from(schema.grantApplications)
      .where(eq(schema.grantApplications.enterpriseId, enterprise.id))
      .orderBy(asc(schema.grantApplications.createdAt), asc(schema.grantApplications.id)),
    db
      .select()
      .from(schema.subsidyUsage)
      .where(
        and(
          eq(schema.subsidyUsage.enterpriseId, enterprise.id),
          inArray(schema.subsidyUsage.article, [...SHARED_CAP_ARTICLES]),
        ),
      ),
  ]);
  const subject = enterprise.uscc;
  const awarded = applications.filter((a) => AWARDED_STATES.includes(a.status as GrantStatus));
  const records: GrantRecord[] = awarded
    .filter((a) => a.id !== evaluatedId)
    .map((a) => ({
      grantId: a.id,
      subject,
      project: a.projectKey,
      article: ARTICLE_ZH[a.article as GrantArticle],
      family: a.article,
      amountFen: a.decidedFen ?? 0,
      decidedOn: shenzhenDate(a.updatedAt),
      year: a.year,
      status: a.status === 'paid' ? 'paid' : 'approved',
    }));

  for (const row of usage) {
    // Grants of the row's article and year are in its counters too (ledger/grants.ts): take them out — all of them,
    // the evaluated one included — so what is left is the market's.
    const sharing = awarded.filter((a) => a.article === row.article && a.year === row.year);
    const paidGrants = sharing
      .filter((a) => a.status === 'paid')
      .reduce((s, a) => s + (a.decidedFen ?? 0), 0);
    const heldGrants = sharing
      .filter((a) => a.status === 'decided')
      .reduce((s, a) => s + (a.decidedFen ?? 0), 0);
    const market = [
      { state: 'granted', amountFen: row.grantedFen - paidGrants, status: 'paid' as const },
      { state: 'reserved', amountFen: row.reservedFen - heldGrants, status: 'reserved' as const },
    ];
    for (const m of market) {
      if (m.amountFen <= 0) continue;
      records.push({
        grantId: `market:${row.article}:${row.year}:${m.state}`,
        subject,
        project: `market:${row.article}:${row.year}`,
        article: ARTICLE_ZH[row.article as GrantArticle],
        family: row.article,
        amountFen: m.amountFen,
        decidedOn: `${row.year}-12-31`,
        year: row.year,
        status: m.status,
      });
    }
  }
  return { subject, records, applications: applications.filter((a) => a.id !== evaluatedId) };
}
