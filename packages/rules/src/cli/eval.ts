/**
 * `pnpm -s rules:eval < case.json` — reads one JSON case, or JSON lines (one case a line), on stdin and prints one
 * JSON answer line per case, in order. An invalid case is answered `{"error":{…}}` on its line; the exit code is 1
 * when any case was invalid. Blank lines are skipped. See README.md for the schema.
 */
import { evaluateCase, isFailure } from './cases';

function answerLine(raw: string, line?: number): { json: string; failed: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const message = `not valid JSON: ${(error as Error).message}`;
    return {
      json: JSON.stringify({ error: { code: 'invalid_json', message, ...(line ? { line } : {}) } }),
      failed: true,
    };
  }
  const answer = evaluateCase(value);
  if (isFailure(answer)) {
    if (line !== undefined) answer.error.line = line;
    return { json: JSON.stringify(answer), failed: true };
  }
  return { json: JSON.stringify(answer), failed: false };
}

function isSingleDocument(input: string): boolean {
  try {
    JSON.parse(input);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const input = Buffer.concat(chunks).toString('utf8');
  const answers: { json: string; failed: boolean }[] = [];
  if (input.trim() === '') {
    answers.push({
      json: JSON.stringify({ error: { code: 'invalid_json', message: 'no case on stdin' } }),
      failed: true,
    });
  } else if (isSingleDocument(input)) {
    answers.push(answerLine(input));
  } else {
    input.split(/\r?\n/).forEach((raw, index) => {
      if (raw.trim() !== '') answers.push(answerLine(raw, index + 1));
    });
  }
  process.stdout.write(answers.map((a) => `${a.json}\n`).join(''));
  if (answers.some((a) => a.failed)) process.exitCode = 1;
}

await main();
