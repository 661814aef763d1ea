import type { ValidationKey } from '../../lib/validation';

export interface QuantityBounds {
  min: number;
  max: number;
}

/** A quantity is a whole number of units within the offering's bounds. */
export function quantityProblem(
  value: number | string,
  { min, max }: QuantityBounds,
): { key: ValidationKey; values?: Record<string, number> } | null {
  if (value === '' || typeof value === 'string') return { key: 'validation.quantityInteger' };
  if (!Number.isSafeInteger(value)) return { key: 'validation.quantityInteger' };
  if (value < min) return { key: 'validation.quantityMin', values: { min } };
  if (value > max) return { key: 'validation.quantityMax', values: { max } };
  return null;
}
