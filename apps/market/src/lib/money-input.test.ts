import { describe, expect, it } from 'vitest';
import { fenToAmountText, parseAmountToFen } from './money-input';

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

  it('accepts grouping, spaces, trailing zeros and full-width digits', () => {
    expect(parseAmountToFen(' 1,234.50 ', 'yuan')).toEqual({ ok: true, fen: 123_450 });
    expect(parseAmountToFen('１２．５', 'wan')).toEqual({ ok: true, fen: 12_500_000 });
    expect(parseAmountToFen('5.', 'yuan')).toEqual({ ok: true, fen: 500 });
    expect(parseAmountToFen('1.2300000', 'yuan')).toEqual({ ok: true, fen: 123 });
  });

  it('names what is wrong', () => {
    expect(parseAmountToFen('', 'yuan')).toEqual({ ok: false, problem: 'required' });
    expect(parseAmountToFen('-5', 'yuan')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmountToFen('1e3', 'yuan')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmountToFen('.5', 'yuan')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmountToFen('abc', 'wan')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmountToFen('1.234', 'yuan')).toEqual({ ok: false, problem: 'tooPrecise' });
    expect(parseAmountToFen('0.0000001', 'wan')).toEqual({ ok: false, problem: 'tooPrecise' });
    expect(parseAmountToFen('90071992547409.92', 'yuan')).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('fenToAmountText', () => {
  it('writes fen back as the decimal a person types', () => {
    expect(fenToAmountText(3_200_000_000, 'wan')).toBe('3200');
    expect(fenToAmountText(1, 'wan')).toBe('0.000001');
    expect(fenToAmountText(1230, 'yuan')).toBe('12.3');
    expect(fenToAmountText(0, 'yuan')).toBe('0');
  });

  it('round-trips', () => {
    for (const fen of [0, 1, 99, 100, 123_456_789, 9_007_199_254_740_991]) {
      for (const unit of ['yuan', 'wan'] as const) {
        expect(parseAmountToFen(fenToAmountText(fen, unit), unit)).toEqual({ ok: true, fen });
      }
    }
  });
});
