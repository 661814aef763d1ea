import { validateUscc } from '@nanshan/rules';
import type { ValidationKey } from '../../lib/validation';

const KEYS = {
  length: 'validation.usccLength',
  charset: 'validation.usccCharset',
  division_code: 'validation.usccDivisionCode',
  check_digit: 'validation.usccCheckDigit',
} as const satisfies Record<string, ValidationKey>;

/**
 * The 统一社会信用代码 as the rules package reads it (GB 32100-2015: length, characters, division code, check
 * character), so the form says what is wrong before the server refuses it. The server checks again.
 */
export function usccProblem(value: string): ValidationKey | null {
  if (!value.trim()) return 'validation.required';
  const check = validateUscc(value);
  return check.valid ? null : KEYS[check.reason ?? 'length'];
}

/** The code as it will be stored: trimmed, half-width, upper case. */
export function normalisedUscc(value: string): string {
  return validateUscc(value).normalized;
}
