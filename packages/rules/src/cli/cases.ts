/**
 * The JSON evaluation interface, without I/O: one case in (any JSON value), one answer out. The schema of each
 * measure is below and documented in README.md; eval.ts reads stdin and writes one answer per case.
 */
import { applyHighestNoDuplication } from '../art15-non-duplication';
import { platformSupport } from '../articles/art05-platforms';
import { quoteArt6 } from '../articles/art06-compute';
import { coreTechSupport } from '../articles/art07-core-tech';
import { ART8_TRACKS, type Art8Input, scenarioSupport } from '../articles/art08-scenarios';
import { ART9_FIELDS, aiServicesSupport } from '../articles/art09-ai-services';
import { computePoolCharge, incubatorRent } from '../articles/art10-incubator';
import { teamSupport } from '../articles/art11-teams';
import { growthAward } from '../articles/art12-growth';
import { FINANCING_KINDS, financingSupport } from '../articles/art13-financing';
import { eventSupport } from '../articles/art14-events';
import { LEGAL_STATUSES } from '../eligibility/applicant';
import { SME_INDUSTRIES } from '../eligibility/sme-classification';
import { ParamOverrideError, type ParamOverrides, paramOverrides } from '../params/overrides';
import { PARAMS_HASH, RULESET_VERSION } from '../version';
import {
  arrayOf,
  bool,
  CaseError,
  type Check,
  count,
  date,
  fen,
  object,
  oneOf,
  optional,
  text,
} from './schema';

const applicant = object({
  registeredInNanshan: bool,
  legalStatus: oneOf(LEGAL_STATUSES),
  isSme: optional(bool),
  techSmeRegistered: optional(bool),
  sme: optional(
    object({ industry: oneOf(SME_INDUSTRIES), employees: count, revenueFen: fen, assetsFen: fen }),
  ),
});

/** Published segments (or what-if values) the case is evaluated with; see README "Overrides". */
const overrides: Check<ParamOverrides | undefined> = optional((value, path) => {
  try {
    return paramOverrides(arrayOf((item) => item)(value, path));
  } catch (error) {
    if (error instanceof ParamOverrideError) {
      throw new CaseError(error.path.replace(/^overrides/, path), error.detail);
    }
    throw error;
  }
});

/** Fields every award case has. */
const common = { date, applicant, projectGrantedFen: optional(fen), overrides };

function measure<M extends string>(name: M): Check<M> {
  return oneOf([name]);
}

const art8Common = { measure: measure('art8'), ...common, sameArticleGrantedFen: optional(fen) };

/** Art. 8 takes different fields per track; fields of another track are errors, not ignored. */
const art8: Check<Art8Input> = (value, path) => {
  const track = oneOf(ART8_TRACKS)((value as { track?: unknown } | null)?.track, 'track');
  switch (track) {
    case 'city_match':
      return object({ ...art8Common, track: oneOf(['city_match'] as const), cityGrantFen: fen })(value, path);
    case 'district':
      return object({ ...art8Common, track: oneOf(['district'] as const), totalInvestmentFen: fen })(
        value,
        path,
      );
    case 'demo':
      return object({
        ...art8Common,
        track: oneOf(['demo'] as const),
        actualCostFen: fen,
        governmentInvested: bool,
        demoAwardedBefore: optional(bool),
      })(value, path);
  }
};

