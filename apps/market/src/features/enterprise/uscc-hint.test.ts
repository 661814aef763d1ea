import { describe, expect, it } from 'vitest';
import { normalisedUscc, usccProblem } from './uscc-hint';

describe('usccProblem', () => {
  it('accepts a valid code, typed in lower case or full width', () => {
    expect(usccProblem('91440305MA5F8K2L30')).toBeNull();
    expect(usccProblem(' 91440305ma5f8k2l30 ')).toBeNull();
    expect(normalisedUscc('９１440305ma5f8k2l30')).toBe('91440305MA5F8K2L30');
  });
  it('says which part is wrong', () => {
    expect(usccProblem('')).toBe('validation.required');
    expect(usccProblem('91440305MA5F8K2L3')).toBe('validation.usccLength');
    expect(usccProblem('91440305MA5F8K2LIO')).toBe('validation.usccCharset');
    expect(usccProblem('914403A5MA5F8K2L30')).toBe('validation.usccDivisionCode');
    expect(usccProblem('91440305MA5F8K2L31')).toBe('validation.usccCheckDigit');
  });
});
