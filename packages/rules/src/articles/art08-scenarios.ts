/**
 * 第八条 支持应用场景建设。
 * 支持辖区企业申报重大人工智能应用场景揭榜挂帅等市、区级项目，对获得市级资金扶持的项目，最高按照市区 1:0.5 的比例予以
 * 配套支持；对申报区级资金扶持的项目，按照项目总投入最高 50%给予资助，每个项目最高资助 500 万元。
 * 鼓励辖区企业开展全域全时人工智能场景应用示范。对建设具有行业引领的示范场景，经综合评估后，按照示范场景实际建设费用
 * 给予投资主体（非政府投资项目）一次性最高 300 万元奖励。
 *
 * Art. 8 (application scenarios), three tracks:
 *  - city_match: projects with municipal funding get a district match of at most 1:0.5 (50% of the municipal amount);
 *    the article sets no other limit, so only Art. 4 bounds it;
 *  - district: district-funded projects get at most 50% of total investment, at most 5,000,000 yuan per project;
 *  - demo: an industry-leading demonstration scenario's investor (not a government-invested project) gets a one-time
 *    award based on the actual construction cost — at most that cost and at most 3,000,000 yuan.
 * Every track then passes Art. 4.
 *
 * The rate bases are the case's own: the municipal grant (city_match) or investment (district) this award is for, not
 * the project's running total (the grants module passes each application's own figure). The rate of each distinct
 * base keeps the project within the rate of their sum; a base stated in two cases is counted twice, which the rules
 * cannot see and the reviewer's evidence check must.
 */
import { applyProjectCap } from '../art04-project-cap';
import { applyCap } from '../caps';
import type { IsoDate } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { condition, Evaluation, type RuleResult } from '../evaluation';
import { assertFen, type Fen } from '../money';
import type { WithOverrides } from '../params/overrides';
import { admit, applyRate } from '../stages';
import { step } from '../trace';

const NOT_GOVERNMENT_INVESTED = condition('not_government_invested', 'government_invested');
const DEMO_NOT_AWARDED_BEFORE = condition('demo_not_awarded_before', 'demo_already_awarded');

export type Art8Track = 'city_match' | 'district' | 'demo';

export const ART8_TRACKS: readonly Art8Track[] = ['city_match', 'district', 'demo'];

export type Art8Input = WithOverrides & {
  date: IsoDate;
  applicant: Applicant;
  /** Already granted to the same project under these measures (Art. 4; default 0). */
  projectGrantedFen?: Fen;
  /**
   * Already granted to the same project under this track of Art. 8, counted against the track's own limit (district
   * 5,000,000 yuan, demo 3,000,000 yuan; default 0). city_match has no limit of its own, so it is not used there.
   */
  sameArticleGrantedFen?: Fen;
} & (
    | { track: 'city_match'; cityGrantFen: Fen }
    | { track: 'district'; totalInvestmentFen: Fen }
    | { track: 'demo'; actualCostFen: Fen; governmentInvested: boolean; demoAwardedBefore?: boolean }
  );

export function scenarioSupport(input: Art8Input): RuleResult {
  const sameArticle = input.sameArticleGrantedFen ?? 0;
  assertFen(sameArticle, 'sameArticleGrantedFen');
  const evaluation = new Evaluation('第八条', input.overrides);
  const inForce = admit(evaluation, input.date, input.applicant);
  if (input.track === 'demo') {
    evaluation.check(NOT_GOVERNMENT_INVESTED, input.governmentInvested === false);
    evaluation.check(DEMO_NOT_AWARDED_BEFORE, input.demoAwardedBefore !== true);
  }
  if (!inForce) return evaluation.result(0);

  const date = input.date;
  let amountFen: Fen;
  switch (input.track) {
    case 'city_match':
      amountFen = applyRate(
        evaluation,
        '第八条',
        'city_grant',
        input.cityGrantFen,
        evaluation.param('art8.cityMatchRateBps', date),
      );
      break;
    case 'district': {
      const rate = evaluation.param('art8.districtRateBps', date);
      amountFen = applyRate(evaluation, '第八条', 'total_investment', input.totalInvestmentFen, rate);
      const cap = evaluation.param('art8.districtProjectCapFen', date);
      amountFen = applyCap(
        evaluation,
        '第八条',
        'art8_district_project',
        cap,
        sameArticle,
        amountFen,
        'article_limit_reached',
      ).amountFen;
      break;
    }
    case 'demo': {
      assertFen(input.actualCostFen, 'actualCostFen');
      // "按照示范场景实际建设费用": the award starts from the actual cost, then the one-time 3,000,000-yuan limit.
      evaluation.trace.push(step('actual_cost', '第八条', { actualCostFen: input.actualCostFen }));
      amountFen = input.actualCostFen;
      const cap = evaluation.param('art8.demoCapFen', date);
      amountFen = applyCap(
        evaluation,
        '第八条',
        'art8_demo',
        cap,
        sameArticle,
        amountFen,
        'article_limit_reached',
      ).amountFen;
      break;
    }
  }
  amountFen = applyProjectCap(evaluation, date, input.projectGrantedFen ?? 0, amountFen).amountFen;
  return evaluation.result(amountFen);
}
