/**
 * Yuan typed by a person ("1,234.5", "1234.56", "¥ 100") as integer fen, read digit by digit so no float ever
 * carries the amount. Returns null for anything that is not a plain amount: more than two decimals, letters, an
 * empty string, or more fen than a JS number holds exactly. A leading minus is accepted only when `allowNegative`.
 */
export function parseYuanToFen(text: string, { allowNegative = false } = {}): number | null {
  const cleaned = text.replace(/[\s,，¥￥]/g, '').replace(/^CN(?=\d|-)/i, '');
  const match = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, minus, whole = '', fraction = ''] = match;
  if (minus && !allowNegative) return null;
  const digits = `${whole}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen)) return null;
  return minus && fen !== 0 ? -fen : fen;
}

/** Integer fen as plain yuan text for an input field ("1234.50"), the inverse of `parseYuanToFen`. */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen))
    throw new RangeError(`fenToYuanText: ${fen} is not an integer amount of fen`);
  const abs = Math.abs(fen);
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${(abs - (abs % 100)) / 100}.${cents}`;
}
