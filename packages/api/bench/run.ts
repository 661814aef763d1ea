/**
 * `pnpm bench`: the whole benchmark in one run on this machine's PostgreSQL — pgbench's TPC-B-like limit, the HTTP
 * floor (one pgbench transaction per HTTP request, nothing else), purchases
 * over the real HTTP API (1 and 2 server processes; 1, 8 and 32 clients), catalogue reads, rules quotes, the
 * settlement of a year of orders, and the money invariants after each phase (a violation fails the run). Creates its
 * databases and drops them afterwards; writes bench/results/. Never part of `pnpm test`. See docs/performance.md.
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { createDatabase, migrate, queryRows } from '@nanshan/db';
import { sql } from 'drizzle-orm';
import { shenzhenYear } from '../src/clock';
import { invariantViolations } from '../src/test/invariants';
import { drive, type LoadFigures, round } from './lib/drive';
import { httpFloor } from './lib/floor';
import { ApiClient } from './lib/http';
import { pgbenchInit, pgbenchRun } from './lib/pgbench';
import {
  benchDatabaseNames,
  databaseUrl,
  dropAbandonedDatabases,
  dropDatabases,
  ensureLocalPostgres,
  recreateDatabases,
} from './lib/postgres';
import { type BenchResult, type FloorStep, type PurchaseStep, RESULTS_DIR, writeResults } from './lib/report';
import { rulesQuotesPerSecond } from './lib/rules';
import { BENCH_PASSWORD, type BenchParty, seedBench } from './lib/seed';
import { type ApiServer, startApiServers } from './lib/servers';
import { seedYearOfOrders, settleOwed, timeYearSettlement } from './lib/settlement';

const list = (v: string | undefined, fallback: number[]) => (v ? v.split(',').map(Number) : fallback);
const config = {
  seconds: Number(process.env.BENCH_SECONDS ?? 8),
  clients: list(process.env.BENCH_CLIENTS, [1, 8, 32]),
  processes: list(process.env.BENCH_PROCESSES, [1, 2]),
  enterprises: Number(process.env.BENCH_ENTERPRISES ?? 500),
  offerings: Number(process.env.BENCH_OFFERINGS ?? 200),
  yearOrders: Number(process.env.BENCH_YEAR_ORDERS ?? 1_000_000),
  pgbenchScale: Number(process.env.BENCH_PGBENCH_SCALE ?? 10),
  port: Number(process.env.BENCH_PORT ?? 3410),
};
const HEADLINE_CLIENTS = 8;
const TARGET_RATIO = 0.5;
if (config.enterprises < Math.max(...config.clients))
  throw new Error('BENCH_ENTERPRISES must cover the clients');

type Seeded = Awaited<ReturnType<typeof seedBench>>;
interface Client {
  api: ApiClient;
  party: BenchParty;
}
type OrderView = { status: string; subsidyFen: number };

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

/** `count` clients, spread over the servers round-robin, each signed in as its own enterprise's user. */
async function signedIn(servers: ApiServer[], parties: BenchParty[], count: number): Promise<Client[]> {
  const clients = Array.from({ length: count }, (_, i) => ({
    api: new ApiClient(servers[i % servers.length]!.base),
    party: parties[i]!,
  }));
  await Promise.all(clients.map((c) => c.api.signIn(c.party.email, BENCH_PASSWORD)));
  return clients;
}

/** One purchase as the market's checkout does it: place (with an idempotency key), then pay (simulated gateway). */
async function purchaseStep(servers: ApiServer[], seed: Seeded, count: number) {
  const clients = await signedIn(servers, seed.parties, count);
  let subsidisedOrders = 0;
  const figures = await drive(clients, config.seconds, async ({ api }) => {
    const { orderId } = await api.mutation<{ orderId: string }>('orders.place', {
      offeringId: pick(seed.offeringIds),
      quantity: 1 + Math.floor(Math.random() * 4),
      idempotencyKey: `bench-${randomUUID()}`,
      notRelatedDeclared: true,
    });
    const order = await api.mutation<OrderView>('payments.simulatePay', { orderId });
    if (order.status !== 'paid') throw new Error(`order ${orderId} is ${order.status} after payment`);
    if (order.subsidyFen > 0) subsidisedOrders++;
  });
  return { ...figures, subsidisedOrders };
}

async function catalogueStep(servers: ApiServer[], seed: Seeded, count: number): Promise<LoadFigures> {
  const clients = await signedIn(servers, seed.parties, count);
  return drive(clients, config.seconds, ({ api }) =>
    api.query('offerings.list', { page: 1 + Math.floor(Math.random() * 5), pageSize: 20 }),
  );
}

const startedAt = new Date();
ensureLocalPostgres();
const names = benchDatabaseNames(process.pid);

