import { describe, expect, it } from 'vitest';
import { editorFrom, valueFrom } from './values';

describe('parameter value editor', () => {
  it('round-trips each editable unit from the value in force', () => {
    const cases: [Parameters<typeof editorFrom>[0], unknown][] = [
      ['fen', 100_000_000],
      ['fen_per_card_hour', 1000],
      ['bps', 3000],
      ['bps_by_field', { industry: 3000, services: 2500, other: 1000 }],
      ['bps_by_financing_kind', { loan_interest: 5000, startup_financing: 100, ip_pledge: 5000 }],
      [
        'rent_tiers',
        [
          { fromMonth: 1, toMonth: 24, payBps: 0 },
          { fromMonth: 25, payBps: 10000 },
        ],
      ],
    ];
    for (const [unit, value] of cases)
      expect(valueFrom(editorFrom(unit, value))).toEqual({ ok: true, value });
  });

  it('names the wrong input', () => {
    expect(valueFrom({ unit: 'bps', percent: '101' })).toEqual({ ok: false, problem: 'percent' });
    expect(valueFrom({ unit: 'fen_per_card_hour', fen: 0 })).toEqual({ ok: false, problem: 'amount' });
    expect(valueFrom({ unit: 'fen', fen: null })).toEqual({ ok: false, problem: 'amount' });
    expect(valueFrom({ unit: 'rent_tiers', rows: [] })).toEqual({ ok: false, problem: 'tiers' });
  });
});
