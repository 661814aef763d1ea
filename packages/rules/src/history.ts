/**
 * "Already granted this year / to this project / in earlier years", computed from grant records rather than taken
 * as booleans (the lesson of Catala's fibre-aid example). Each function returns the records it counted, so a trace
 * or a reviewer can cite them. Reserved, approved and paid grants count against caps (a reservation holds money
 * until it is voided); voided, reversed and rejected ones do not.
 */
import type { Fen } from './money';
import { assertFen, sumFen } from './money';

export type GrantStatus = 'reserved' | 'approved' | 'paid' | 'voided' | 'reversed' | 'rejected';

export interface GrantRecord {
  grantId: string;
  /** The enterprise (统一社会信用代码). */
  subject: string;
  /** The project or expense (the Art. 4 / Art. 15 key). */
  project: string;
  /** The article, as the Chinese text numbers it ('第六条'), or another measure's reference. */
  article: string;
  /** The measure family the annual and multi-year limits count in (e.g. 'art6'). */
  family: string;
  amountFen: Fen;
  decidedOn: string;
  /** The year the award counts in (for Art. 6, the spend year). */
  year: number;
  status: GrantStatus;
}

export interface Counted {
  totalFen: Fen;
  counted: GrantRecord[];
}

const COUNTING: ReadonlySet<GrantStatus> = new Set(['reserved', 'approved', 'paid']);

function count(records: readonly GrantRecord[], include: (record: GrantRecord) => boolean): Counted {
  const counted = records.filter((record) => COUNTING.has(record.status) && include(record));
  for (const record of counted) assertFen(record.amountFen, `amountFen of grant ${record.grantId}`);
  return { totalFen: sumFen(counted.map((record) => record.amountFen)), counted };
}

/** Granted to `subject` in `family` counting in `year` (the annual caps of Arts. 5, 6 and 9). */
export function grantedInYear(
  records: readonly GrantRecord[],
  query: { subject: string; family: string; year: number },
): Counted {
  return count(
    records,
    (r) => r.subject === query.subject && r.family === query.family && r.year === query.year,
  );
}

/**
 * Granted to one project of `subject` under these measures (Art. 4). Art. 5 platform grants are exempt from the
 * per-project limit and so are not counted (第四条（二）).
 */
export function grantedToProject(
  records: readonly GrantRecord[],
  query: { subject: string; project: string },
): Counted {
  return count(
    records,
    (r) => r.subject === query.subject && r.project === query.project && r.article !== '第五条',
  );
}

/** Paid (or held) under Art. 12 to `subject`: what 晋级补差 subtracts. */
export function growthAwardsPaid(records: readonly GrantRecord[], subject: string): Counted {
  return count(records, (r) => r.subject === subject && r.article === '第十二条');
}

/**
 * Consecutive years immediately before `year` in which `subject` was funded in `family` ("连续资助时间不超过 3 年",
 * Arts. 5 and 9): counts back from year − 1 until a year without a counting grant.
 */
export function consecutiveYearsFunded(
  records: readonly GrantRecord[],
  query: { subject: string; family: string; year: number },
): { years: number; counted: GrantRecord[] } {
  const counted: GrantRecord[] = [];
  let years = 0;
  for (let y = query.year - 1; ; y--) {
    const inYear = grantedInYear(records, { subject: query.subject, family: query.family, year: y });
    if (inYear.counted.length === 0) break;
    counted.push(...inYear.counted);
    years++;
  }
  return { years, counted };
}
