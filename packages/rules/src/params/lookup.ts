import { assertIsoDate, type IsoDate } from '../dates';
import { deepFreeze, type ParamAt, type ParamOverrides } from './overrides';
import { PARAMS, type ParamKey, type ParamValue } from './table';
import type { ParamDef, Segment } from './types';

export type { ParamAt } from './overrides';

/** Thrown when no segment (or more than one) covers the date: never a silent zero or a silent pick. */
export class ParamCoverageError extends RangeError {
  constructor(
    readonly key: string,
    readonly date: IsoDate,
    kind: 'gap' | 'overlap',
  ) {
    super(`parameter ${key} has ${kind === 'gap' ? 'no value' : 'more than one value'} on ${date}`);
    this.name = 'ParamCoverageError';
  }
}

function covers(segment: Segment<unknown>, date: IsoDate): boolean {
  return segment.from <= date && (segment.to === undefined || date <= segment.to);
}

/**
 * Throws unless each parameter's segments are well formed and ordered without overlap: runs once when the package
 * loads, so a bad table edit fails every test and every process at start-up rather than in one decision.
 */
export function assertTableWellFormed(table: Readonly<Record<string, ParamDef<unknown>>>): void {
  for (const [key, param] of Object.entries(table)) {
    if (param.segments.length === 0) throw new Error(`parameter ${key} has no segments`);
    let previous: Segment<unknown> | undefined;
    for (const segment of param.segments) {
      assertIsoDate(segment.from, `${key}.from`);
      if (segment.to !== undefined) {
        assertIsoDate(segment.to, `${key}.to`);
        if (segment.to < segment.from) throw new Error(`parameter ${key}: segment ends before it starts`);
      }
      if (previous !== undefined && (previous.to === undefined || previous.to >= segment.from)) {
        throw new ParamCoverageError(key, segment.from, 'overlap');
      }
      previous = segment;
    }
  }
}

assertTableWellFormed(PARAMS);

/**
 * The value of parameter `key` in force on `date`, with its effective dates and citation: the override in force
 * when `overrides` has one (its `override` says where it came from), else the table's. Throws a
 * ParamCoverageError on a date no segment covers (for example outside the Art. 15 validity window).
 */
export function paramAt<K extends ParamKey>(
  key: K,
  date: IsoDate,
  overrides?: ParamOverrides,
): ParamAt<ParamValue<K>> {
  assertIsoDate(date, 'date');
  return overrides?.at(key, date) ?? paramOnValidDate(key, date);
}

/**
 * Each segment's answer, built once and frozen: lookups on the quote path allocate nothing, and no caller can
 * change a value in force.
 */
type Answers = readonly { segment: Segment<unknown>; answer: ParamAt<unknown> }[];

const ANSWERS = new Map<string, Answers>(
  Object.entries(PARAMS as Readonly<Record<string, ParamDef<unknown>>>).map(([key, param]) => [
    key,
    param.segments.map((segment) => ({
      segment,
      answer: Object.freeze({
        value: deepFreeze(segment.value),
        from: segment.from,
        to: segment.to,
        cite: Object.freeze(segment.cite),
        unit: param.unit,
        setByBureau: segment.setByBureau === true,
      }),
    })),
  ]),
);

function answerOn<V>(answers: Answers | undefined, key: string, date: IsoDate): ParamAt<V> {
  for (const { segment, answer } of answers ?? []) {
    if (covers(segment, date)) return answer as ParamAt<V>;
  }
  throw new ParamCoverageError(key, date, 'gap');
}

/** paramAt for a date the caller has already validated (the articles validate their input once). */
export function paramOnValidDate<K extends ParamKey>(key: K, date: IsoDate): ParamAt<ParamValue<K>> {
  return answerOn(ANSWERS.get(key), key, date);
}

/** The lookup for one parameter, resolved once (for the quote path): `paramSeries(key)(date)` ≡ paramOnValidDate. */
export function paramSeries<K extends ParamKey>(key: K): (date: IsoDate) => ParamAt<ParamValue<K>> {
  const answers = ANSWERS.get(key);
  return (date) => answerOn(answers, key, date);
}
