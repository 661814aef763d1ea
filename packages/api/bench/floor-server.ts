/**
 * The HTTP floor: the least any HTTP API on this stack can do per request that writes money. One POST runs one
 * pgbench TPC-B-like transaction (the same five statements as `pgbench`'s default script, on its tables) through
 * postgres.js with prepared statements, served by hono on @hono/node-server as the API is — and nothing else: no
 * session, no tRPC, no drizzle, no rules, no audit. The bench drives it with the same client as the purchases, so
 * `floor requests/s ÷ pgbench TPS` is the highest ratio a request can reach on this machine (docs/performance.md).
 *
 * Run by bench/lib/floor.ts: `DATABASE_URL` (pgbench's database), `PORT`, `PGBENCH_SCALE`.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const scale = Number(process.env.PGBENCH_SCALE ?? 10);
// The API's pool size (createDatabase's default) and, as there, statements prepared once per connection.
const sql = postgres(url, { max: 10, prepare: true, onnotice: () => {} });
const random = (n: number) => 1 + Math.floor(Math.random() * n);

const app = new Hono();
app.get('/api/health', (c) => c.json({ status: 'ok', database: { location: new URL(url).pathname } }));
// Where a tRPC mutation goes, in its envelope, so the bench's own client (bench/lib/http.ts) calls it as it calls the API.
app.post('/api/trpc/floor.tpcb', async (c) => {
  const { json: input } = await c.req.json<{ json: unknown }>();
  // pgbench's tpcb-like script: 100,000 accounts, 10 tellers and 1 branch per scale unit.
  const [aid, tid, bid] = [random(100_000 * scale), random(10 * scale), random(scale)];
  const delta = Math.floor(Math.random() * 10_001) - 5_000;
  const balance = await sql.begin(async (tx) => {
    await tx`update pgbench_accounts set abalance = abalance + ${delta} where aid = ${aid}`;
    const [row] = await tx`select abalance from pgbench_accounts where aid = ${aid}`;
    await tx`update pgbench_tellers set tbalance = tbalance + ${delta} where tid = ${tid}`;
    await tx`update pgbench_branches set bbalance = bbalance + ${delta} where bid = ${bid}`;
    await tx`insert into pgbench_history (tid, bid, aid, delta, mtime) values (${tid}, ${bid}, ${aid}, ${delta}, current_timestamp)`;
    return row?.abalance as number;
  });
  return c.json({ result: { data: { json: { balance, input } } } });
});

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT) });
process.once('SIGTERM', () => {
  server.close();
  void sql.end({ timeout: 2 }).then(() => process.exit(0));
});
