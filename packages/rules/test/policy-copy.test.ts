import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_ZH, SHARED_POLICY_ZH, sharedPolicyAvailable } from './policy-text';

// The packaged copy must be the governing text itself: a drift from shared/policy fails here.
describe.runIf(sharedPolicyAvailable())('packaged policy text', () => {
  it('is identical to shared/policy', () => {
    expect(readFileSync(POLICY_ZH, 'utf8')).toBe(readFileSync(SHARED_POLICY_ZH, 'utf8'));
  });
});
