import { schema } from '@nanshan/db';
import type { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fundBalancesFromLedger } from '../../ledger/balances';
import { createHarness, type Harness } from '../../test/harness';
import { buy, H800 } from '../../test/purchases';
import { changeFundBudget } from './change-budget';

// Art. 2 under real concurrency: budget cuts from two server processes at once never take the budget below what
// is committed. Only a real Postgres has concurrency.
const realPostgres = Boolean(process.env.DATABASE_URL);

describe.runIf(realPostgres)('concurrent budget changes on real Postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());
  beforeEach(async () => h.reset());

  it('eight simultaneous cuts of 1,000 fen: only the five that fit above commitments succeed', async () => {
    await buy(h, await h.callerFor('sme'), H800, 100); // 96,000 committed
    const admin = await h.userOf('admin');
    await changeFundBudget(h.db, {
      year: 2026,
      change: { budgetFen: 101_000 },
      reason: 'tight budget',
      actorUserId: admin.id,
      now: h.now(),
    });
    const pools = [h.database.connectAnother(), h.database.connectAnother()];
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        changeFundBudget(pools[i % 2]!.db, {
          year: 2026,
          change: { deltaFen: -1_000 },
          reason: `cut ${i}`,
          actorUserId: admin.id,
          now: h.now(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((((r as PromiseRejectedResult).reason as TRPCError).cause as { reason?: string }).reason).toBe(
        'budget_below_commitments',
      );
    }
    const [fund] = await h.db.select().from(schema.fundYears).where(eq(schema.fundYears.year, 2026));
    expect(fund).toMatchObject({ budgetFen: 96_000, committedFen: 96_000, reservedFen: 0 });
    expect((await fundBalancesFromLedger(h.db)).find((f) => f.year === 2026)!.budgetFen).toBe(96_000);
    const adjustments = await h.db.select().from(schema.budgetAdjustments);
    expect(adjustments).toHaveLength(6);
    expect(adjustments.reduce((s, a) => s + a.deltaFen, 0)).toBe(96_000 - 50_000_000_00);
  });
});
