/** The server's notion of "now", injected so tests can set the date the policy is evaluated on. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The calendar date in Shenzhen (UTC+8, no daylight saving) — policy dates are local dates. */
export function shenzhenDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function shenzhenYear(at: Date): number {
  return Number(shenzhenDate(at).slice(0, 4));
}

/** Shenzhen wall-clock time as `YYYY-MM-DD HH:mm:ss`, for documents people read (statements, receipts). */
export function shenzhenDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
