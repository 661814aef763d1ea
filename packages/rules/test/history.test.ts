import { describe, expect, it } from 'vitest';
import {
  consecutiveYearsFunded,
  type GrantRecord,
  grantedInYear,
  grantedToProject,
  growthAwardsPaid,
} from '../src/index';

const grant = (over: Partial<GrantRecord>): GrantRecord => ({
  grantId: 'g',
  subject: '91350100M000100Y43',
  project: 'p1',
  article: '第六条',
  family: 'art6',
  amountFen: 100,
  decidedOn: '2025-03-01',
  year: 2024,
  status: 'paid',
  ...over,
});

const records: GrantRecord[] = [
  grant({ grantId: 'a', amountFen: 100 }),
  grant({ grantId: 'b', amountFen: 200, status: 'reserved' }),
  grant({ grantId: 'c', amountFen: 400, status: 'voided' }),
  grant({ grantId: 'd', amountFen: 800, year: 2025 }),
  grant({ grantId: 'e', amountFen: 1600, subject: 'other' }),
  grant({ grantId: 'f', amountFen: 3200, article: '第五条', family: 'art5', year: 2023 }),
  grant({ grantId: 'g', amountFen: 6400, article: '第五条', family: 'art5', year: 2024 }),
  grant({ grantId: 'h', amountFen: 100_000_000, article: '第十二条', family: 'art12', project: 'growth' }),
  grant({ grantId: 'i', amountFen: 5, article: '第九条', family: 'art9', year: 2022, status: 'reversed' }),
];

describe('grant history', () => {
  it('counts reserved, approved and paid grants of the subject, family and year, and cites them', () => {
    const result = grantedInYear(records, { subject: '91350100M000100Y43', family: 'art6', year: 2024 });
    expect(result.totalFen).toBe(300);
    expect(result.counted.map((r) => r.grantId)).toEqual(['a', 'b']);
  });

  it('per-project totals leave out Art. 5 platform grants (Art. 4 (2))', () => {
    const result = grantedToProject(records, { subject: '91350100M000100Y43', project: 'p1' });
    expect(result.counted.map((r) => r.grantId)).toEqual(['a', 'b', 'd']);
    expect(result.totalFen).toBe(1100);
  });

  it('counts consecutive earlier years', () => {
    expect(
      consecutiveYearsFunded(records, { subject: '91350100M000100Y43', family: 'art5', year: 2025 }).years,
    ).toBe(2);
    expect(
      consecutiveYearsFunded(records, { subject: '91350100M000100Y43', family: 'art5', year: 2024 }).years,
    ).toBe(1);
    expect(
      consecutiveYearsFunded(records, { subject: '91350100M000100Y43', family: 'art5', year: 2026 }).years,
    ).toBe(0);
    expect(
      consecutiveYearsFunded(records, { subject: '91350100M000100Y43', family: 'art9', year: 2023 }).years,
    ).toBe(0);
  });

  it('sums Art. 12 awards for 晋级补差', () => {
    expect(growthAwardsPaid(records, '91350100M000100Y43').totalFen).toBe(100_000_000);
  });

  it('refuses malformed amounts', () => {
    expect(() =>
      grantedInYear([grant({ amountFen: -1 })], {
        subject: '91350100M000100Y43',
        family: 'art6',
        year: 2024,
      }),
    ).toThrow(RangeError);
  });
});
