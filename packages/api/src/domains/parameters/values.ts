import { PARAMS, type ParamKey, ParamOverrideError, validateParamValue } from '@nanshan/rules';
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

/**
 * Checks a candidate value with the rules' own check for its key's unit (the same one every rules call applies to a
 * published segment): amounts are non-negative integer fen, rates integer basis points from 0 to 10,000 (0–100%),
 * and an Art. 10 rent schedule is contiguous — it starts in tenancy month 1, each tier starts the month after the
 * previous one ends, and only the last is open-ended — so every month has exactly one rent.
 * Refusals: `parameter_not_draftable`, `parameter_value_invalid`, `rent_tiers_not_contiguous`.
 */
export function validateParameterValue(key: ParamKey, value: unknown): unknown {
  if (!isDraftable(key)) throw domainError('parameter_not_draftable');
  try {
    return validateParamValue(key, value);
  } catch (error) {
    if (!(error instanceof ParamOverrideError)) throw error;
    throw domainError(
      error.code === 'rent_tiers_not_contiguous' ? 'rent_tiers_not_contiguous' : 'parameter_value_invalid',
    );
  }
}
