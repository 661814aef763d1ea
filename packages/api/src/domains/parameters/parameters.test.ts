import { schema } from '@nanshan/db';
import { PARAMS } from '@nanshan/rules';
import type { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/record-audit';
import { createHarness, type Harness } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { AI_API, buy, H800 } from '../../test/purchases';
import { refundOrder } from '../orders/settle-order';
import { parameterValueOn } from './segments';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

const TIERS = [
  { fromMonth: 1, toMonth: 12, payBps: 0 },
  { fromMonth: 13, toMonth: 36, payBps: 4000 },
  { fromMonth: 37, payBps: 10000 },
];

async function stored() {
  return {
    segments: await h.db.select().from(schema.parameterSegments),
    audit: (await h.db.select().from(schema.auditLog)).length,
  };
}

describe('admin.parameters.list', () => {
  it('lists every parameter of the rules with citation, unit, bureau flag, value in force and stored segments', async () => {
    const admin = await h.callerFor('admin');
    await admin.admin.parameters.draft({
      key: 'art10.rentTiers',
      value: TIERS,
      fromDate: '2027-01-01',
      reason: '2027 年新梯度',
    });
    const list = await admin.admin.parameters.list();
    expect(list.map((p) => p.key)).toEqual(Object.keys(PARAMS));
    const tiers = list.find((p) => p.key === 'art10.rentTiers')!;
    expect(tiers).toMatchObject({ unit: 'rent_tiers', setByBureau: true, draftable: true, whatIf: false });
    expect(tiers.segments[0]!.cite.article).toBe('第十条');
    expect(tiers.inForceToday).toMatchObject({ source: 'rules', from: '2024-04-08' });
    expect(tiers.stored).toEqual([
      expect.objectContaining({
        value: TIERS,
        fromDate: '2027-01-01',
        toDate: null,
        status: 'draft',
        createdByName: '南山区科创局 审核员',
      }),
    ]);
    expect(list.find((p) => p.key === 'art6.rateBps')).toMatchObject({
      setByBureau: false,
      draftable: true,
      whatIf: true,
      inForceToday: { value: 3000, source: 'rules' },
    });
    expect(list.find((p) => p.key === 'art9.batchRateBps')).toMatchObject({
      setByBureau: true,
      whatIf: true,
    });
    expect(list.find((p) => p.key === 'art5.maxYears')).toMatchObject({
      setByBureau: false,
      draftable: false,
    });
    expect(list.find((p) => p.key === 'art12.tiers')!.draftable).toBe(false);
  });
});

describe('admin.parameters.draft', () => {
  it('validates the value per key and refuses what the measures do not leave open', async () => {
    const admin = await h.callerFor('admin');
    const draft = (key: string, value: unknown, fromDate = '2027-01-01', toDate?: string) =>
      admin.admin.parameters.draft({
        key: key as 'art6.rateBps',
        value,
        fromDate,
        ...(toDate ? { toDate } : {}),
        reason: '测试',
      });
    const before = await stored();
    for (const [key, value, reason] of [
      ['art10.rentTiers', [{ fromMonth: 2, payBps: 0 }], 'rent_tiers_not_contiguous'],
      [
        'art10.rentTiers',
        [
          { fromMonth: 1, toMonth: 12, payBps: 0 },
          { fromMonth: 14, payBps: 5000 },
        ],
        'rent_tiers_not_contiguous',
      ],
      ['art10.rentTiers', [{ fromMonth: 1, toMonth: 12, payBps: 0 }], 'rent_tiers_not_contiguous'],
      [
        'art10.rentTiers',
        [
          { fromMonth: 1, toMonth: 12, payBps: 0 },
          { fromMonth: 13, toMonth: 10, payBps: 0 },
          { fromMonth: 11, payBps: 0 },
        ],
        'rent_tiers_not_contiguous',
      ],
      ['art10.rentTiers', [{ fromMonth: 1, payBps: 10001 }], 'parameter_value_invalid'],
      ['art10.rentTiers', [{ fromMonth: 1, payBps: 50.5 }], 'parameter_value_invalid'],
      ['art10.rentTiers', [], 'parameter_value_invalid'],
      ['art10.rentTiers', [{ fromMonth: 1, payBps: 0, note: 'x' }], 'parameter_value_invalid'],
      ['art6.rateBps', 10001, 'parameter_value_invalid'],
      ['art6.rateBps', -1, 'parameter_value_invalid'],
      ['art6.rateBps', '3000', 'parameter_value_invalid'],
      ['art6.annualCapFen', 1.5, 'parameter_value_invalid'],
      ['art9.batchRateBps', { industry: 3000, services: 3000 }, 'parameter_value_invalid'],
      [
        'art9.batchRateBps',
        { industry: 3000, services: 3000, other: 3000, extra: 1 },
        'parameter_value_invalid',
      ],
      ['art10.poolPriceFenPerCardHour', 0, 'parameter_value_invalid'],
      [
        'art13.subsidyBps',
        { loan_interest: 5000, startup_financing: 100, ip_pledge: 20000 },
        'parameter_value_invalid',
      ],
      ['art5.maxYears', 4, 'parameter_not_draftable'],
      ['art12.tiers', [], 'parameter_not_draftable'],
    ] as const) {
      await expectRefusal(draft(key, value), 'BAD_REQUEST', reason);
    }
    await expectRefusal(
      draft('art6.rateBps', 4000, '2024-04-07'),
      'BAD_REQUEST',
      'parameter_outside_validity',
    );
    await expectRefusal(
      draft('art6.rateBps', 4000, '2027-01-01', '2027-04-08'),
      'BAD_REQUEST',
      'parameter_outside_validity',
    );
    for (const bad of [
      draft('art6.rateBps', 4000, '2027-02-01', '2027-01-01'),
      draft('art6.rateBps', 4000, '2027-02-30'),
      draft('nope', 1),
    ]) {
      const error = await bad.catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
    }
    expect(await stored()).toEqual(before);

    const ok = await draft(
      'art9.batchRateBps',
      { industry: 4000, services: 3500, other: 3000 },
      '2027-01-01',
      '2027-03-31',
    );
    expect(ok).toMatchObject({
      key: 'art9.batchRateBps',
      status: 'draft',
      fromDate: '2027-01-01',
      toDate: '2027-03-31',
    });
    const [audit] = await h.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'parameter.drafted'));
    expect(audit).toMatchObject({ targetType: 'parameter_segment', targetId: ok.id });
  });
});

