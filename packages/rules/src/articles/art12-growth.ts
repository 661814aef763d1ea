/**
 * 第十二条 鼓励企业做大规模。
 * 对年度主营业务收入首次突破 2 亿元、10 亿元的大模型和生成式人工智能企业，经综合评价，最高可按晋级补差原则分别给予
 * 100 万元、300 万元的奖励。
 *
 * Art. 12 (growth): a large-model / generative-AI enterprise whose annual main-business revenue first exceeds
 * 200,000,000 or 1,000,000,000 yuan may receive up to 1,000,000 or 3,000,000 yuan, on the 晋级补差 principle: the
 * tiers are totals, and a firm already rewarded under Art. 12 receives only the difference (crossing 200M pays 1M;
 * later crossing 1,000M pays 3M − 1M = 2M; crossing 1,000M first pays 3M once).
 *
 * "突破" is read as strictly above the threshold. "首次" (first): when the caller knows the highest revenue of
 * earlier years, a tier already exceeded before is not a first crossing; an award already paid for the tier is
 * caught by 晋级补差 either way. Then Art. 4.
 */
import { applyProjectCap } from '../art04-project-cap';
import type { IsoDate } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { condition, Evaluation, type RuleResult } from '../evaluation';
import { assertFen, type Fen, leftOf } from '../money';
import type { WithOverrides } from '../params/overrides';
import type { RevenueTier } from '../params/table';
import { admit } from '../stages';
import { step } from '../trace';

const FIRST_CROSSING = condition('first_crossing', 'not_first_crossing');
const LARGE_MODEL_GENAI = condition('large_model_genai_growth', 'not_large_model_or_genai');

export interface Art12Input extends WithOverrides {
  date: IsoDate;
  applicant: Applicant;
  /** The enterprise is a large-model / generative-AI enterprise (大模型和生成式人工智能企业). */
  largeModelOrGenerativeAi: boolean;
  /** Annual main-business revenue of the year assessed. */
  revenueFen: Fen;
  /** Already paid to this enterprise under Art. 12 (all tiers). */
  awardedFen: Fen;
  /** Highest annual revenue of earlier years, when known (for "首次"). */
  previousMaxRevenueFen?: Fen;
  /** Already granted to the same project under these measures (Art. 4; default 0). */
  projectGrantedFen?: Fen;
}

/** The highest tier whose threshold the revenue exceeds. */
function tierReached(tiers: readonly RevenueTier[], revenueFen: Fen): RevenueTier | undefined {
  let reached: RevenueTier | undefined;
  for (const tier of tiers) if (revenueFen > tier.revenueAboveFen) reached = tier;
  return reached;
}

export function growthAward(input: Art12Input): RuleResult {
  assertFen(input.revenueFen, 'revenueFen');
  assertFen(input.awardedFen, 'awardedFen');
  if (input.previousMaxRevenueFen !== undefined)
    assertFen(input.previousMaxRevenueFen, 'previousMaxRevenueFen');
  const evaluation = new Evaluation('第十二条', input.overrides);
  const inForce = admit(evaluation, input.date, input.applicant);
  evaluation.check(LARGE_MODEL_GENAI, input.largeModelOrGenerativeAi === true);
  if (!inForce) return evaluation.result(0);

  const tiers = evaluation.param('art12.tiers', input.date);
  const tier = tierReached(tiers.value, input.revenueFen);
  if (tier === undefined) {
    evaluation.fail('revenue_below_threshold');
    return evaluation.result(0);
  }
  evaluation.trace.push(
    step('revenue_tier', '第十二条', {
      revenueFen: input.revenueFen,
      thresholdFen: tier.revenueAboveFen,
      tierAwardFen: tier.awardFen,
      paramFrom: tiers.from,
    }),
  );
  if (input.previousMaxRevenueFen !== undefined) {
    evaluation.check(FIRST_CROSSING, input.previousMaxRevenueFen <= tier.revenueAboveFen);
  }
  // 晋级补差: the tier amount is the total Art. 12 pays; only the difference to what was paid is due.
  let amountFen = leftOf(tier.awardFen, input.awardedFen);
  evaluation.trace.push(
    step('upgrade_difference', '第十二条', {
      tierAwardFen: tier.awardFen,
      paidFen: input.awardedFen,
      amountFen,
    }),
  );
  if (amountFen === 0) evaluation.fail('tier_already_paid');
  amountFen = applyProjectCap(evaluation, input.date, input.projectGrantedFen ?? 0, amountFen).amountFen;
  return evaluation.result(amountFen);
}
