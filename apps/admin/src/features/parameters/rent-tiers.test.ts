import { describe, expect, it } from 'vitest';
import {
  bpsToPercentText,
  isContiguousSchedule,
  percentToBps,
  rowsFromTiers,
  tiersFromRows,
} from './rent-tiers';

const DEFAULT = [
  { fromMonth: 1, toMonth: 24, payBps: 0 },
  { fromMonth: 25, toMonth: 36, payBps: 3000 },
  { fromMonth: 37, toMonth: 48, payBps: 5000 },
  { fromMonth: 49, toMonth: 60, payBps: 7000 },
  { fromMonth: 61, payBps: 10000 },
];

describe('rent tier editor', () => {
  it('round-trips the default schedule through the rows', () => {
    const rows = rowsFromTiers(DEFAULT);
    expect(rows[0]).toEqual({ toMonth: '24', discountPercent: '100' });
    expect(rows[1]).toEqual({ toMonth: '36', discountPercent: '70' });
    expect(rows.at(-1)).toEqual({ toMonth: '', discountPercent: '0' });
    expect(tiersFromRows(rows)).toEqual({ ok: true, tiers: DEFAULT });
    expect(isContiguousSchedule(DEFAULT)).toBe(true);
  });

  it('makes tiers contiguous: each starts the month after the previous ends, the last is open', () => {
    const result = tiersFromRows([
      { toMonth: '12', discountPercent: '100' },
      { toMonth: '30', discountPercent: '37.5' },
      { toMonth: '999', discountPercent: '0' },
    ]);
    expect(result).toEqual({
      ok: true,
      tiers: [
        { fromMonth: 1, toMonth: 12, payBps: 0 },
        { fromMonth: 13, toMonth: 30, payBps: 6250 },
        { fromMonth: 31, payBps: 10000 },
      ],
    });
  });

  it('refuses discounts outside 0–100% and months that go backwards', () => {
    const result = tiersFromRows([
      { toMonth: '24', discountPercent: '120' },
      { toMonth: '10', discountPercent: '-5' },
      { toMonth: 'x', discountPercent: '30.555' },
      { toMonth: '', discountPercent: '' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual([
        { code: 'discount_invalid', row: 0 },
        { code: 'discount_invalid', row: 1 },
        { code: 'to_month_before_from', row: 1 },
        { code: 'discount_invalid', row: 2 },
        { code: 'to_month_invalid', row: 2 },
        { code: 'discount_invalid', row: 3 },
      ]);
    }
    expect(tiersFromRows([])).toEqual({ ok: false, issues: [{ code: 'empty' }] });
  });

  it('converts percent and basis points exactly', () => {
    expect(percentToBps('30')).toBe(3000);
    expect(percentToBps('0.01')).toBe(1);
    expect(percentToBps('100%')).toBe(10000);
    expect(percentToBps('100.01')).toBeNull();
    expect(bpsToPercentText(6250)).toBe('62.5');
    expect(bpsToPercentText(1)).toBe('0.01');
    expect(bpsToPercentText(10000)).toBe('100');
  });

  it('spots gaps, overlaps and closed last tiers in a stored schedule', () => {
    expect(
      isContiguousSchedule([
        { fromMonth: 1, toMonth: 12, payBps: 0 },
        { fromMonth: 14, payBps: 1 },
      ]),
    ).toBe(false);
    expect(
      isContiguousSchedule([
        { fromMonth: 1, toMonth: 12, payBps: 0 },
        { fromMonth: 12, payBps: 1 },
      ]),
    ).toBe(false);
    expect(isContiguousSchedule([{ fromMonth: 1, toMonth: 12, payBps: 0 }])).toBe(false);
    expect(isContiguousSchedule([{ fromMonth: 2, payBps: 0 }])).toBe(false);
    expect(isContiguousSchedule([{ fromMonth: 1, payBps: 10001 }])).toBe(false);
  });
});
