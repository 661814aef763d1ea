import type { DbOrTx } from '@nanshan/db';
import { addDays } from '../../calendar';
import { shenzhenDate } from '../../clock';
import { fundDailyMovements } from '../../ledger/balances';

export type Granularity = 'day' | 'week';

/** The windows the run-out forecast averages the fund's use over. */
export const FORECAST_WINDOWS = [30, 90] as const;

interface Totals {
  budgetFen: number;
  committedFen: number;
  reservedFen: number;
  disbursedFen: number;
}

/**
 * Art. 2 burn-down: the fund year's budget, committed + reserved ("used") and what is left, day by day (or at the end
 * of each week from 1 January) up to today, all summed from the ledger's postings. Postings stamped after today (a
 * clock running behind another process's) count on today, so the last point always equals the fund summary.
 *
 * The forecast, for the current year only: the average daily use over the last 30 and 90 days (the change in
 * committed + reserved, refunds and releases included) and the day the fund runs out at that rate — today plus
 * ⌈left ÷ rate⌉ days, in exact integer arithmetic — or null when the fund is not being used (rate ≤ 0). A date after 31
 * December means the fund lasts the year at that rate.
 */
export async function fundBurnDown(db: DbOrTx, input: { year: number; granularity: Granularity; now: Date }) {
  const today = shenzhenDate(input.now);
  const first = `${input.year}-01-01`;
  const last = `${input.year}-12-31`;
  const asOf = [today, last].sort()[0]!;
  // Postings after `asOf` fold into `asOf` (ISO dates order as strings).
  const movements = (await fundDailyMovements(db, input.year)).map((m) => ({
    ...m,
    day: [m.day, asOf].sort()[0]!,
  }));

  /** Totals at the end of `date`. */
  const totalsAt = (date: string): Totals => {
    const totals: Totals = { budgetFen: 0, committedFen: 0, reservedFen: 0, disbursedFen: 0 };
    for (const m of movements) {
      if (m.day > date) continue;
      totals.budgetFen += m.budgetFen;
      totals.committedFen += m.committedFen;
      totals.reservedFen += m.reservedFen;
      totals.disbursedFen += m.disbursedFen;
    }
    return totals;
  };
  const point = (date: string) => {
    const t = totalsAt(date);
    const usedFen = t.committedFen + t.reservedFen;
    return { date, ...t, usedFen, leftFen: t.budgetFen - usedFen };
  };

  const points: ReturnType<typeof point>[] = [];
  if (asOf >= first) {
    const step = input.granularity === 'day' ? 1 : 7;
    let date = input.granularity === 'day' ? first : addDays(first, 6);
    while (date < asOf) {
      points.push(point(date));
      date = addDays(date, step);
    }
    points.push(point(asOf));
  }

  const current = today >= first && today <= last;
  const now = point(asOf);
  const forecast = current
    ? Object.fromEntries(
        FORECAST_WINDOWS.map((windowDays) => {
          const start = totalsAt(addDays(asOf, -windowDays));
          const usedInWindowFen = now.usedFen - (start.committedFen + start.reservedFen);
          return [`last${windowDays}Days`, runOut(asOf, now.leftFen, usedInWindowFen, windowDays)];
        }),
      )
    : null;
  return {
    year: input.year,
    granularity: input.granularity,
    asOf: asOf >= first ? asOf : null,
    points,
    forecast: forecast as { last30Days: RunOut; last90Days: RunOut } | null,
  };
}

export interface RunOut {
  windowDays: number;
  /** committed + reserved added over the window (net of refunds and releases). */
  usedInWindowFen: number;
  /** The window's average use per day, rounded down to the fen (for display; the date uses the exact rate). */
  averageDailyUseFen: number;
  /** The day the fund is used up at this rate; null when the rate is zero or negative, or beyond the horizon. */
  runsOutOn: string | null;
  /** The rate is so low that the fund would last more than FORECAST_HORIZON_DAYS. */
  lastsBeyondHorizon: boolean;
}

/** Ten years: a run-out date further away says nothing useful (and would leave the calendar's range). */
export const FORECAST_HORIZON_DAYS = 3650;

function runOut(today: string, leftFen: number, usedInWindowFen: number, windowDays: number): RunOut {
  const averageDailyUseFen = usedInWindowFen > 0 ? Number(BigInt(usedInWindowFen) / BigInt(windowDays)) : 0;
  let runsOutOn: string | null = null;
  let lastsBeyondHorizon = false;
  if (usedInWindowFen > 0) {
    if (leftFen <= 0) runsOutOn = today;
    else {
      // ⌈left ÷ (used / window)⌉ = ⌈left × window ÷ used⌉, in BigInt so no product loses precision.
      const numerator = BigInt(leftFen) * BigInt(windowDays);
      const used = BigInt(usedInWindowFen);
      const days = (numerator + used - 1n) / used;
      if (days > BigInt(FORECAST_HORIZON_DAYS)) lastsBeyondHorizon = true;
      else runsOutOn = addDays(today, Number(days));
    }
  }
  return { windowDays, usedInWindowFen, averageDailyUseFen, runsOutOn, lastsBeyondHorizon };
}
