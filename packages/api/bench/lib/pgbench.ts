import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { round } from './drive';

const run = promisify(execFile);

/** `pgbench -i -s <scale>`: the TPC-B-like tables (100,000 accounts per scale unit) in a scratch database. */
export async function pgbenchInit(url: string, scale: number): Promise<void> {
  await run('pgbench', ['-i', '-q', '-s', String(scale), url]);
}

/** `pgbench -c N -j N -T S`, the default TPC-B-like script: the machine's own transactional limit. */
export async function pgbenchRun(url: string, clients: number, seconds: number) {
  const { stdout } = await run('pgbench', [
    '-c',
    String(clients),
    '-j',
    String(clients),
    '-T',
    String(seconds),
    url,
  ]);
  const tps = /tps = ([\d.]+)/.exec(stdout);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  if (!tps) throw new Error(`unexpected pgbench output:\n${stdout}`);
  return {
    clients,
    seconds,
    tps: round(Number(tps[1]), 1),
    latencyAvgMs: latency ? Number(latency[1]) : null,
  };
}
