import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { schema } from '@nanshan/db';
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fundBalancesFromLedger, usageFromLedger } from '../../ledger/balances';
import { setFundBudget } from '../../ledger/fund';
import { simulatedGateway } from '../../payments/simulated';
import { createHarness, type Harness } from '../../test/harness';

const execFileAsync = promisify(execFile);
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const BURST = fileURLToPath(new URL('../../test/order-burst.ts', import.meta.url));

/** Runs one burst process and parses its JSON lines. */
async function burstProcess(args: object) {
  const { stdout } = await execFileAsync(TSX, [BURST, JSON.stringify(args)], { maxBuffer: 1 << 20 });
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { ok: boolean; orderId?: string; subsidyFen?: number; error?: string });
}

import { enterpriseOfUser } from '../enterprises/membership';
import { placeOrder } from './place-order';

// Invariants 2 and 3 under real concurrency: two OS processes, each with its own connection pool,
// firing orders at once against one enterprise's cap and one fund. Only a real Postgres has concurrency.
const realPostgres = Boolean(process.env.DATABASE_URL);
const N = 60;

describe.runIf(realPostgres)('concurrent orders on real Postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());
  beforeEach(async () => h.reset());

  /** Fires `count` orders at once from two OS processes (`test/order-burst.ts`), half each, on their own pools. */
  async function fire(userKey: 'sme' | 'large' | 'outside', count: number, keyPrefix: string) {
    const user = await h.userOf(userKey);
    const [offering] = await h.db
      .select()
      .from(schema.offerings)
      .where(eq(schema.offerings.title, 'NVIDIA H800 训练集群 · 8 卡节点'));
    const keys = Array.from({ length: count }, (_, i) => `${keyPrefix}-${i}`);
    const burst = (part: string[]) =>
      burstProcess({
        url: h.database.url!,
        userId: user.id,
        offeringId: offering!.id,
        quantity: 100, // 3,200 yuan → 960 yuan subsidy each
        keys: part,
        now: h.now().toISOString(),
      });
    const lines = (
      await Promise.all([
        burst(keys.filter((_, i) => i % 2 === 0)),
        burst(keys.filter((_, i) => i % 2 === 1)),
      ])
    ).flat();
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(lines).toHaveLength(count);
    return lines as Array<{ ok: true; orderId: string; subsidyFen: number }>;
  }

  async function expectLedgerMatches() {
    const [fund] = await h.db.select().from(schema.fundYears).where(eq(schema.fundYears.year, 2026));
    const ledgerFund = (await fundBalancesFromLedger(h.db)).find((f) => f.year === 2026)!;
    expect(ledgerFund).toEqual({
      year: 2026,
      budgetFen: fund!.budgetFen,
      committedFen: fund!.committedFen,
      reservedFen: fund!.reservedFen,
    });
    for (const u of await h.db.select().from(schema.subsidyUsage)) {
      const l = (await usageFromLedger(h.db)).find((x) => x.enterpriseId === u.enterpriseId);
      expect({ granted: l?.grantedFen ?? 0, reserved: l?.reservedFen ?? 0 }).toEqual({
        granted: u.grantedFen,
        reserved: u.reservedFen,
      });
    }
  }

  it(`${N} simultaneous orders never exceed one enterprise's annual cap`, async () => {
    const user = await h.userOf('sme');
    const enterprise = (await enterpriseOfUser(h.db, user.id))!;
    // A paid order first uses 981,960 yuan of the cap, leaving 1,804,000 fen: room for 18 full subsidies
    // of 96,000 fen and one of 76,000.
    const sme = await h.callerFor('sme');
    const [a800] = await h.db
      .select()
      .from(schema.offerings)
      .where(eq(schema.offerings.title, 'NVIDIA A800 包月整卡'));
    const big = await sme.orders.place({
      offeringId: a800!.id,
      quantity: 334,
      idempotencyKey: 'big-first-0001',
      notRelatedDeclared: true,
    });
    await sme.payments.simulatePay({ orderId: big.orderId });
    const orders = await fire('sme', N, 'cap');
    const subsidies = orders.map((o) => o.subsidyFen);
    expect(subsidies.reduce((a, b) => a + b, 0)).toBe(1_804_000);
    expect(subsidies.filter((s) => s === 96_000)).toHaveLength(18);
    expect(subsidies.filter((s) => s === 76_000)).toHaveLength(1);
    const [usage] = await h.db
      .select()
      .from(schema.subsidyUsage)
      .where(eq(schema.subsidyUsage.enterpriseId, enterprise.id));
    expect(usage!.grantedFen + usage!.reservedFen).toBe(usage!.capFen);
    await expectLedgerMatches();
  });

  it(`${N} simultaneous orders from several enterprises never overdraw a nearly empty fund`, async () => {
    await h.db.transaction((tx) => setFundBudget(tx, 2026, 1_000_000, 'nearly empty'));
    // Make the large firm and the outside firm eligible too, so three enterprises compete for the fund.
    await h.db.update(schema.enterprises).set({
      district: '南山区',
      registeredInNanshan: true,
      employees: 50,
      revenueFen: 1_000_000_00,
      techSmeRegistered: true,
    });
    const orders = (
      await Promise.all([fire('sme', N / 3, 'f1'), fire('large', N / 3, 'f2'), fire('outside', N / 3, 'f3')])
    ).flat();
    const total = orders.reduce((a, o) => a + o.subsidyFen, 0);
    expect(total).toBe(1_000_000);
    const [fund] = await h.db.select().from(schema.fundYears).where(eq(schema.fundYears.year, 2026));
    expect(fund!.committedFen + fund!.reservedFen).toBe(fund!.budgetFen);
    await expectLedgerMatches();
  });

  it('40 simultaneous tenant orders never oversell the Art. 10 compute pool', async () => {
    await h.db.update(schema.computePools).set({ capacityUnits: 2_550 });
    const user = await h.userOf('sme');
    const enterprise = (await enterpriseOfUser(h.db, user.id))!;
    const [offering] = await h.db.select().from(schema.offerings).where(isNotNull(schema.offerings.poolId));
    const pools = [h.database.connectAnother(), h.database.connectAnother()];
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        placeOrder(pools[i % 2]!.db, simulatedGateway, {
          enterprise,
          userId: user.id,
          offeringId: offering!.id,
          quantity: 100,
          idempotencyKey: `pool-race-${i}`,
          notRelatedDeclared: true,
          now: h.now(),
        }),
      ),
    );
    const placed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(placed).toHaveLength(25);
    for (const r of refused)
      expect((r.reason as { cause?: { reason?: string } }).cause?.reason).toBe('pool_capacity_exceeded');
    const [pool] = await h.db.select().from(schema.computePools);
    expect(pool!.allocatedUnits).toBe(2_500);
  });
});