describe('admin.parameters.publish and withdraw', () => {
  it('publishes a bureau-set draft from tomorrow on, never edits it afterwards, and never withdraws it once in force', async () => {
    const admin = await h.callerFor('admin');
    const today = await admin.admin.parameters.draft({
      key: 'art10.rentTiers',
      value: TIERS,
      fromDate: '2026-11-28',
      reason: '今天生效',
    });
    await expectRefusal(
      admin.admin.parameters.publish({ id: today.id, reason: '发布' }),
      'PRECONDITION_FAILED',
      'parameter_effective_too_early',
    );
    const fixed = await admin.admin.parameters.draft({
      key: 'art6.rateBps',
      value: 5000,
      fromDate: '2027-01-01',
      reason: '测算',
    });
    await expectRefusal(
      admin.admin.parameters.publish({ id: fixed.id, reason: '发布' }),
      'PRECONDITION_FAILED',
      'parameter_not_set_by_bureau',
    );

    const tomorrow = await admin.admin.parameters.draft({
      key: 'art10.rentTiers',
      value: TIERS,
      fromDate: '2026-11-29',
      reason: '新梯度',
    });
    const published = await admin.admin.parameters.publish({ id: tomorrow.id, reason: '局务会通过' });
    expect(published).toMatchObject({ status: 'published', publishedBy: (await h.userOf('admin')).id });
    expect(published.publishedAt).toEqual(new Date('2026-11-28T02:00:00Z'));
    const row = (
      await h.db.select().from(schema.parameterSegments).where(eq(schema.parameterSegments.id, tomorrow.id))
    )[0];
    await expectRefusal(
      admin.admin.parameters.publish({ id: tomorrow.id, reason: '再次' }),
      'PRECONDITION_FAILED',
      'parameter_not_draft',
    );
    expect(
      (
        await h.db.select().from(schema.parameterSegments).where(eq(schema.parameterSegments.id, tomorrow.id))
      )[0],
    ).toEqual(row);

    const withdrawn = await admin.admin.parameters.withdraw({ id: today.id, reason: '日期有误' });
    expect(withdrawn.status).toBe('withdrawn');
    await expectRefusal(
      admin.admin.parameters.publish({ id: today.id, reason: '发布' }),
      'PRECONDITION_FAILED',
      'parameter_not_draft',
    );
    await expectRefusal(
      admin.admin.parameters.withdraw({ id: '00000000-0000-4000-8000-000000000000', reason: 'x' }),
      'NOT_FOUND',
      'parameter_not_found',
    );
    const actions = (await h.db.select().from(schema.auditLog)).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith('parameter.'))).toEqual([
      'parameter.drafted',
      'parameter.drafted',
      'parameter.drafted',
      'parameter.published',
      'parameter.withdrawn',
    ]);
    expect(await verifyAuditChain(h.db)).toBeNull();

    // In force from its start date; a later publication supersedes it from its own start, without editing it.
    expect((await parameterValueOn(h.db, 'art10.rentTiers', '2026-11-28'))!.source).toBe('rules');
    expect(await parameterValueOn(h.db, 'art10.rentTiers', '2026-11-29')).toMatchObject({
      source: 'published',
      value: TIERS,
    });
    const later = await admin.admin.parameters.draft({
      key: 'art10.rentTiers',
      value: [{ fromMonth: 1, payBps: 5000 }],
      fromDate: '2027-01-01',
      reason: '2027',
    });
    await admin.admin.parameters.publish({ id: later.id, reason: '2027 起' });
    expect(await parameterValueOn(h.db, 'art10.rentTiers', '2026-12-31')).toMatchObject({ value: TIERS });
    expect(await parameterValueOn(h.db, 'art10.rentTiers', '2027-01-01')).toMatchObject({
      value: [{ fromMonth: 1, payBps: 5000 }],
    });
    expect(await parameterValueOn(h.db, 'art10.rentTiers', '2027-04-07')).toMatchObject({
      source: 'published',
    });
    expect(await parameterValueOn(h.db, 'art10.rentTiers', '2027-04-08')).toBeNull();
    expect(await parameterValueOn(h.db, 'art6.rateBps', '2027-04-08')).toBeNull();
    h.setNow('2026-11-29T02:00:00Z');
    const list = await admin.admin.parameters.list();
    const tiersParam = list.find((p) => p.key === 'art10.rentTiers')!;
    expect(tiersParam.inForceToday).toMatchObject({
      source: 'published',
      value: TIERS,
      segmentId: tomorrow.id,
    });
    // In force now: decisions were taken under it, so it is superseded, never withdrawn.
    await expectRefusal(
      admin.admin.parameters.withdraw({ id: tomorrow.id, reason: '撤回' }),
      'PRECONDITION_FAILED',
      'parameter_already_in_force',
    );
  });
});

