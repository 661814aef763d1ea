/**
 * Stages shared by the articles, each recording its trace step: admission (Art. 15 validity, Arts. 3/4 applicant),
 * base × rate rounded down, the consecutive-years limit, and the requested amount.
 */
import { checkInForce } from './art15-validity';
import { assertIsoDate, type IsoDate } from './dates';
import { type Applicant, checkApplicant } from './eligibility/applicant';
import type { Evaluation } from './evaluation';
import type { BaseKind } from './messages';
import { assertFen, type Fen, percentOfDown } from './money';
import type { ParamAt } from './params/lookup';
import type { Article } from './params/types';
import { step } from './trace';

/**
 * Validity and applicant checks every article starts with. Returns whether the measures are in force on the date;
 * when they are not, no parameter exists for it and the article records its conditions but computes no amount.
 */
export function admit(evaluation: Evaluation, date: IsoDate, applicant: Applicant): boolean {
  assertIsoDate(date, 'date');
  const inForce = checkInForce(date, evaluation);
  checkApplicant(applicant, evaluation);
  return inForce;
}

/** `baseFen` × the rate in force, rounded down to the fen ("最高 X%": never more). */
export function applyRate(
  evaluation: Evaluation,
  article: Article,
  base: BaseKind,
  baseFen: Fen,
  rate: ParamAt<number>,
): Fen {
  assertFen(baseFen, base);
  const amountFen = percentOfDown(baseFen, rate.value);
  evaluation.trace.push(
    step('rate_applied', article, {
      base,
      baseFen,
      rateBps: rate.value,
      amountFen,
      paramFrom: rate.from,
      // A published value is no longer the bureau's default (the override step names its source).
      setByBureau: rate.setByBureau && rate.override === undefined,
    }),
  );
  return amountFen;
}

/** "连续资助时间不超过 3 年": funded this year only while fewer than the maximum consecutive years were funded. */
export function checkConsecutiveYears(
  evaluation: Evaluation,
  article: Article,
  yearsFunded: number,
  maxYears: ParamAt<number>,
): boolean {
  if (!Number.isSafeInteger(yearsFunded) || yearsFunded < 0) {
    throw new RangeError(`years funded must be a non-negative integer, got ${String(yearsFunded)}`);
  }
  const ok = yearsFunded < maxYears.value;
  evaluation.trace.push(
    step('years_limit', article, { yearsFunded, maxYears: maxYears.value, ok, paramFrom: maxYears.from }),
  );
  if (!ok) evaluation.fail('max_years_reached');
  return ok;
}

/** Records the amount applied for (or proposed by the bureau), the start of the "最高" articles' amounts. */
export function recordRequest(evaluation: Evaluation, article: Article, requestedFen: Fen): Fen {
  assertFen(requestedFen, 'requestedFen');
  evaluation.trace.push(step('requested', article, { requestedFen }));
  return requestedFen;
}
