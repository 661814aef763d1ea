/**
 * Dated overrides of the parameter table: the segments the bureau published (区科技创新局 notices for the values the
 * measures leave to it), or a candidate value a what-if evaluates. The caller reads them (the rules do no I/O) and
 * passes them to an article; on a date an override covers, it replaces the table's value, and the trace says so.
 *
 * Precedence: among the overrides of a key that cover the date, the one starting latest wins; on equal starts, the
 * one later in the list (callers list them in publication order). Without one, the table applies. An override
 * keeps the citation of the table's value it replaces: it sets the number, the article still governs.
 */
import { arrayOf, CaseError, type Check, count, fen, object, optional } from '../cli/schema';
import { type IsoDate, isIsoDate } from '../dates';
import { canonicalJson, fnv1a64 } from '../hash';
import { PARAMS, type ParamKey, type ParamValue } from './table';
import type { Citation, ParamDef, Unit } from './types';
import { MEASURES_IN_FORCE } from './validity';

/** A published segment is law from its date; a what-if value is a hypothesis, evaluated and never decided on. */
export type OverrideKind = 'published' | 'what_if';

export interface ParamOverride {
  key: ParamKey;
  value: unknown;
  from: IsoDate;
  /** Last day in force (inclusive); omitted: until the measures end. */
  to?: IsoDate;
  /** Where a reviewer finds it, e.g. "区科技创新局通知〔2027〕1号" or the publication's stated reason. */
  source: string;
  /** The caller's reference (e.g. the stored segment's id), carried into the trace. */
  ref?: string;
  /** Default 'published'. */
  kind?: OverrideKind;
}

/** The field every rules entry point that reads parameters accepts. */
export interface WithOverrides {
  /** Published segments (or what-if values) that replace the table's values on their dates; omitted: the table. */
  overrides?: ParamOverrides;
}

/** Where a value came from when an override supplied it. */
export interface OverrideOrigin {
  key: ParamKey;
  source: string;
  ref?: string;
  kind: OverrideKind;
  /** Identifies the override (key, value, dates, source, kind) in `paramsHash`. */
  hash: string;
}

/** A value with its dates and citation, and `override` when a published (or what-if) segment supplied it. */
export interface ParamAt<V> {
  value: V;
  from: IsoDate;
  to?: IsoDate;
  cite: Citation;
  unit: Unit;
  setByBureau: boolean;
  override?: OverrideOrigin;
}

export type OverrideErrorCode =
  | 'invalid_override'
  | 'unknown_parameter'
  | 'invalid_value'
  | 'rent_tiers_not_contiguous'
  | 'revenue_tiers_not_ascending'
  | 'invalid_dates'
  | 'outside_validity';

/** An override the rules refuse; `path` names the field (e.g. `overrides[1].value[0].payBps`). */
export class ParamOverrideError extends RangeError {
  constructor(
    readonly code: OverrideErrorCode,
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'ParamOverrideError';
  }
}

const bps: Check<number> = (value, path) => {
  const n = count(value, path);
  if (n > 10_000) throw new CaseError(path, 'expected basis points from 0 to 10000 (0–100%)');
  return n;
};

const atLeastOne: Check<number> = (value, path) => {
  const n = count(value, path);
  if (n < 1) throw new CaseError(path, 'expected a whole number, 1 or more');
  return n;
};

const month: Check<number> = (value, path) => {
  const n = atLeastOne(value, path);
  if (n > 1200) throw new CaseError(path, 'expected a tenancy month from 1 to 1200');
  return n;
};

function listOf<T>(check: Check<T>, max: number): Check<T[]> {
  return (value, path) => {
    const items = arrayOf(check)(value, path);
    if (items.length === 0 || items.length > max) {
      throw new CaseError(path, `expected 1 to ${max} entries`);
    }
    return items;
  };
}

const rentTier = object({ fromMonth: month, toMonth: optional(month), payBps: bps });
const revenueTier = object({ revenueAboveFen: fen, awardFen: fen });

