import { assertFen, type Fen } from './money';

/** Digits of `value` with `width` decimals, trailing zeros (and a bare point) trimmed. */
function decimal(whole: number, fraction: number, width: number): string {
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(width, '0').replace(/0+$/, '')}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * CNY for display, exact to the fen. 'zh' writes amounts of 1 万元 and more in 万元 as the measures do
 * ("12.5万元"), smaller ones in 元 ("3000.3元"); 'en' writes yuan with two decimals ("¥125,000.00").
 */
export function formatFen(fen: Fen, locale: 'zh' | 'en'): string {
  assertFen(fen, 'fen');
  if (locale === 'en') {
    const cents = fen % 100;
    return `¥${groupThousands(String((fen - cents) / 100))}.${String(cents).padStart(2, '0')}`;
  }
  if (fen >= 1_000_000) {
    const rest = fen % 1_000_000;
    return `${decimal((fen - rest) / 1_000_000, rest, 6)}万元`;
  }
  const cents = fen % 100;
  return `${decimal((fen - cents) / 100, cents, 2)}元`;
}

/** Both renderings, as trace texts show money: "12.5万元 / ¥125,000.00". */
export function formatMoney(fen: Fen): string {
  return `${formatFen(fen, 'zh')} / ${formatFen(fen, 'en')}`;
}

/** Basis points as a percentage: 3000 → "30%", 1250 → "12.5%". */
export function formatBps(bps: number): string {
  const rest = bps % 100;
  return `${decimal((bps - rest) / 100, rest, 2)}%`;
}
