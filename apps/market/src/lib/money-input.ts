/**
 * Amounts typed by people ("3,200.5" 万元, "12.34" 元) into integer fen, and back, without a float ever carrying the
 * amount (invariant 1): the decimal string is split into its integer and fraction digits and scaled with BigInt.
 */

export type AmountUnit = 'yuan' | 'wan';

/** Fen per unit, and how many decimal places the unit can carry without leaving whole fen. */
const SCALE: Record<AmountUnit, { fen: bigint; decimals: number }> = {
  yuan: { fen: 100n, decimals: 2 },
  wan: { fen: 1_000_000n, decimals: 6 },
};

export type AmountProblem = 'required' | 'format' | 'tooPrecise' | 'tooLarge';

export type ParsedAmount = { ok: true; fen: number } | { ok: false; problem: AmountProblem };

/** Full-width digits, point and comma (typed with a Chinese IME) become ASCII; grouping commas and spaces go. */
function normalise(text: string): string {
  return text
    .trim()
    .replace(/[\uFF10-\uFF19\uFF0E\uFF0C]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s]/g, '');
}

/** "3,200.5" in 万元 → 32_005_000_00 fen. Negative amounts, exponents and more decimals than whole fen are refused. */
export function parseAmountToFen(text: string, unit: AmountUnit): ParsedAmount {
  const value = normalise(text);
  if (value === '') return { ok: false, problem: 'required' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(value);
  if (!match) return { ok: false, problem: 'format' };
  const [, whole = '0', fraction = ''] = match;
  const { fen, decimals } = SCALE[unit];
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > decimals) return { ok: false, problem: 'tooPrecise' };
  const total = BigInt(whole) * fen + BigInt(significant.padEnd(decimals, '0') || '0');
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'tooLarge' };
  return { ok: true, fen: Number(total) };
}

/** Integer fen as the plain decimal a person would type in `unit` ("3200" 万元, "12.5" 元); no grouping. */
export function fenToAmountText(fen: number, unit: AmountUnit): string {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new RangeError(`fenToAmountText: ${fen} is not a fen amount`);
  const { fen: scale, decimals } = SCALE[unit];
  const value = BigInt(fen);
  const whole = value / scale;
  const fraction = (value % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}
