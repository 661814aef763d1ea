/**
 * Published segments (and what-if values) as dated overrides of the parameter table: validated, picked by date and
 * precedence, named in the trace in Chinese and English, and counted in `paramsHash`.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../src/cli/cases';
import {
  type Art6Input,
  aiServicesSupport,
  computePoolCharge,
  financingSupport,
  growthAward,
  incubatorRent,
  PARAMS_HASH,
  ParamOverrideError,
  paramAt,
  paramOverrides,
  quoteArt6,
  scenarioSupport,
  validateParamValue,
} from '../src/index';

const applicant = { registeredInNanshan: true, legalStatus: 'independent' as const, techSmeRegistered: true };
const art6 = (date: string, overrides?: ReturnType<typeof paramOverrides>): Art6Input => ({
  date,
  applicant,
  activity: 'llm_training',
  provider: { inShenzhen: true, registered: true },
  spendFen: 1_000_000,
  grantedThisYearFen: 0,
  ...(overrides ? { overrides } : {}),
});
const notice = '区科技创新局通知〔2026〕9号';

function refusal(list: unknown[]): { code: string; path: string } {
  try {
    paramOverrides(list);
  } catch (error) {
    expect(error).toBeInstanceOf(ParamOverrideError);
    const e = error as ParamOverrideError;
    return { code: e.code, path: e.path };
  }
  throw new Error('expected a refusal');
}

describe('validation', () => {
  const ok = { key: 'art6.rateBps', value: 2000, from: '2026-12-01', source: notice };

  it('accepts well-formed overrides of every unit', () => {
    expect(() =>
      paramOverrides([
        ok,
        { key: 'art6.annualCapFen', value: 50_000_000, from: '2026-12-01', to: '2026-12-31', source: notice },
        { key: 'art5.maxYears', value: 2, from: '2026-12-01', source: notice, kind: 'what_if' },
        {
          key: 'art9.batchRateBps',
          value: { industry: 4000, services: 3000, other: 0 },
          from: '2026-12-01',
          source: notice,
        },
        {
          key: 'art10.poolPriceFenPerCardHour',
          value: 800,
          from: '2026-12-01',
          source: notice,
          ref: 'seg-1',
        },
        {
          key: 'art10.rentTiers',
          value: [
            { fromMonth: 1, toMonth: 12, payBps: 0 },
            { fromMonth: 13, payBps: 10_000 },
          ],
          from: '2026-12-01',
          source: notice,
        },
        {
          key: 'art12.tiers',
          value: [
            { revenueAboveFen: 1, awardFen: 5 },
            { revenueAboveFen: 2, awardFen: 5 },
          ],
          from: '2026-12-01',
          source: notice,
        },
        {
          key: 'art13.subsidyBps',
          value: { loan_interest: 1, startup_financing: 2, ip_pledge: 3 },
          from: '2026-12-01',
          source: notice,
        },
      ]),
    ).not.toThrow();
  });

  it.each([
    [{ ...ok, key: 'art6.nope' }, 'unknown_parameter', 'overrides[0].key'],
    [{ ...ok, value: 10_001 }, 'invalid_value', 'overrides[0].value'],
    [{ ...ok, value: -1 }, 'invalid_value', 'overrides[0].value'],
    [{ ...ok, value: 12.5 }, 'invalid_value', 'overrides[0].value'],
    [{ ...ok, value: '2000' }, 'invalid_value', 'overrides[0].value'],
    [{ ...ok, key: 'art6.annualCapFen', value: 0.5 }, 'invalid_value', 'overrides[0].value'],
    [{ ...ok, key: 'art10.poolPriceFenPerCardHour', value: 0 }, 'invalid_value', 'overrides[0].value'],
    [
      { ...ok, key: 'art9.batchRateBps', value: { industry: 1, services: 1 } },
      'invalid_value',
      'overrides[0].value.other',
    ],
    [
      { ...ok, key: 'art9.batchRateBps', value: { industry: 1, services: 1, other: 1, x: 1 } },
      'invalid_value',
      'overrides[0].value.x',
    ],
    [{ ...ok, key: 'art10.rentTiers', value: [] }, 'invalid_value', 'overrides[0].value'],
    [
      { ...ok, key: 'art10.rentTiers', value: [{ fromMonth: 1, payBps: 10_001 }] },
      'invalid_value',
      'overrides[0].value[0].payBps',
    ],
    [
      { ...ok, key: 'art10.rentTiers', value: [{ fromMonth: 2, payBps: 0 }] },
      'rent_tiers_not_contiguous',
      'overrides[0].value',
    ],
    [
      { ...ok, key: 'art10.rentTiers', value: [{ fromMonth: 1, toMonth: 12, payBps: 0 }] },
      'rent_tiers_not_contiguous',
      'overrides[0].value',
    ],
    [
      {
        ...ok,
        key: 'art10.rentTiers',
        value: [
          { fromMonth: 1, toMonth: 12, payBps: 0 },
          { fromMonth: 14, payBps: 0 },
        ],
      },
      'rent_tiers_not_contiguous',
      'overrides[0].value',
    ],
    [
      {
        ...ok,
        key: 'art12.tiers',
        value: [
          { revenueAboveFen: 2, awardFen: 5 },
          { revenueAboveFen: 2, awardFen: 6 },
        ],
      },
      'revenue_tiers_not_ascending',
      'overrides[0].value',
    ],
    [
      {
        ...ok,
        key: 'art12.tiers',
        value: [
          { revenueAboveFen: 1, awardFen: 5 },
          { revenueAboveFen: 2, awardFen: 4 },
        ],
      },
      'revenue_tiers_not_ascending',
      'overrides[0].value',
    ],
    [{ ...ok, from: '2026-02-30' }, 'invalid_dates', 'overrides[0].from'],
    [{ ...ok, to: '2026-11-30' }, 'invalid_dates', 'overrides[0].to'],
    [{ ...ok, from: '2024-04-07' }, 'outside_validity', 'overrides[0]'],
    [{ ...ok, to: '2027-04-08' }, 'outside_validity', 'overrides[0]'],
    [{ ...ok, from: '2027-04-08' }, 'outside_validity', 'overrides[0]'],
    [{ ...ok, source: ' ' }, 'invalid_override', 'overrides[0].source'],
    [{ ...ok, kind: 'draft' }, 'invalid_override', 'overrides[0].kind'],
    [{ ...ok, note: 'x' }, 'invalid_override', 'overrides[0].note'],
    ['art6.rateBps', 'invalid_override', 'overrides[0]'],
  ])('refuses %j with %s', (override, code, path) => {
    expect(refusal([override])).toEqual({ code, path });
  });

  it('names the bad override by its position', () => {
    expect(refusal([ok, { ...ok, value: -5 }]).path).toBe('overrides[1].value');
  });

  it('validates a lone value against its unit and freezes it', () => {
    const tiers = validateParamValue('art10.rentTiers', [{ fromMonth: 1, payBps: 0 }]);
    expect(Object.isFrozen(tiers) && Object.isFrozen(tiers[0])).toBe(true);
    expect(() => validateParamValue('art6.rateBps', 20_000)).toThrow(ParamOverrideError);
  });
});

describe('lookup', () => {
  it('takes the override in force, else the table, and keeps the table’s citation', () => {
    const overrides = paramOverrides([
      { key: 'art6.rateBps', value: 2000, from: '2026-12-01', to: '2026-12-31', source: notice, ref: 's1' },
    ]);
    expect(paramAt('art6.rateBps', '2026-11-30', overrides)).toMatchObject({
      value: 3000,
      from: '2024-04-08',
    });
    expect(paramAt('art6.rateBps', '2026-11-30', overrides).override).toBeUndefined();
    expect(paramAt('art6.rateBps', '2026-12-01', overrides)).toMatchObject({
      value: 2000,
      from: '2026-12-01',
      to: '2026-12-31',
      cite: { article: '第六条', quoteZh: '按照实际发生费用最高 30%' },
      override: { key: 'art6.rateBps', source: notice, ref: 's1', kind: 'published' },
    });
    expect(paramAt('art6.rateBps', '2026-12-31', overrides).value).toBe(2000);
    expect(paramAt('art6.rateBps', '2027-01-01', overrides).value).toBe(3000);
  });

  it('prefers the latest start, and on equal starts the later in the list', () => {
    const overrides = paramOverrides([
      { key: 'art6.rateBps', value: 2500, from: '2026-12-15', source: 'b' },
      { key: 'art6.rateBps', value: 2000, from: '2026-12-01', source: 'a' },
      { key: 'art6.rateBps', value: 1500, from: '2026-12-15', source: 'c' },
    ]);
    expect(paramAt('art6.rateBps', '2026-12-10', overrides).value).toBe(2000);
    expect(paramAt('art6.rateBps', '2026-12-15', overrides).value).toBe(1500);
  });
});

describe('articles take the published value and say so', () => {
  const published = paramOverrides([
    { key: 'art6.rateBps', value: 2000, from: '2026-12-01', source: notice, ref: 'seg-9' },
  ]);

  it('Art. 6: the rate from its start date on, named in the trace (zh + en), and in paramsHash', () => {
    const before = quoteArt6(art6('2026-11-30', published));
    expect(before).toMatchObject({ amountFen: 300_000, rateBps: 3000, paramsHash: PARAMS_HASH });
    expect(before.trace.some((s) => s.code === 'param_override')).toBe(false);

    const after = quoteArt6(art6('2026-12-01', published));
    expect(after).toMatchObject({ amountFen: 200_000, rateBps: 2000 });
    expect(after.paramsHash).not.toBe(PARAMS_HASH);
    const step = after.trace.find((s) => s.code === 'param_override')!;
    expect(step.article).toBe('第六条');
    expect(step.zh).toBe(
      `参数 art6.rateBps 采用区科技创新局发布的参数段：2026-12-01 至 本措施有效期届满，来源：${notice}（编号 seg-9）；取代内置值`,
    );
    expect(step.en).toBe(
      `parameter art6.rateBps takes a segment published by the bureau: 2026-12-01 to the end of the measures, source: ${notice} (ref seg-9); replaces the built-in value`,
    );
    const rate = after.trace.find((s) => s.code === 'rate_applied')!;
    expect(rate.zh).toContain('× 20%');
    expect(rate.zh).toContain('比例自 2026-12-01 起施行');
  });

  it('a what-if value is labelled as such', () => {
    const whatIf = paramOverrides([
      { key: 'art6.annualCapFen', value: 100_000, from: '2026-12-01', source: '测算', kind: 'what_if' },
    ]);
    const result = quoteArt6(art6('2026-12-01', whatIf));
    expect(result).toMatchObject({ amountFen: 100_000, annualCapFen: 100_000, boundBy: 'annual_cap' });
    const step = result.trace.find((s) => s.code === 'param_override')!;
    expect(step.zh).toContain('测算假设值（仅用于测算，不作决定）');
    expect(step.en).toContain('a what-if value (for evaluation only, never decided on)');
  });

  it('Art. 9 batch share, Art. 10 rent tiers and pool price, Art. 12 tiers, Art. 13 shares, Art. 4 cap', () => {
    const date = '2026-12-01';
    const o = (key: string, value: unknown) => paramOverrides([{ key, value, from: date, source: notice }]);
    const art9 = {
      date,
      applicant,
      vendorFiled: true,
      proposedFen: 1_000_000,
      serviceSpendFen: 1_000_000,
      field: 'services' as const,
      grantedThisYearFen: 0,
      consecutiveYearsFunded: 0,
    };
    expect(aiServicesSupport(art9).amountFen).toBe(300_000);
    expect(
      aiServicesSupport({
        ...art9,
        overrides: o('art9.batchRateBps', { industry: 0, services: 5000, other: 0 }),
      }).amountFen,
    ).toBe(500_000);

    const rent = { date, applicant, tenancyStartDate: '2026-01-01', marketRentFen: 100_000 };
    expect(incubatorRent(rent)).toMatchObject({ rentDueFen: 0, amountFen: 100_000 });
    expect(
      incubatorRent({ ...rent, overrides: o('art10.rentTiers', [{ fromMonth: 1, payBps: 4000 }]) }),
    ).toMatchObject({ month: 12, payBps: 4000, rentDueFen: 40_000, amountFen: 60_000 });

    expect(computePoolCharge({ date, cardHours: 3 })).toMatchObject({
      chargeFen: 3000,
      paramsHash: PARAMS_HASH,
    });
    const pool = computePoolCharge({
      date,
      cardHours: 3,
      overrides: o('art10.poolPriceFenPerCardHour', 800),
    });
    expect(pool).toMatchObject({ chargeFen: 2400, priceFen: 800 });
    expect(pool.paramsHash).not.toBe(PARAMS_HASH);
    expect(pool.trace.map((s) => s.code)).toEqual(['param_override', 'pool_charge']);

    const growth = {
      date,
      applicant,
      largeModelOrGenerativeAi: true,
      revenueFen: 30_000_000_000,
      awardedFen: 0,
    };
    expect(growthAward(growth).amountFen).toBe(100_000_000);
    expect(
      growthAward({
        ...growth,
        overrides: o('art12.tiers', [{ revenueAboveFen: 20_000_000_000, awardFen: 50_000_000 }]),
      }).amountFen,
    ).toBe(50_000_000);

    const financing = {
      date,
      applicant,
      largeModelOrGenerativeAi: true,
      kind: 'loan_interest' as const,
      baseFen: 1_000_000,
    };
    expect(financingSupport(financing).amountFen).toBe(500_000);
    const shares = financingSupport({
      ...financing,
      overrides: o('art13.subsidyBps', { loan_interest: 2500, startup_financing: 100, ip_pledge: 5000 }),
    });
    expect(shares.amountFen).toBe(250_000);
    // The share is now published, not the bureau's default: the rate step no longer calls it one.
    expect(shares.trace.find((s) => s.code === 'rate_applied')!.zh).not.toContain('默认值');

    const demo = {
      date,
      applicant,
      track: 'demo' as const,
      actualCostFen: 500_000_000,
      governmentInvested: false,
    };
    expect(scenarioSupport(demo).amountFen).toBe(300_000_000);
    expect(scenarioSupport({ ...demo, overrides: o('art4.projectCapFen', 200_000_000) }).amountFen).toBe(
      200_000_000,
    );
  });
});

describe('the JSON evaluator', () => {
  const base = {
    measure: 'art10_pool',
    date: '2026-12-01',
    cardHours: 2,
  };

  it('takes overrides on a case and answers with the published value', () => {
    const answer = evaluateCase({
      ...base,
      overrides: [{ key: 'art10.poolPriceFenPerCardHour', value: 800, from: '2026-12-01', source: notice }],
    });
    expect(answer).toMatchObject({ chargeFen: 1600, priceFen: 800 });
  });

  it('answers a bad override as an invalid case naming the field', () => {
    expect(
      evaluateCase({
        ...base,
        overrides: [{ key: 'art10.poolPriceFenPerCardHour', value: 0, from: '2026-12-01', source: notice }],
      }),
    ).toEqual({
      error: {
        code: 'invalid_case',
        path: 'overrides[0].value',
        message: 'expected a whole number, 1 or more',
      },
    });
  });
});
