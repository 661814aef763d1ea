import { describe, expect, it } from 'vitest';
import { fenToAmountText, fenToYuanText, parseAmountToFen, parseYuanToFen } from './amount-input';

describe('parseAmountToFen', () => {
  it('reads 万元 and 元 into integer fen', () => {
    expect(parseAmountToFen('3200', 'wan')).toEqual({ ok: true, fen: 3_200_000_000 });
    expect(parseAmountToFen('0.000001', 'wan')).toEqual({ ok: true, fen: 1 });
    expect(parseAmountToFen('12.34', 'yuan')).toEqual({ ok: true, fen: 1234 });
    expect(parseAmountToFen('12.3', 'yuan')).toEqual({ ok: true, fen: 1230 });
    expect(parseAmountToFen('0', 'yuan')).toEqual({ ok: true, fen: 0 });
  });

  it('never rounds through a float (0.1 + 0.2 style inputs stay exact)', () => {
    expect(parseAmountToFen('0.29', 'yuan')).toEqual({ ok: true, fen: 29 });
    expect(parseAmountToFen('1.005', 'wan')).toEqual({ ok: true, fen: 1_005_000 });
    expect(parseAmountToFen('90071992547409.91', 'yuan')).toEqual({ ok: true, fen: 9_007_199_254_740_991 });
  });

  it('accepts grouping, spaces, trailing zeros, full-width digits and a currency sign', () => {
    expect(parseAmountToFen(' 1,234.50 ', 'yuan')).toEqual({ ok: true, fen: 123_450 });
    expect(parseAmountToFen('１２．５', 'wan')).toEqual({ ok: true, fen: 12_500_000 });
    expect(parseAmountToFen('1，000', 'yuan')).toEqual({ ok: true, fen: 100_000 });
    expect(parseAmountToFen('5.', 'yuan')).toEqual({ ok: true, fen: 500 });
    expect(parseAmountToFen('1.2300000', 'yuan')).toEqual({ ok: true, fen: 123 });
    expect(parseAmountToFen('￥12', 'yuan')).toEqual({ ok: true, fen: 1200 });
    expect(parseAmountToFen('cn¥ 3', 'wan')).toEqual({ ok: true, fen: 3_000_000 });
  });

  it('names what is wrong', () => {
    expect(parseAmountToFen('', 'yuan')).toEqual({ ok: false, problem: 'required' });
    expect(parseAmountToFen(' , ', 'yuan')).toEqual({ ok: false, problem: 'required' });
    expect(parseAmountToFen('-5', 'yuan')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmountToFen('1e3', 'yuan')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmountToFen('.5', 'yuan')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmountToFen('abc', 'wan')).toEqual({ ok: false, problem: 'format' });
    for (const misplaced of ['¥', '5¥', '1¥2', '¥¥5', 'CN5', '-¥-5']) {
      expect(parseAmountToFen(misplaced, 'yuan', { allowNegative: true }), misplaced).toEqual({
        ok: false,
        problem: 'format',
      });
    }
    expect(parseAmountToFen('1.234', 'yuan')).toEqual({ ok: false, problem: 'tooPrecise' });
    expect(parseAmountToFen('0.0000001', 'wan')).toEqual({ ok: false, problem: 'tooPrecise' });
    expect(parseAmountToFen('90071992547409.92', 'yuan')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseAmountToFen('-90071992547409.92', 'yuan', { allowNegative: true })).toEqual({
      ok: false,
      problem: 'tooLarge',
    });
  });
});

describe('parseYuanToFen', () => {
  it('reads yuan with up to two decimals exactly', () => {
    expect(parseYuanToFen('1234.56')).toBe(123_456);
    expect(parseYuanToFen('1,000,000')).toBe(100_000_000);
    expect(parseYuanToFen('0.1')).toBe(10);
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen(' ¥ 12.5 ')).toBe(1250);
    expect(parseYuanToFen('CN¥7')).toBe(700);
    expect(parseYuanToFen('3.')).toBe(300);
    expect(parseYuanToFen('0')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1.234', '1e5', '--1', '1.2.3', '.5', 'NaN', '¥', '1.001']) {
      expect(parseYuanToFen(bad), bad).toBeNull();
    }
    expect(parseYuanToFen('99999999999999999')).toBeNull();
  });

  it('accepts a minus only when asked', () => {
    expect(parseYuanToFen('-5')).toBeNull();
    expect(parseYuanToFen('-5.01', { allowNegative: true })).toBe(-501);
    expect(parseYuanToFen('¥-5', { allowNegative: true })).toBe(-500);
    expect(parseYuanToFen('-¥5', { allowNegative: true })).toBe(-500);
    expect(parseYuanToFen('-0', { allowNegative: true })).toBe(0);
  });
});

describe('fenToAmountText', () => {
  it('writes fen back as the decimal a person types', () => {
    expect(fenToAmountText(3_200_000_000, 'wan')).toBe('3200');
    expect(fenToAmountText(1, 'wan')).toBe('0.000001');
    expect(fenToAmountText(1230, 'yuan')).toBe('12.3');
    expect(fenToAmountText(0, 'yuan')).toBe('0');
    expect(fenToAmountText(-501, 'yuan')).toBe('-5.01');
    expect(fenToAmountText(1230, 'yuan', { allDecimals: true })).toBe('12.30');
  });

  it('writes yuan for an input field with both decimals', () => {
    expect(fenToYuanText(123_450)).toBe('1234.50');
    expect(fenToYuanText(-5)).toBe('-0.05');
    expect(fenToYuanText(0)).toBe('0.00');
    expect(() => fenToYuanText(1.5)).toThrow(RangeError);
  });

  it('round-trips', () => {
    for (const fen of [0, 1, 99, 100, 123_456_789, 9_007_199_254_740_991]) {
      for (const unit of ['yuan', 'wan'] as const) {
        expect(parseAmountToFen(fenToAmountText(fen, unit), unit)).toEqual({ ok: true, fen });
      }
    }
    for (const fen of [0, 1, 99, 100, 123_456, -501, Number.MAX_SAFE_INTEGER]) {
      expect(parseYuanToFen(fenToYuanText(fen), { allowNegative: true })).toBe(fen);
    }
  });
});
