/**
 * 第六条 加强算力资源保障。
 * 对开展大模型训练、生成式人工智能应用探索的中小科技企业采购深圳市内智算中心等平台提供的算力予以支持，对上一年度采购
 * 算力资源的企业，按照实际发生费用最高 30%，每家企业每年最高补贴 100 万元。
 *
 * Art. 6 (compute resource support): small and medium technology enterprises doing large-model training or
 * exploring generative-AI applications that buy compute from intelligent computing centres and similar platforms in
 * Shenzhen receive up to 30% of the actual expense, at most 1,000,000 yuan per enterprise per year.
 *
 * Stages, in the order the article and Arts. 2, 4 and 15 apply them: validity (Art. 15) → applicant (Arts. 3/4) →
 * small/medium technology enterprise → activity → provider in Shenzhen and registered on the platform → not a
 * related party and an intelligent-compute service (practice, DOMAIN-NOTES: storage, network and security services
 * excluded) → spend × 30% rounded down to the fen ("最高 30%": never more) → Art. 4 per-project cap → annual cap →
 * fund (Art. 2).
 *
 * Art. 4's 10,000,000-yuan per-project cap formally binds Art. 6 too (only Art. 5 platform projects are exempt). On
 * its own it can never bind here — one year's Art. 6 support is at most 1,000,000 yuan — so it is applied only when
 * the caller passes `projectGrantedFen`, i.e. when the compute spend belongs to a project that also received other
 * awards under these measures.
 *
 * The annual cap counts per enterprise per year; which year (the spend year, per DOMAIN-NOTES: one cap per
 * enterprise per spend year across vouchers and declarations) is the caller's choice of `grantedThisYearFen`, for
 * which history.ts offers `grantedInYear`.
 */
import { type FundState, fundFit } from '../art02-fund';
import { applyProjectCap } from '../art04-project-cap';
import { applyCap } from '../caps';
import type { IsoDate } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { checkSmallOrMediumTech } from '../eligibility/sme-proof';
import { condition, Evaluation, type RuleResult } from '../evaluation';
import { assertFen, type Fen } from '../money';
import { paramSeries } from '../params/lookup';
import type { WithOverrides } from '../params/overrides';
import { admit, applyRate } from '../stages';

const ACTIVITY_ELIGIBLE = condition('activity_eligible', 'activity_not_eligible');
const PROVIDER_IN_SHENZHEN = condition('provider_in_shenzhen', 'provider_not_in_shenzhen');
const PROVIDER_REGISTERED = condition('provider_registered', 'provider_not_registered');
const NOT_RELATED_PARTY = condition('not_related_party', 'related_party');
const SERVICE_IS_COMPUTE = condition('service_is_compute', 'service_not_compute');
const RATE = paramSeries('art6.rateBps');
const ANNUAL_CAP = paramSeries('art6.annualCapFen');

export type Art6Activity = 'llm_training' | 'genai_application' | 'other';
export type Art6ServiceKind = 'compute' | 'storage' | 'network' | 'security';

export interface Art6Input extends WithOverrides {
  /** The decision (or, for a voucher at purchase, the purchase) date. */
  date: IsoDate;
  applicant: Applicant;
  activity: Art6Activity;
  provider: { inShenzhen: boolean; registered: boolean };
  spendFen: Fen;
  /** Already granted (or reserved) to this enterprise under Art. 6 in the year the cap counts. */
  grantedThisYearFen: Fen;
  /** Provider and buyer share an actual controller (practice: such purchases are excluded). */
  relatedParty?: boolean;
  /** Omitted: the purchase is intelligent compute. */
  serviceKind?: Art6ServiceKind;
  /** Already granted to the same project under these measures (Art. 4); omitted: the cap is not applied. */
  projectGrantedFen?: Fen;
  /** The sub-fund's state (Art. 2); omitted: the fund is not checked here. */
  fund?: FundState;
}

/** Which stage set the amount: the rate alone, a cap, the fund, or a failed condition. */
export type Art6BoundBy = 'rate' | 'project_cap' | 'annual_cap' | 'fund' | 'ineligible';

