import { schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { buy, H800 } from '../../test/purchases';
import {
  apply,
  award,
  type Caller,
  expectCountersMatchLedger,
  grantsSnapshot,
  secondAdmin,
  setBudget,
  throughNotice,
  useGrantsHarness,
  WAN,
} from './test-helpers';

let h: Harness;
let sme: Caller;
let admin: Caller;
useGrantsHarness((ctx) => {
  ({ h, sme, admin } = ctx);
});

async function providerId(name: string) {
  const [p] = await h.db.select().from(schema.providers).where(eq(schema.providers.name, name));
  return p!.id;
}

async function smeEnterpriseId() {
  const [e] = await h.db
    .select()
    .from(schema.enterprises)
    .where(eq(schema.enterprises.name, '深圳智源未来科技有限公司'));
  return e!.id;
}

describe('Art. 15 — the higher applies, no duplication (从高不重复)', () => {
  const ref = 'SZ-KJ-2026-001';

  function art7(reference = ref) {
    return apply(sme, {
      year: 2026,
      projectName: '金融垂类大模型',
      projectReference: reference,
      requestedFen: 300 * WAN,
      facts: { article: 'art7', cityGrantFen: 600 * WAN, leadUnit: true },
    });
  }

  it('excludes a pending lower application when a higher one arrives, and proposes nothing to a lower newcomer', async () => {
    const lower = await apply(sme, {
      year: 2026,
      projectName: '金融大模型应用场景',
      projectReference: ref,
      requestedFen: 200 * WAN,
      facts: { article: 'art8', track: 'city_match', cityGrantFen: 400 * WAN },
    });
    expect(lower.proposedFen).toBe(200 * WAN);

    h.setNow('2026-11-28T03:00:00Z');
    // The same contract number typed differently is the same project.
    const higher = await art7('sz kj 2026 / 001');
    expect(higher.projectKey).toBe(lower.projectKey);
    expect(higher.proposedFen).toBe(300 * WAN);

    const excluded = await sme.grants.get({ applicationId: lower.id });
    expect(excluded.proposedFen).toBe(0);
    expect(excluded.events.at(-1)).toMatchObject({ kind: 'non_duplication_excluded', note: higher.id });
    const step = excluded.proposal.trace.find((s) => s.code === 'non_duplication' && s.args.chosen === false);
    expect(step?.zh).toContain('不重复适用');

    h.setNow('2026-11-28T04:00:00Z');
    const newcomer = await apply(sme, {
      year: 2026,
      projectName: '金融大模型发布会',
      projectReference: ref,
      requestedFen: 100 * WAN,
      facts: {
        article: 'art14',
        heldInNanshan: true,
        largeModelOrGenerativeAiTheme: true,
        recognised: true,
        recognisedBy: 'district',
        eventDate: '2026-11-01',
      },
    });
    expect(newcomer.status).toBe('submitted');
    expect(newcomer.proposedFen).toBe(0);
    const view = await admin.admin.grants.get({ applicationId: newcomer.id });
    expect(view.currentProposal.reasons).toContain('non_duplication_excluded');
    expect(view.currentProposal.nonDuplication.excludedBy).toMatchObject({
      kind: 'pending',
      applicationId: higher.id,
    });
    expect(
      view.duplicates
        .filter((d) => d.matches.includes('project_key'))
        .map((d) => d.id)
        .sort(),
    ).toEqual([lower.id, higher.id].sort());

    for (const from of ['submitted', 'formal_check', 'bureau_review', 'funding_plan'] as const) {
      await admin.admin.grants.advance({ applicationId: lower.id, from });
    }
    await expectRefusal(
      admin.admin.grants.advance({ applicationId: lower.id, from: 'verification' }),
      'PRECONDITION_FAILED',
      'proposal_is_zero',
    );
  });

  it('refuses an application for a project already funded at the same or a higher amount, changing nothing', async () => {
    const funded = await art7();
    await award(h, [admin, await secondAdmin(h)], funded.id, 300 * WAN);
    const before = await grantsSnapshot(h);
    await expectRefusal(
      apply(sme, {
        year: 2026,
        projectName: '知识产权质押贴息',
        projectReference: ref,
        requestedFen: 50 * WAN,
        facts: { article: 'art13', kind: 'loan_interest', baseFen: 100 * WAN },
      }),
      'CONFLICT',
      'project_already_funded',
    );
    // Declared by the applicant: received under another Nanshan measure at a higher amount.
    await expectRefusal(
      apply(sme, {
        year: 2026,
        projectName: '另一项目',
        projectReference: 'OTHER-9',
        requestedFen: 50 * WAN,
        otherMeasureAwards: [{ measure: '南山区科技创新专项', amountFen: 80 * WAN, status: 'received' }],
        facts: { article: 'art13', kind: 'loan_interest', baseFen: 100 * WAN },
      }),
      'CONFLICT',
      'project_already_funded',
    );
    expect(await grantsSnapshot(h)).toEqual(before);
  });

  it('pays a higher award only the difference to what the project already received', async () => {
    const funded = await art7();
    await award(h, [admin, await secondAdmin(h)], funded.id, 300 * WAN);
    const higher = await apply(sme, {
      year: 2026,
      projectName: '创业融资奖励',
      projectReference: ref,
      requestedFen: 800 * WAN,
      facts: { article: 'art13', kind: 'startup_financing', baseFen: 80_000 * WAN },
    });
    expect(higher.proposedFen).toBe(500 * WAN); // 1% of 800M = 8M, less the 3M already paid
    const difference = higher.proposal.trace.find((s) => s.code === 'non_duplication_difference');
    expect(difference?.args).toMatchObject({
      amountFen: 800 * WAN,
      alreadyFundedFen: 300 * WAN,
      topUpFen: 500 * WAN,
    });
    await expectCountersMatchLedger(h);
  });
});

describe('Art. 4 — at most 10,000,000 yuan per project, from the history', () => {
  it('bounds a later award of the same project by what earlier decisions gave it', async () => {
    const other = await secondAdmin(h);
    const first = await apply(sme, {
      year: 2025,
      projectName: '揭榜挂帅：智慧港口大模型',
      projectReference: 'JBGS-2025-017',
      requestedFen: 800 * WAN,
      facts: { article: 'art8', track: 'city_match', cityGrantFen: 1_600 * WAN },
    });
    expect(first.proposedFen).toBe(800 * WAN);
    await award(h, [admin, other], first.id, 800 * WAN);

    const second = await apply(sme, {
      year: 2026,
      projectName: '揭榜挂帅：智慧港口大模型（二期）',
      projectReference: 'JBGS-2025-017',
      requestedFen: 500 * WAN,
      facts: { article: 'art8', track: 'city_match', cityGrantFen: 1_000 * WAN },
    });
    expect(second.proposedFen).toBe(200 * WAN);
    const cap = second.proposal.trace.find((s) => s.code === 'cap_applied' && s.args.cap === 'art4_project');
    expect(cap?.args).toMatchObject({ capFen: 1_000 * WAN, usedFen: 800 * WAN, leftFen: 200 * WAN });
    expect(second.proposal.trace.find((s) => s.code === 'history_counted')?.args).toMatchObject({
      grantId: first.id,
      amountFen: 800 * WAN,
    });

    await throughNotice(h, admin, second.id);
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: second.id, amountFen: 200 * WAN + 1 }),
      'PRECONDITION_FAILED',
      'amount_above_proposal',
    );
    await admin.admin.grants.approve({ applicationId: second.id, amountFen: 200 * WAN });
    await other.admin.grants.approve({ applicationId: second.id, amountFen: 200 * WAN });
    await admin.admin.grants.disburse({ applicationId: second.id });
    await expectCountersMatchLedger(h);
  });
});

