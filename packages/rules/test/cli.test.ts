/** The JSON evaluation CLI as a process: stdin in, one JSON line per case out, exit code 1 on any invalid case. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(stdin: string): { lines: Record<string, unknown>[]; status: number | null; stderr: string } {
  const child = spawnSync(tsx, ['src/cli/eval.ts'], { cwd: root, input: stdin, encoding: 'utf8' });
  const lines = child.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, status: child.status, stderr: child.stderr };
}

const art6 = {
  measure: 'art6',
  date: '2026-11-28',
  applicant: { registeredInNanshan: true, legalStatus: 'independent', isSme: true },
  activity: 'llm_training',
  provider: { inShenzhen: true, registered: true },
  spendFen: 1_000_001,
  grantedThisYearFen: 0,
};

describe('rules:eval', () => {
  it('answers one pretty-printed case with one line and exit 0', () => {
    const { lines, status } = run(JSON.stringify(art6, null, 2));
    expect(status).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ eligible: true, amountFen: 300_000, reasons: [] });
    const trace = (lines[0] as { trace: { zh: string }[] }).trace;
    expect(trace[0]?.zh).toContain('有效期');
  });

  it('answers JSON lines one line each, in order, errors in place, exit 1 at the end', () => {
    const input = [
      JSON.stringify({ ...art6, spendFen: 100 }),
      '',
      JSON.stringify({ ...art6, spendFen: 1.5 }),
      '{not json',
      JSON.stringify({ ...art6, applicant: { ...art6.applicant, legalStatus: 'company' } }),
      JSON.stringify({ ...art6, spendFen: 200, extra: true }),
      JSON.stringify({
        measure: 'art8',
        date: '2026-01-01',
        applicant: art6.applicant,
        track: 'demo',
        actualCostFen: 1,
        governmentInvested: false,
        cityGrantFen: 5,
      }),
      JSON.stringify({ measure: 'art99' }),
      JSON.stringify({ ...art6, spendFen: 300 }),
    ].join('\n');
    const { lines, status } = run(input);
    expect(status).toBe(1);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatchObject({ amountFen: 30 });
    expect(lines[1]).toMatchObject({ error: { code: 'invalid_case', path: 'spendFen', line: 3 } });
    expect(lines[2]).toMatchObject({ error: { code: 'invalid_json', line: 4 } });
    expect(lines[3]).toMatchObject({
      error: { code: 'invalid_case', path: 'applicant.legalStatus', line: 5 },
    });
    expect(lines[4]).toMatchObject({ error: { code: 'invalid_case', path: 'extra', line: 6 } });
    expect(lines[5]).toMatchObject({ error: { code: 'invalid_case', path: 'cityGrantFen', line: 7 } });
    expect(lines[6]).toMatchObject({ error: { code: 'invalid_case', path: 'measure', line: 8 } });
    expect(lines[7]).toMatchObject({ amountFen: 90 });
  });

  it('reports a rule error (no parameter outside the validity window) rather than guessing', () => {
    const { lines, status } = run(
      JSON.stringify({ measure: 'art10_pool', date: '2030-01-01', cardHours: 1 }),
    );
    expect(status).toBe(1);
    expect(lines[0]).toMatchObject({ error: { code: 'rule_error' } });
  });

  it('rejects empty input', () => {
    const { lines, status } = run('  \n');
    expect(status).toBe(1);
    expect(lines[0]).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('rejects a JSON array as one case', () => {
    const { lines, status } = run(JSON.stringify([art6]));
    expect(status).toBe(1);
    expect(lines[0]).toMatchObject({ error: { code: 'invalid_case', path: 'measure' } });
  });
});
