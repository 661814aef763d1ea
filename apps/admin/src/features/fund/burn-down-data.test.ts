import { describe, expect, it } from 'vitest';
import { addDays, axisLabel, burnDownRows } from './burn-down-data';

const points = [
  { date: '2026-11-26', budgetFen: 1000, usedFen: 100, leftFen: 900 },
  { date: '2026-11-27', budgetFen: 1000, usedFen: 300, leftFen: 700 },
];

describe('burnDownRows', () => {
  it('keeps the actual points and adds no forecast when the fund outlasts the year', () => {
    const rows = burnDownRows({ points, year: 2026, granularity: 'day', runsOutOn: '2027-02-01' });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.forecast === null)).toBe(true);
  });

  it('draws the forecast from today to zero on the run-out date, padding the rest of the year', () => {
    const rows = burnDownRows({ points, year: 2026, granularity: 'week', runsOutOn: '2026-12-10' });
    expect(rows[1]).toMatchObject({ date: '2026-11-27', left: 700, forecast: 700 });
    expect(rows.map((r) => r.date).slice(2)).toEqual([
      '2026-12-04',
      '2026-12-10',
      '2026-12-11',
      '2026-12-18',
      '2026-12-25',
    ]);
    expect(rows.find((r) => r.date === '2026-12-10')).toMatchObject({ forecast: 0, left: null });
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('labels the axis short, never rounding up', () => {
    expect(axisLabel(12_345_678_900, 'zh-CN')).toBe('1.2亿');
    expect(axisLabel(5_000_000_000, 'zh-CN')).toBe('5,000万');
    expect(axisLabel(473_550, 'zh-CN')).toBe('4,735');
    expect(axisLabel(0, 'zh-CN')).toBe('0');
    expect(axisLabel(500_000_000_00, 'en')).toBe('¥500M');
    expect(axisLabel(473_550, 'en')).toBe('¥4.7K');
    expect(axisLabel(199_999_999, 'en')).toBe('¥1.9M');
  });
});
