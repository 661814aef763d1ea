/**
 * Issue 5: a published parameter segment drives the rules from its start date — the quote, the placed order, the
 * catalogue, a grant proposal, the incubator rent and pool price — and a what-if is the rules' own answer.
 */
import { schema } from '@nanshan/db';
import { PARAMS_HASH, paramOverrides, quoteArt6 } from '@nanshan/rules';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { AI_API, buy, H800, offeringId } from '../../test/purchases';
import { apply, WAN } from '../grants/test-helpers';
import { applicantOf } from '../orders/purchase-quote';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z'); // 10:00 in Shenzhen
});

const SERVICES_HALF = { industry: 3000, services: 5000, other: 3000 };
const POOL = '孵化空间专属算力池 · 昇腾 910B（仅限入驻企业）';

/** Drafts and publishes a bureau-set value from `fromDate` on; returns the stored segment's id. */
async function publish(
  key: string,
  value: unknown,
  fromDate: string,
  reason = '区科技创新局通知〔2026〕9号',
) {
  const admin = await h.callerFor('admin');
  const draft = await admin.admin.parameters.draft({
    key: key as 'art9.batchRateBps',
    value,
    fromDate,
    reason,
  });
  await admin.admin.parameters.publish({ id: draft.id, reason: '局务会通过' });
  return draft.id;
}

describe('a published segment drives the market from its start date', () => {
  it('Art. 9: the quote, the catalogue and the placed order take the published batch share; before its start nothing changes', async () => {
    const buyer = await h.callerFor('large');
    const api = await offeringId(h, AI_API);
    const quote = () => buyer.orders.quote({ offeringId: api, quantity: 1000 });
    expect((await quote()).subsidyFen).toBe(240_000); // 30% of 800,000

    const segmentId = await publish('art9.batchRateBps', SERVICES_HALF, '2026-11-29');
    // Published today, effective tomorrow: today's quote, catalogue and order keep the table's 30%.
    expect((await quote()).subsidyFen).toBe(240_000);
    expect((await buyer.offerings.get({ offeringId: api })).subsidy).toMatchObject({ subsidyFen: 2_400 });
    const today = await buy(h, buyer, AI_API, 1000, { pay: false });
    const [before] = await h.db.select().from(schema.orders).where(eq(schema.orders.id, today));
    expect(before).toMatchObject({ subsidyFen: 240_000, paramsHash: PARAMS_HASH });
    await buyer.orders.cancel({ orderId: today });

    h.setNow('2026-11-29T02:00:00Z');
    const q = await quote();
    expect(q.subsidyFen).toBe(400_000); // 50% for the services field
    const step = q.trace.find((s) => s.code === 'param_override')!;
    expect(step).toMatchObject({ article: '第九条', args: { key: 'art9.batchRateBps', ref: segmentId } });
    expect(step.zh).toContain('区科技创新局发布的参数段');
    expect(step.zh).toContain('区科技创新局通知〔2026〕9号');
    expect(step.en).toContain('a segment published by the bureau');
    expect((await buyer.offerings.get({ offeringId: api })).subsidy).toMatchObject({ subsidyFen: 4_000 });

    const placed = await buy(h, buyer, AI_API, 1000);
    const [order] = await h.db.select().from(schema.orders).where(eq(schema.orders.id, placed));
    expect(order).toMatchObject({ subsidyFen: 400_000, payableFen: 400_000 });
    // The order records which published value decided it.
    expect(order!.paramsHash).not.toBe(PARAMS_HASH);
    const trace = order!.trace as { code: string; args: Record<string, unknown> }[];
    expect(trace.some((s) => s.code === 'param_override' && s.args.ref === segmentId)).toBe(true);
  });

  it('withdrawn before its start date, a publication never applies; once in force it cannot be withdrawn', async () => {
    const buyer = await h.callerFor('large');
    const api = await offeringId(h, AI_API);
    const admin = await h.callerFor('admin');
    const segmentId = await publish('art9.batchRateBps', SERVICES_HALF, '2026-11-29');
    const withdrawn = await admin.admin.parameters.withdraw({ id: segmentId, reason: '发布有误' });
    expect(withdrawn.status).toBe('withdrawn');
    h.setNow('2026-11-29T02:00:00Z');
    const q = await buyer.orders.quote({ offeringId: api, quantity: 1000 });
    expect(q.subsidyFen).toBe(240_000);
    expect(q.trace.some((s) => s.code === 'param_override')).toBe(false);

    const kept = await publish('art9.batchRateBps', SERVICES_HALF, '2026-11-30');
    h.setNow('2026-11-30T02:00:00Z');
    await expectRefusal(
      admin.admin.parameters.withdraw({ id: kept, reason: '撤回' }),
      'PRECONDITION_FAILED',
      'parameter_already_in_force',
    );
    expect((await buyer.orders.quote({ offeringId: api, quantity: 1000 })).subsidyFen).toBe(400_000);
  });

  it('a draft never applies: an Art. 6 rate (fixed by the measures, evaluated only) leaves the voucher as it is', async () => {
    const sme = await h.callerFor('sme');
    const admin = await h.callerFor('admin');
    await admin.admin.parameters.draft({
      key: 'art6.rateBps',
      value: 2000,
      fromDate: '2026-11-29',
      reason: '测算',
    });
    await admin.admin.parameters.draft({
      key: 'art9.batchRateBps',
      value: SERVICES_HALF,
      fromDate: '2026-11-29',
      reason: '待发布',
    });
    h.setNow('2026-11-29T02:00:00Z');
    const q = await sme.orders.quote({ offeringId: await offeringId(h, H800), quantity: 100 });
    expect(q.subsidyFen).toBe(96_000); // 30% of 320,000
    expect(q.trace.some((s) => s.code === 'param_override')).toBe(false);
    const large = await h.callerFor('large');
    const api = await large.orders.quote({ offeringId: await offeringId(h, AI_API), quantity: 1000 });
    expect(api.subsidyFen).toBe(240_000);
  });
});

