import { describe, expect, it } from 'vitest';
import { changedFacts } from './changes';

describe('changedFacts', () => {
  const profile = {
    name: '星河',
    employees: 45,
    revenueFen: 1_200_500_000,
    techSmeRegistered: false,
    uscc: 'X',
  };
  it('keeps only what differs from the profile', () => {
    expect(
      changedFacts(profile, {
        name: '星河',
        employees: 60,
        revenueFen: 1_200_500_000,
        techSmeRegistered: true,
      }),
    ).toEqual({ employees: 60, techSmeRegistered: true });
  });
  it('is empty when nothing changed', () => {
    expect(changedFacts(profile, { name: '星河', employees: 45 })).toEqual({});
  });
});
