import type { Evaluation } from './evaluation';
import type { CapKind, ReasonCode } from './messages';
import { type Fen, leftOf, minFen } from './money';
import type { Article } from './params/types';
import { step } from './trace';

export interface Capped {
  /** The amount after the cap. */
  amountFen: Fen;
  /** What was left of the cap before this amount. */
  leftFen: Fen;
  /** Whether the cap lowered the amount. */
  bound: boolean;
}

/**
 * One cap stage: bounds `amountFen` by what is left of `limit` after `usedFen`, records the step, and when nothing
 * is left records `reasonWhenUsedUp` (a used-up cap means no award, not a zero award). Without a reason the stage is
 * a plain bound (a limit computed from the case, not one that can be used up).
 */
export function applyCap(
  evaluation: Evaluation,
  article: Article,
  cap: CapKind,
  limit: { value: Fen; from: string },
  usedFen: Fen,
  amountFen: Fen,
  reasonWhenUsedUp?: ReasonCode,
): Capped {
  const leftFen = leftOf(limit.value, usedFen);
  const capped = minFen(amountFen, leftFen);
  evaluation.trace.push(
    step('cap_applied', article, {
      cap,
      capFen: limit.value,
      usedFen,
      leftFen,
      beforeFen: amountFen,
      amountFen: capped,
      paramFrom: limit.from,
    }),
  );
  if (leftFen === 0 && reasonWhenUsedUp !== undefined) evaluation.fail(reasonWhenUsedUp);
  return { amountFen: capped, leftFen, bound: capped < amountFen };
}
