import { describe, expect, it } from 'vitest';
import { formatFen } from './format-fen';

describe('formatFen', () => {
  it('formats integer fen exactly in Chinese and English', () => {
    expect(formatFen(123_456, 'zh-CN')).toBe('¥1,234.56');
    expect(formatFen(123_456, 'en')).toBe('CN¥1,234.56');
    expect(formatFen(0, 'zh-CN')).toBe('¥0.00');
    expect(formatFen(5, 'en')).toBe('CN¥0.05');
    expect(formatFen(100_000_000, 'zh-CN')).toBe('¥1,000,000.00');
  });

  it('keeps every fen of amounts where float division would drift', () => {
    // 2^53 - 1 fen: dividing by 100 in floating point would lose the last digits.
    expect(formatFen(Number.MAX_SAFE_INTEGER, 'en')).toBe('CN¥90,071,992,547,409.91');
    expect(formatFen(29, 'zh-CN')).toBe('¥0.29');
  });

  it('shows the sign of negative amounts, including under one yuan', () => {
    expect(formatFen(-1, 'zh-CN')).toBe('-¥0.01');
    expect(formatFen(-123_456, 'en')).toBe('-CN¥1,234.56');
  });

  it('refuses fractional or unsafe amounts', () => {
    expect(() => formatFen(1.5, 'en')).toThrow(RangeError);
    expect(() => formatFen(Number.NaN, 'en')).toThrow(RangeError);
  });
});
