/**
 * 第七条 支持核心技术攻关。
 * 支持辖区企业在金融、医疗、电商、文化创意等领域开发垂类大模型，……开展具有重大创新性和突破性的技术研发活动。对获得
 * 市科技行政主管部门科技重大专项资助的牵头单位，按照获得市级资助金额最高 50%给予资助，每个项目最高资助 500 万元。
 *
 * Art. 7 (core technology): the lead unit of a project funded by the municipal major science and technology
 * programme receives up to 50% of the municipal grant, at most 5,000,000 yuan per project; then Art. 4.
 */
import { applyProjectCap } from '../art04-project-cap';
import { applyCap } from '../caps';
import type { IsoDate } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { condition, Evaluation, type RuleResult } from '../evaluation';
import { assertFen, type Fen } from '../money';
import type { WithOverrides } from '../params/overrides';
import { admit, applyRate } from '../stages';

const LEAD_UNIT = condition('lead_unit', 'not_lead_unit');

export interface Art7Input extends WithOverrides {
  date: IsoDate;
  applicant: Applicant;
  /**
   * The municipal major-project grant (市级资助金额) this award is for: a new grant or tranche, not the project's
   * running total (the grants module passes each application's own figure). Earlier Art. 7 awards count only against
   * the 5,000,000-yuan limit: 50% of each distinct grant keeps the project within 50% of all of them, but a grant
   * stated in two cases is counted twice — the rules cannot see that; the reviewer's evidence check must.
   */
  cityGrantFen: Fen;
  /** The applicant led the municipal project (牵头单位). */
  leadUnit: boolean;
  /** Already granted to the same project under these measures (Art. 4; default 0). */
  projectGrantedFen?: Fen;
  /** Already granted to the same project under Art. 7 (its 5,000,000-yuan limit; default 0). */
  sameArticleGrantedFen?: Fen;
}

export function coreTechSupport(input: Art7Input): RuleResult {
  const sameArticle = input.sameArticleGrantedFen ?? 0;
  assertFen(sameArticle, 'sameArticleGrantedFen');
  const evaluation = new Evaluation('第七条', input.overrides);
  const inForce = admit(evaluation, input.date, input.applicant);
  evaluation.check(LEAD_UNIT, input.leadUnit === true);
  assertFen(input.cityGrantFen, 'cityGrantFen');
  if (!inForce) return evaluation.result(0);

  const date = input.date;
  let amountFen = applyRate(
    evaluation,
    '第七条',
    'city_grant',
    input.cityGrantFen,
    evaluation.param('art7.rateBps', date),
  );
  const cap = evaluation.param('art7.projectCapFen', date);
  amountFen = applyCap(
    evaluation,
    '第七条',
    'art7_project',
    cap,
    sameArticle,
    amountFen,
    'article_limit_reached',
  ).amountFen;
  amountFen = applyProjectCap(evaluation, date, input.projectGrantedFen ?? 0, amountFen).amountFen;
  return evaluation.result(amountFen);
}
