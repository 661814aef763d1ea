import { describe, expect, it } from 'vitest';
import { quantityProblem } from './quantity';

describe('quantityProblem', () => {
  const bounds = { min: 8, max: 100 };
  it('accepts whole numbers within the bounds', () => {
    expect(quantityProblem(8, bounds)).toBeNull();
    expect(quantityProblem(100, bounds)).toBeNull();
  });
  it('names the bound that was crossed', () => {
    expect(quantityProblem(7, bounds)).toEqual({ key: 'validation.quantityMin', values: { min: 8 } });
    expect(quantityProblem(101, bounds)).toEqual({ key: 'validation.quantityMax', values: { max: 100 } });
  });
  it('refuses empty, partial and fractional input', () => {
    expect(quantityProblem('', bounds)?.key).toBe('validation.quantityInteger');
    expect(quantityProblem('1.', bounds)?.key).toBe('validation.quantityInteger');
    expect(quantityProblem(8.5, bounds)?.key).toBe('validation.quantityInteger');
  });
});
