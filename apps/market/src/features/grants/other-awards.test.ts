import { describe, expect, it } from 'vitest';
import { emptyOtherAward, toOtherAwards } from './other-awards';

describe('toOtherAwards', () => {
  it('converts typed rows to integer fen, trimming the measure', () => {
    expect(
      toOtherAwards([{ measure: ' 南山区科技创新专项 ', amount: '800,000.50', status: 'received' }]),
    ).toEqual({
      ok: true,
      awards: [{ measure: '南山区科技创新专项', amountFen: 80_000_050, status: 'received' }],
    });
  });

  it('is empty when nothing is declared', () => {
    expect(toOtherAwards([])).toEqual({ ok: true, awards: [] });
  });

  it('reports each bad row by its index and field', () => {
    const result = toOtherAwards([
      { measure: 'A', amount: '100', status: 'applied' },
      emptyOtherAward(),
      { measure: 'B', amount: '0', status: 'applied' },
      { measure: 'C', amount: '1.234', status: 'applied' },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: {
        'otherAwards.1.measure': 'validation.required',
        'otherAwards.1.amount': 'validation.required',
        'otherAwards.2.amount': 'validation.amountPositive',
        'otherAwards.3.amount': 'validation.amountTooPrecise',
      },
    });
  });
});
