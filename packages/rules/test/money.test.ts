import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBps, formatFen, formatMoney } from '../src/format';
import { assertFen, leftOf, minFen, percentOfDown, sumFen, yuan } from '../src/money';

const fen = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const bps = fc.integer({ min: 0, max: 10_000 });

describe('percentOfDown', () => {
  it('equals BigInt floor(base × bps / 10000) on the whole safe range, both code paths', () => {
    fc.assert(
      fc.property(fen, bps, (base, rate) => {
        expect(percentOfDown(base, rate)).toBe(Number((BigInt(base) * BigInt(rate)) / 10_000n));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds down at the boundaries', () => {
    expect(percentOfDown(1_000_001, 3000)).toBe(300_000);
    expect(percentOfDown(3, 3000)).toBe(0);
    expect(percentOfDown(4, 3000)).toBe(1);
    // 2^53 − 1 fen × 30%: the BigInt path
    expect(percentOfDown(Number.MAX_SAFE_INTEGER, 3000)).toBe(2_702_159_776_422_297);
    // base × bps just within 2^53 (number path) and just beyond it (BigInt path)
    expect(percentOfDown(3_002_399_751_580, 3000)).toBe(900_719_925_474);
    expect(percentOfDown(3_002_399_751_581, 3000)).toBe(900_719_925_474);
  });
});

describe('fen helpers', () => {
  it('assertFen rejects negatives, fractions, unsafe and non-numbers', () => {
    for (const bad of [
      -1,
      0.5,
      Number.MAX_SAFE_INTEGER + 1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '1',
      null,
    ]) {
      expect(() => assertFen(bad, 'x')).toThrow(RangeError);
    }
    expect(() => assertFen(0, 'x')).not.toThrow();
  });

  it('yuan, min, leftOf, sum', () => {
    expect(yuan(1_000_000)).toBe(100_000_000);
    expect(minFen(3, 2)).toBe(2);
    expect(leftOf(5, 7)).toBe(0);
    expect(leftOf(7, 5)).toBe(2);
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('formatFen', () => {
  it.each([
    [12_500_000, '12.5万元', '¥125,000.00'],
    [100_000_000, '100万元', '¥1,000,000.00'],
    [1_000_001, '1.000001万元', '¥10,000.01'],
    [999_999, '9999.99元', '¥9,999.99'],
    [300_030, '3000.3元', '¥3,000.30'],
    [1, '0.01元', '¥0.01'],
    [0, '0元', '¥0.00'],
    [Number.MAX_SAFE_INTEGER, '9007199254.740991万元', '¥90,071,992,547,409.91'],
  ])('%i fen', (amount, zh, en) => {
    expect(formatFen(amount, 'zh')).toBe(zh);
    expect(formatFen(amount, 'en')).toBe(en);
    expect(formatMoney(amount)).toBe(`${zh} / ${en}`);
  });

  it('formats basis points', () => {
    expect(formatBps(3000)).toBe('30%');
    expect(formatBps(1250)).toBe('12.5%');
    expect(formatBps(5)).toBe('0.05%');
  });
});
