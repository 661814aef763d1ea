/**
 * @nanshan/rules — the Nanshan District AI-industry measures (南山区促进人工智能产业高质量发展专项扶持措施) as pure,
 * dated, cited functions. Integer fen in, integer fen out; no I/O, no clock, no randomness.
 */
export { type FundState, fundFit } from './art02-fund';
export {
  type AwardCandidate,
  applyHighestNoDuplication,
  type ExclusionReason,
  type NonDuplication,
} from './art15-non-duplication';
export { inForce } from './art15-validity';
export { type Art5Input, platformSupport } from './articles/art05-platforms';
export {
  type Art6Activity,
  type Art6BoundBy,
  type Art6Input,
  type Art6Result,
  type Art6ServiceKind,
  quoteArt6,
} from './articles/art06-compute';
export { type Art7Input, coreTechSupport } from './articles/art07-core-tech';
export { ART8_TRACKS, type Art8Input, type Art8Track, scenarioSupport } from './articles/art08-scenarios';
export { ART9_FIELDS, type Art9Input, aiServicesSupport } from './articles/art09-ai-services';
export {
  type Art10RentInput,
  type Art10RentResult,
  computePoolCharge,
  incubatorRent,
  type PoolChargeInput,
} from './articles/art10-incubator';
export { type Art11Input, teamSupport } from './articles/art11-teams';
export { type Art12Input, growthAward } from './articles/art12-growth';
export { type Art13Input, FINANCING_KINDS, financingSupport } from './articles/art13-financing';
export { type Art14Input, eventSupport } from './articles/art14-events';
export { type IsoDate, isIsoDate } from './dates';
export { type Applicant, LEGAL_STATUSES, type LegalStatus } from './eligibility/applicant';
export {
  classifySme,
  isSmeIndustry,
  SME_INDUSTRIES,
  SME_TABLE,
  type SmeFacts,
  type SmeIndustry,
  type SmeRow,
} from './eligibility/sme-classification';
export { type UsccInvalidReason, usccCheckCharacter, validateUscc } from './eligibility/uscc';
export type { RuleResult } from './evaluation';
export { formatFen, formatMoney } from './format';
export {
  type Counted,
  consecutiveYearsFunded,
  type GrantRecord,
  type GrantStatus,
  grantedInYear,
  grantedToProject,
  growthAwardsPaid,
} from './history';
export {
  CONDITIONS,
  type ConditionCode,
  REASON_TEXTS,
  type ReasonCode,
  type SmeSize,
  STEP_TEXTS,
  type StepCode,
} from './messages';
export { type Fen, percentOfDown } from './money';
export { type ParamAt, ParamCoverageError, paramAt } from './params/lookup';
export {
  type OverrideErrorCode,
  type OverrideKind,
  type OverrideOrigin,
  type ParamOverride,
  ParamOverrideError,
  type ParamOverrides,
  paramOverrides,
  validateParamValue,
  type WithOverrides,
} from './params/overrides';
export {
  type Art9Field,
  type FinancingKind,
  PARAMS,
  type ParamKey,
  type ParamValue,
  type RentTier,
  type RevenueTier,
} from './params/table';
export type { Article, Citation } from './params/types';
export { MEASURES_IN_FORCE } from './params/validity';
export { plainTrace, type TraceStep } from './trace';
export { PARAMS_HASH, RULESET_VERSION } from './version';
