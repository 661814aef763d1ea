import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this one holding pnpm-workspace.yaml. */
function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('pnpm-workspace.yaml not found above test/');
    dir = parent;
  }
  return dir;
}

/**
 * The Chinese text of the measures with all whitespace removed (the file wraps lines inside sentences). CI places
 * shared/ beside the clone (`<clone>/../shared`); a missing file fails the test run rather than skipping checks.
 */
export function policyTextZh(): string {
  const path = join(repoRoot(), '..', 'shared', 'policy', 'nanshan-ai-measures.zh.txt');
  if (!existsSync(path))
    throw new Error(`policy text missing at ${path}: place shared/ beside the repository`);
  return compact(readFileSync(path, 'utf8'));
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