const MEASURES = {
  art5: (value: unknown) =>
    platformSupport(
      object({
        measure: measure('art5'),
        ...common,
        approved: bool,
        requestedFen: fen,
        yearsFunded: count,
        grantedThisYearFen: optional(fen),
      })(value, ''),
    ),
  art6: (value: unknown) =>
    quoteArt6(
      object({
        measure: measure('art6'),
        ...common,
        activity: oneOf(['llm_training', 'genai_application', 'other'] as const),
        provider: object({ inShenzhen: bool, registered: bool }),
        spendFen: fen,
        grantedThisYearFen: fen,
        relatedParty: optional(bool),
        serviceKind: optional(oneOf(['compute', 'storage', 'network', 'security'] as const)),
        fund: optional(object({ budgetFen: fen, committedFen: fen, reservedFen: fen })),
      })(value, ''),
    ),
  art7: (value: unknown) =>
    coreTechSupport(
      object({
        measure: measure('art7'),
        ...common,
        cityGrantFen: fen,
        leadUnit: bool,
        sameArticleGrantedFen: optional(fen),
      })(value, ''),
    ),
  art8: (value: unknown) => scenarioSupport(art8(value, '')),
  art9: (value: unknown) =>
    aiServicesSupport(
      object({
        measure: measure('art9'),
        ...common,
        vendorFiled: bool,
        proposedFen: fen,
        grantedThisYearFen: fen,
        consecutiveYearsFunded: count,
        field: optional(oneOf(ART9_FIELDS)),
        serviceSpendFen: optional(fen),
        relatedParty: optional(bool),
      })(value, ''),
    ),
  art10: (value: unknown) =>
    incubatorRent(
      object({
        measure: measure('art10'),
        date,
        applicant,
        tenancyStartDate: date,
        marketRentFen: fen,
        overrides,
      })(value, ''),
    ),
  art10_pool: (value: unknown) => {
    const input = object({ measure: measure('art10_pool'), date, cardHours: count, overrides })(value, '');
    return { ...computePoolCharge(input), rulesetVersion: RULESET_VERSION };
  },
  art11: (value: unknown) =>
    teamSupport(
      object({
        measure: measure('art11'),
        ...common,
        newOrRelocated: bool,
        largeModelOrGenerativeAi: bool,
        recognised: bool,
        requestedFen: fen,
        sameArticleGrantedFen: optional(fen),
      })(value, ''),
    ),
  art12: (value: unknown) =>
    growthAward(
      object({
        measure: measure('art12'),
        ...common,
        largeModelOrGenerativeAi: bool,
        revenueFen: fen,
        awardedFen: fen,
        previousMaxRevenueFen: optional(fen),
      })(value, ''),
    ),
  art13: (value: unknown) =>
    financingSupport(
      object({
        measure: measure('art13'),
        ...common,
        largeModelOrGenerativeAi: bool,
        kind: oneOf(FINANCING_KINDS),
        baseFen: fen,
      })(value, ''),
    ),
  art14: (value: unknown) =>
    eventSupport(
      object({
        measure: measure('art14'),
        ...common,
        heldInNanshan: bool,
        largeModelOrGenerativeAiTheme: bool,
        recognised: bool,
        requestedFen: fen,
        sameArticleGrantedFen: optional(fen),
      })(value, ''),
    ),
  art15: (value: unknown) => {
    const input = object({
      measure: measure('art15'),
      candidates: arrayOf(object({ id: text, project: text, amountFen: fen, preferred: optional(bool) })),
    })(value, '');
    return {
      ...applyHighestNoDuplication(input.candidates),
      rulesetVersion: RULESET_VERSION,
      paramsHash: PARAMS_HASH,
    };
  },
} as const;

export type MeasureCode = keyof typeof MEASURES;
export const MEASURE_CODES = Object.keys(MEASURES) as MeasureCode[];

export interface CaseFailure {
  error: { code: 'invalid_case' | 'rule_error'; path?: string; message: string; line?: number };
}

/** Evaluates one parsed case: the measure's result, or an error object (never a guess). */
export function evaluateCase(value: unknown): object | CaseFailure {
  try {
    const code = oneOf(MEASURE_CODES)((value as { measure?: unknown } | null)?.measure, 'measure');
    return MEASURES[code](value);
  } catch (error) {
    if (error instanceof CaseError)
      return { error: { code: 'invalid_case', path: error.path, message: error.message } };
    if (error instanceof RangeError) return { error: { code: 'rule_error', message: error.message } };
    throw error;
  }
}

export function isFailure(answer: object): answer is CaseFailure {
  return 'error' in answer;
}