describe('a published segment drives Art. 10 and the grants', () => {
  it('Art. 10: the tenant’s rent and the pool price follow the published tiers and price', async () => {
    const sme = await h.callerFor('sme');
    const pool = await offeringId(h, POOL);
    await publish(
      'art10.rentTiers',
      [
        { fromMonth: 1, toMonth: 12, payBps: 0 },
        { fromMonth: 13, payBps: 4000 },
      ],
      '2026-12-01',
    );
    await publish('art10.poolPriceFenPerCardHour', 800, '2026-12-01');
    // November 2026: month 21 of a lease from 2025-03-01, rent-free under the table; December's schedule shows 40%.
    const before = (await sme.incubator.mine())!;
    expect(before.current).toMatchObject({ tenancyMonth: 21, payBps: 0, rentDueFen: 0 });
    expect(before.schedule.find((m) => m.month === '2026-12')).toMatchObject({
      payBps: 4000,
      rentDueFen: 10_800_00,
    });
    expect((await sme.orders.quote({ offeringId: pool, quantity: 500 })).listPriceFen).toBe(500_000);

    h.setNow('2026-12-01T02:00:00Z');
    const after = (await sme.incubator.mine())!;
    expect(after.current).toMatchObject({ tenancyMonth: 22, payBps: 4000, rentDueFen: 10_800_00 });
    expect(after.current.trace.some((s) => s.code === 'param_override')).toBe(true);
    const poolQuote = await sme.orders.quote({ offeringId: pool, quantity: 500 });
    expect(poolQuote.listPriceFen).toBe(400_000);
    expect(poolQuote.trace.map((s) => s.code)).toEqual(['param_override', 'pool_charge']);
  });

  it('a grant proposal takes the published Art. 13 share', async () => {
    const sme = await h.callerFor('sme');
    const facts = { article: 'art13' as const, kind: 'loan_interest' as const, baseFen: 100 * WAN };
    const first = await apply(sme, {
      year: 2026,
      projectName: '贷款贴息',
      projectReference: 'L-1',
      requestedFen: 100 * WAN,
      facts,
    });
    expect(first.proposedFen).toBe(50 * WAN); // the table's default: half the interest
    await publish(
      'art13.subsidyBps',
      { loan_interest: 2500, startup_financing: 100, ip_pledge: 5000 },
      '2026-11-29',
    );
    h.setNow('2026-11-29T02:00:00Z');
    const second = await apply(sme, {
      year: 2026,
      projectName: '贷款贴息二',
      projectReference: 'L-2',
      requestedFen: 100 * WAN,
      facts,
    });
    expect(second.proposedFen).toBe(25 * WAN);
    expect(second.proposal.trace.some((s) => s.code === 'param_override')).toBe(true);
  });
});

