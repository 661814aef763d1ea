import type { IsoDate } from './dates';
import { fnv1a64 } from './hash';
import { CONDITIONS, type ConditionCode, type ReasonCode } from './messages';
import type { Fen } from './money';
import { type ParamAt, paramOnValidDate } from './params/lookup';
import type { ParamOverrides } from './params/overrides';
import type { ParamKey, ParamValue } from './params/table';
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
 * The value of `key` on a validated date: the override in force (recording a step that names its source and adding
 * its hash to `used`), else the table's (`builtIn` when the caller resolved the series once, for the quote path).
 */
export function readParam<K extends ParamKey>(
  overrides: ParamOverrides | undefined,
  trace: TraceStep[],
  used: string[],
  key: K,
  date: IsoDate,
  builtIn?: (date: IsoDate) => ParamAt<ParamValue<K>>,
): ParamAt<ParamValue<K>> {
  const override = overrides?.at(key, date);
  if (override?.override === undefined) return builtIn ? builtIn(date) : paramOnValidDate(key, date);
  const origin = override.override;
  trace.push(
    step('param_override', override.cite.article, {
      key,
      from: override.from,
      to: override.to ?? '',
      source: origin.source,
      ref: origin.ref ?? '',
      kind: origin.kind,
    }),
  );
  if (!used.includes(origin.hash)) used.push(origin.hash);
  return override;
}

/**
 * PARAMS_HASH when only the table decided; otherwise a hash of it and of the overrides used, so a decision that
 * took a published value records which one.
 */
export function paramsHashWith(used: readonly string[]): string {
  return used.length === 0 ? PARAMS_HASH : fnv1a64([PARAMS_HASH, ...[...used].sort()].join('|'));
}

/**
 * The running state of one evaluation: the reasons it fails and the steps taken, in the order the article states
 * its conditions. Every condition is checked even after one fails, so a reviewer sees all that is missing.
 */
export class Evaluation {
  readonly reasons: ReasonCode[] = [];
  readonly trace: TraceStep[] = [];
  /** Hashes of the overrides this evaluation used. */
  private readonly used: string[] = [];

  /** `article` is the article being applied; the outcome step cites it. `overrides`: published segments. */
  constructor(
    readonly article: Article,
    private readonly overrides?: ParamOverrides,
  ) {}

  /** The parameter in force on a validated date, from `overrides` when one covers it (see readParam). */
  param<K extends ParamKey>(
    key: K,
    date: IsoDate,
    builtIn?: (date: IsoDate) => ParamAt<ParamValue<K>>,
  ): ParamAt<ParamValue<K>> {
    return readParam(this.overrides, this.trace, this.used, key, date, builtIn);
  }

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
      paramsHash: paramsHashWith(this.used),
    };
  }
}
