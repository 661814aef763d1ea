/**
 * 第五条 支持公共服务平台建设。
 * 对围绕人工智能产业发展领域的技术研发和成果转化共性服务需求，建设算力调度、开放性行业大数据训练库、标准测试数据集、
 * 大模型评测开放服务、测试验证等公共服务的创新平台，经区科技主管部门评审通过后，每年最高资助 2000 万元，连续资助时间
 * 不超过 3 年。
 *
 * Art. 5 (public service platforms): platforms for compute scheduling, open training data, test datasets, LLM
 * evaluation and testing, once approved by the district science authority, receive at most 20,000,000 yuan a year
 * for at most 3 consecutive years. Art. 4 (2) exempts them from the 10,000,000-yuan per-project limit.
 */
import { applyCap } from '../caps';
import type { IsoDate } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { condition, Evaluation, type RuleResult } from '../evaluation';
import { assertFen, type Fen } from '../money';
import type { WithOverrides } from '../params/overrides';
import { admit, checkConsecutiveYears, recordRequest } from '../stages';
import { step } from '../trace';

const PLATFORM_APPROVED = condition('platform_approved', 'not_approved');

export interface Art5Input extends WithOverrides {
  date: IsoDate;
  applicant: Applicant;
  /** Approved by the district science authority after review (经区科技主管部门评审通过). */
  approved: boolean;
  requestedFen: Fen;
  /** Consecutive years already funded before this one. */
  yearsFunded: number;
  /** Already granted to this platform under Art. 5 this year (default 0). */
  grantedThisYearFen?: Fen;
}

export function platformSupport(input: Art5Input): RuleResult {
  const granted = input.grantedThisYearFen ?? 0;
  assertFen(granted, 'grantedThisYearFen');
  const evaluation = new Evaluation('第五条', input.overrides);
  const inForce = admit(evaluation, input.date, input.applicant);
  evaluation.check(PLATFORM_APPROVED, input.approved === true);
  let amountFen = recordRequest(evaluation, '第五条', input.requestedFen);
  if (!inForce) return evaluation.result(0);

  checkConsecutiveYears(
    evaluation,
    '第五条',
    input.yearsFunded,
    evaluation.param('art5.maxYears', input.date),
  );
  const cap = evaluation.param('art5.annualCapFen', input.date);
  amountFen = applyCap(
    evaluation,
    '第五条',
    'art5_annual',
    cap,
    granted,
    amountFen,
    'annual_cap_reached',
  ).amountFen;
  evaluation.trace.push(step('project_cap_exempt', '第四条', {}));
  return evaluation.result(amountFen);
}
