/** Properties of Art. 6 (按照实际发生费用最高 30%，每家企业每年最高补贴 100 万元) over random spends and histories. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Art6Input, quoteArt6 } from '../src/index';

const CAP = 100_000_000;

const eligible = (spendFen: number, grantedThisYearFen: number): Art6Input => ({
  date: '2025-06-30',
  applicant: { registeredInNanshan: true, legalStatus: 'independent', techSmeRegistered: true },
  activity: 'genai_application',
  provider: { inShenzhen: true, registered: true },
  spendFen,
  grantedThisYearFen,
});

const spend = fc.integer({ min: 0, max: 2_000_000_000 });
const granted = fc.integer({ min: 0, max: CAP + 1000 });

describe('Art. 6 properties', () => {
  it('never pays above 30% of the spend nor above what is left of the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), granted, (s, g) => {
        const { amountFen } = quoteArt6(eligible(s, g));
        expect(BigInt(amountFen) * 10_000n).toBeLessThanOrEqual(BigInt(s) * 3000n);
        expect(amountFen).toBeLessThanOrEqual(Math.max(0, CAP - g));
        expect(Number.isSafeInteger(amountFen) && amountFen >= 0).toBe(true);
      }),
    );
  });

  it('splitting one spend into many purchases never yields more than buying at once', () => {
    fc.assert(
      fc.property(fc.array(spend, { minLength: 1, maxLength: 12 }), granted, (parts, g) => {
        let used = g;
        let split = 0;
        for (const part of parts) {
          const { amountFen } = quoteArt6(eligible(part, used));
          split += amountFen;
          used += amountFen;
        }
        const once = quoteArt6(
          eligible(
            parts.reduce((a, b) => a + b, 0),
            g,
          ),
        ).amountFen;
        expect(split).toBeLessThanOrEqual(once);
      }),
    );
  });

  it('cumulative awards in a year never exceed the annual cap', () => {
    fc.assert(
      fc.property(fc.array(spend, { minLength: 1, maxLength: 30 }), (purchases) => {
        let used = 0;
        for (const purchase of purchases) used += quoteArt6(eligible(purchase, used)).amountFen;
        expect(used).toBeLessThanOrEqual(CAP);
      }),
    );
  });

  it('is monotone in spend', () => {
    fc.assert(
      fc.property(spend, spend, granted, (a, b, g) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(quoteArt6(eligible(low, g)).amountFen).toBeLessThanOrEqual(
          quoteArt6(eligible(high, g)).amountFen,
        );
      }),
    );
  });

  it('is pure: the same input gives the same result, trace texts included', () => {
    fc.assert(
      fc.property(spend, granted, (s, g) => {
        expect(JSON.stringify(quoteArt6(eligible(s, g)))).toBe(JSON.stringify(quoteArt6(eligible(s, g))));
      }),
      { numRuns: 50 },
    );
  });
});

describe('Art. 6 result', () => {
  it('explains itself in both languages, with money as 万元 / ¥', () => {
    const result = quoteArt6(eligible(41_666_667, 0));
    const json = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(json.trace.every((step) => step.zh.length > 0 && step.en.length > 0)).toBe(true);
    const rate = json.trace.find((step) => step.code === 'rate_applied');
    expect(rate?.zh).toContain('12.5万元 / ¥125,000.00');
    expect(rate?.en).toContain('rounded down to the fen');
    expect(result.amountFen).toBe(12_500_000);
    expect(result.paramsHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('says which SME proof was used', () => {
    const byRegistry = quoteArt6(eligible(100, 0));
    expect(byRegistry.trace.find((s) => s.code === 'sme_proof')?.args).toEqual({
      proof: 'tech_sme_registry',
      ok: true,
    });
    const byClassification = quoteArt6({
      ...eligible(100, 0),
      applicant: {
        registeredInNanshan: true,
        legalStatus: 'independent',
        sme: { industry: 'research_tech', employees: 40, revenueFen: 0, assetsFen: 0 },
      },
    });
    expect(byClassification.trace.find((s) => s.code === 'sme_proof')?.args).toEqual({
      proof: 'classification',
      ok: true,
    });
    expect(byClassification.trace.find((s) => s.code === 'sme_classified')?.args).toMatchObject({
      size: 'small',
    });
  });

  it('reports what is left of the cap and the fund after the award', () => {
    const result = quoteArt6({
      ...eligible(10_000_000, 90_000_000),
      fund: { budgetFen: 50_000_000, committedFen: 0, reservedFen: 0 },
    });
    expect(result).toMatchObject({
      amountFen: 3_000_000,
      capLeftFen: 7_000_000,
      fundLeftFen: 47_000_000,
      boundBy: 'rate',
    });
  });

  it('throws on input that is not integer fen or a date, never guessing', () => {
    expect(() => quoteArt6(eligible(1.5, 0))).toThrow(RangeError);
    expect(() => quoteArt6(eligible(-1, 0))).toThrow(RangeError);
    expect(() => quoteArt6({ ...eligible(1, 0), date: '2025-02-30' })).toThrow(RangeError);
  });

  it('outside the validity window reports no rate and no cap', () => {
    const result = quoteArt6({ ...eligible(1_000, 0), date: '2027-04-08' });
    expect(result).toMatchObject({
      eligible: false,
      rateBps: 0,
      annualCapFen: 0,
      uncappedFen: 0,
      boundBy: 'ineligible',
    });
  });
});
