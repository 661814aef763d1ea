import { PARAMS, type ParamKey } from '@nanshan/rules';
import { z } from 'zod';
import { domainError } from '../../errors';

export const PARAM_KEYS = Object.keys(PARAMS) as [ParamKey, ...ParamKey[]];

type Unit = (typeof PARAMS)[ParamKey]['unit'];

/** The measures leave this value to the bureau (every segment of the rules' table is marked `setByBureau`). */
export function isSetByBureau(key: ParamKey): boolean {
  return PARAMS[key].segments.every((s) => 'setByBureau' in s && s.setByBureau === true);
}

/**
 * Keys a draft may be written for: every value the bureau sets (publishable), and the caps and rates the measures
 * fix — drafted only to evaluate a what-if, never published (changing them needs a new policy, not a parameter).
 */
export function isDraftable(key: ParamKey): boolean {
  const unit: Unit = PARAMS[key].unit;
  return isSetByBureau(key) || unit === 'fen' || unit === 'bps';
}

const bps = z.number().int().min(0).max(10_000);
const fen = z.number().int().min(0);

const SHAPES: Partial<Record<Unit, z.ZodType>> = {
  fen,
  bps,
  fen_per_card_hour: z.number().int().min(1),
  bps_by_field: z.strictObject({ industry: bps, services: bps, other: bps }),
  bps_by_financing_kind: z.strictObject({ loan_interest: bps, startup_financing: bps, ip_pledge: bps }),
  rent_tiers: z
    .array(
      z.strictObject({
        fromMonth: z.number().int().min(1).max(1200),
        toMonth: z.number().int().min(1).max(1200).optional(),
        payBps: bps,
      }),
    )
    .min(1)
    .max(24),
};

/**
 * Checks a candidate value against its key's unit: amounts are non-negative integer fen, rates integer basis points
 * from 0 to 10,000 (0–100%), and an Art. 10 rent schedule is contiguous — it starts in tenancy month 1, each tier
 * starts the month after the previous one ends, and only the last is open-ended — so every month has exactly one rent.
 * Refusals: `parameter_not_draftable`, `parameter_value_invalid`, `rent_tiers_not_contiguous`.
 */
export function validateParameterValue(key: ParamKey, value: unknown): unknown {
  if (!isDraftable(key)) throw domainError('parameter_not_draftable');
  const shape = SHAPES[PARAMS[key].unit];
  const parsed = shape?.safeParse(value);
  if (!parsed?.success) throw domainError('parameter_value_invalid');
  if (PARAMS[key].unit === 'rent_tiers') {
    const tiers = parsed.data as { fromMonth: number; toMonth?: number; payBps: number }[];
    const contiguous =
      tiers[0]!.fromMonth === 1 &&
      tiers.every((t, i) => {
        const next = tiers[i + 1];
        if (!next) return t.toMonth === undefined;
        return t.toMonth !== undefined && t.toMonth >= t.fromMonth && next.fromMonth === t.toMonth + 1;
      });
    if (!contiguous) throw domainError('rent_tiers_not_contiguous');
  }
  return parsed.data;
}
