/**
 * 第十四条 支持科技创新活动举办。
 * 鼓励辖区企业在南山区举办具有重大影响力的各类大模型和生成式人工智能主题活动，对国家、省、市、区政府有关部门认定的重大
 * 科技创新活动，每个活动最高补贴 300 万元。
 *
 * Art. 14 (events): major large-model / generative-AI events held in Nanshan and recognised by a national,
 * provincial, municipal or district authority receive at most 3,000,000 yuan per event; then Art. 4 (the event is
 * the project).
 */
import { applyProjectCap } from '../art04-project-cap';
import { applyCap } from '../caps';
import type { IsoDate } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { condition, Evaluation, type RuleResult } from '../evaluation';
import { assertFen, type Fen } from '../money';
import type { WithOverrides } from '../params/overrides';
import { admit, recordRequest } from '../stages';

const HELD_IN_NANSHAN = condition('event_in_nanshan', 'event_not_in_nanshan');
const LARGE_MODEL_GENAI_THEME = condition('event_large_model_genai_theme', 'event_not_large_model_or_genai');
const EVENT_RECOGNISED = condition('event_recognised', 'not_recognised');

export interface Art14Input extends WithOverrides {
  date: IsoDate;
  applicant: Applicant;
  /** The event is held in Nanshan District (在南山区举办). */
  heldInNanshan: boolean;
  /** The event's theme is large models / generative AI (大模型和生成式人工智能主题活动). */
  largeModelOrGenerativeAiTheme: boolean;
  recognised: boolean;
  requestedFen: Fen;
  /** Already granted for the same event under Art. 14 (default 0). */
  sameArticleGrantedFen?: Fen;
  /** Already granted to the same project under these measures (Art. 4; default 0). */
  projectGrantedFen?: Fen;
}

export function eventSupport(input: Art14Input): RuleResult {
  const sameArticle = input.sameArticleGrantedFen ?? 0;
  assertFen(sameArticle, 'sameArticleGrantedFen');
  const evaluation = new Evaluation('第十四条', input.overrides);
  const inForce = admit(evaluation, input.date, input.applicant);
  evaluation.check(HELD_IN_NANSHAN, input.heldInNanshan === true);
  evaluation.check(LARGE_MODEL_GENAI_THEME, input.largeModelOrGenerativeAiTheme === true);
  evaluation.check(EVENT_RECOGNISED, input.recognised === true);
  let amountFen = recordRequest(evaluation, '第十四条', input.requestedFen);
  if (!inForce) return evaluation.result(0);

  const cap = evaluation.param('art14.eventCapFen', input.date);
  amountFen = applyCap(
    evaluation,
    '第十四条',
    'art14_event',
    cap,
    sameArticle,
    amountFen,
    'article_limit_reached',
  ).amountFen;
  amountFen = applyProjectCap(evaluation, input.date, input.projectGrantedFen ?? 0, amountFen).amountFen;
  return evaluation.result(amountFen);
}
