import { describe, expect, it } from 'vitest';
import { fenToYuanText, parseYuanToFen } from './parse-yuan';

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
    for (const bad of ['', 'abc', '1.234', '1e5', '--1', '1.2.3', '.5', 'NaN']) {
      expect(parseYuanToFen(bad), bad).toBeNull();
    }
    expect(parseYuanToFen('99999999999999999')).toBeNull();
  });

  it('accepts a minus only when asked', () => {
    expect(parseYuanToFen('-5')).toBeNull();
    expect(parseYuanToFen('-5.01', { allowNegative: true })).toBe(-501);
    expect(parseYuanToFen('-0', { allowNegative: true })).toBe(0);
  });

  it('round-trips with fenToYuanText', () => {
    for (const fen of [0, 1, 99, 100, 123_456, -501, Number.MAX_SAFE_INTEGER]) {
      expect(parseYuanToFen(fenToYuanText(fen), { allowNegative: true })).toBe(fen);
    }
  });
});
