/**
 * 第十三条 支持企业信贷融资。
 * 发挥政府投资引导基金作用，统筹整合基金资源，形成百亿元以上规模的人工智能基金群，降低大模型和生成式人工智能企业融资
 * 成本，对符合条件的企业给予贷款贴息、创业融资奖励、知识产权质押融资奖励等支持。
 *
 * Art. 13 (credit and financing): qualifying large-model / generative-AI enterprises receive loan-interest
 * subsidies, start-up financing awards and IP-pledge financing awards. The article sets no rates; the shares are
 * parameters set by the bureau (defaults in params/table.ts) and the trace says so. Then Art. 4. The measures set
 * no cap of their own for Art. 13: until the bureau sets one, only Art. 4 and the fund (Art. 2) bound it.
 */
import { applyProjectCap } from '../art04-project-cap';
import type { IsoDate } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { condition, Evaluation, type RuleResult } from '../evaluation';
import type { BaseKind } from '../messages';
import type { Fen } from '../money';
import type { WithOverrides } from '../params/overrides';
import type { FinancingKind } from '../params/table';
import { admit, applyRate } from '../stages';

const LARGE_MODEL_GENAI = condition('large_model_genai_financing', 'not_large_model_or_genai');

export const FINANCING_KINDS: readonly FinancingKind[] = ['loan_interest', 'startup_financing', 'ip_pledge'];

const BASE_OF: Readonly<Record<FinancingKind, BaseKind>> = {
  loan_interest: 'interest_paid',
  startup_financing: 'financing_raised',
  ip_pledge: 'pledge_interest',
};

export interface Art13Input extends WithOverrides {
  date: IsoDate;
  applicant: Applicant;
  /** The enterprise is a large-model / generative-AI enterprise (大模型和生成式人工智能企业). */
  largeModelOrGenerativeAi: boolean;
  kind: FinancingKind;
  /** Interest paid (loan_interest, ip_pledge) or financing raised (startup_financing). */
  baseFen: Fen;
  /** Already granted to the same project under these measures (Art. 4; default 0). */
  projectGrantedFen?: Fen;
}

export function financingSupport(input: Art13Input): RuleResult {
  const evaluation = new Evaluation('第十三条', input.overrides);
  const inForce = admit(evaluation, input.date, input.applicant);
  evaluation.check(LARGE_MODEL_GENAI, input.largeModelOrGenerativeAi === true);
  const base = BASE_OF[input.kind];
  if (base === undefined) throw new RangeError(`unknown financing kind ${String(input.kind)}`);
  if (!inForce) return evaluation.result(0);

  const shares = evaluation.param('art13.subsidyBps', input.date);
  const rate = { ...shares, value: shares.value[input.kind] };
  let amountFen = applyRate(evaluation, '第十三条', base, input.baseFen, rate);
  amountFen = applyProjectCap(evaluation, input.date, input.projectGrantedFen ?? 0, amountFen).amountFen;
  return evaluation.result(amountFen);
}
