/**
 * Quotes per second for quoteArt6 on one core: the market quotes on every basket change, so the hot path must stay
 * cheap. Trace texts are rendered lazily and not read here, as in a quote nobody opens.
 */
import { type Art6Input, quoteArt6 } from '../src/index';

const base: Art6Input = {
  date: '2026-11-28',
  applicant: {
    registeredInNanshan: true,
    legalStatus: 'independent',
    sme: { industry: 'software_it', employees: 120, revenueFen: 3_000_000_000, assetsFen: 5_000_000_000 },
  },
  activity: 'llm_training',
  provider: { inShenzhen: true, registered: true },
  spendFen: 0,
  grantedThisYearFen: 0,
  serviceKind: 'compute',
  fund: { budgetFen: 50_000_000_000, committedFen: 10_000_000_000, reservedFen: 1_000_000_000 },
};

function run(iterations: number): { perSecond: number; checksum: number } {
  let checksum = 0;
  const inputs: Art6Input[] = [];
  for (let i = 0; i < 1024; i++) {
    inputs.push({ ...base, spendFen: 100_000 + i * 7_919_357, grantedThisYearFen: (i % 13) * 7_000_000 });
  }
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    checksum += quoteArt6(inputs[i & 1023] as Art6Input).amountFen;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSecond: iterations / seconds, checksum };
}

run(200_000); // warm-up
const { perSecond, checksum } = run(2_000_000);
console.log(
  `quoteArt6: ${Math.round(perSecond).toLocaleString('en-US')} quotes/second (checksum ${checksum})`,
);
