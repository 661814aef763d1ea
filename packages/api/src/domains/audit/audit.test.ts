import { schema } from '@nanshan/db';
import { dbErrorOf } from '@nanshan/db/testing';
import type { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliver } from '../../test/deliveries';
import { createHarness, type Harness } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { buy, H800 } from '../../test/purchases';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

/** Budget changes on two Shenzhen days, an order placed, paid and delivered, and a payout batch. */
async function history() {
  const admin = await h.callerFor('admin');
  h.setNow('2026-11-26T15:59:00Z'); // 26 November 23:59 in Shenzhen
  await admin.admin.fund.adjust({ year: 2026, deltaFen: 100, reason: 'first' });
  h.setNow('2026-11-26T16:00:00Z'); // 27 November 00:00 in Shenzhen
  await admin.admin.fund.adjust({ year: 2026, deltaFen: 200, reason: 'second' });
  h.setNow('2026-11-28T02:00:00Z');
  const orderId = await buy(h, await h.callerFor('sme'), H800, 8);
  await deliver(h, orderId);
  await admin.admin.settlement.createBatch({});
  return { admin, orderId };
}

describe('admin.audit.list', () => {
  it('lists newest first with the actor, filtered by actor, action prefix, target and Shenzhen dates, paged', async () => {
    const { admin, orderId } = await history();
    const adminUser = await h.userOf('admin');
    const all = await admin.admin.audit.list({});
    expect(all.items.map((e) => e.action)).toEqual([
      'settlement.batch_created',
      'order.delivered',
      'order.paid',
      'order.placed',
      'fund.budget_changed',
      'fund.budget_changed',
    ]);
    expect(all.total).toBe(6);
    expect(all.items[0]).toMatchObject({
      actorUserId: adminUser.id,
      actorName: '南山区科创局 审核员',
      targetType: 'payout_batch',
    });
    expect(JSON.parse(all.items[4]!.after!)).toMatchObject({ reason: 'second', deltaFen: 200 });
    expect(all.items[0]!.prevHash).toBe(all.items[1]!.hash);

    const fund = await admin.admin.audit.list({ actionPrefix: 'fund.' });
    expect(fund.items.map((e) => JSON.parse(e.after!).reason)).toEqual(['second', 'first']);
    expect((await admin.admin.audit.list({ actionPrefix: 'fund.budget_changed' })).total).toBe(2);
    expect((await admin.admin.audit.list({ actionPrefix: 'fund.budget' })).total).toBe(2);
    expect((await admin.admin.audit.list({ actionPrefix: 'Fund.' })).total).toBe(0);
    // `%` and `_` are literal characters, not wildcards.
    expect((await admin.admin.audit.list({ actionPrefix: '%' })).total).toBe(0);
    expect((await admin.admin.audit.list({ actionPrefix: 'fund_' })).total).toBe(0);

    const sme = await h.userOf('sme');
    const bySme = await admin.admin.audit.list({ actorUserId: sme.id });
    expect(bySme.items.map((e) => [e.action, e.targetId])).toEqual([
      ['order.paid', orderId],
      ['order.placed', orderId],
    ]);
    expect((await admin.admin.audit.list({ actorUserId: sme.id, actionPrefix: 'order.paid' })).total).toBe(1);
    expect((await admin.admin.audit.list({ targetType: 'order', targetId: orderId })).total).toBe(3);
    expect((await admin.admin.audit.list({ targetType: 'fund_year', targetId: '2026' })).total).toBe(2);
    expect((await admin.admin.audit.list({ targetType: 'fund_year', targetId: '2025' })).total).toBe(0);

    const on26 = await admin.admin.audit.list({ fromDate: '2026-11-26', toDate: '2026-11-26' });
    expect(on26.items.map((e) => JSON.parse(e.after!).reason)).toEqual(['first']);
    const from27 = await admin.admin.audit.list({ fromDate: '2026-11-27' });
    expect(from27.total).toBe(5);
    expect((await admin.admin.audit.list({ toDate: '2026-11-27' })).total).toBe(2);

    const page1 = await admin.admin.audit.list({ page: 1, pageSize: 3 });
    const page2 = await admin.admin.audit.list({ page: 2, pageSize: 3 });
    expect(page1.items).toHaveLength(3);
    expect(page2.items.map((e) => e.id)).toEqual([all.items[3]!.id, all.items[4]!.id, all.items[5]!.id]);
    expect(page2.total).toBe(6);

    for (const bad of [
      { fromDate: '2026-11-30', toDate: '2026-11-01' },
      { fromDate: '2026-02-30' },
      { pageSize: 1000 },
      { page: 0 },
    ]) {
      const error = await admin.admin.audit.list(bad).catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
    }
  });
});

describe('admin.audit.verify', () => {
  it('passes an untouched chain and names the first entry someone edited behind the trigger', async () => {
    const { admin } = await history();
    expect(await admin.admin.audit.verify()).toMatchObject({ ok: true, firstBrokenId: null, entries: 6 });
    // The append-only trigger refuses the edit…
    expect(await dbErrorOf(h.db.execute(sql`update audit_log set after = '{}' where id = 2`))).toMatch(
      /append_only/,
    );
    const [second] = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.id, 2));
    // …so someone with the database's owner rights disables it, edits the reason, and enables it again.
    await h.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    try {
      await h.db.execute(
        sql`update audit_log set after = ${second!.after!.replace('second', 'forged')} where id = 2`,
      );
    } finally {
      await h.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    }
    expect(await admin.admin.audit.verify()).toMatchObject({ ok: false, firstBrokenId: 2, entries: 6 });
    // Re-hashing the edited entry does not help: the next entry's link to it breaks instead.
    await h.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    try {
      await h.db.execute(sql`update audit_log set hash = ${'f'.repeat(64)} where id = 2`);
    } finally {
      await h.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    }
    expect((await admin.admin.audit.verify()).firstBrokenId).toBe(2);
    expect(await dbErrorOf(h.db.execute(sql`delete from audit_log where id = 3`))).toMatch(/append_only/);
  });

  it('detects a deleted entry', async () => {
    const { admin } = await history();
    await h.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    try {
      await h.db.execute(sql`delete from audit_log where id = 2`);
    } finally {
      await h.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    }
    expect(await admin.admin.audit.verify()).toMatchObject({ ok: false, firstBrokenId: 3 });
  });
});

describe('audit refusals', () => {
  it('refuses SMEs, providers and anonymous callers', async () => {
    for (const who of ['sme', 'provider'] as const) {
      const caller = await h.callerFor(who);
      await expectRefusal(caller.admin.audit.list({}), 'FORBIDDEN');
      await expectRefusal(caller.admin.audit.verify(), 'FORBIDDEN');
    }
    await expectRefusal((await h.callerFor(null)).admin.audit.verify(), 'UNAUTHORIZED');
  });
});
