import { addDays } from '../../calendar';

/** The first day of the month `offset` months after the month of `date` (YYYY-MM-DD strings). */
export function monthStart(date: string, offset: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + offset;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** The first and last day of a calendar month given as `YYYY-MM`. */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: addDays(monthStart(first, 1), -1) };
}
