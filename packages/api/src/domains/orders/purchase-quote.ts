import type { schema } from '@nanshan/db';
import {
  type Applicant,
  type Art9Field,
  aiServicesSupport,
  computePoolCharge,
  fundFit,
  inForce,
  type ParamOverrides,
  paramAt,
  plainTrace,
  quoteArt6,
  type TraceStep,
} from '@nanshan/rules';
import type { EnterpriseRow } from '../enterprises/membership';

type OfferingRow = typeof schema.offerings.$inferSelect;
type ProviderRow = typeof schema.providers.$inferSelect;

/** The articles the market subsidises at checkout: compute from centres (Art. 6), AI services from filed vendors (Art. 9). */
export type MarketArticle = 'art6' | 'art9';
export const MARKET_ARTICLES: readonly MarketArticle[] = ['art6', 'art9'];

export interface CounterState {
  /** granted + reserved this year for the enterprise under the article */
  usedFen: number;
  fund: { budgetFen: number; committedFen: number; reservedFen: number } | undefined;
  /** Art. 9: consecutive earlier years the enterprise was funded under the article. */
  consecutiveYearsFunded: number;
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

/** A provider counts as registered (Art. 6) or filed (Art. 9) while approved/filed and inside its validity period. */
export function providerRegisteredOn(provider: ProviderRow, date: string): boolean {
  if (provider.status !== 'approved' && provider.status !== 'filed') return false;
  if (provider.filingValidFrom && date < provider.filingValidFrom) return false;
  if (provider.filingValidTo && date > provider.filingValidTo) return false;
  return true;
}

export function articleOf(provider: ProviderRow): MarketArticle {
  return provider.kind === 'cloud_vendor' ? 'art9' : 'art6';
}

/** The annual cap in force; outside the measures' validity (Art. 15) there is no cap to draw on. */
export function annualCapFen(article: MarketArticle, date: string, overrides?: ParamOverrides): number {
  if (!inForce(date)) return 0;
  return paramAt(article === 'art6' ? 'art6.annualCapFen' : 'art9.annualCapFen', date, overrides).value;
}

/**
 * The field of an Art. 9 "AI + every industry" application, from the buyer's industry: manufacturing is
 * industry, the listed service sectors are services, the rest "other". The batch rate is set per field.
 */
export function art9FieldOf(enterprise: EnterpriseRow): Art9Field {
  if (enterprise.industry === 'manufacturing') return 'industry';
  if (enterprise.industry === 'other') return 'other';
  return 'services';
}

/**
 * The subsidy for buying `quantity` of an offering on `date`, given the enterprise's use of the article's
 * annual cap and the fund's state. The same function serves the quote and the locked re-check when the order
 * is placed, so the buyer is shown exactly what the transaction will reserve (or less, never more).
 */
export function quotePurchase(input: {
  date: string;
  enterprise: EnterpriseRow;
  offering: OfferingRow;
  provider: ProviderRow;
  quantity: number;
  counters: CounterState;
  /** The buyer's declaration that buyer and provider have no common actual controller. */
  notRelatedDeclared: boolean;
  /** The published parameter segments (loadPolicyOverrides). */
  overrides: ParamOverrides;
}) {
  const article = articleOf(input.provider);
  const listPriceFen = input.offering.unitPriceFen * input.quantity;
  if (!Number.isSafeInteger(listPriceFen)) throw new RangeError('list price out of range');
  const fund = input.counters.fund ?? { budgetFen: 0, committedFen: 0, reservedFen: 0 };
  const registered = providerRegisteredOn(input.provider, input.date);
  const applicant = applicantOf(input.enterprise);

  const overrides = input.overrides;
  let result: {
    eligible: boolean;
    amountFen: number;
    reasons: string[];
    trace: TraceStep[];
    paramsHash: string;
  };
  if (article === 'art6') {
    result = quoteArt6({
      date: input.date,
      applicant,
      activity: input.enterprise.aiActivity as 'llm_training' | 'genai_application' | 'other',
      provider: { inShenzhen: input.provider.inShenzhen, registered },
      relatedParty: !input.notRelatedDeclared,
      serviceKind: input.offering.serviceKind as 'compute' | 'storage' | 'network' | 'security',
      spendFen: listPriceFen,
      grantedThisYearFen: input.counters.usedFen,
      fund,
      overrides,
    });
  } else {
    const support = aiServicesSupport({
      date: input.date,
      applicant,
      vendorFiled: registered && input.provider.status === 'filed',
      proposedFen: listPriceFen,
      serviceSpendFen: listPriceFen,
      field: art9FieldOf(input.enterprise),
      grantedThisYearFen: input.counters.usedFen,
      consecutiveYearsFunded: input.counters.consecutiveYearsFunded,
      relatedParty: !input.notRelatedDeclared,
      overrides,
    });
    const fit = fundFit({ ...fund, requestedFen: support.amountFen });
    const reasons = [...support.reasons];
    if (fit.fitsFen < support.amountFen && fit.fitsFen === 0) reasons.push('fund_exhausted');
    result = {
      eligible: support.eligible && fit.fitsFen > 0,
      amountFen: fit.fitsFen,
      reasons,
      trace: [...support.trace, ...fit.trace],
      paramsHash: support.paramsHash,
    };
  }
  // Staff verify a profile before any subsidy is granted; until then the quote shows none, with the reason.
  const verified = input.enterprise.verifiedAt !== null;
  const subsidyFen = verified ? result.amountFen : 0;
  return {
    article,
    listPriceFen,
    subsidyFen,
    payableFen: listPriceFen - subsidyFen,
    eligible: result.eligible && verified,
    reasons: verified ? result.reasons : [...result.reasons, 'enterprise_not_verified'],
    // Plain objects: rules render step texts lazily on read, and JSON/superjson copy only own properties.
    trace: plainTrace(result.trace),
    /** The table's hash, or with the published segments the decision used (stored with the order). */
    paramsHash: result.paramsHash,
  };
}

/**
 * A tenant's purchase from the incubator's dedicated compute pool (Art. 10): charged at the pool price the
 * bureau sets. The pool price is the support, so no Art. 6 subsidy is added on top (Art. 15: the same spend
 * is supported once).
 */
export function quotePoolPurchase(input: { date: string; quantity: number; overrides: ParamOverrides }) {
  const charge = computePoolCharge({
    date: input.date,
    cardHours: input.quantity,
    overrides: input.overrides,
  });
  return {
    article: 'art10' as const,
    listPriceFen: charge.chargeFen,
    subsidyFen: 0,
    payableFen: charge.chargeFen,
    eligible: true,
    reasons: [] as string[],
    trace: plainTrace(charge.trace),
    paramsHash: charge.paramsHash,
    unitPriceFen: charge.priceFen,
  };
}
