import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../server/main.ts', import.meta.url));

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The real server (`src/server/main.ts`) as a child process on its own port, the way it runs in production, so a
 * fault can kill it outright (SIGKILL: no shutdown handler runs) and the test can start it again on the same
 * database. `env` is added to this process's environment.
 */
export async function startServerProcess(env: Record<string, string>) {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const common = { ...process.env, ...env, PORT: String(port), BETTER_AUTH_URL: base };
  let log = '';
  let child = await launch({});

  async function launch(extra: Record<string, string>): Promise<ChildProcess> {
    // Node itself with tsx's loader (not the tsx CLI, which runs the server in a grandchild a SIGKILL would miss).
    const started = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: API_DIR,
      env: { ...common, ...extra },
      stdio: 'pipe',
    });
    started.stdout?.on('data', (d) => (log += d));
    started.stderr?.on('data', (d) => (log += d));
    for (;;) {
      if (started.exitCode !== null) throw new Error(`server exited: ${log}`);
      const health = await fetch(`${base}/api/health`).then(
        (r) => (r.ok ? (r.json() as Promise<{ status: string }>) : null),
        () => null,
      );
      if (health?.status === 'ok') return started;
      await sleep(200);
    }
  }

  async function stop(signal: NodeJS.Signals) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  return {
    base,
    log: () => log,
    /** Kills the server at once, as a crash or an OOM kill would. */
    kill: () => stop('SIGKILL'),
    /** Kills it now without waiting (from inside a callback that must return). */
    killNow: () => child.kill('SIGKILL'),
    /** Starts it again on the same database, with `extra` added to its environment. */
    restart: async (extra: Record<string, string> = {}) => {
      await stop('SIGKILL');
      child = await launch(extra);
    },
    stop: () => stop('SIGTERM'),
  };
}