/** The shape of each unit's values: whole fen, basis points 0–10,000, whole years, and the two schedules. */
const SHAPES: { readonly [U in Unit]: Check<unknown> } = {
  fen,
  bps,
  years: atLeastOne,
  fen_per_card_hour: atLeastOne,
  bps_by_field: object({ industry: bps, services: bps, other: bps }),
  bps_by_financing_kind: object({ loan_interest: bps, startup_financing: bps, ip_pledge: bps }),
  rent_tiers: listOf(rentTier, 24),
  revenue_tiers: listOf(revenueTier, 12),
};

/**
 * An Art. 10 schedule gives every tenancy month exactly one rent: it starts in month 1, each tier starts the month
 * after the previous one ends, and only the last is open-ended.
 */
function rentTiersContiguous(tiers: readonly { fromMonth: number; toMonth?: number }[]): boolean {
  return (
    tiers[0]?.fromMonth === 1 &&
    tiers.every((tier, i) => {
      const next = tiers[i + 1];
      if (next === undefined) return tier.toMonth === undefined;
      return (
        tier.toMonth !== undefined && tier.toMonth >= tier.fromMonth && next.fromMonth === tier.toMonth + 1
      );
    })
  );
}

/** Art. 12 tiers climb: each threshold above the last, each tier's total at least the last (晋级补差 pays differences). */
function revenueTiersAscending(tiers: readonly { revenueAboveFen: number; awardFen: number }[]): boolean {
  return tiers.every((tier, i) => {
    const previous = tiers[i - 1];
    return (
      previous === undefined ||
      (tier.revenueAboveFen > previous.revenueAboveFen && tier.awardFen >= previous.awardFen)
    );
  });
}

function isParamKey(key: unknown): key is ParamKey {
  return typeof key === 'string' && Object.hasOwn(PARAMS, key);
}

/** Freezes `value` and everything in it: a value in force cannot be changed by any caller. */
export function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Checks `value` against the unit of `key` and returns a frozen copy (unknown fields are errors, never ignored).
 * Throws a ParamOverrideError: `unknown_parameter`, `invalid_value`, `rent_tiers_not_contiguous`,
 * `revenue_tiers_not_ascending`.
 */
export function validateParamValue<K extends ParamKey>(
  key: K,
  value: unknown,
  path = 'value',
): ParamValue<K> {
  if (!isParamKey(key))
    throw new ParamOverrideError('unknown_parameter', path, `unknown parameter ${String(key)}`);
  const unit = PARAMS[key].unit;
  let checked: unknown;
  try {
    checked = SHAPES[unit](value, path);
  } catch (error) {
    if (error instanceof CaseError) throw new ParamOverrideError('invalid_value', error.path, error.message);
    throw error;
  }
  if (unit === 'rent_tiers' && !rentTiersContiguous(checked as { fromMonth: number; toMonth?: number }[])) {
    throw new ParamOverrideError(
      'rent_tiers_not_contiguous',
      path,
      'the tiers must start in month 1, each start the month after the previous one ends, and only the last be open-ended',
    );
  }
  if (
    unit === 'revenue_tiers' &&
    !revenueTiersAscending(checked as { revenueAboveFen: number; awardFen: number }[])
  ) {
    throw new ParamOverrideError(
      'revenue_tiers_not_ascending',
      path,
      'each threshold must be above the previous one and each award at least the previous one',
    );
  }
  return deepFreeze(checked) as ParamValue<K>;
}

interface Prepared {
  from: IsoDate;
  to?: IsoDate;
  answer: ParamAt<unknown>;
}

/** The table's citation for the value an override replaces (the segment in force on its first day). */
function citationOn(def: ParamDef<unknown>, date: IsoDate): { cite: Citation; setByBureau: boolean } {
  const segment =
    def.segments.find((s) => s.from <= date && (s.to === undefined || date <= s.to)) ?? def.segments[0]!;
  return { cite: segment.cite, setByBureau: segment.setByBureau === true };
}

