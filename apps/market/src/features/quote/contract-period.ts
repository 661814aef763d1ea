import type { ValidationKey } from '../../lib/validation';

export interface ContractPeriod {
  from: string;
  to: string;
}

/** Optional, but when given it is whole (both dates) and in order; ISO dates compare as strings. */
export function contractPeriodProblem({ from, to }: ContractPeriod): ValidationKey | null {
  if (!from && !to) return null;
  if (!from || !to) return 'validation.dateBoth';
  return from <= to ? null : 'validation.dateOrder';
}