describe('what-if through the rules', () => {
  it('gives, order by order, what the rules give with the candidate as a what-if override', async () => {
    const sme = await h.callerFor('sme');
    h.setNow('2026-03-01T02:00:00Z');
    await buy(h, sme, H800, 100);
    h.setNow('2026-03-02T02:00:00Z');
    await buy(h, sme, H800, 8);
    // An hour later, so the replay's order (paid time, then id) is this one and not a coin toss between random ids.
    h.setNow('2026-03-02T03:00:00Z');
    await buy(h, sme, 'NVIDIA A800 包月整卡', 340); // runs into the annual cap
    h.setNow('2027-01-15T02:00:00Z');
    const admin = await h.callerFor('admin');
    const result = await admin.admin.parameters.whatIf({ key: 'art6.rateBps', value: 2000 });

    const [enterprise] = await h.db
      .select()
      .from(schema.enterprises)
      .where(eq(schema.enterprises.name, '深圳智源未来科技有限公司'));
    const orders = await h.db
      .select()
      .from(schema.orders)
      .where(eq(schema.orders.enterpriseId, enterprise!.id))
      .orderBy(asc(schema.orders.paidAt), asc(schema.orders.id));
    const overrides = paramOverrides([
      {
        key: 'art6.rateBps',
        value: 2000,
        from: '2026-01-01',
        to: '2026-12-31',
        source: 'test',
        kind: 'what_if',
      },
    ]);
    let used = 0;
    const expected = orders.map((o) => {
      const r = quoteArt6({
        date: o.paidAt!.toISOString().slice(0, 10),
        applicant: applicantOf(enterprise!),
        activity: enterprise!.aiActivity as 'llm_training',
        provider: { inShenzhen: true, registered: true },
        spendFen: o.listPriceFen,
        grantedThisYearFen: used,
        overrides,
      });
      used += r.amountFen;
      return r.amountFen;
    });
    expect(expected).toEqual([64_000, 5_120, expect.any(Number)]);
    expect(result).toMatchObject({
      method: 'rules_replay',
      orders: 3,
      candidateFen: used,
      mismatchedOrders: 0,
    });
    const changed = new Map(result.changed.map((c) => [c.orderId, c.candidateFen]));
    orders.forEach((o, i) => {
      if (changed.has(o.id)) expect(changed.get(o.id)).toBe(expected[i]);
    });
  });

  it('replays the current side with the segments published at the time', async () => {
    const buyer = await h.callerFor('large');
    h.setNow('2026-03-01T02:00:00Z');
    await publish('art9.batchRateBps', SERVICES_HALF, '2026-03-02');
    h.setNow('2026-03-02T02:00:00Z');
    await buy(h, buyer, AI_API, 1000); // 400,000 under the published 50%
    h.setNow('2027-01-15T02:00:00Z');
    const admin = await h.callerFor('admin');
    const result = await admin.admin.parameters.whatIf({
      key: 'art9.batchRateBps',
      value: { industry: 3000, services: 3000, other: 3000 },
    });
    expect(result).toMatchObject({
      currentValue: SERVICES_HALF,
      recordedFen: 400_000,
      currentFen: 400_000,
      mismatchedOrders: 0,
      candidateFen: 240_000,
      differenceFen: -160_000,
    });
  });
});
