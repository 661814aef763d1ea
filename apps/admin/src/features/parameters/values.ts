import {
  bpsToPercentText,
  percentToBps,
  type RentTier,
  rowsFromTiers,
  type TierRow,
  tiersFromRows,
} from './rent-tiers';

/** The units the parameters table uses (see @nanshan/rules params/types). */
export type ParamUnit =
  | 'fen'
  | 'bps'
  | 'years'
  | 'fen_per_card_hour'
  | 'bps_by_field'
  | 'bps_by_financing_kind'
  | 'rent_tiers'
  | 'revenue_tiers';

export const FIELDS = ['industry', 'services', 'other'] as const;
export const FINANCING_KINDS = ['loan_interest', 'startup_financing', 'ip_pledge'] as const;

export interface RevenueTier {
  revenueAboveFen: number;
  awardFen: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

export function asBpsMap<K extends string>(value: unknown, keys: readonly K[]): Record<K, number> | null {
  if (!isRecord(value)) return null;
  const out = {} as Record<K, number>;
  for (const k of keys) {
    const n = asNumber(value[k]);
    if (n === null) return null;
    out[k] = n;
  }
  return out;
}

export function asRentTiers(value: unknown): RentTier[] | null {
  if (!Array.isArray(value)) return null;
  const tiers: RentTier[] = [];
  for (const v of value) {
    if (!isRecord(v)) return null;
    const fromMonth = asNumber(v.fromMonth);
    const payBps = asNumber(v.payBps);
    const toMonth = v.toMonth === undefined || v.toMonth === null ? undefined : asNumber(v.toMonth);
    if (fromMonth === null || payBps === null || toMonth === null) return null;
    tiers.push({ fromMonth, payBps, ...(toMonth !== undefined ? { toMonth } : {}) });
  }
  return tiers;
}

export function asRevenueTiers(value: unknown): RevenueTier[] | null {
  if (!Array.isArray(value)) return null;
  const tiers: RevenueTier[] = [];
  for (const v of value) {
    if (!isRecord(v)) return null;
    const revenueAboveFen = asNumber(v.revenueAboveFen);
    const awardFen = asNumber(v.awardFen);
    if (revenueAboveFen === null || awardFen === null) return null;
    tiers.push({ revenueAboveFen, awardFen });
  }
  return tiers;
}

/** What the editor holds while staff type: text per field, parsed only when read. */
export type EditorState =
  | { unit: 'fen' | 'fen_per_card_hour'; fen: number | null }
  | { unit: 'bps'; percent: string }
  | { unit: 'bps_by_field'; percent: Record<(typeof FIELDS)[number], string> }
  | { unit: 'bps_by_financing_kind'; percent: Record<(typeof FINANCING_KINDS)[number], string> }
  | { unit: 'rent_tiers'; rows: TierRow[] };

export const EDITABLE_UNITS = [
  'fen',
  'fen_per_card_hour',
  'bps',
  'bps_by_field',
  'bps_by_financing_kind',
  'rent_tiers',
] as const;

export function isEditableUnit(unit: string): unit is EditorState['unit'] {
  return (EDITABLE_UNITS as readonly string[]).includes(unit);
}

function percentMap<K extends string>(value: unknown, keys: readonly K[]): Record<K, string> {
  const map = asBpsMap(value, keys);
  return Object.fromEntries(keys.map((k) => [k, map ? bpsToPercentText(map[k]) : ''])) as Record<K, string>;
}

/** The editor's starting point: the value in force today. */
export function editorFrom(unit: EditorState['unit'], value: unknown): EditorState {
  switch (unit) {
    case 'fen':
    case 'fen_per_card_hour':
      return { unit, fen: asNumber(value) };
    case 'bps': {
      const n = asNumber(value);
      return { unit, percent: n === null ? '' : bpsToPercentText(n) };
    }
    case 'bps_by_field':
      return { unit, percent: percentMap(value, FIELDS) };
    case 'bps_by_financing_kind':
      return { unit, percent: percentMap(value, FINANCING_KINDS) };
    case 'rent_tiers':
      return { unit, rows: rowsFromTiers(asRentTiers(value) ?? [{ fromMonth: 1, payBps: 10_000 }]) };
  }
}

export type ValueProblem = 'amount' | 'percent' | 'tiers';

/** The value to send, or which kind of input is wrong. */
export function valueFrom(
  state: EditorState,
): { ok: true; value: unknown } | { ok: false; problem: ValueProblem } {
  switch (state.unit) {
    case 'fen':
      return state.fen !== null && state.fen >= 0
        ? { ok: true, value: state.fen }
        : { ok: false, problem: 'amount' };
    case 'fen_per_card_hour':
      return state.fen !== null && state.fen >= 1
        ? { ok: true, value: state.fen }
        : { ok: false, problem: 'amount' };
    case 'bps': {
      const bps = percentToBps(state.percent);
      return bps === null ? { ok: false, problem: 'percent' } : { ok: true, value: bps };
    }
    case 'bps_by_field':
    case 'bps_by_financing_kind': {
      const out: Record<string, number> = {};
      for (const [k, text] of Object.entries(state.percent)) {
        const bps = percentToBps(text);
        if (bps === null) return { ok: false, problem: 'percent' };
        out[k] = bps;
      }
      return { ok: true, value: out };
    }
    case 'rent_tiers': {
      const result = tiersFromRows(state.rows);
      return result.ok ? { ok: true, value: result.tiers } : { ok: false, problem: 'tiers' };
    }
  }
}