function prepare(raw: unknown, path: string): Prepared {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ParamOverrideError('invalid_override', path, 'expected an object');
  }
  const o = raw as Record<string, unknown>;
  for (const field of Object.keys(o)) {
    if (!['key', 'value', 'from', 'to', 'source', 'ref', 'kind'].includes(field)) {
      throw new ParamOverrideError('invalid_override', `${path}.${field}`, 'unknown field');
    }
  }
  if (!isParamKey(o.key)) {
    throw new ParamOverrideError('unknown_parameter', `${path}.key`, `unknown parameter ${String(o.key)}`);
  }
  const key = o.key;
  if (!isIsoDate(o.from))
    throw new ParamOverrideError('invalid_dates', `${path}.from`, "expected 'YYYY-MM-DD'");
  if (o.to !== undefined && (!isIsoDate(o.to) || o.to < o.from)) {
    throw new ParamOverrideError('invalid_dates', `${path}.to`, "expected 'YYYY-MM-DD', not before `from`");
  }
  const from = o.from;
  const to = o.to as IsoDate | undefined;
  // Every dated value of these measures lies inside the Art. 15 window; so does every override of one.
  if (from < MEASURES_IN_FORCE.from || (to ?? from) > MEASURES_IN_FORCE.to) {
    throw new ParamOverrideError(
      'outside_validity',
      path,
      `must lie within ${MEASURES_IN_FORCE.from} to ${MEASURES_IN_FORCE.to} (Art. 15)`,
    );
  }
  if (typeof o.source !== 'string' || o.source.trim() === '') {
    throw new ParamOverrideError('invalid_override', `${path}.source`, 'expected a non-empty string');
  }
  if (o.ref !== undefined && typeof o.ref !== 'string') {
    throw new ParamOverrideError('invalid_override', `${path}.ref`, 'expected a string');
  }
  if (o.kind !== undefined && o.kind !== 'published' && o.kind !== 'what_if') {
    throw new ParamOverrideError('invalid_override', `${path}.kind`, "expected 'published' or 'what_if'");
  }
  const value = validateParamValue(key, o.value, `${path}.value`);
  const kind: OverrideKind = o.kind ?? 'published';
  const def = PARAMS[key] as ParamDef<unknown>;
  const { cite, setByBureau } = citationOn(def, from);
  const origin: OverrideOrigin = {
    key,
    source: o.source,
    kind,
    hash: fnv1a64(canonicalJson({ key, value, from, to, source: o.source, kind })),
    ...(o.ref === undefined ? {} : { ref: o.ref }),
  };
  return {
    from,
    ...(to === undefined ? {} : { to }),
    answer: deepFreeze({
      value,
      from,
      ...(to === undefined ? {} : { to }),
      cite,
      unit: def.unit,
      setByBureau,
      override: origin,
    }),
  };
}

/**
 * A checked, frozen set of overrides, indexed by key: build it once per request (or transaction) with
 * `paramOverrides(list)` and pass it to every article evaluated with it.
 */
export class ParamOverrides {
  private readonly byKey = new Map<string, Prepared[]>();

  /** @internal use `paramOverrides(list)`. */
  constructor(prepared: readonly { key: ParamKey; entry: Prepared }[]) {
    for (const { key, entry } of prepared) {
      const list = this.byKey.get(key) ?? [];
      list.push(entry);
      this.byKey.set(key, list);
    }
  }

  /** The override of `key` in force on `date` (a date already validated), if any. */
  at<K extends ParamKey>(key: K, date: IsoDate): ParamAt<ParamValue<K>> | undefined {
    const entries = this.byKey.get(key);
    if (entries === undefined) return undefined;
    let best: Prepared | undefined;
    for (const entry of entries) {
      if (entry.from > date || (entry.to !== undefined && entry.to < date)) continue;
      if (best === undefined || entry.from >= best.from) best = entry;
    }
    return best?.answer as ParamAt<ParamValue<K>> | undefined;
  }
}

/** Checks every override (throwing a ParamOverrideError naming the first bad one) and indexes them. */
export function paramOverrides(list: readonly unknown[]): ParamOverrides {
  if (!Array.isArray(list))
    throw new ParamOverrideError('invalid_override', 'overrides', 'expected an array');
  return new ParamOverrides(
    list.map((raw, i) => {
      const entry = prepare(raw, `overrides[${i}]`);
      return { key: (raw as { key: ParamKey }).key, entry };
    }),
  );
}