describe('Art. 9 — at most 3 consecutive years, grants and market subsidies together', () => {
  it('counts the market years and the grant years from the database', async () => {
    const enterpriseId = await smeEnterpriseId();
    // Market history: Art. 9 subsidies at checkout in 2024 and 2025 (the counters the market keeps).
    await h.db.insert(schema.subsidyUsage).values([
      { enterpriseId, article: 'art9', year: 2024, capFen: 100 * WAN, grantedFen: 10 * WAN },
      { enterpriseId, article: 'art9', year: 2025, capFen: 100 * WAN, grantedFen: 20 * WAN },
    ]);
    const vendorId = await providerId('鹏云智能云服务');
    const third = await apply(sme, {
      year: 2026,
      projectName: 'AI+智能制造质检',
      projectReference: 'AI9-2026-01',
      requestedFen: 50 * WAN,
      facts: { article: 'art9', vendorId, serviceSpendFen: 200 * WAN, notRelatedDeclared: true },
    });
    expect(third.proposedFen).toBe(50 * WAN);
    expect(third.proposal.trace.find((s) => s.code === 'years_limit')?.args).toMatchObject({
      yearsFunded: 2,
      ok: true,
    });
    const view = await admin.admin.grants.get({ applicationId: third.id });
    expect(
      view.currentProposal.counted
        .filter((c) => c.market)
        .map((c) => c.year)
        .sort(),
    ).toEqual([2024, 2025]);

    await award(h, [admin], third.id, 50 * WAN);
    // The grant shares the year's Art. 9 cap with the market.
    const caps = await sme.subsidy.summary({ year: 2026 });
    expect(caps.articles.find((a) => a.article === 'art9')).toMatchObject({
      grantedFen: 50 * WAN,
      leftFen: 50 * WAN,
    });

    h.setNow('2027-02-01T02:00:00Z');
    const fourth = await apply(sme, {
      year: 2027,
      projectName: 'AI+智能制造质检（续）',
      projectReference: 'AI9-2026-01',
      requestedFen: 50 * WAN,
      facts: { article: 'art9', vendorId, serviceSpendFen: 200 * WAN, notRelatedDeclared: true },
    });
    expect(fourth.proposedFen).toBe(0);
    const after = await admin.admin.grants.get({ applicationId: fourth.id });
    expect(after.currentProposal.reasons).toContain('max_years_reached');
    expect(fourth.proposal.trace.find((s) => s.code === 'years_limit')?.args).toMatchObject({
      yearsFunded: 3,
      ok: false,
    });
  });
});

