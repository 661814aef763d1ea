import type { schema } from '@nanshan/db';
import { type Applicant, paramAt, quoteArt6 } from '@nanshan/rules';
import type { EnterpriseRow } from '../enterprises/membership';

type OfferingRow = typeof schema.offerings.$inferSelect;
type ProviderRow = typeof schema.providers.$inferSelect;

export interface CounterState {
  /** granted + reserved this year for the enterprise under Art. 6 */
  usedFen: number;
  fund: { budgetFen: number; committedFen: number; reservedFen: number } | undefined;
}

/** What the rules package needs to know about an enterprise (Arts. 3, 4, 6). */
export function applicantOf(enterprise: EnterpriseRow): Applicant {
  return {
    registeredInNanshan: enterprise.registeredInNanshan,
    legalStatus: enterprise.legalStatus as Applicant['legalStatus'],
    techSmeRegistered: enterprise.techSmeRegistered,
    sme: {
      industry: enterprise.industry as NonNullable<Applicant['sme']>['industry'],
      employees: enterprise.employees,
      revenueFen: enterprise.revenueFen,
      assetsFen: enterprise.assetsFen,
    },
  };
}

/** A provider counts as a registered platform while approved or filed and inside its validity period. */
export function providerRegisteredOn(provider: ProviderRow, date: string): boolean {
  if (provider.status !== 'approved' && provider.status !== 'filed') return false;
  if (provider.filingValidFrom && date < provider.filingValidFrom) return false;
  if (provider.filingValidTo && date > provider.filingValidTo) return false;
  return true;
}

export function art6AnnualCapFen(date: string): number {
  return paramAt('art6.annualCapFen', date).value;
}

/**
 * The Art. 6 subsidy for buying `quantity` of an offering on `date`, given the enterprise's use of its
 * annual cap and the fund's state. The same function serves the quote and the locked re-check when the
 * order is placed, so the buyer is shown exactly what the transaction will reserve (or less, never more).
 */
export function quoteArt6Purchase(input: {
  date: string;
  enterprise: EnterpriseRow;
  offering: OfferingRow;
  provider: ProviderRow;
  quantity: number;
  counters: CounterState;
}) {
  const listPriceFen = input.offering.unitPriceFen * input.quantity;
  if (!Number.isSafeInteger(listPriceFen)) throw new RangeError('list price out of range');
  const result = quoteArt6({
    date: input.date,
    applicant: applicantOf(input.enterprise),
    activity: input.enterprise.aiActivity as 'llm_training' | 'genai_application' | 'other',
    provider: {
      inShenzhen: input.provider.inShenzhen,
      registered: providerRegisteredOn(input.provider, input.date),
    },
    serviceKind: input.offering.serviceKind as 'compute' | 'storage' | 'network' | 'security',
    spendFen: listPriceFen,
    grantedThisYearFen: input.counters.usedFen,
    fund: input.counters.fund ?? { budgetFen: 0, committedFen: 0, reservedFen: 0 },
  });
  // Staff verify a profile before any subsidy is granted; until then the quote shows none, with the reason.
  const verified = input.enterprise.verifiedAt !== null;
  const subsidyFen = verified ? result.amountFen : 0;
  return {
    listPriceFen,
    subsidyFen,
    payableFen: listPriceFen - subsidyFen,
    eligible: result.eligible && verified,
    reasons: verified ? result.reasons : [...result.reasons, 'enterprise_not_verified'],
    trace: result.trace,
    rulesetVersion: result.rulesetVersion,
    paramsHash: result.paramsHash,
    annualCapFen: result.annualCapFen,
  };
}
