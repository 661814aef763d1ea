import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadFigures } from './drive';
import type { settleOwed, timeYearSettlement } from './settlement';

export const RESULTS_DIR = resolve(import.meta.dirname, '../../../../bench/results');

export interface PurchaseStep extends LoadFigures {
  processes: number;
  subsidisedOrders: number;
  pgbenchTps: number;
  /** Purchases per second ÷ pgbench TPS at the same client count. */
  ratio: number;
}

/** The HTTP floor (bench/floor-server.ts) at one client count, against pgbench at the same count. */
export interface FloorStep extends LoadFigures {
  processes: number;
  pgbenchTps: number;
  /** Floor requests per second ÷ pgbench TPS: the most a request that writes can reach here. */
  ratio: number;
  /** The same for a purchase, which is two such requests (place, pay): half the floor ÷ pgbench TPS. */
  purchaseCeiling: number;
}

export interface BenchResult {
  startedAt: string;
  seconds: number;
  machine: { cpus: number; node: string; postgres: string };
  config: Record<string, number | number[]>;
  purchases: PurchaseStep[];
  pgbench: Array<{ clients: number; seconds: number; tps: number; latencyAvgMs: number | null }>;
  floor: FloorStep[];
  headline: {
    clients: number;
    processes: number;
    ratio: number;
    target: number;
    /** The floor's best two-request ceiling at the headline client count (1 or 2 processes). */
    purchaseCeiling: number;
    /** Purchases/s ÷ (floor requests/s ÷ 2): how much of the ceiling the purchase path reaches. */
    shareOfCeiling: number;
  };
  catalogue: Array<LoadFigures & { processes: number }>;
  rulesQuotesPerSecond: number;
  settlement: {
    runOrders: Awaited<ReturnType<typeof settleOwed>>;
    year: number;
    yearOrders: number;
    seedSeconds: number;
  } & Awaited<ReturnType<typeof timeYearSettlement>>;
  invariants: Array<{ after: string; violations: string[] }>;
  ok: boolean;
}

const ms = (v: number) => `${v} ms`;

/** What `invariantViolations` checks, for the printed table. */
const INVARIANTS = [
  'no enterprise over its cap, no fund year over its budget, no counter negative',
  'usage and fund counters = the sums recomputed from the ledger',
  'ledger balanced: every posting or release resolves one reservation of the same accounts and amount, once',
  "each fund account's balance and each provider's payable balance tie out",
  'one posting per paid order (each order has exactly the transfers its status implies, of its subsidy)',
  'grants and compute-pool allocations match their transfers and orders',
  'the audit hash chain is intact',
];

export function markdownOf(r: BenchResult): string {
  const s = r.settlement;
  const batch = (b: typeof s.payoutBatch) =>
    b.ok
      ? `${b.orders.toLocaleString('en-US')} orders in ${b.seconds} s (${b.ordersPerSecond}/s)`
      : `**failed**: ${b.error}`;
  const lines = [
    `# pnpm bench — ${r.startedAt}`,
    '',
    `${r.machine.cpus} cores, Node ${r.machine.node}, ${r.machine.postgres}; ${r.config.seconds} s per step; whole run ${r.seconds} s.`,
    '',
    `**Headline: purchase throughput ÷ pgbench TPS at ${r.headline.clients} clients = ${r.headline.ratio}** ` +
      `(${r.headline.processes} API process${r.headline.processes > 1 ? 'es' : ''}; target ≥ ${r.headline.target}).`,
    '',
    `**Ceiling on this machine: ${r.headline.purchaseCeiling}.** Two requests that each do nothing but one pgbench ` +
      'transaction, over the same HTTP server and client (the HTTP floor below, its best at this client count), reach ' +
      'that ratio; a purchase is two requests that do more, so it cannot beat it' +
      `${r.headline.purchaseCeiling < r.headline.target ? ', and the target is out of reach on this machine' : ''}. ` +
      `The purchase path reaches ${Math.round(r.headline.shareOfCeiling * 100)}% of that ceiling.`,
    '',
    '## Purchases over HTTP (sign in, `orders.place`, `payments.simulatePay`)',
    '',
    '| API processes | clients | orders/s | p50 | p95 | p99 | errors | pgbench TPS | ratio |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.purchases.map(
      (p) =>
        `| ${p.processes} | ${p.clients} | ${p.perSecond} | ${ms(p.latencyMs.p50)} | ${ms(p.latencyMs.p95)} | ${ms(p.latencyMs.p99)} | ${p.errors} | ${p.pgbenchTps} | ${p.ratio} |`,
    ),
    '',
    '## HTTP floor (`bench/floor-server.ts`: one pgbench transaction per request over hono and postgres.js, nothing else)',
    '',
    '| processes | clients | requests/s | p50 | p95 | p99 | errors | pgbench TPS | ratio | two-request ceiling |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.floor.map(
      (f) =>
        `| ${f.processes} | ${f.clients} | ${f.perSecond} | ${ms(f.latencyMs.p50)} | ${ms(f.latencyMs.p95)} | ${ms(f.latencyMs.p99)} | ${f.errors} | ${f.pgbenchTps} | ${f.ratio} | ${f.purchaseCeiling} |`,
    ),
    '',
    '## Other figures',
    '',
    '| what | figure |',
    '|---|---|',
    ...r.catalogue.map(
      (c) =>
        `| catalogue reads over HTTP (\`offerings.list\`, signed-in SME), ${c.processes} process(es), ${c.clients} clients | ${c.perSecond}/s (p95 ${ms(c.latencyMs.p95)}) |`,
    ),
    `| rules quotes (\`quoteArt6\`, one core) | ${r.rulesQuotesPerSecond.toLocaleString('en-US')}/s |`,
    `| settlement of the run's orders (one payout batch) | ${batch(s.runOrders)} |`,
    `| a year of orders (${s.year}) inserted by SQL | ${s.yearOrders.toLocaleString('en-US')} orders in ${s.seedSeconds} s |`,
    `| plain SQL aggregate over the year's orders | ${s.plainAggregateSeconds} s |`,
    `| what each order is owed, from the ledger (\`orderPayables\`) | ${s.owedFromLedger.orders.toLocaleString('en-US')} orders in ${s.owedFromLedger.seconds} s |`,
    `| settlement of the year (one payout batch) | ${batch(s.payoutBatch)} |`,
    '',
    '## Invariants',
    '',
    `Checked on the whole database (\`invariantViolations\`, packages/api/src/test/invariants.ts): ${INVARIANTS.join('; ')}.`,
    '',
    '| after | violations |',
    '|---|---:|',
    ...r.invariants.map((i) => `| ${i.after} | ${i.violations.length} |`),
    ...r.invariants.flatMap((i) => i.violations.slice(0, 20).map((v) => `- ${i.after}: ${v}`)),
    '',
    r.ok
      ? 'All invariants hold; no purchase failed.'
      : '**FAILED: an invariant is violated, or a purchase or a floor request failed.**',
    '',
  ];
  return lines.join('\n');
}

/** `bench/results/<timestamp>.{json,md}` and `latest.{json,md}`. */
export function writeResults(r: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const md = markdownOf(r);
  const json = `${JSON.stringify(r, null, 2)}\n`;
  for (const name of [stamp, 'latest']) {
    writeFileSync(resolve(RESULTS_DIR, `${name}.json`), json);
    writeFileSync(resolve(RESULTS_DIR, `${name}.md`), md);
  }
  return md;
}
