import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate, monthOfTerm } from '../src/dates';

describe('IsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2027-04-07', '0001-01-01'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });
  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-4-8',
    '20240408',
    '2024-04-08T00:00',
    ' 2024-04-08',
    'abcd-ef-gh',
    20240408,
  ])('rejects %s', (date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2027-04-07', 1)).toBe('2027-04-08');
  });

  it('adds months, clamping to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-04-08', 36)).toBe('2027-04-08');
    expect(addMonths('2024-12-15', -12)).toBe('2023-12-15');
  });

  it('counts tenancy months', () => {
    expect(monthOfTerm('2024-04-08', '2024-04-07')).toBe(0);
    expect(monthOfTerm('2024-04-08', '2024-04-08')).toBe(1);
    expect(monthOfTerm('2024-04-08', '2024-05-07')).toBe(1);
    expect(monthOfTerm('2024-04-08', '2024-05-08')).toBe(2);
    expect(monthOfTerm('2024-04-08', '2026-04-07')).toBe(24);
    expect(monthOfTerm('2024-04-08', '2026-04-08')).toBe(25);
    expect(monthOfTerm('2024-01-31', '2024-02-28')).toBe(1);
    expect(monthOfTerm('2024-01-31', '2024-02-29')).toBe(2);
  });
});
