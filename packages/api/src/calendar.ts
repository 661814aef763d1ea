/**
 * Calendar arithmetic on `YYYY-MM-DD` dates (policy dates are Shenzhen local dates, see clock.ts). Plain UTC
 * arithmetic on whole days: a date is midnight UTC of that day, so no time zone or daylight saving can shift it.
 */

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return ms;
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** The instant a Shenzhen (UTC+8) calendar day starts. */
export function shenzhenDayStart(date: string): Date {
  return new Date(toUtcMs(date) - 8 * 3600_000);
}