describe('admin.parameters.whatIf', () => {
  async function lastYearsOrders() {
    const sme = await h.callerFor('sme');
    const large = await h.callerFor('large');
    h.setNow('2026-03-01T02:00:00Z');
    const c = await buy(h, sme, H800, 100); // 96,000
    h.setNow('2026-03-02T02:00:00Z');
    const e = await buy(h, sme, H800, 8); // 7,680
    await buy(h, large, H800, 8); // not an SME: 0
    const refunded = await buy(h, sme, H800, 10);
    await refundOrder(h.db, { orderId: refunded, actorUserId: null, now: h.now() });
    await buy(h, large, AI_API, 1000); // Art. 9, services field: 240,000
    h.setNow('2027-01-15T02:00:00Z');
    return { c, e };
  }

  it('recomputes last year’s paid orders with a candidate Art. 6 rate and shows the effect on the fund', async () => {
    const { c, e } = await lastYearsOrders();
    const admin = await h.callerFor('admin');
    const before = await stored();
    const result = await admin.admin.parameters.whatIf({ key: 'art6.rateBps', value: 5000 });
    expect(result).toMatchObject({
      key: 'art6.rateBps',
      year: 2026,
      article: 'art6',
      currentValue: 3000,
      candidateValue: 5000,
      method: 'rules_replay',
      orders: 3,
      eligibleOrders: 2,
      mismatchedOrders: 0,
      recordedFen: 103_680,
      currentFen: 103_680,
      candidateFen: 172_800,
      differenceFen: 69_120,
      changedOrders: 2,
    });
    expect(result.changed.map((o) => [o.orderId, o.recordedFen, o.candidateFen])).toEqual([
      [c, 96_000, 160_000],
      [e, 7_680, 12_800],
    ]);
    expect(result.enterprises.map((x) => [x.enterpriseName, x.differenceFen])).toEqual([
      ['深圳智源未来科技有限公司', 69_120],
      ['深圳巨擘数据集团有限公司', 0],
    ]);
    expect(result.fund).toEqual({
      year: 2026,
      budgetFen: 50_000_000_00,
      committedFen: 343_680,
      reservedFen: 0,
      committedWithCandidateFen: 412_800,
      leftWithCandidateFen: 50_000_000_00 - 412_800,
      withinBudget: true,
    });
    // A lower cap: the second order gets only what is left of it.
    const capped = await admin.admin.parameters.whatIf({ key: 'art6.annualCapFen', value: 100_000 });
    expect(capped).toMatchObject({ currentFen: 103_680, candidateFen: 100_000, differenceFen: -3_680 });
    // Art. 9: the batch rate of the buyer's field (software → services) and the annual cap.
    const art9 = await admin.admin.parameters.whatIf({
      key: 'art9.batchRateBps',
      value: { industry: 3000, services: 5000, other: 3000 },
    });
    expect(art9).toMatchObject({
      article: 'art9',
      orders: 1,
      currentFen: 240_000,
      candidateFen: 400_000,
      differenceFen: 160_000,
    });
    const art9Cap = await admin.admin.parameters.whatIf({ key: 'art9.annualCapFen', value: 200_000 });
    expect(art9Cap).toMatchObject({ currentFen: 240_000, candidateFen: 200_000, differenceFen: -40_000 });
    // Nothing is stored by a what-if.
    expect(await stored()).toEqual(before);
  });

  it('gives orders that hit the annual cap their share under a higher cap', async () => {
    const sme = await h.callerFor('sme');
    h.setNow('2026-03-01T02:00:00Z');
    await buy(h, sme, 'NVIDIA A800 包月整卡', 340); // 99,960,000 of the 100,000,000 cap
    h.setNow('2026-03-02T02:00:00Z');
    await buy(h, sme, H800, 100); // 40,000 left of the cap
    h.setNow('2026-03-03T02:00:00Z');
    await buy(h, sme, H800, 8); // 0: annual_cap_reached
    h.setNow('2027-01-15T02:00:00Z');
    const admin = await h.callerFor('admin');
    const higher = await admin.admin.parameters.whatIf({ key: 'art6.annualCapFen', value: 200_000_000 });
    expect(higher).toMatchObject({
      orders: 3,
      eligibleOrders: 3,
      mismatchedOrders: 0,
      recordedFen: 100_000_000,
      currentFen: 100_000_000,
      candidateFen: 99_960_000 + 96_000 + 7_680,
      differenceFen: 63_680,
      changedOrders: 2,
    });
    const lower = await admin.admin.parameters.whatIf({ key: 'art6.annualCapFen', value: 50_000_000 });
    expect(lower).toMatchObject({ candidateFen: 50_000_000, differenceFen: -50_000_000 });
    // A fund too small for the candidate is flagged.
    await admin.admin.fund.setBudget({ year: 2026, budgetFen: 100_000_000, reason: '测试' });
    expect(
      (await admin.admin.parameters.whatIf({ key: 'art6.annualCapFen', value: 200_000_000 })).fund,
    ).toMatchObject({
      withinBudget: false,
      leftWithCandidateFen: -63_680,
    });
  });

  it('refuses keys it cannot evaluate and invalid values', async () => {
    const admin = await h.callerFor('admin');
    await expectRefusal(
      admin.admin.parameters.whatIf({ key: 'art10.rentTiers', value: TIERS }),
      'BAD_REQUEST',
      'what_if_not_supported',
    );
    await expectRefusal(
      admin.admin.parameters.whatIf({ key: 'art7.rateBps', value: 1000 }),
      'BAD_REQUEST',
      'what_if_not_supported',
    );
    await expectRefusal(
      admin.admin.parameters.whatIf({ key: 'art6.rateBps', value: 12000 }),
      'BAD_REQUEST',
      'parameter_value_invalid',
    );
  });
});

describe('parameter refusals', () => {
  it('refuses SMEs and providers on every parameter procedure, changing nothing', async () => {
    const admin = await h.callerFor('admin');
    const draft = await admin.admin.parameters.draft({
      key: 'art10.rentTiers',
      value: TIERS,
      fromDate: '2027-01-01',
      reason: 'x',
    });
    const before = await stored();
    for (const who of ['sme', 'provider'] as const) {
      const caller = await h.callerFor(who);
      await expectRefusal(caller.admin.parameters.list(), 'FORBIDDEN');
      await expectRefusal(
        caller.admin.parameters.draft({
          key: 'art10.rentTiers',
          value: TIERS,
          fromDate: '2027-01-01',
          reason: 'x',
        }),
        'FORBIDDEN',
      );
      await expectRefusal(caller.admin.parameters.whatIf({ key: 'art6.rateBps', value: 5000 }), 'FORBIDDEN');
      await expectRefusal(caller.admin.parameters.publish({ id: draft.id, reason: 'x' }), 'FORBIDDEN');
      await expectRefusal(caller.admin.parameters.withdraw({ id: draft.id, reason: 'x' }), 'FORBIDDEN');
    }
    expect(await stored()).toEqual(before);
  });
});