describe('Art. 6 annual declaration — one cap per spend year with the market', () => {
  it('shares the spend year’s cap with market subsidies, reserving on decision and granting on payment', async () => {
    h.setNow('2025-06-02T02:00:00Z');
    await setBudget(h, 2025, 5_000 * WAN);
    await buy(h, sme, H800, 62_500); // 2,000,000 yuan of compute → 600,000 yuan subsidy at checkout
    const enterpriseId = await smeEnterpriseId();
    const usageRow = async (year: number) =>
      (
        await h.db
          .select()
          .from(schema.subsidyUsage)
          .where(
            and(
              eq(schema.subsidyUsage.enterpriseId, enterpriseId),
              eq(schema.subsidyUsage.article, 'art6'),
              eq(schema.subsidyUsage.year, year),
            ),
          )
      )[0];
    expect(await usageRow(2025)).toMatchObject({ grantedFen: 60 * WAN, reservedFen: 0 });

    h.setNow('2026-03-02T02:00:00Z');
    const centre = await providerId('南山智算中心');
    const declaration = (reference: string, invoice: string, year = 2025) =>
      apply(sme, {
        year,
        projectName: '2025 年度线下算力采购',
        projectReference: reference,
        requestedFen: 100 * WAN,
        facts: {
          article: 'art6',
          providerId: centre,
          spendFen: 200 * WAN,
          serviceKind: 'compute',
          notRelatedDeclared: true,
          invoiceNumbers: [invoice],
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
        },
      });
    await expectRefusal(
      declaration('HT-2026-001', 'INV-2026-1', 2026),
      'BAD_REQUEST',
      'declaration_year_must_be_previous',
    );

    const app = await declaration('HT-2025-088', 'INV-2025-0001');
    expect(app.proposedFen).toBe(40 * WAN); // 30% of 2M = 600k, but only 400k of the 2025 cap is left
    const annual = app.proposal.trace.find((s) => s.code === 'cap_applied' && s.args.cap === 'art6_annual');
    expect(annual?.args).toMatchObject({ usedFen: 60 * WAN, leftFen: 40 * WAN });

    const fund2026 = await admin.admin.fund.summary({ year: 2026 });
    const fund2025 = await admin.admin.fund.summary({ year: 2025 });
    await award(h, [admin], app.id, 40 * WAN, { pay: false });
    expect(await usageRow(2025)).toMatchObject({
      capFen: 100 * WAN,
      grantedFen: 60 * WAN,
      reservedFen: 40 * WAN,
    });
    // Paid from the fund of the decision year; the spend year's fund is untouched.
    expect((await admin.admin.fund.summary({ year: 2026 })).reservedFen - fund2026.reservedFen).toBe(
      40 * WAN,
    );
    expect(await admin.admin.fund.summary({ year: 2025 })).toMatchObject({
      committedFen: fund2025.committedFen,
      reservedFen: fund2025.reservedFen,
    });
    await expectCountersMatchLedger(h);

    // The same invoice is subsidised once (Art. 15): declaring it again is refused, however it is written.
    await expectRefusal(
      declaration('HT-2025-099', ' inv-2025-0001 '),
      'CONFLICT',
      'invoice_already_declared',
    );
    const more = await declaration('HT-2025-099', 'INV-2025-0002');
    expect(more.proposedFen).toBe(0);
    const view = await admin.admin.grants.get({ applicationId: more.id });
    expect(view.currentProposal.reasons).toContain('annual_cap_reached');
    expect(view.usage).toMatchObject({ year: 2025, leftFen: 0 });

    await admin.admin.grants.disburse({ applicationId: app.id });
    expect(await usageRow(2025)).toMatchObject({ grantedFen: 100 * WAN, reservedFen: 0 });
    const caps = await sme.subsidy.summary({ year: 2025 });
    expect(caps.articles.find((a) => a.article === 'art6')).toMatchObject({
      grantedFen: 100 * WAN,
      leftFen: 0,
    });
    await expectCountersMatchLedger(h);
  });

  it('decides only one of two declarations that each fit the cap alone, even when approved at once', async () => {
    h.setNow('2025-06-02T02:00:00Z');
    await setBudget(h, 2025, 5_000 * WAN);
    await buy(h, sme, H800, 62_500);
    h.setNow('2026-03-02T02:00:00Z');
    const centre = await providerId('南山智算中心');
    const ids: string[] = [];
    for (const n of [1, 2]) {
      h.setNow(`2026-03-02T0${n}:00:00Z`);
      const app = await apply(sme, {
        year: 2025,
        projectName: `线下算力采购 ${n}`,
        projectReference: `HT-2025-10${n}`,
        requestedFen: 100 * WAN,
        facts: {
          article: 'art6',
          providerId: centre,
          spendFen: 200 * WAN,
          serviceKind: 'compute',
          notRelatedDeclared: true,
          invoiceNumbers: [`INV-10${n}`],
          periodFrom: '2025-03-01',
          periodTo: '2025-09-30',
        },
      });
      expect(app.proposedFen).toBe(40 * WAN);
      ids.push(app.id);
    }
    for (const id of ids) await throughNotice(h, admin, id);
    const other = await secondAdmin(h);
    const results = await Promise.allSettled([
      admin.admin.grants.approve({ applicationId: ids[0]!, amountFen: 40 * WAN }),
      other.admin.grants.approve({ applicationId: ids[1]!, amountFen: 40 * WAN }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as { cause?: { reason?: string } }).cause?.reason).toBe('proposal_is_zero');
    await expectCountersMatchLedger(h);
  });
});
