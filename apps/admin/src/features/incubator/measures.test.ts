import { describe, expect, it } from 'vitest';
import { bpsText, centiM2Text, isMonth, parseAreaToCentiM2, shiftMonth } from './measures';

describe('incubator measures', () => {
  it('reads an area in m² as integer hundredths, refusing what the API refuses', () => {
    expect(parseAreaToCentiM2('95.5')).toBe(9550);
    expect(parseAreaToCentiM2(' 180 ')).toBe(18000);
    expect(parseAreaToCentiM2('0.29')).toBe(29);
    expect(parseAreaToCentiM2('999999.99')).toBe(99_999_999);
    for (const bad of ['', '0', '0.00', '1.234', '-5', '1e3', '1,5', '1234567', '.5']) {
      expect(parseAreaToCentiM2(bad)).toBeNull();
    }
    expect(centiM2Text(9550)).toBe('95.50');
    expect(centiM2Text(7)).toBe('0.07');
  });

  it('writes basis points as a percentage', () => {
    expect(bpsText(0)).toBe('0%');
    expect(bpsText(3000)).toBe('30%');
    expect(bpsText(3333)).toBe('33.33%');
    expect(bpsText(10_000)).toBe('100%');
  });

  it('steps months across years', () => {
    expect(shiftMonth('2026-11', 1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', -15)).toBe('2024-12');
    expect(isMonth('2026-11')).toBe(true);
    for (const bad of ['2026-13', '2026-1', '2026-00', null, '']) expect(isMonth(bad)).toBe(false);
  });
});
