/**
 * Cumulative properties across articles: however awards are split and sequenced, no annual, per-article or Art. 4
 * per-project limit is exceeded; 晋级补差 never pays more than the top tier in total; rate-based amounts are
 * monotone; non-duplication never keeps two awards for one project.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Applicant,
  aiServicesSupport,
  applyHighestNoDuplication,
  coreTechSupport,
  eventSupport,
  financingSupport,
  growthAward,
  platformSupport,
  scenarioSupport,
  teamSupport,
} from '../src/index';

const applicant: Applicant = { registeredInNanshan: true, legalStatus: 'independent' };
const date = '2025-09-01';
const amount = fc.integer({ min: 0, max: 800_000_000 });
const PROJECT_CAP = 1_000_000_000;
/** Art. 14's own conditions, all met. */
const inNanshanLargeModelEvent = {
  heldInNanshan: true,
  largeModelOrGenerativeAiTheme: true,
  recognised: true,
};

/** One award under an article other than Art. 5, given what the project already received. */
const award = fc.oneof(
  amount.map(
    (v) => (granted: number) =>
      coreTechSupport({ date, applicant, cityGrantFen: v, leadUnit: true, projectGrantedFen: granted }),
  ),
  amount.map(
    (v) => (granted: number) =>
      scenarioSupport({ date, applicant, track: 'city_match', cityGrantFen: v, projectGrantedFen: granted }),
  ),
  amount.map(
    (v) => (granted: number) =>
      scenarioSupport({
        date,
        applicant,
        track: 'district',
        totalInvestmentFen: v,
        projectGrantedFen: granted,
      }),
  ),
  amount.map(
    (v) => (granted: number) =>
      teamSupport({
        date,
        applicant,
        newOrRelocated: true,
        largeModelOrGenerativeAi: true,
        recognised: true,
        requestedFen: v,
        projectGrantedFen: granted,
      }),
  ),
  amount.map(
    (v) => (granted: number) =>
      eventSupport({
        date,
        applicant,
        ...inNanshanLargeModelEvent,
        requestedFen: v,
        projectGrantedFen: granted,
      }),
  ),
  amount.map(
    (v) => (granted: number) =>
      financingSupport({
        date,
        applicant,
        largeModelOrGenerativeAi: true,
        kind: 'startup_financing',
        baseFen: v * 50,
        projectGrantedFen: granted,
      }),
  ),
  amount.map(
    (v) => (granted: number) =>
      aiServicesSupport({
        date,
        applicant,
        vendorFiled: true,
        proposedFen: v,
        grantedThisYearFen: 0,
        consecutiveYearsFunded: 0,
        projectGrantedFen: granted,
      }),
  ),
);

