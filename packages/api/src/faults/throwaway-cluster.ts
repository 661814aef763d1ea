import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './processes';

const execFileAsync = promisify(execFile);

/** The PostgreSQL server binaries (initdb, pg_ctl) of this machine, or undefined when there are none. */
export function postgresBinDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A PostgreSQL cluster of its own (initdb in a temporary folder, a free port, trust authentication on 127.0.0.1), so
 * a test can restart Postgres without touching the machine's shared cluster. As root the binaries run as the
 * `postgres` user (initdb refuses root). `stop` removes the cluster.
 */
export async function startThrowawayCluster(binDir: string) {
  const root = mkdtempSync(join(tmpdir(), 'nanshan-pg-'));
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(root, uid, gid);
  }
  // Asynchronous, so the load keeps running while Postgres restarts.
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileAsync('runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args])
      : execFileAsync(join(binDir, tool), args);
  await run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) =>
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'log'), '-w', ...args]);
  await pgCtl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** `pg_ctl restart -m fast`: every backend is terminated, the server shuts down and comes back. */
    restart: () => pgCtl('restart', '-m', 'fast'),
    stop: async () => {
      await pgCtl('stop', '-m', 'immediate');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
