/**
 * Calendar dates as 'YYYY-MM-DD' strings (China Standard Time is implied; the rules never read a clock). Valid ISO
 * dates compare correctly as strings, so range checks are plain string comparisons.
 */

export type IsoDate = string;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The value of the decimal digit at `index`, or -1 (char codes, not a regex: this runs on every quote). */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

function numberAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = digitAt(text, i);
    if (digit < 0) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = numberAt(value, 0, 4);
  const month = numberAt(value, 5, 2);
  const day = numberAt(value, 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws unless `value` is a real calendar date written 'YYYY-MM-DD'. */
export function assertIsoDate(value: unknown, name: string): asserts value is IsoDate {
  if (!isIsoDate(value))
    throw new RangeError(`${name} must be a calendar date 'YYYY-MM-DD', got ${String(value)}`);
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parts(date: IsoDate): Ymd {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function format({ year, month, day }: Ymd): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The date `days` days later (negative: earlier). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parts(date);
  const utc = new Date(Date.UTC(year, month - 1, day + days));
  return format({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

/**
 * The same day `months` later; when that month is shorter, its last day (2024-01-31 + 1 month = 2024-02-29), the
 * usual reading of a term stated in months.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/**
 * The tenancy month `date` falls in, counting from `start` (month 1 runs from `start` to the day before the same
 * day next month); 0 when `date` is before `start`.
 */
export function monthOfTerm(start: IsoDate, date: IsoDate): number {
  if (date < start) return 0;
  const s = parts(start);
  const d = parts(date);
  let whole = (d.year - s.year) * 12 + (d.month - s.month);
  if (addMonths(start, whole) > date) whole -= 1;
  return whole + 1;
}
