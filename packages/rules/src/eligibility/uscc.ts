/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters — registration authority (1),
 * entity type (1), administrative-division code (6 digits), organisation code (9), check character (1). Characters
 * are 0-9 and A-Z without I, O, Z, S, V (31 values); the check character is 31 − (Σ value × weight mod 31), with 31
 * written as '0'.
 */

export type UsccInvalidReason = 'length' | 'charset' | 'division_code' | 'check_digit';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Trims, turns full-width ASCII (as typed with a Chinese IME) into half-width, and upper-cases. */
function normalize(code: string): string {
  return code
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character for the first 17 characters (assumed to be in the charset). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function validateUscc(code: string): {
  valid: boolean;
  reason?: UsccInvalidReason;
  normalized: string;
} {
  const normalized = normalize(code);
  if (normalized.length !== 18) return { valid: false, reason: 'length', normalized };
  for (const char of normalized) {
    if (!CHARSET.includes(char)) return { valid: false, reason: 'charset', normalized };
  }
  if (!/^\d{6}$/.test(normalized.slice(2, 8))) return { valid: false, reason: 'division_code', normalized };
  if (usccCheckCharacter(normalized) !== normalized.charAt(17)) {
    return { valid: false, reason: 'check_digit', normalized };
  }
  return { valid: true, normalized };
}