describe('cumulative limits', () => {
  it('awards to one project under Arts. 7–14 never exceed 10,000,000 yuan (Art. 4)', () => {
    fc.assert(
      fc.property(fc.array(award, { minLength: 1, maxLength: 40 }), (awards) => {
        let granted = 0;
        for (const next of awards) granted += next(granted).amountFen;
        expect(granted).toBeLessThanOrEqual(PROJECT_CAP);
      }),
    );
  });

  it('Art. 5 grants in a year never exceed 20,000,000 yuan; Art. 9 never 1,000,000 yuan', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 20 }), (requests) => {
        let art5 = 0;
        let art9 = 0;
        for (const requested of requests) {
          art5 += platformSupport({
            date,
            applicant,
            approved: true,
            requestedFen: requested,
            yearsFunded: 0,
            grantedThisYearFen: art5,
          }).amountFen;
          art9 += aiServicesSupport({
            date,
            applicant,
            vendorFiled: true,
            proposedFen: requested,
            grantedThisYearFen: art9,
            consecutiveYearsFunded: 1,
          }).amountFen;
        }
        expect(art5).toBeLessThanOrEqual(2_000_000_000);
        expect(art9).toBeLessThanOrEqual(100_000_000);
      }),
    );
  });

  it('Arts. 7, 11 and 14 never exceed their own limits when awards repeat', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 20 }), (requests) => {
        let art7 = 0;
        let art11 = 0;
        let art14 = 0;
        for (const v of requests) {
          art7 += coreTechSupport({
            date,
            applicant,
            cityGrantFen: v,
            leadUnit: true,
            sameArticleGrantedFen: art7,
          }).amountFen;
          art11 += teamSupport({
            date,
            applicant,
            newOrRelocated: true,
            largeModelOrGenerativeAi: true,
            recognised: true,
            requestedFen: v,
            sameArticleGrantedFen: art11,
          }).amountFen;
          art14 += eventSupport({
            date,
            applicant,
            ...inNanshanLargeModelEvent,
            requestedFen: v,
            sameArticleGrantedFen: art14,
          }).amountFen;
        }
        expect(art7).toBeLessThanOrEqual(500_000_000);
        expect(art11).toBeLessThanOrEqual(300_000_000);
        expect(art14).toBeLessThanOrEqual(300_000_000);
      }),
    );
  });

  it('Arts. 7 and 8: awards for distinct grants or investments of one project stay within 50% of their total', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 10 }), (bases) => {
        let art7 = 0;
        let cityMatch = 0;
        let district = 0;
        for (const base of bases) {
          art7 += coreTechSupport({
            date,
            applicant,
            cityGrantFen: base,
            leadUnit: true,
            sameArticleGrantedFen: art7,
          }).amountFen;
          cityMatch += scenarioSupport({
            date,
            applicant,
            track: 'city_match',
            cityGrantFen: base,
            sameArticleGrantedFen: cityMatch,
          }).amountFen;
          district += scenarioSupport({
            date,
            applicant,
            track: 'district',
            totalInvestmentFen: base,
            sameArticleGrantedFen: district,
          }).amountFen;
        }
        const half = Math.floor(bases.reduce((sum, base) => sum + base, 0) / 2);
        expect(art7).toBeLessThanOrEqual(half);
        expect(cityMatch).toBeLessThanOrEqual(half);
        expect(district).toBeLessThanOrEqual(half);
      }),
    );
  });

  it('晋级补差: Art. 12 pays at most 3,000,000 yuan in total over any revenue history', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300_000_000_000 }), { minLength: 1, maxLength: 10 }),
        (revenues) => {
          let paid = 0;
          for (const revenueFen of revenues)
            paid += growthAward({
              date,
              applicant,
              largeModelOrGenerativeAi: true,
              revenueFen,
              awardedFen: paid,
            }).amountFen;
          expect(paid).toBeLessThanOrEqual(300_000_000);
          const top = Math.max(...revenues);
          const expected = top > 100_000_000_000 ? 300_000_000 : top > 20_000_000_000 ? 100_000_000 : 0;
          expect(paid).toBe(expected);
        },
      ),
    );
  });

  it('rate-based amounts are monotone in their base', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const art7 = (v: number) =>
          coreTechSupport({ date, applicant, cityGrantFen: v, leadUnit: true }).amountFen;
        const art8 = (v: number) =>
          scenarioSupport({ date, applicant, track: 'district', totalInvestmentFen: v }).amountFen;
        const art13 = (v: number) =>
          financingSupport({
            date,
            applicant,
            largeModelOrGenerativeAi: true,
            kind: 'loan_interest',
            baseFen: v,
          }).amountFen;
        expect(art7(low)).toBeLessThanOrEqual(art7(high));
        expect(art8(low)).toBeLessThanOrEqual(art8(high));
        expect(art13(low)).toBeLessThanOrEqual(art13(high));
      }),
    );
  });
});

describe('non-duplication (Art. 15)', () => {
  const candidate = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    project: fc.constantFrom('p1', 'p2', 'p3'),
    amountFen: fc.integer({ min: 0, max: 1_000_000 }),
    preferred: fc.option(fc.boolean(), { nil: undefined }),
  });

  it('keeps exactly one award per project, the highest, and accounts for every candidate', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 20 }), (candidates) => {
        const { chosen, excluded } = applyHighestNoDuplication(candidates);
        const projects = new Set(candidates.map((c) => c.project));
        expect(chosen.map((c) => c.project).sort()).toEqual([...projects].sort());
        expect(chosen.length + excluded.length).toBe(candidates.length);
        for (const { candidate: c, chosenId } of excluded) {
          const winner = chosen.find((w) => w.project === c.project);
          expect(winner?.id).toBe(chosenId);
          expect(c.amountFen).toBeLessThanOrEqual(winner?.amountFen ?? -1);
        }
      }),
    );
  });
});
