import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');
const TSX = resolve(REPO, 'packages/api/node_modules/.bin/tsx');

/**
 * Starts the product as a user would run it: the one server process on a fresh embedded database with the
 * demo data, the simulated payment gateway, and the built apps (run `pnpm build` first).
 */
export async function startProduct(port: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'nanshan-e2e-'));
  // Always the embedded database and the simulated gateway, whatever the calling shell has set.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PGLITE_DIR: dataDir,
    BETTER_AUTH_URL: `http://localhost:${port}`,
  };
  delete env.DATABASE_URL;
  delete env.STRIPE_SECRET_KEY;
  const seed = spawnSync(TSX, ['src/cli/seed.ts'], {
    cwd: resolve(REPO, 'packages/api'),
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
  const server: ChildProcess = spawn(TSX, ['src/server/main.ts'], {
    cwd: resolve(REPO, 'packages/api'),
    env,
    stdio: 'pipe',
  });
  let log = '';
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`server exited: ${log}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    log: () => log,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
