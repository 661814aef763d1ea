import { parseAmountToFen } from '@nanshan/ui';
import type { GrantInput } from '../../lib/api-types';
import { amountProblem, requiredText, type ValidationKey } from '../../lib/validation';

export type OtherMeasureAward = GrantInput['otherMeasureAwards'] extends (infer A)[] | undefined ? A : never;
export type AwardStatus = OtherMeasureAward['status'];
export const AWARD_STATUSES: readonly AwardStatus[] = ['applied', 'received'];

/** One row of the form: support for the same project under another Nanshan measure, as typed. */
export interface OtherAwardValues {
  measure: string;
  amount: string;
  status: AwardStatus;
}

/** The API takes at most ten declared awards per application. */
export const MAX_OTHER_AWARDS = 10;

export function emptyOtherAward(): OtherAwardValues {
  return { measure: '', amount: '', status: 'applied' };
}

/**
 * Art. 15: support the project has had, or asked for, under other district measures — the API keeps the higher
 * award. Rows are checked one by one (errors keyed `otherAwards.<i>.<field>` as the form reports them) and converted
 * to integer fen.
 */
export function toOtherAwards(
  rows: readonly OtherAwardValues[],
): { ok: true; awards: OtherMeasureAward[] } | { ok: false; errors: Record<string, ValidationKey> } {
  const errors: Record<string, ValidationKey> = {};
  const awards: OtherMeasureAward[] = [];
  rows.forEach((row, i) => {
    const measure = requiredText(row.measure);
    if (measure) errors[`otherAwards.${i}.measure`] = measure;
    const parsed = parseAmountToFen(row.amount, 'yuan');
    if (!parsed.ok)
      errors[`otherAwards.${i}.amount`] = amountProblem(row.amount, 'yuan') ?? 'validation.amountPositive';
    else if (parsed.fen <= 0) errors[`otherAwards.${i}.amount`] = 'validation.amountPositive';
    else awards.push({ measure: row.measure.trim(), amountFen: parsed.fen, status: row.status });
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, awards };
}
