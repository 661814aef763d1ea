import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccCheckCharacter, validateUscc } from '../src/eligibility/uscc';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('validateUscc (GB 32100-2015)', () => {
  it('accepts a valid code', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({ valid: true, normalized: '91350100M000100Y43' });
  });

  it('normalises case, spaces and full-width characters', () => {
    expect(validateUscc(' 91350100m000100y43 ')).toEqual({ valid: true, normalized: '91350100M000100Y43' });
    expect(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３').valid).toBe(true);
  });

  it.each([
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['', 'length'],
    ['91350100M000100I43', 'charset'],
    ['91350100M000100O43', 'charset'],
    ['91350100M000100S43', 'charset'],
    ['91350100M000100V43', 'charset'],
    ['91350100M000100Z43', 'charset'],
    ['9135010-M000100Y43', 'charset'],
    ['913501A0M000100Y4X', 'division_code'],
    ['91350100M000100Y44', 'check_digit'],
  ])('rejects %s (%s)', (code, reason) => {
    expect(validateUscc(code)).toMatchObject({ valid: false, reason });
  });

  it('check = 31 − (Σ value × weight mod 31), 31 written as 0; one changed character is always caught', () => {
    const char = fc.constantFrom(...CHARSET);
    const digit = fc.constantFrom(...'0123456789');
    fc.assert(
      fc.property(
        fc.tuple(
          char,
          char,
          fc.array(digit, { minLength: 6, maxLength: 6 }),
          fc.array(char, { minLength: 9, maxLength: 9 }),
        ),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 30 }),
        ([a, b, division, org], position, shift) => {
          const first17 = `${a}${b}${division.join('')}${org.join('')}`;
          const code = first17 + usccCheckCharacter(first17);
          expect(validateUscc(code).valid).toBe(true);
          const changed = CHARSET.charAt((CHARSET.indexOf(code.charAt(position)) + shift) % 31);
          const altered = code.slice(0, position) + changed + code.slice(position + 1);
          // a different division-code character may fail the digit check first; either way it is invalid
          expect(validateUscc(altered).valid).toBe(false);
        },
      ),
    );
  });
});
