/**
 * Amounts typed by people — 元 ("1,234.5", "¥ 100", "１２．５") or 万元 ("3,200.5") — into integer fen, and back,
 * without a float ever carrying the amount: the decimal text is split into its whole and fraction digits and scaled
 * with BigInt. Both apps read every typed amount here, so one notation is accepted and one set of refusals applies.
 */

export type AmountUnit = 'yuan' | 'wan';

/** Fen per unit, and how many decimal places the unit can carry without leaving whole fen. */
const SCALE: Record<AmountUnit, { fen: bigint; decimals: number }> = {
  yuan: { fen: 100n, decimals: 2 },
  wan: { fen: 1_000_000n, decimals: 6 },
};

export type AmountProblem = 'required' | 'format' | 'tooPrecise' | 'tooLarge';

export type ParsedAmount = { ok: true; fen: number } | { ok: false; problem: AmountProblem };

export interface AmountOptions {
  /** Accept a leading minus (adjustments); otherwise "-5" is a format problem. */
  allowNegative?: boolean;
}

/** Full-width digits, point and comma (typed with a Chinese IME) become ASCII; grouping commas and spaces go. */
function normalise(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF0E\uFF0C]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s]/g, '');
}

/** The amount may lead with its currency sign as the screen shows it: "¥12", "￥12", "CN¥12", "-¥5", "¥-5". */
function withoutCurrency(text: string): string {
  return text.replace(/^(-?)(?:CN)?[¥￥]/i, '$1');
}

/**
 * "3,200.5" in 万元 → 3_200_500_000 fen. Exponents, a currency sign anywhere but in front, more decimals than whole
 * fen (trailing zeros aside: "1.2300" 元 is 123 fen) and more fen than a JS number holds exactly are refused, each
 * with its reason.
 */
export function parseAmountToFen(
  text: string,
  unit: AmountUnit,
  { allowNegative = false }: AmountOptions = {},
): ParsedAmount {
  const normalised = normalise(text);
  if (normalised === '') return { ok: false, problem: 'required' };
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(withoutCurrency(normalised));
  if (!match) return { ok: false, problem: 'format' };
  const [, minus, whole = '0', fraction = ''] = match;
  if (minus && !allowNegative) return { ok: false, problem: 'format' };
  const { fen, decimals } = SCALE[unit];
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > decimals) return { ok: false, problem: 'tooPrecise' };
  const total = BigInt(whole) * fen + BigInt(significant.padEnd(decimals, '0') || '0');
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'tooLarge' };
  // "-0" is zero, not JavaScript's -0.
  return { ok: true, fen: minus && total > 0n ? -Number(total) : Number(total) };
}

/** `parseAmountToFen` in 元 where the caller only needs the fen or null (it shows its own error). */
export function parseYuanToFen(text: string, options: AmountOptions = {}): number | null {
  const parsed = parseAmountToFen(text, 'yuan', options);
  return parsed.ok ? parsed.fen : null;
}

/**
 * Integer fen as the plain decimal a person would type in `unit`, without grouping: trailing zeros dropped ("3200"
 * 万元, "12.5" 元), or with `allDecimals` every decimal place kept ("12.50" 元).
 */
export function fenToAmountText(fen: number, unit: AmountUnit, { allDecimals = false } = {}): string {
  if (!Number.isSafeInteger(fen))
    throw new RangeError(`fenToAmountText: ${fen} is not an integer amount of fen`);
  const { fen: scale, decimals } = SCALE[unit];
  const value = BigInt(Math.abs(fen));
  const digits = (value % scale).toString().padStart(decimals, '0');
  const fraction = allDecimals ? digits : digits.replace(/0+$/, '');
  return `${fen < 0 ? '-' : ''}${value / scale}${fraction ? `.${fraction}` : ''}`;
}

/** Integer fen as yuan text for an input field ("1234.50"), the inverse of `parseYuanToFen`. */
export function fenToYuanText(fen: number): string {
  return fenToAmountText(fen, 'yuan', { allDecimals: true });
}
