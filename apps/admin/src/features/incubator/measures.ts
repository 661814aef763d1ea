/** Area in m² as staff type it: up to six whole digits and two decimals (the API's own limit). */
const AREA = /^\d{1,6}(\.\d{1,2})?$/;

/** "95.5" → 9550 hundredths of m², by digits (never through a float); null unless a positive area. */
export function parseAreaToCentiM2(text: string): number | null {
  const trimmed = text.trim();
  if (!AREA.test(trimmed)) return null;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  const centi = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return centi > 0 ? centi : null;
}

/** 9550 → "95.50". */
export function centiM2Text(centi: number): string {
  return `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
}

/** 3000 → "30%", 3333 → "33.33%" (basis points of a whole). */
export function bpsText(bps: number): string {
  const cents = bps % 100;
  return `${Math.floor(bps / 100)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}%`;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** The month `offset` months after `month` (both `YYYY-MM`). */
export function shiftMonth(month: string, offset: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + offset;
  const year = Math.floor(index / 12);
  return `${year}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}
