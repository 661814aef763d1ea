/**
 * Properties of overrides: with none (or an empty set) every result is the table's, byte for byte; an override whose
 * dates do not cover the decision date changes nothing, not even `paramsHash`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/dates';
import { aiServicesSupport, incubatorRent, MEASURES_IN_FORCE, paramOverrides, quoteArt6 } from '../src/index';

const DAYS = 1095; // 2024-04-08 … 2027-04-07
const day = fc.integer({ min: 0, max: DAYS - 1 }).map((n) => addDays(MEASURES_IN_FORCE.from, n));

/** Overrides of the parameters these articles read, dated wholly before or wholly after `date`. */
function overridesAround(date: string) {
  const offset = fc.integer({ min: 1, max: DAYS });
  const span = fc.integer({ min: 0, max: 400 });
  const range: fc.Arbitrary<{ from: string; to?: string }> = fc.oneof(
    fc.tuple(offset, span).map(([o, s]) => ({ from: addDays(date, o), to: addDays(date, o + s) })),
    fc.tuple(offset, span).map(([o, s]) => ({ from: addDays(date, -o - s), to: addDays(date, -o) })),
    offset.map((o) => ({ from: addDays(date, o) })),
  );
  const entry = fc.tuple(
    range,
    fc.constantFrom(
      { key: 'art6.rateBps', value: 1000 },
      { key: 'art6.annualCapFen', value: 5 },
      { key: 'art4.projectCapFen', value: 0 },
      { key: 'art9.batchRateBps', value: { industry: 0, services: 0, other: 0 } },
      { key: 'art9.annualCapFen', value: 1 },
      { key: 'art10.rentTiers', value: [{ fromMonth: 1, payBps: 10_000 }] },
    ),
  );
  return fc.array(entry, { maxLength: 6 }).map((entries) =>
    entries
      .map(([r, kv]) => ({ ...kv, ...r, source: '通知' }))
      // Only dates inside the measures' window can be overridden.
      .filter(
        (o) =>
          o.from >= MEASURES_IN_FORCE.from &&
          (o.to ?? o.from) <= MEASURES_IN_FORCE.to &&
          o.from <= MEASURES_IN_FORCE.to,
      ),
  );
}

const json = (value: unknown) => JSON.stringify(value);

const art6Case = fc.record({
  date: day,
  spendFen: fc.integer({ min: 0, max: 2_000_000_000 }),
  grantedThisYearFen: fc.integer({ min: 0, max: 100_001_000 }),
  projectGrantedFen: fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { nil: undefined }),
  sme: fc.boolean(),
});

describe('overrides: no effect unless in force', () => {
  it('Art. 6: none, an empty set, or overrides outside the date give the table’s result', () => {
    fc.assert(
      fc.property(
        art6Case.chain((c) => fc.tuple(fc.constant(c), overridesAround(c.date))),
        ([c, outside]) => {
          const input = {
            date: c.date,
            applicant: { registeredInNanshan: true, legalStatus: 'independent' as const, isSme: c.sme },
            activity: 'llm_training' as const,
            provider: { inShenzhen: true, registered: true },
            spendFen: c.spendFen,
            grantedThisYearFen: c.grantedThisYearFen,
            ...(c.projectGrantedFen === undefined ? {} : { projectGrantedFen: c.projectGrantedFen }),
          };
          const table = json(quoteArt6(input));
          expect(json(quoteArt6({ ...input, overrides: paramOverrides([]) }))).toBe(table);
          expect(json(quoteArt6({ ...input, overrides: paramOverrides(outside) }))).toBe(table);
        },
      ),
    );
  });

  it('Art. 9 and Art. 10 rent: overrides outside the date change nothing', () => {
    fc.assert(
      fc.property(
        day.chain((d) => fc.tuple(fc.constant(d), overridesAround(d))),
        fc.integer({ min: 0, max: 300_000_000 }),
        fc.integer({ min: 0, max: 900 }),
        ([date, outside], amountFen, tenancyDays) => {
          const applicant = { registeredInNanshan: true, legalStatus: 'independent' as const };
          const overrides = paramOverrides(outside);
          const art9 = {
            date,
            applicant,
            vendorFiled: true,
            proposedFen: amountFen,
            serviceSpendFen: amountFen,
            field: 'industry' as const,
            grantedThisYearFen: 0,
            consecutiveYearsFunded: 0,
          };
          expect(json(aiServicesSupport({ ...art9, overrides }))).toBe(json(aiServicesSupport(art9)));
          const rent = {
            date,
            applicant,
            tenancyStartDate: addDays(date, -tenancyDays),
            marketRentFen: amountFen,
          };
          expect(json(incubatorRent({ ...rent, overrides }))).toBe(json(incubatorRent(rent)));
        },
      ),
    );
  });
});
