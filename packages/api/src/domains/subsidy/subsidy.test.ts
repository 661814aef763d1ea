import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { AI_API, buy, H800 } from '../../test/purchases';
import { refundOrder } from '../orders/settle-order';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

describe('the SME dashboard: caps per article and the monthly chart', () => {
  it("shows every market article's cap for the year, untouched at first", async () => {
    const sme = await h.callerFor('sme');
    expect(await sme.subsidy.summary()).toEqual({
      year: 2026,
      articles: [
        { article: 'art6', capFen: 100_000_000, grantedFen: 0, reservedFen: 0, leftFen: 100_000_000 },
        { article: 'art9', capFen: 100_000_000, grantedFen: 0, reservedFen: 0, leftFen: 100_000_000 },
      ],
    });
    // Another year, with no counters, shows the cap in force at its end; after the measures, none.
    expect((await sme.subsidy.summary({ year: 2025 })).articles[0]!.capFen).toBe(100_000_000);
    expect((await sme.subsidy.summary({ year: 2027 })).articles[0]!.capFen).toBe(0);
  });

  it('charts granted subsidy by the month it was paid, net of refunds, adding up to the year', async () => {
    const sme = await h.callerFor('sme');
    h.setNow('2026-03-10T02:00:00Z');
    await buy(h, sme, H800, 8); // 7,680 fen in March
    h.setNow('2026-07-15T02:00:00Z');
    await buy(h, sme, H800, 100); // 96,000 in July
    await buy(h, sme, AI_API, 1000); // Art. 9: 240,000 in July
    h.setNow('2026-09-01T02:00:00Z');
    const cancelled = await buy(h, sme, H800, 8, { pay: false });
    await sme.orders.cancel({ orderId: cancelled });
    h.setNow('2026-10-01T02:00:00Z');
    const refunded = await buy(h, sme, H800, 8);
    await refundOrder(h.db, { orderId: refunded, actorUserId: null, now: h.now() });
    h.setNow('2026-11-28T02:00:00Z');
    await buy(h, sme, H800, 16, { pay: false }); // reserved, not granted
    // Placed at 23:50 on 31 December (Shenzhen), paid ten minutes into 2027: it counts against 2026's cap.
    h.setNow('2026-12-31T15:50:00Z');
    await buy(h, sme, H800, 8, { payAt: '2026-12-31T16:10:00Z' });
    // Another enterprise's purchases never show.
    await buy(h, await h.callerFor('large'), AI_API, 1000);

    const monthly = await sme.subsidy.monthly({ year: 2026 });
    expect(monthly.year).toBe(2026);
    expect(monthly.points).toHaveLength(12);
    expect(monthly.points.map((p) => p.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const byMonth = Object.fromEntries(
      monthly.points.filter((p) => p.grantedFen > 0).map((p) => [p.month, p]),
    );
    expect(byMonth).toEqual({
      3: { month: 3, grantedFen: 7680, byArticle: { art6: 7680, art9: 0 } },
      7: { month: 7, grantedFen: 336_000, byArticle: { art6: 96_000, art9: 240_000 } },
      12: { month: 12, grantedFen: 7680, byArticle: { art6: 7680, art9: 0 } },
    });

    const summary = await sme.subsidy.summary({ year: 2026 });
    const granted = summary.articles.reduce((sum, a) => sum + a.grantedFen, 0);
    expect(monthly.points.reduce((sum, p) => sum + p.grantedFen, 0)).toBe(granted);
    expect(summary.articles[0]).toMatchObject({ grantedFen: 7680 + 96_000 + 7680, reservedFen: 15_360 });
    expect(summary.articles[1]).toMatchObject({ grantedFen: 240_000, reservedFen: 0 });
    expect((await sme.subsidy.monthly({ year: 2027 })).points.every((p) => p.grantedFen === 0)).toBe(true);
  });

  it('is for SME users with an enterprise only', async () => {
    for (const who of ['provider', 'admin'] as const) {
      const caller = await h.callerFor(who);
      await expectRefusal(caller.subsidy.summary(), 'FORBIDDEN');
      await expectRefusal(caller.subsidy.monthly({ year: 2026 }), 'FORBIDDEN');
    }
    await expectRefusal((await h.callerFor(null)).subsidy.monthly({ year: 2026 }), 'UNAUTHORIZED');
    const sme = await h.callerFor('sme');
    await expectRefusal(sme.subsidy.monthly({ year: 1999 }), 'BAD_REQUEST');
    await expectRefusal(sme.subsidy.monthly({} as never), 'BAD_REQUEST');
  });
});
