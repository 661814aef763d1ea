/**
 * Integer-fen money. Every amount in this package is a whole number of fen (1 yuan = 100 fen), a safe integer and
 * never negative. Rates are basis points (1 bp = 0.01%). Each helper rounds in one stated direction; public money
 * is never rounded up (Art. 6: "最高 30%" — at most 30%, so 30% of the spend rounded down to the fen).
 */

export type Fen = number;

export const FEN_PER_YUAN = 100;
export const BPS_DENOMINATOR = 10_000;

/** Throws unless `fen` is a non-negative safe integer; `name` says which input was wrong. */
export function assertFen(fen: unknown, name: string): asserts fen is Fen {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer number of fen, got ${String(fen)}`);
  }
}

/** Whole yuan to fen, for writing parameters the way the measures state them (100 万元 → yuan(1_000_000)). */
export function yuan(amountYuan: number): Fen {
  const fen = amountYuan * FEN_PER_YUAN;
  assertFen(fen, 'yuan');
  return fen;
}

/** Throws unless `bps` is an integer from 0 to 10,000 (0% to 100%). */
export function assertBps(bps: unknown, name: string): asserts bps is number {
  if (typeof bps !== 'number' || !Number.isInteger(bps) || bps < 0 || bps > BPS_DENOMINATOR) {
    throw new RangeError(
      `${name} must be an integer number of basis points from 0 to 10000, got ${String(bps)}`,
    );
  }
}

/**
 * `bps` basis points of `baseFen`, rounded down to the fen. The product is exact: while it stays within 2^53 the
 * integer arithmetic below is exact in doubles (remainder, subtraction and an exact division); beyond it the
 * multiplication runs in BigInt (1e12 fen × 10,000 bp overflows 2^53). test/money.test.ts checks both paths agree.
 */
export function percentOfDown(baseFen: Fen, bps: number): Fen {
  const product = baseFen * bps;
  if (product <= Number.MAX_SAFE_INTEGER) {
    return (product - (product % BPS_DENOMINATOR)) / BPS_DENOMINATOR;
  }
  return Number((BigInt(baseFen) * BigInt(bps)) / BigInt(BPS_DENOMINATOR));
}

/** The smaller of two amounts. */
export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

/** `a − b`, or 0 when `b` exceeds `a`: what is left of a cap or budget. */
export function leftOf(a: Fen, b: Fen): Fen {
  return a > b ? a - b : 0;
}

/** Sum of amounts; throws instead of losing precision above 2^53 fen. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (!Number.isSafeInteger(total))
      throw new RangeError('sum of fen amounts exceeds the safe-integer range');
  }
  return total;
}
