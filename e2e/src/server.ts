import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');
const TSX = resolve(REPO, 'packages/api/node_modules/.bin/tsx');

/**
 * Starts the product as a user would run it: the one server process on a fresh embedded database with the
 * demo data, the simulated payment gateway, and the built apps (run `pnpm build` first). `extraEnv` is added to
 * the server's environment; `restart(extraEnv)` stops the server and starts it again on the same data (no reseed),
 * e.g. with `NANSHAN_CLOCK_OFFSET_DAYS` to let time pass — sessions live in the database, so browsers stay signed in.
 */
export async function startProduct(port: number, extraEnv: Record<string, string> = {}) {
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
  delete env.NANSHAN_CLOCK_OFFSET_DAYS;
  const seed = spawnSync(TSX, ['src/cli/seed.ts'], {
    cwd: resolve(REPO, 'packages/api'),
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
  const base = `http://localhost:${port}`;
  let log = '';
  let server = await launch({ ...env, ...extraEnv });

  async function launch(serverEnv: NodeJS.ProcessEnv): Promise<ChildProcess> {
    const child = spawn(TSX, ['src/server/main.ts'], {
      cwd: resolve(REPO, 'packages/api'),
      env: serverEnv,
      stdio: 'pipe',
    });
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    for (let i = 0; i < 120; i++) {
      if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
      // Only our own server counts: another process on the port would answer with another database.
      const location = await fetch(`${base}/api/health`).then(
        async (r) =>
          r.ok ? ((await r.json()) as { database?: { location?: string } }).database?.location : null,
        () => null,
      );
      if (location === dataDir) return child;
      if (location) throw new Error(`port ${port} is taken by another server (database ${location})`);
      await new Promise((r) => setTimeout(r, 500));
    }
    child.kill('SIGTERM');
    throw new Error(`server did not become healthy on port ${port}: ${log}`);
  }

  async function halt() {
    if (server.exitCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }

  return {
    base,
    log: () => log,
    /** Stops the server and starts it again on the same database, with `extraEnv` added to the original env. */
    restart: async (restartEnv: Record<string, string> = {}) => {
      await halt();
      server = await launch({ ...env, ...extraEnv, ...restartEnv });
    },
    stop: async () => {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
