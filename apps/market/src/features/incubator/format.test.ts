import { describe, expect, it } from 'vitest';
import { bpsPercent, centiM2Text } from './format';

describe('bpsPercent', () => {
  it('writes basis points as a percentage', () => {
    expect(bpsPercent(0)).toBe('0%');
    expect(bpsPercent(5000)).toBe('50%');
    expect(bpsPercent(10_000)).toBe('100%');
    expect(bpsPercent(3750)).toBe('37.5%');
    expect(bpsPercent(3705)).toBe('37.05%');
  });
});

describe('centiM2Text', () => {
  it('writes hundredths of a square metre as square metres', () => {
    expect(centiM2Text(18_000)).toBe('180');
    expect(centiM2Text(18_050)).toBe('180.5');
    expect(centiM2Text(18_005)).toBe('180.05');
  });
});
