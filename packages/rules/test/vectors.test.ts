/**
 * Table-driven vectors: one JSON file per article under test/vectors/, each case citing the clause it checks. The
 * cases are in the JSON evaluation format (README.md), so an analyst can run any of them through `rules:eval`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../src/cli/cases';
import { REASON_TEXTS } from '../src/messages';
import { compact, policyTextZh } from './policy-text';

interface Vector {
  name: string;
  clause: string;
  case: Record<string, unknown>;
  expect: Record<string, unknown>;
}

const dir = join(import.meta.dirname, 'vectors');
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
const text = policyTextZh();

describe.each(files)('%s', (file) => {
  const { source, cases } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    source: string;
    cases: Vector[];
  };

  it('quotes its article from the policy text', () => {
    for (const fragment of source.split('……').map(compact).filter(Boolean)) expect(text).toContain(fragment);
  });

  it.each(cases.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    expect(vector.clause).toMatch(/^第.+条/);
    const answer = JSON.parse(JSON.stringify(evaluateCase(vector.case))) as {
      trace: { zh: string; en: string }[];
    };
    expect(answer).toMatchObject(vector.expect);
    for (const step of answer.trace) {
      expect(step.zh).not.toMatch(/undefined|NaN|\[object/);
      expect(step.en).not.toMatch(/undefined|NaN|\[object/);
    }
  });
});

it('every reason code is exercised by some vector', () => {
  const seen = new Set<string>();
  for (const file of files) {
    const { cases } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: Vector[] };
    for (const vector of cases)
      for (const reason of (vector.expect.reasons as string[] | undefined) ?? []) seen.add(reason);
  }
  expect(Object.keys(REASON_TEXTS).filter((code) => !seen.has(code))).toEqual([]);
});
