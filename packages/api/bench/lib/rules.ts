import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const RULES_DIR = resolve(import.meta.dirname, '../../../rules');

/** The rules package's own bench (`bench/art06.bench.ts`, one core, pure function), run as it is and read back. */
export async function rulesQuotesPerSecond(): Promise<number> {
  const { stdout } = await promisify(execFile)(
    resolve(RULES_DIR, 'node_modules/.bin/tsx'),
    ['bench/art06.bench.ts'],
    {
      cwd: RULES_DIR,
    },
  );
  const match = /quoteArt6: ([\d,]+) quotes\/second/.exec(stdout);
  if (!match) throw new Error(`unexpected rules bench output:\n${stdout}`);
  return Number(match[1]!.replaceAll(',', ''));
}
