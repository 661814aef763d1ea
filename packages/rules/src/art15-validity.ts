/**
 * 第十五条 本措施自 2024 年 4 月 8 日起施行，有效期三年。
 * Art. 15: the measures are in force from 8 April 2024 for three years — through 2027-04-07. A decision dated
 * outside that window gets nothing under these measures.
 */
import { assertIsoDate, type IsoDate } from './dates';
import type { Evaluation } from './evaluation';
import { MEASURES_IN_FORCE } from './params/validity';
import { step } from './trace';

/** Whether the measures are in force on `date` (both ends included). */
export function inForce(date: IsoDate): boolean {
  assertIsoDate(date, 'date');
  return date >= MEASURES_IN_FORCE.from && date <= MEASURES_IN_FORCE.to;
}

/** Checks validity as the first stage of an evaluation of a date already validated. */
export function checkInForce(date: IsoDate, evaluation: Evaluation): boolean {
  const { from, to } = MEASURES_IN_FORCE;
  const ok = date >= from && date <= to;
  evaluation.trace.push(step('in_force', '第十五条', { date, from, to, ok }));
  if (!ok) evaluation.fail('outside_validity');
  return ok;
}
