/**
 * 第四条 本措施申报主体原则上应符合……“每家单位单个扶持项目资助金额原则上不得超过 1000 万元”等相关条件，但以下情形除外：
 * ……（二）支持公共服务平台建设支持计划的项目不受……“每家单位单个扶持项目资助金额原则上不得超过 1000 万元”总量控制限制。
 *
 * Art. 4: one unit's single supported project receives at most 10,000,000 yuan in total under these measures; the
 * public-service-platform programme (Art. 5) is exempt. Every other article passes its amount through this cap with
 * what the same project already received.
 */
import { applyCap, type Capped } from './caps';
import type { IsoDate } from './dates';
import type { Evaluation } from './evaluation';
import { assertFen, type Fen } from './money';

/** Bounds `amountFen` by what is left of 10,000,000 yuan for the project after `projectGrantedFen`. */
export function applyProjectCap(
  evaluation: Evaluation,
  date: IsoDate,
  projectGrantedFen: Fen,
  amountFen: Fen,
): Capped {
  assertFen(projectGrantedFen, 'projectGrantedFen');
  const cap = evaluation.param('art4.projectCapFen', date);
  return applyCap(
    evaluation,
    '第四条',
    'art4_project',
    cap,
    projectGrantedFen,
    amountFen,
    'project_cap_reached',
  );
}
