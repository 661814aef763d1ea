/** The API's burn-down point (integer fen at the end of the day). */
export interface BurnDownPoint {
  date: string;
  budgetFen: number;
  usedFen: number;
  leftFen: number;
}

export interface ChartRow {
  date: string;
  budget: number | null;
  used: number | null;
  left: number | null;
  /** The forecast line: left today, zero on the run-out date; null elsewhere (the chart connects the two). */
  forecast: number | null;
}

/** YYYY-MM-DD plus n calendar days (dates only, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/**
 * Rows for the burn-down chart: the actual points, and — when the forecast says the fund runs out within the year —
 * the rest of the year at the same step with the run-out date itself inserted, so the dashed forecast line reaches
 * zero where the server says it does. No amount is computed here: the line joins two values the server gave.
 */
export function burnDownRows(input: {
  points: readonly BurnDownPoint[];
  year: number;
  granularity: 'day' | 'week';
  runsOutOn: string | null;
}): ChartRow[] {
  const rows: ChartRow[] = input.points.map((p) => ({
    date: p.date,
    budget: p.budgetFen,
    used: p.usedFen,
    left: p.leftFen,
    forecast: null,
  }));
  const last = rows.at(-1);
  const yearEnd = `${input.year}-12-31`;
  if (!last || !input.runsOutOn || input.runsOutOn > yearEnd || input.runsOutOn <= last.date) return rows;
  last.forecast = last.left;
  const step = input.granularity === 'day' ? 1 : 7;
  const future: string[] = [];
  for (let date = addDays(last.date, step); date <= yearEnd; date = addDays(date, step)) future.push(date);
  if (!future.includes(input.runsOutOn)) future.push(input.runsOutOn);
  future.sort();
  for (const date of future) {
    rows.push({ date, budget: null, used: null, left: null, forecast: date === input.runsOutOn ? 0 : null });
  }
  return rows;
}

/**
 * Axis ticks, short: 万 / 亿 in Chinese, K / M in English ("1,200万", "¥1.2M"). Tick labels only — a chart's scale,
 * rounded down to one decimal; every amount a person reads in a tooltip or a table is formatted exactly (formatFen).
 */
export function axisLabel(fen: number, language: 'zh-CN' | 'en'): string {
  const yuan = Math.trunc(fen / 100);
  const short = (value: number, unit: number) => {
    const tenths = Math.trunc((value * 10) / unit);
    return (tenths / 10).toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 1 });
  };
  const abs = Math.abs(yuan);
  if (language === 'en') {
    if (abs >= 1_000_000) return `¥${short(yuan, 1_000_000)}M`;
    if (abs >= 1_000) return `¥${short(yuan, 1_000)}K`;
    return `¥${yuan.toLocaleString('en-US')}`;
  }
  if (abs >= 100_000_000) return `${short(yuan, 100_000_000)}亿`;
  if (abs >= 10_000) return `${short(yuan, 10_000)}万`;
  return yuan.toLocaleString('zh-CN');
}
