import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The measures' text ships with the package (`packages/rules/policy/`, a verbatim copy of the governing
 * Chinese original and its working translation), so the citation tests run on any clone. Where the project's
 * shared/ folder sits beside the repository, `policy-copy.test.ts` proves the copy is still identical.
 */
export const POLICY_ZH = join(import.meta.dirname, '..', 'policy', 'nanshan-ai-measures.zh.txt');
export const SHARED_POLICY_ZH = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'policy',
  'nanshan-ai-measures.zh.txt',
);

/** The Chinese text of the measures with all whitespace removed (the file wraps lines inside sentences). */
export function policyTextZh(): string {
  return compact(readFileSync(POLICY_ZH, 'utf8'));
}

export function sharedPolicyAvailable(): boolean {
  return existsSync(SHARED_POLICY_ZH);
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
