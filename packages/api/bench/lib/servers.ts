import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

const API_DIR = resolve(import.meta.dirname, '../..');
const running = new Set<ChildProcess>();

// Never leave a server behind, whatever ends the run (a signal exits normally so that 'exit' runs).
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export interface ApiServer {
  base: string;
  /** What the process printed (stdout and stderr), for a failure's report. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `count` API server processes (`src/server/main.ts`, as `pnpm start` does) on consecutive ports, all on the
 * same database, with the simulated payment gateway and production settings. Sign-in throttling is lifted
 * (`NANSHAN_SIGNIN_MAX_PER_MINUTE`) because every bench client signs in at each step.
 */
export async function startApiServers(
  count: number,
  databaseUrl: string,
  firstPort: number,
): Promise<ApiServer[]> {
  const secret = randomBytes(32).toString('hex');
  const servers: ApiServer[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await startApiServer(firstPort + i, databaseUrl, secret));
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  return servers;
}

async function startApiServer(port: number, databaseUrl: string, secret: string): Promise<ApiServer> {
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_URL: base,
    BETTER_AUTH_SECRET: secret,
    NANSHAN_SIGNIN_MAX_PER_MINUTE: '1000000',
  };
  for (const name of [
    'PGLITE_DIR',
    'STRIPE_SECRET_KEY',
    'STRIPE_WEBHOOK_SECRET',
    'NANSHAN_CLOCK_OFFSET_DAYS',
  ])
    delete env[name];
  return startServer('src/server/main.ts', port, env);
}

/**
 * Runs `entry` (a TypeScript file of this package) as a server on `port` and waits until its `/api/health` answers
 * `ok` for the database in `env.DATABASE_URL`. Both the API and the HTTP floor (bench/floor-server.ts) start so.
 */
export async function startServer(entry: string, port: number, env: NodeJS.ProcessEnv): Promise<ApiServer> {
  const base = `http://127.0.0.1:${port}`;
  if (await healthOf(base)) throw new Error(`port ${port} is taken by another server`);
  // Node itself with tsx's loader (not the tsx CLI, which would put a second process in between), so a signal or a
  // kill reaches the server directly.
  // BENCH_SERVER_NODE_ARGS adds Node flags to the servers only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: API_DIR,
    env,
    stdio: 'pipe',
  });
  running.add(child);
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    running.delete(child);
  };
  const expected = new URL(env.DATABASE_URL ?? '').pathname;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) break;
    const health = await healthOf(base);
    // Only our own server counts: another process on the port would answer with another database.
    if (health?.status === 'ok' && health.database?.location?.endsWith(expected))
      return { base, log: () => log, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${entry} on port ${port} did not become healthy:\n${log}`);
}

async function healthOf(base: string) {
  return fetch(`${base}/api/health`).then(
    async (r) => (r.ok ? ((await r.json()) as { status?: string; database?: { location?: string } }) : null),
    () => null,
  );
}
