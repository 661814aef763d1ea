/**
 * 第十一条 鼓励优质团队落户。
 * 支持国内外顶尖人工智能创新团队落户南山，对于新注册或新迁入的大模型和生成式人工智能企业，经认定可予以最高 300 万元的
 * 资金支持，……
 *
 * Art. 11 (top teams): newly registered or relocated large-model and generative-AI enterprises, once recognised,
 * may receive up to 3,000,000 yuan (once per enterprise: what it already received under Art. 11 counts against the
 * limit); then Art. 4.
 */
import { applyProjectCap } from '../art04-project-cap';
import { applyCap } from '../caps';
import type { IsoDate } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { condition, Evaluation, type RuleResult } from '../evaluation';
import { assertFen, type Fen } from '../money';
import type { WithOverrides } from '../params/overrides';
import { admit, recordRequest } from '../stages';

const NEW_OR_RELOCATED = condition('new_or_relocated', 'not_new_or_relocated');
const LARGE_MODEL_GENAI = condition('large_model_genai_team', 'not_large_model_or_genai');
const TEAM_RECOGNISED = condition('team_recognised', 'not_recognised');

export interface Art11Input extends WithOverrides {
  date: IsoDate;
  applicant: Applicant;
  newOrRelocated: boolean;
  /** The enterprise is a large-model / generative-AI enterprise (大模型和生成式人工智能企业). */
  largeModelOrGenerativeAi: boolean;
  /** Recognised (经认定) as a top large-model / generative-AI team. */
  recognised: boolean;
  requestedFen: Fen;
  /** Already granted to this enterprise under Art. 11 (default 0). */
  sameArticleGrantedFen?: Fen;
  /** Already granted to the same project under these measures (Art. 4; default 0). */
  projectGrantedFen?: Fen;
}

export function teamSupport(input: Art11Input): RuleResult {
  const sameArticle = input.sameArticleGrantedFen ?? 0;
  assertFen(sameArticle, 'sameArticleGrantedFen');
  const evaluation = new Evaluation('第十一条', input.overrides);
  const inForce = admit(evaluation, input.date, input.applicant);
  evaluation.check(NEW_OR_RELOCATED, input.newOrRelocated === true);
  evaluation.check(LARGE_MODEL_GENAI, input.largeModelOrGenerativeAi === true);
  evaluation.check(TEAM_RECOGNISED, input.recognised === true);
  let amountFen = recordRequest(evaluation, '第十一条', input.requestedFen);
  if (!inForce) return evaluation.result(0);

  const cap = evaluation.param('art11.capFen', input.date);
  amountFen = applyCap(
    evaluation,
    '第十一条',
    'art11_enterprise',
    cap,
    sameArticle,
    amountFen,
    'article_limit_reached',
  ).amountFen;
  amountFen = applyProjectCap(evaluation, input.date, input.projectGrantedFen ?? 0, amountFen).amountFen;
  return evaluation.result(amountFen);
}
