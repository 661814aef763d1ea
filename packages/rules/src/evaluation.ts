import { CONDITIONS, type ConditionCode, type ReasonCode } from './messages';
import type { Fen } from './money';
import type { Article } from './params/types';
import { sharedStep, step, type TraceStep } from './trace';
import { PARAMS_HASH, RULESET_VERSION } from './version';

/** What every rule returns: the amount, why, and which rules and parameters produced it. */
export interface RuleResult {
  eligible: boolean;
  amountFen: Fen;
  reasons: ReasonCode[];
  trace: TraceStep[];
  rulesetVersion: string;
  paramsHash: string;
}

/** A condition an article states, with the reason it fails for and its two possible trace steps. */
export interface Condition {
  reason: ReasonCode;
  met: TraceStep;
  unmet: TraceStep;
}

/**
 * Defines a condition once, at module level: its steps are built once and shared by every evaluation (the Art. 6
 * quote path allocates nothing for them). The step cites the article the condition belongs to.
 */
export function condition(code: ConditionCode, reason: ReasonCode): Condition {
  const { article } = CONDITIONS[code];
  return {
    reason,
    met: sharedStep('condition', article, { condition: code, ok: true }),
    unmet: sharedStep('condition', article, { condition: code, ok: false }),
  };
}

/**
 * The running state of one evaluation: the reasons it fails and the steps taken, in the order the article states
 * its conditions. Every condition is checked even after one fails, so a reviewer sees all that is missing.
 */
export class Evaluation {
  readonly reasons: ReasonCode[] = [];
  readonly trace: TraceStep[] = [];

  /** `article` is the article being applied; the outcome step cites it. */
  constructor(readonly article: Article) {}

  /** Records whether `condition` holds; when it does not, its reason joins the reasons. */
  check(condition: Condition, ok: boolean): boolean {
    if (ok) {
      this.trace.push(condition.met);
    } else {
      this.trace.push(condition.unmet);
      this.reasons.push(condition.reason);
    }
    return ok;
  }

  fail(reason: ReasonCode): void {
    this.reasons.push(reason);
  }

  get eligible(): boolean {
    return this.reasons.length === 0;
  }

  /** Closes the evaluation: nothing is awarded unless every condition holds. */
  result(amountFen: Fen): RuleResult {
    const eligible = this.reasons.length === 0;
    const amount = eligible ? amountFen : 0;
    this.trace.push(step('outcome', this.article, { eligible, amountFen: amount }));
    return {
      eligible,
      amountFen: amount,
      reasons: this.reasons,
      trace: this.trace,
      rulesetVersion: RULESET_VERSION,
      paramsHash: PARAMS_HASH,
    };
  }
}
