import { parseYuanToFen } from '@nanshan/ui';

/** One step of the Art. 10 rent schedule as the rules package stores it: months `fromMonth`..`toMonth` pay `payBps`. */
export interface RentTier {
  fromMonth: number;
  toMonth?: number;
  payBps: number;
}

/** A row of the editor: where the tier ends (empty on the last, open-ended tier) and the discount typed in percent. */
export interface TierRow {
  toMonth: string;
  discountPercent: string;
}

export type TierIssue =
  | { code: 'empty' }
  | { code: 'to_month_invalid'; row: number }
  | { code: 'to_month_before_from'; row: number }
  | { code: 'discount_invalid'; row: number };

const FULL_BPS = 10_000;

/** "30" or "37.5" (percent, at most two decimals, 0–100) as basis points, without floating point. */
export function percentToBps(text: string): number | null {
  const bps = parseYuanToFen(text.replace(/%|％/g, ''));
  return bps !== null && bps >= 0 && bps <= FULL_BPS ? bps : null;
}

export function bpsToPercentText(bps: number): string {
  const whole = Math.floor(bps / 100);
  const rest = bps % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** The editor's rows for a stored schedule: the discount is what the tenant does not pay. */
export function rowsFromTiers(tiers: readonly RentTier[]): TierRow[] {
  return tiers.map((t, i) => ({
    toMonth: i === tiers.length - 1 || t.toMonth === undefined ? '' : String(t.toMonth),
    discountPercent: bpsToPercentText(FULL_BPS - t.payBps),
  }));
}

function wholeMonth(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 ? n : null;
}

/**
 * The schedule the rows describe, or the problems in them. Tiers are contiguous by construction: the first starts
 * in month 1, each next one the month after the previous ends, and the last is open-ended, so no month is left
 * without a rent or priced twice. Discounts are 0–100%.
 */
export function tiersFromRows(
  rows: readonly TierRow[],
): { ok: true; tiers: RentTier[] } | { ok: false; issues: TierIssue[] } {
  if (rows.length === 0) return { ok: false, issues: [{ code: 'empty' }] };
  const issues: TierIssue[] = [];
  const tiers: RentTier[] = [];
  let fromMonth = 1;
  rows.forEach((row, index) => {
    const last = index === rows.length - 1;
    const bps = percentToBps(row.discountPercent);
    if (bps === null) issues.push({ code: 'discount_invalid', row: index });
    let toMonth: number | undefined;
    if (!last) {
      const parsed = wholeMonth(row.toMonth);
      if (parsed === null) issues.push({ code: 'to_month_invalid', row: index });
      else if (parsed < fromMonth) issues.push({ code: 'to_month_before_from', row: index });
      else toMonth = parsed;
    }
    tiers.push({ fromMonth, ...(toMonth !== undefined ? { toMonth } : {}), payBps: FULL_BPS - (bps ?? 0) });
    fromMonth = (toMonth ?? fromMonth) + 1;
  });
  return issues.length ? { ok: false, issues } : { ok: true, tiers };
}

/** Checks a stored schedule (e.g. one read back from the server) for the same rules. */
export function isContiguousSchedule(tiers: readonly RentTier[]): boolean {
  if (tiers.length === 0 || tiers[0]?.fromMonth !== 1) return false;
  return tiers.every((t, i) => {
    const last = i === tiers.length - 1;
    if (!Number.isInteger(t.payBps) || t.payBps < 0 || t.payBps > FULL_BPS) return false;
    if (last) return t.toMonth === undefined;
    const next = tiers[i + 1];
    return t.toMonth !== undefined && t.toMonth >= t.fromMonth && next?.fromMonth === t.toMonth + 1;
  });
}
