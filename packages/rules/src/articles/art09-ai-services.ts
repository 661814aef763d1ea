/**
 * 第九条 支持“AI+百业”产业融合。
 * 鼓励各类企业使用经区科技主管部门备案通过云服务厂商的 AI 技术服务，支持人工智能与工业、服务业等的融合应用，……根据
 * 场景应用示范成效，分领域分批次开展支持，每年最高资助 100 万元，连续资助时间不超过 3 年。
 *
 * Art. 9 ("AI + every industry"): enterprises using AI technical services of a cloud vendor filed (备案) with the
 * district science authority are supported by field and batch according to the scenario's demonstrated effect: at
 * most 1,000,000 yuan a year, for at most 3 consecutive years. The batch proposes an amount; when the AI-service
 * spend and field are given, the batch's share for that field (set by the bureau) bounds the proposal too. Then
 * the annual limit and Art. 4.
 */
import { applyProjectCap } from '../art04-project-cap';
import { applyCap } from '../caps';
import type { IsoDate } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { condition, Evaluation, type RuleResult } from '../evaluation';
import { assertFen, type Fen } from '../money';
import type { WithOverrides } from '../params/overrides';
import type { Art9Field } from '../params/table';
import { admit, applyRate, checkConsecutiveYears, recordRequest } from '../stages';

const VENDOR_FILED = condition('vendor_filed', 'vendor_not_filed');
const NOT_RELATED_PARTY = condition('not_related_party_services', 'related_party');

export const ART9_FIELDS: readonly Art9Field[] = ['industry', 'services', 'other'];

export interface Art9Input extends WithOverrides {
  date: IsoDate;
  applicant: Applicant;
  /** The cloud vendor whose AI services were used is filed with the district science authority. */
  vendorFiled: boolean;
  /** The amount the batch proposes for this enterprise. */
  proposedFen: Fen;
  /** Already granted under Art. 9 this year. */
  grantedThisYearFen: Fen;
  /** Consecutive earlier years funded under Art. 9. */
  consecutiveYearsFunded: number;
  /** With `serviceSpendFen`: the field whose batch share bounds the proposal. */
  field?: Art9Field;
  serviceSpendFen?: Fen;
  /** Already granted to the same project under these measures (Art. 4; default 0). */
  projectGrantedFen?: Fen;
  /** Vendor and buyer share an actual controller (practice, as for Art. 6: such purchases are excluded). */
  relatedParty?: boolean;
}

export function aiServicesSupport(input: Art9Input): RuleResult {
  assertFen(input.grantedThisYearFen, 'grantedThisYearFen');
  const evaluation = new Evaluation('第九条', input.overrides);
  const inForce = admit(evaluation, input.date, input.applicant);
  evaluation.check(VENDOR_FILED, input.vendorFiled === true);
  evaluation.check(NOT_RELATED_PARTY, input.relatedParty !== true);
  let amountFen = recordRequest(evaluation, '第九条', input.proposedFen);
  if (!inForce) return evaluation.result(0);

  const date = input.date;
  checkConsecutiveYears(
    evaluation,
    '第九条',
    input.consecutiveYearsFunded,
    evaluation.param('art9.maxYears', date),
  );
  if (input.serviceSpendFen !== undefined) {
    const shares = evaluation.param('art9.batchRateBps', date);
    const rate = { ...shares, value: shares.value[input.field ?? 'other'] };
    const shareFen = applyRate(evaluation, '第九条', 'service_spend', input.serviceSpendFen, rate);
    amountFen = applyCap(
      evaluation,
      '第九条',
      'art9_batch_share',
      { value: shareFen, from: shares.from },
      0,
      amountFen,
    ).amountFen;
  }
  const cap = evaluation.param('art9.annualCapFen', date);
  amountFen = applyCap(
    evaluation,
    '第九条',
    'art9_annual',
    cap,
    input.grantedThisYearFen,
    amountFen,
    'annual_cap_reached',
  ).amountFen;
  amountFen = applyProjectCap(evaluation, date, input.projectGrantedFen ?? 0, amountFen).amountFen;
  return evaluation.result(amountFen);
}