export interface Art6Result extends RuleResult {
  /** The annual cap in force on the date (0 outside the validity window, where no cap exists). */
  annualCapFen: Fen;
  /** The rate in force on the date, in basis points (0 outside the validity window). */
  rateBps: number;
  /** spend × rate, rounded down, before any cap — computed even when a condition fails, for display. */
  uncappedFen: Fen;
  /** What is left of the annual cap after this result's amount. */
  capLeftFen: Fen;
  /** What is left of the fund after this result's amount (when `fund` was given). */
  fundLeftFen?: Fen;
  boundBy: Art6BoundBy;
}

export function quoteArt6(input: Art6Input): Art6Result {
  const { date, applicant, provider, spendFen, grantedThisYearFen, fund } = input;
  assertFen(spendFen, 'spendFen');
  assertFen(grantedThisYearFen, 'grantedThisYearFen');

  const evaluation = new Evaluation('第六条', input.overrides);
  const inForce = admit(evaluation, date, applicant);
  checkSmallOrMediumTech(applicant, evaluation);
  const activity = input.activity;
  evaluation.check(ACTIVITY_ELIGIBLE, activity === 'llm_training' || activity === 'genai_application');
  evaluation.check(PROVIDER_IN_SHENZHEN, provider.inShenzhen === true);
  evaluation.check(PROVIDER_REGISTERED, provider.registered === true);
  evaluation.check(NOT_RELATED_PARTY, input.relatedParty !== true);
  const kind = input.serviceKind;
  evaluation.check(SERVICE_IS_COMPUTE, kind === undefined || kind === 'compute');
  const conditionsMet = evaluation.eligible;

  let rateBps = 0;
  let annualCapFen = 0;
  let uncappedFen = 0;
  let capLeftFen = 0;
  let amountFen = 0;
  let boundBy: Art6BoundBy = 'rate';
  if (inForce) {
    const rate = evaluation.param('art6.rateBps', date, RATE);
    const cap = evaluation.param('art6.annualCapFen', date, ANNUAL_CAP);
    rateBps = rate.value;
    annualCapFen = cap.value;
    uncappedFen = applyRate(evaluation, '第六条', 'compute_spend', spendFen, rate);
    amountFen = uncappedFen;
    if (input.projectGrantedFen !== undefined) {
      const project = applyProjectCap(evaluation, date, input.projectGrantedFen, amountFen);
      if (project.bound || project.leftFen === 0) boundBy = 'project_cap';
      amountFen = project.amountFen;
    }
    const annual = applyCap(
      evaluation,
      '第六条',
      'art6_annual',
      cap,
      grantedThisYearFen,
      amountFen,
      'annual_cap_reached',
    );
    if (annual.bound || annual.leftFen === 0) boundBy = 'annual_cap';
    amountFen = annual.amountFen;
    capLeftFen = annual.leftFen;
  }

  let fundAvailableFen = 0;
  if (fund !== undefined) {
    // Fields copied one by one: object spread of amounts above 2^31 (heap numbers) takes V8's slow path.
    const fit = fundFit({
      budgetFen: fund.budgetFen,
      committedFen: fund.committedFen,
      reservedFen: fund.reservedFen,
      requestedFen: amountFen,
    });
    evaluation.trace.push(...fit.trace);
    fundAvailableFen = fit.fitsFen + fit.leftFen;
    if (fundAvailableFen === 0) evaluation.fail('fund_exhausted');
    if (fit.fitsFen < amountFen || fundAvailableFen === 0) boundBy = 'fund';
    amountFen = fit.fitsFen;
  }

  const result = evaluation.result(amountFen);
  const awarded = result.amountFen;
  return {
    eligible: result.eligible,
    amountFen: awarded,
    reasons: result.reasons,
    trace: result.trace,
    rulesetVersion: result.rulesetVersion,
    paramsHash: result.paramsHash,
    annualCapFen,
    rateBps,
    uncappedFen,
    capLeftFen: capLeftFen - awarded,
    fundLeftFen: fund === undefined ? undefined : fundAvailableFen - awarded,
    boundBy: conditionsMet ? boundBy : 'ineligible',
  };
}
