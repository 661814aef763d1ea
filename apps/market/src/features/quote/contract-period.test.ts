import { describe, expect, it } from 'vitest';
import { contractPeriodProblem } from './contract-period';

describe('contractPeriodProblem', () => {
  it('allows no period, or a whole one in order', () => {
    expect(contractPeriodProblem({ from: '', to: '' })).toBeNull();
    expect(contractPeriodProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
    expect(contractPeriodProblem({ from: '2026-01-01', to: '2026-12-31' })).toBeNull();
  });
  it('refuses half a period or a reversed one', () => {
    expect(contractPeriodProblem({ from: '2026-01-01', to: '' })).toBe('validation.dateBoth');
    expect(contractPeriodProblem({ from: '', to: '2026-01-01' })).toBe('validation.dateBoth');
    expect(contractPeriodProblem({ from: '2026-02-01', to: '2026-01-31' })).toBe('validation.dateOrder');
  });
});