async function runBench(): Promise<BenchResult> {
  const database = createDatabase({ url: databaseUrl(names.app), maxConnections: 4 });
  try {
    const { db } = database;
    await migrate(database);
    const year = shenzhenYear(startedAt);
    const seed = await seedBench(database, {
      enterprises: config.enterprises,
      offerings: config.offerings,
      year,
    });
    console.log(
      `seeded ${seed.parties.length} verified SMEs (one user each) and ${seed.offeringIds.length} offerings`,
    );

    await pgbenchInit(databaseUrl(names.pgbench), config.pgbenchScale);
    const pgbench: BenchResult['pgbench'] = [];
    for (const clients of config.clients) {
      pgbench.push(await pgbenchRun(databaseUrl(names.pgbench), clients, config.seconds));
      console.log(`pgbench ${clients} clients: ${pgbench.at(-1)!.tps} TPS`);
    }
    const tpsAt = (clients: number) => pgbench.find((p) => p.clients === clients)!.tps;
    const floorFigures = await httpFloor({
      pgbenchUrl: databaseUrl(names.pgbench),
      scale: config.pgbenchScale,
      firstPort: config.port,
      processCounts: config.processes,
      clientCounts: config.clients,
      seconds: config.seconds,
    });
    const floor: FloorStep[] = floorFigures.map((f) => ({
      ...f,
      pgbenchTps: tpsAt(f.clients),
      ratio: round(f.perSecond / tpsAt(f.clients), 3),
      purchaseCeiling: round(f.perSecond / 2 / tpsAt(f.clients), 3),
    }));
    for (const f of floor)
      console.log(
        `HTTP floor, ${f.processes} process(es), ${f.clients} clients: ${f.perSecond} requests/s (${f.ratio} of pgbench; a two-request purchase at most ${f.purchaseCeiling})`,
      );
    await dropDatabases([names.pgbench]);

    const rules = await rulesQuotesPerSecond();
    console.log(`rules: ${rules.toLocaleString('en-US')} quotes/s`);

    const purchases: PurchaseStep[] = [];
    const catalogue: BenchResult['catalogue'] = [];
    const invariants: BenchResult['invariants'] = [];
    for (const processes of config.processes) {
      const servers = await startApiServers(processes, databaseUrl(names.app), config.port);
      try {
        for (const clients of config.clients) {
          const step = await purchaseStep(servers, seed, clients);
          const pgbenchTps = tpsAt(clients);
          purchases.push({ processes, ...step, pgbenchTps, ratio: round(step.perSecond / pgbenchTps, 3) });
          console.log(
            `purchases, ${processes} process(es), ${clients} clients: ${step.perSecond}/s, p50 ${step.latencyMs.p50} ms, p99 ${step.latencyMs.p99} ms, errors ${step.errors}${step.firstError ? ` (${step.firstError})` : ''}`,
          );
        }
        catalogue.push({ processes, ...(await catalogueStep(servers, seed, HEADLINE_CLIENTS)) });
        console.log(`catalogue reads, ${processes} process(es): ${catalogue.at(-1)!.perSecond}/s`);
      } catch (error) {
        for (const s of servers) console.error(`--- API server ${s.base} ---\n${s.log().slice(-4000)}`);
        throw error;
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
      const violations = await invariantViolations(db);
      invariants.push({ after: `purchases, ${processes} API process(es)`, violations });
      console.log(`invariants after purchases, ${processes} process(es): ${violations.length} violation(s)`);
    }

    const runOrders = await settleOwed(db, seed.adminUserId);
    console.log('settled the run’s orders:', runOrders);
    const seedStart = performance.now();
    const seeded = await seedYearOfOrders(db, year - 1, config.yearOrders);
    const seedSeconds = round((performance.now() - seedStart) / 1000, 1);
    console.log(
      `inserted a year of ${seeded.orders.toLocaleString('en-US')} orders (${year - 1}) in ${seedSeconds} s`,
    );
    const yearSettlement = await timeYearSettlement(db, year - 1, seed.adminUserId);
    console.log('settlement of the year:', yearSettlement);
    invariants.push({
      after: 'a year of orders and its settlement',
      violations: await invariantViolations(db),
    });

    const headline = purchases
      .filter((p) => p.clients === HEADLINE_CLIENTS)
      .sort((a, b) => b.ratio - a.ratio)[0];
    // The ceiling is the floor's best at the headline client count, whichever the process count.
    const floorAtHeadline = floor
      .filter((f) => f.clients === HEADLINE_CLIENTS)
      .sort((a, b) => b.perSecond - a.perSecond)[0];
    const [pg] = await queryRows<{ v: string }>(db, sql`select current_setting('server_version') as v`);
    return {
      startedAt: startedAt.toISOString(),
      seconds: round((Date.now() - startedAt.getTime()) / 1000, 0),
      machine: { cpus: cpus().length, node: process.versions.node, postgres: `PostgreSQL ${pg?.v}` },
      config,
      purchases,
      pgbench,
      floor,
      headline: {
        clients: HEADLINE_CLIENTS,
        processes: headline?.processes ?? 0,
        ratio: headline?.ratio ?? 0,
        target: TARGET_RATIO,
        purchaseCeiling: floorAtHeadline?.purchaseCeiling ?? 0,
        shareOfCeiling:
          headline && floorAtHeadline ? round(headline.perSecond / (floorAtHeadline.perSecond / 2), 3) : 0,
      },
      catalogue,
      rulesQuotesPerSecond: rules,
      settlement: { runOrders, year: year - 1, yearOrders: seeded.orders, seedSeconds, ...yearSettlement },
      invariants,
      ok:
        invariants.every((i) => i.violations.length === 0) &&
        [...purchases, ...floor].every((p) => p.errors === 0),
    };
  } finally {
    await database.close();
  }
}

await dropAbandonedDatabases();
await recreateDatabases([names.app, names.pgbench]);
const result = await runBench().finally(() => dropDatabases([names.app, names.pgbench]));
console.log(`\n${writeResults(result)}`);
console.log(`results: ${RESULTS_DIR}/latest.{json,md}`);
if (!result.ok) process.exitCode = 1;
