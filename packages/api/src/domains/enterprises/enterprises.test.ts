import { schema } from '@nanshan/db';
import type { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/record-audit';
import { createHarness, type Harness, moneySnapshot } from '../../test/harness';
import { expectRefusal, newUser, validUscc } from '../../test/people';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

const DEMO_SME_USCC = '91440305MA5F8K2L30';
const NEW_USCC = validUscc('91440305MA5P7Q3R2');
const FACTS = {
  name: '深圳新芽智能科技有限公司',
  district: '南山区',
  legalStatus: 'independent',
  industry: 'software_it',
  employees: 25,
  revenueFen: 3_000_000_00,
  assetsFen: 2_000_000_00,
  techSmeRegistered: false,
  aiActivity: 'genai_application',
} as const;
const H800 = 'NVIDIA H800 训练集群 · 8 卡节点';

/** Every row a profile, member or verification change could touch, to prove a refusal changed nothing. */
async function profileSnapshot() {
  const [enterprises, members, decisions, audit] = await Promise.all([
    h.db.select().from(schema.enterprises).orderBy(asc(schema.enterprises.id)),
    h.db
      .select()
      .from(schema.enterpriseMembers)
      .orderBy(asc(schema.enterpriseMembers.enterpriseId), asc(schema.enterpriseMembers.userId)),
    h.db.select().from(schema.reviewDecisions),
    h.db.select().from(schema.auditLog),
  ]);
  return { enterprises, members, decisions, audit: audit.length, money: await moneySnapshot(h) };
}

async function enterpriseByUscc(uscc: string) {
  const [row] = await h.db.select().from(schema.enterprises).where(eq(schema.enterprises.uscc, uscc));
  return row!;
}

async function auditOf(enterpriseId: string) {
  return h.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.targetType, 'enterprise'), eq(schema.auditLog.targetId, enterpriseId)))
    .orderBy(asc(schema.auditLog.id));
}

async function offeringId(title: string) {
  const [o] = await h.db.select().from(schema.offerings).where(eq(schema.offerings.title, title));
  return o!.id;
}

/** A new SME user who registers an enterprise (unverified) and is its owner. */
async function registered(email = 'founder@xinya.ai', uscc = NEW_USCC, facts: Record<string, unknown> = {}) {
  const founder = await newUser(h, email);
  const { enterpriseId } = await founder.caller.enterprises.register({
    ...FACTS,
    ...facts,
    uscc,
  } as never);
  return { ...founder, enterpriseId };
}

describe('registering an enterprise', () => {
  it('makes the creator its owner, normalises the code and starts unverified', async () => {
    const founder = await newUser(h, 'founder@xinya.ai');
    expect(await founder.caller.enterprises.mine()).toBeNull();
    // Typed with a Chinese IME: full-width and lower case.
    const typed = NEW_USCC.toLowerCase().replace(/[0-9a-z]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    const { enterpriseId } = await founder.caller.enterprises.register({ ...FACTS, uscc: ` ${typed} ` });
    const mine = await founder.caller.enterprises.mine();
    expect(mine).toMatchObject({
      id: enterpriseId,
      uscc: NEW_USCC,
      name: FACTS.name,
      district: '南山区',
      registeredInNanshan: true,
      employees: 25,
      revenueFen: 3_000_000_00,
      myRole: 'owner',
      verification: { status: 'pending', verifiedAt: null },
      decisions: [],
    });
    expect(await founder.caller.enterprises.members()).toEqual([
      expect.objectContaining({ userId: founder.user.id, role: 'owner', email: 'founder@xinya.ai' }),
    ]);
    const audit = await auditOf(enterpriseId);
    expect(audit.map((a) => a.action)).toEqual(['enterprise.registered']);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ uscc: NEW_USCC, registeredInNanshan: true });
    expect(await verifyAuditChain(h.db)).toBeNull();
  });

  it('derives registration in Nanshan from the district, whatever the client sends', async () => {
    const futian = await newUser(h, 'a@futian.ai');
    await futian.caller.enterprises.register({
      ...FACTS,
      uscc: validUscc('91440304MA5P7Q3R2'),
      district: '福田区',
      // Not part of the input: stripped by the schema, never trusted.
      registeredInNanshan: true,
    } as never);
    expect((await futian.caller.enterprises.mine())!.registeredInNanshan).toBe(false);
    const away = await newUser(h, 'b@dongguan.ai');
    await away.caller.enterprises.register({
      ...FACTS,
      uscc: validUscc('91441900MA5P7Q3R2'),
      district: 'outside_shenzhen',
    });
    expect((await away.caller.enterprises.mine())!.registeredInNanshan).toBe(false);
  });

  it('refuses an invalid 统一社会信用代码 and changes nothing', async () => {
    const founder = await newUser(h, 'founder@xinya.ai');
    const before = await profileSnapshot();
    const wrongCheck = `${NEW_USCC.slice(0, 17)}${NEW_USCC.endsWith('0') ? '1' : '0'}`;
    for (const uscc of [
      wrongCheck,
      NEW_USCC.slice(0, 17),
      `${NEW_USCC.slice(0, 17)}I`,
      '91ABCDEFMA5P7Q3R2X',
    ]) {
      await expectRefusal(
        founder.caller.enterprises.register({ ...FACTS, uscc }),
        'BAD_REQUEST',
        'invalid_uscc',
      );
    }
    expect(await profileSnapshot()).toEqual(before);
  });

  it('refuses a code already registered (CONFLICT uscc_taken), also typed differently', async () => {
    const founder = await newUser(h, 'founder@xinya.ai');
    const before = await profileSnapshot();
    await expectRefusal(
      founder.caller.enterprises.register({ ...FACTS, uscc: DEMO_SME_USCC }),
      'CONFLICT',
      'uscc_taken',
    );
    await expectRefusal(
      founder.caller.enterprises.register({ ...FACTS, uscc: DEMO_SME_USCC.toLowerCase() }),
      'CONFLICT',
      'uscc_taken',
    );
    expect(await profileSnapshot()).toEqual(before);
  });

  it('lets two people race for one code: exactly one wins', async () => {
    const a = await newUser(h, 'a@xinya.ai');
    const b = await newUser(h, 'b@xinya.ai');
    const results = await Promise.allSettled([
      a.caller.enterprises.register({ ...FACTS, uscc: NEW_USCC }),
      b.caller.enterprises.register({ ...FACTS, uscc: NEW_USCC }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failure.reason as TRPCError).code).toBe('CONFLICT');
    expect(
      await h.db.select().from(schema.enterprises).where(eq(schema.enterprises.uscc, NEW_USCC)),
    ).toHaveLength(1);
  });

  it('gives a user one enterprise only, also under concurrent requests', async () => {
    const sme = await h.callerFor('sme');
    await expectRefusal(
      sme.enterprises.register({ ...FACTS, uscc: NEW_USCC }),
      'CONFLICT',
      'user_has_enterprise',
    );
    const founder = await newUser(h, 'founder@xinya.ai');
    const results = await Promise.allSettled([
      founder.caller.enterprises.register({ ...FACTS, uscc: NEW_USCC }),
      founder.caller.enterprises.register({ ...FACTS, uscc: validUscc('91440305MA5P7Q3R3') }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const memberships = await h.db
      .select()
      .from(schema.enterpriseMembers)
      .where(eq(schema.enterpriseMembers.userId, founder.user.id));
    expect(memberships).toHaveLength(1);
  });

  it('rejects bad facts with the zod issues and without a change', async () => {
    const founder = await newUser(h, 'founder@xinya.ai');
    const before = await profileSnapshot();
    const bad = [
      { industry: 'mining' },
      { district: '南山' },
      { legalStatus: 'partnership' },
      { employees: -1 },
      { revenueFen: 12.5 },
      { assetsFen: -100 },
      { aiActivity: 'crypto' },
      { name: ' ' },
    ];
    for (const change of bad) {
      const error = await expectRefusal(
        founder.caller.enterprises.register({ ...FACTS, ...change, uscc: NEW_USCC } as never),
        'BAD_REQUEST',
      );
      expect(error.message).toBeTruthy();
    }
    expect(await profileSnapshot()).toEqual(before);
  });

  it('offers the choice lists the form needs', async () => {
    const options = await (await h.callerFor('sme')).enterprises.options();
    expect(options.districts).toHaveLength(11);
    expect(options.districts.map((d) => d.value)).toContain('南山区');
    expect(options.districts.at(-1)).toEqual({
      value: 'outside_shenzhen',
      zh: '深圳市外',
      en: 'Outside Shenzhen',
    });
    expect(options.industries.find((i) => i.value === 'software_it')).toMatchObject({
      zh: '软件和信息技术服务业',
    });
    expect(options.legalStatuses).toEqual(['independent', 'nbs_equivalent', 'none']);
  });
});

describe('updating the profile', () => {
  it('keeps verification for a name change, and withdraws it when an eligibility fact changes', async () => {
    const sme = await h.callerFor('sme');
    const before = await enterpriseByUscc(DEMO_SME_USCC);
    expect(before.verifiedAt).not.toBeNull();

    expect(await sme.enterprises.update({ name: '深圳智源未来科技股份有限公司' })).toEqual({
      changed: ['name'],
      verificationCleared: false,
    });
    expect((await sme.enterprises.mine())!.verification.status).toBe('verified');

    h.setNow('2026-11-28T03:00:00Z');
    expect(await sme.enterprises.update({ employees: 120, name: '深圳智源未来科技股份有限公司' })).toEqual({
      changed: ['employees'],
      verificationCleared: true,
    });
    const after = await enterpriseByUscc(DEMO_SME_USCC);
    expect(after).toMatchObject({ employees: 120, verifiedAt: null, verifiedBy: null });
    expect((await sme.enterprises.mine())!.verification.status).toBe('pending');

    const audit = (await auditOf(before.id)).filter((a) => a.action === 'enterprise.updated');
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.before!)).toEqual({
      employees: 86,
      verifiedAt: before.verifiedAt!.toISOString(),
      verifiedBy: before.verifiedBy,
    });
    expect(JSON.parse(audit[1]!.after!)).toEqual({ employees: 120, verifiedAt: null, verifiedBy: null });
    expect(audit[1]!.actorUserId).toBe((await h.userOf('sme')).id);

    // The market follows at once: no subsidy until staff verify again.
    const q = await sme.orders.quote({ offeringId: await offeringId(H800), quantity: 8 });
    expect(q.subsidyFen).toBe(0);
    expect(q.reasons).toContain('enterprise_not_verified');
    expect(await verifyAuditChain(h.db)).toBeNull();
  });

  it('re-derives registration in Nanshan when the district changes', async () => {
    const sme = await h.callerFor('sme');
    const result = await sme.enterprises.update({ district: '福田区' });
    expect(result).toEqual({ changed: ['district', 'registeredInNanshan'], verificationCleared: true });
    expect((await sme.enterprises.mine())!.registeredInNanshan).toBe(false);
    const art6 = (await sme.enterprises.eligibility()).articles.find((a) => a.article === 'art6')!;
    expect(art6.reasons).toEqual(expect.arrayContaining(['not_in_nanshan', 'enterprise_not_verified']));
    await sme.enterprises.update({ district: '南山区' });
    expect((await sme.enterprises.mine())!.registeredInNanshan).toBe(true);
  });

  it('writes nothing when nothing changes', async () => {
    const sme = await h.callerFor('sme');
    const before = await profileSnapshot();
    expect(await sme.enterprises.update({ employees: 86, aiActivity: 'llm_training' })).toEqual({
      changed: [],
      verificationCleared: false,
    });
    expect(await profileSnapshot()).toEqual(before);
    await expectRefusal(sme.enterprises.update({}), 'BAD_REQUEST');
    await expectRefusal(sme.enterprises.update({ employees: -5 }), 'BAD_REQUEST');
    expect(await profileSnapshot()).toEqual(before);
  });

  it('is for owners only; a user without an enterprise has none to update', async () => {
    const owner = await h.callerFor('sme');
    const clerk = await newUser(h, 'clerk@zhiyuan.ai');
    await owner.enterprises.addMember({ email: 'clerk@zhiyuan.ai' });
    const before = await profileSnapshot();
    await expectRefusal(clerk.caller.enterprises.update({ employees: 10 }), 'FORBIDDEN', 'owner_only');
    const loner = await newUser(h, 'loner@example.cn');
    await expectRefusal(
      loner.caller.enterprises.update({ employees: 10 }),
      'PRECONDITION_FAILED',
      'no_enterprise',
    );
    expect(await profileSnapshot()).toEqual(before);
  });
});

describe('eligibility by the rules package', () => {
  it('shows a registered technology SME eligible for Arts. 6, 9 and 10, with traces about the enterprise', async () => {
    const e = await (await h.callerFor('sme')).enterprises.eligibility();
    expect(e).toMatchObject({ date: '2026-11-28', year: 2026, verified: true });
    // 86 staff, 32,000,000 yuan revenue, software: small by the 2011 table; the registry is the proof used.
    expect(e.classification).toMatchObject({
      industry: 'software_it',
      industryZh: '软件和信息技术服务业',
      size: 'small',
      isSmeByTable: true,
      techSmeRegistered: true,
      proof: 'tech_sme_registry',
      qualifiesAsSme: true,
    });
    expect(e.classification.trace.map((s) => s.code)).toEqual(['sme_classified', 'sme_proof']);
    const [art6, art9, art10] = e.articles;
    expect(art6).toMatchObject({
      article: 'art6',
      eligible: true,
      reasons: [],
      cap: { capFen: 100_000_000, grantedFen: 0, reservedFen: 0, leftFen: 100_000_000 },
    });
    const codes = art6!.trace.map((s) => `${s.code}:${String(s.args.condition ?? '')}`);
    expect(codes).toEqual([
      'in_force:',
      'condition:registered_in_nanshan',
      'legal_status:',
      'sme_proof:',
      'condition:activity_eligible',
    ]);
    for (const step of art6!.trace) {
      expect(step.zh).toBeTruthy();
      expect(step.en).toBeTruthy();
    }
    expect(art9).toMatchObject({ article: 'art9', eligible: true, reasons: [], consecutiveYearsFunded: 0 });
    expect(art9!.trace.map((s) => s.code)).toContain('years_limit');
    expect(art10).toMatchObject({
      article: 'art10',
      eligible: true,
      tenancy: { unit: 'A-1203', month: 21, payBps: 0, rentDueFen: 0 },
    });
  });

  it('explains why a large firm and a firm outside Nanshan do not qualify', async () => {
    const large = await (await h.callerFor('large')).enterprises.eligibility();
    expect(large.classification).toMatchObject({
      size: 'large',
      isSmeByTable: false,
      proof: 'classification',
      qualifiesAsSme: false,
    });
    expect(large.articles[0]).toMatchObject({ eligible: false, reasons: ['not_sme'] });
    expect(large.articles[0]!.trace.map((s) => s.code)).toContain('sme_classified');
    // Art. 9 asks no SME status.
    expect(large.articles[1]).toMatchObject({ eligible: true, reasons: [] });
    expect(large.articles[2]).toMatchObject({ eligible: false, reasons: ['not_a_tenant'], tenancy: null });

    const outside = await (await h.callerFor('outside')).enterprises.eligibility();
    expect(outside.articles[0]!.reasons).toContain('not_in_nanshan');
    expect(outside.articles[1]!.reasons).toContain('not_in_nanshan');
  });

  it('counts what this year has used, and says when the cap is used up', async () => {
    const sme = await h.callerFor('sme');
    const enterprise = await enterpriseByUscc(DEMO_SME_USCC);
    await h.db.insert(schema.subsidyUsage).values({
      enterpriseId: enterprise.id,
      article: 'art6',
      year: 2026,
      capFen: 100_000_000,
      grantedFen: 100_000_000,
    });
    const art6 = (await sme.enterprises.eligibility()).articles[0]!;
    expect(art6).toMatchObject({
      eligible: false,
      reasons: ['annual_cap_reached'],
      cap: { capFen: 100_000_000, grantedFen: 100_000_000, leftFen: 0 },
    });
  });

  it('waits for staff verification, and nothing qualifies after the measures expire', async () => {
    const { caller } = await registered();
    const e = await caller.enterprises.eligibility();
    expect(e.verified).toBe(false);
    expect(e.classification).toMatchObject({ size: 'small', proof: 'classification', qualifiesAsSme: true });
    expect(e.articles[0]).toMatchObject({ eligible: false, reasons: ['enterprise_not_verified'] });

    h.setNow('2027-04-08T02:00:00Z'); // the day after the measures' validity (Art. 15)
    const late = await (await h.callerFor('sme')).enterprises.eligibility();
    expect(late.articles[0]!.reasons).toContain('outside_validity');
    expect(late.articles[0]!.cap.capFen).toBe(0);
    expect(late.articles[1]!.reasons).toContain('outside_validity');
  });

  it('needs an enterprise', async () => {
    const loner = await newUser(h, 'loner@example.cn');
    await expectRefusal(loner.caller.enterprises.eligibility(), 'PRECONDITION_FAILED', 'no_enterprise');
  });
});

describe('members', () => {
  it('lets an owner add an SME user by email, who then acts for the enterprise', async () => {
    const owner = await h.callerFor('sme');
    const clerk = await newUser(h, 'clerk@zhiyuan.ai');
    expect(await clerk.caller.enterprises.mine()).toBeNull();
    const added = await owner.enterprises.addMember({ email: '  Clerk@Zhiyuan.AI ' });
    expect(added).toMatchObject({ userId: clerk.user.id, role: 'member' });
    const mine = await clerk.caller.enterprises.mine();
    expect(mine).toMatchObject({ uscc: DEMO_SME_USCC, myRole: 'member' });
    expect((await owner.enterprises.members()).map((m) => [m.email, m.role])).toEqual([
      ['sme@zhiyuan.ai', 'owner'],
      ['clerk@zhiyuan.ai', 'member'],
    ]);
    // A member buys for the enterprise and sees its caps.
    const q = await clerk.caller.orders.quote({ offeringId: await offeringId(H800), quantity: 8 });
    expect(q.subsidyFen).toBe(7680);
    expect((await clerk.caller.enterprises.members()).length).toBe(2);
    const audit = await auditOf(mine!.id);
    expect(audit.at(-1)).toMatchObject({ action: 'enterprise.member_added' });
  });

  it('refuses unknown users, non-SME users and users of another enterprise, changing nothing', async () => {
    const owner = await h.callerFor('sme');
    const before = await profileSnapshot();
    await expectRefusal(
      owner.enterprises.addMember({ email: 'nobody@example.cn' }),
      'NOT_FOUND',
      'user_not_found',
    );
    await expectRefusal(
      owner.enterprises.addMember({ email: 'sales@nscompute.cn' }),
      'NOT_FOUND',
      'user_not_found',
    );
    await expectRefusal(
      owner.enterprises.addMember({ email: 'admin@nanshan.gov.cn' }),
      'NOT_FOUND',
      'user_not_found',
    );
    await expectRefusal(
      owner.enterprises.addMember({ email: 'finance@jubo.cn' }),
      'CONFLICT',
      'user_has_enterprise',
    );
    await expectRefusal(
      owner.enterprises.addMember({ email: 'sme@zhiyuan.ai' }),
      'CONFLICT',
      'user_has_enterprise',
    );
    await expectRefusal(owner.enterprises.addMember({ email: 'not-an-email' }), 'BAD_REQUEST');
    expect(await profileSnapshot()).toEqual(before);
  });

  it('lets only owners add and remove members', async () => {
    const owner = await h.callerFor('sme');
    const clerk = await newUser(h, 'clerk@zhiyuan.ai');
    await newUser(h, 'intern@zhiyuan.ai');
    await owner.enterprises.addMember({ email: 'clerk@zhiyuan.ai' });
    const before = await profileSnapshot();
    await expectRefusal(
      clerk.caller.enterprises.addMember({ email: 'intern@zhiyuan.ai' }),
      'FORBIDDEN',
      'owner_only',
    );
    await expectRefusal(
      clerk.caller.enterprises.removeMember({ userId: (await h.userOf('sme')).id }),
      'FORBIDDEN',
      'owner_only',
    );
    expect(await profileSnapshot()).toEqual(before);
  });

  it("removes members but never the last owner, and never another enterprise's user", async () => {
    const owner = await h.callerFor('sme');
    const ownerId = (await h.userOf('sme')).id;
    const clerk = await newUser(h, 'clerk@zhiyuan.ai');
    await owner.enterprises.addMember({ email: 'clerk@zhiyuan.ai' });

    const before = await profileSnapshot();
    await expectRefusal(
      owner.enterprises.removeMember({ userId: ownerId }),
      'PRECONDITION_FAILED',
      'last_owner',
    );
    const otherUserId = (await h.userOf('large')).id;
    await expectRefusal(
      owner.enterprises.removeMember({ userId: otherUserId }),
      'NOT_FOUND',
      'member_not_found',
    );
    expect(await profileSnapshot()).toEqual(before);
    expect(await (await h.callerFor('large')).enterprises.mine()).not.toBeNull();

    expect(await owner.enterprises.removeMember({ userId: clerk.user.id })).toEqual({
      userId: clerk.user.id,
    });
    expect(await clerk.caller.enterprises.mine()).toBeNull();
    await expectRefusal(clerk.caller.orders.mine(), 'PRECONDITION_FAILED', 'no_enterprise');

    // With a second owner, the first may leave.
    const partner = await newUser(h, 'partner@zhiyuan.ai');
    await owner.enterprises.addMember({ email: 'partner@zhiyuan.ai', role: 'owner' });
    await owner.enterprises.removeMember({ userId: ownerId });
    expect(await partner.caller.enterprises.members()).toEqual([
      expect.objectContaining({ userId: partner.user.id, role: 'owner' }),
    ]);
    await expectRefusal(
      partner.caller.enterprises.removeMember({ userId: partner.user.id }),
      'PRECONDITION_FAILED',
      'last_owner',
    );
    expect(await verifyAuditChain(h.db)).toBeNull();
  });

  it('never leaves an enterprise without an owner when two owners remove each other at once', async () => {
    const a = await h.callerFor('sme');
    const aId = (await h.userOf('sme')).id;
    const b = await newUser(h, 'partner@zhiyuan.ai');
    await a.enterprises.addMember({ email: 'partner@zhiyuan.ai', role: 'owner' });
    const results = await Promise.allSettled([
      a.enterprises.removeMember({ userId: b.user.id }),
      b.caller.enterprises.removeMember({ userId: aId }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const enterprise = await enterpriseByUscc(DEMO_SME_USCC);
    const owners = await h.db
      .select()
      .from(schema.enterpriseMembers)
      .where(
        and(
          eq(schema.enterpriseMembers.enterpriseId, enterprise.id),
          eq(schema.enterpriseMembers.role, 'owner'),
        ),
      );
    expect(owners).toHaveLength(1);
  });
});

describe('staff verification (admin.enterprises)', () => {
  it('lists with filters and pagination', async () => {
    await registered('a@xinya.ai', NEW_USCC);
    h.setNow('2026-11-28T03:00:00Z');
    await registered('b@futian.ai', validUscc('91440304MA5P7Q3R2'), {
      name: '福田 50%_折扣 科技',
      district: '福田区',
    });
    const admin = await h.callerFor('admin');
    const all = await admin.admin.enterprises.list({});
    expect(all.total).toBe(5);
    const unverified = await admin.admin.enterprises.list({ verification: 'unverified' });
    expect(unverified.items.map((i) => i.uscc).sort()).toEqual(
      [NEW_USCC, validUscc('91440304MA5P7Q3R2')].sort(),
    );
    expect(unverified.items.every((i) => i.verification.status === 'pending')).toBe(true);
    expect((await admin.admin.enterprises.list({ verification: 'verified' })).total).toBe(3);
    const futian = await admin.admin.enterprises.list({ district: '福田区' });
    expect(futian.items.map((i) => i.name).sort()).toEqual(
      ['深圳福田智能视觉有限公司', '福田 50%_折扣 科技'].sort(),
    );
    expect((await admin.admin.enterprises.list({ search: '智源' })).items.map((i) => i.uscc)).toEqual([
      DEMO_SME_USCC,
    ]);
    expect((await admin.admin.enterprises.list({ search: 'ma5f8k' })).items.map((i) => i.uscc)).toEqual([
      DEMO_SME_USCC,
    ]);
    // % and _ are literal characters, not wildcards.
    expect((await admin.admin.enterprises.list({ search: '50%_' })).total).toBe(1);
    expect((await admin.admin.enterprises.list({ search: '%' })).total).toBe(1);
    const pages = await Promise.all(
      [1, 2, 3].map((page) => admin.admin.enterprises.list({ page, pageSize: 2 })),
    );
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.every((p) => p.total === 5)).toBe(true);
    const paged = pages.flatMap((p) => p.items);
    expect(new Set(paged.map((i) => i.id)).size).toBe(5);
    // Newest first.
    for (let i = 1; i < paged.length; i++) {
      expect(paged[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(paged[i]!.createdAt.getTime());
    }
  });

  it('shows one enterprise with members, eligibility and decisions; an unknown id is NOT_FOUND', async () => {
    const { enterpriseId, user } = await registered();
    const admin = await h.callerFor('admin');
    const got = await admin.admin.enterprises.get({ enterpriseId });
    expect(got).toMatchObject({
      id: enterpriseId,
      uscc: NEW_USCC,
      verification: { status: 'pending' },
      members: [expect.objectContaining({ userId: user.id, role: 'owner' })],
      decisions: [],
    });
    expect(got.eligibility.articles[0]!.reasons).toEqual(['enterprise_not_verified']);
    await expectRefusal(
      admin.admin.enterprises.get({ enterpriseId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      'enterprise_not_found',
    );
  });

  it('verifies with a reason; the applicant sees it and subsidies follow', async () => {
    const { enterpriseId, caller } = await registered('founder@xinya.ai', NEW_USCC, {
      aiActivity: 'llm_training',
    });
    const admin = await h.callerFor('admin');
    const adminUser = await h.userOf('admin');
    const { profileVersion } = await admin.admin.enterprises.get({ enterpriseId });
    const before = await profileSnapshot();
    await expectRefusal(
      admin.admin.enterprises.verify({ enterpriseId, reason: '   ', profileVersion }),
      'BAD_REQUEST',
    );
    expect(await profileSnapshot()).toEqual(before);

    h.setNow('2026-11-29T01:00:00Z');
    const result = await admin.admin.enterprises.verify({
      enterpriseId,
      reason: '营业执照与统计报表核对一致',
      profileVersion,
    });
    expect(result.verifiedAt).toEqual(new Date('2026-11-29T01:00:00Z'));
    const mine = await caller.enterprises.mine();
    expect(mine).toMatchObject({
      verification: { status: 'verified', verifiedAt: new Date('2026-11-29T01:00:00Z') },
      decisions: [{ decision: 'verified', reason: '营业执照与统计报表核对一致' }],
    });
    expect((await enterpriseByUscc(NEW_USCC)).verifiedBy).toBe(adminUser.id);
    const audit = (await auditOf(enterpriseId)).at(-1)!;
    expect(audit).toMatchObject({ action: 'enterprise.verified', actorUserId: adminUser.id });
    expect(JSON.parse(audit.after!)).toMatchObject({
      reason: '营业执照与统计报表核对一致',
      verifiedBy: adminUser.id,
    });
    expect((await admin.admin.enterprises.get({ enterpriseId })).decisions[0]).toMatchObject({
      decision: 'verified',
      actorName: '南山区科创局 审核员',
    });

    const q = await caller.orders.quote({ offeringId: await offeringId(H800), quantity: 8 });
    expect(q.subsidyFen).toBe(7680);
    await expectRefusal(
      admin.admin.enterprises.verify({ enterpriseId, reason: 'again', profileVersion }),
      'PRECONDITION_FAILED',
      'enterprise_already_verified',
    );
    expect(await verifyAuditChain(h.db)).toBeNull();
  });

  it('never verifies a profile changed after staff read it', async () => {
    const { enterpriseId, caller } = await registered();
    const admin = await h.callerFor('admin');
    const { profileVersion } = await admin.admin.enterprises.get({ enterpriseId });
    await caller.enterprises.update({ revenueFen: 600_000_000_00 });
    const before = await profileSnapshot();
    await expectRefusal(
      admin.admin.enterprises.verify({ enterpriseId, reason: '核对一致', profileVersion }),
      'CONFLICT',
      'enterprise_changed',
    );
    expect(await profileSnapshot()).toEqual(before);
    const fresh = await admin.admin.enterprises.get({ enterpriseId });
    expect(fresh.profileVersion).not.toBe(profileVersion);
    await admin.admin.enterprises.verify({
      enterpriseId,
      reason: '核对一致',
      profileVersion: fresh.profileVersion,
    });
    expect((await caller.enterprises.mine())!.verification.status).toBe('verified');
  });

  it('rejects with a reason, and a corrected profile goes back to pending', async () => {
    const { enterpriseId, caller } = await registered();
    const admin = await h.callerFor('admin');
    await expectRefusal(admin.admin.enterprises.reject({ enterpriseId, reason: '' }), 'BAD_REQUEST');
    await admin.admin.enterprises.reject({ enterpriseId, reason: '从业人员数与社保缴纳人数不符' });
    expect(await caller.enterprises.mine()).toMatchObject({
      verification: { status: 'rejected', verifiedAt: null },
      decisions: [{ decision: 'rejected', reason: '从业人员数与社保缴纳人数不符' }],
    });
    // Same instant on the clock: the order of the audit log, not timestamps, says the change came later.
    await caller.enterprises.update({ employees: 31 });
    expect((await caller.enterprises.mine())!.verification.status).toBe('pending');
    expect((await admin.admin.enterprises.list({ search: '新芽' })).items[0]!.verification.status).toBe(
      'pending',
    );

    await admin.admin.enterprises.verify({
      enterpriseId,
      reason: '已更正',
      profileVersion: (await admin.admin.enterprises.get({ enterpriseId })).profileVersion,
    });
    await expectRefusal(
      admin.admin.enterprises.reject({ enterpriseId, reason: 'x' }),
      'PRECONDITION_FAILED',
      'enterprise_already_verified',
    );
  });

  it('revokes a verification with a reason; subsidies stop until verified again', async () => {
    const admin = await h.callerFor('admin');
    const sme = await h.callerFor('sme');
    const { id: enterpriseId } = await enterpriseByUscc(DEMO_SME_USCC);
    await admin.admin.enterprises.revokeVerification({ enterpriseId, reason: '发现失信记录，暂停资助' });
    expect(await sme.enterprises.mine()).toMatchObject({
      verification: { status: 'revoked', verifiedAt: null },
      decisions: [{ decision: 'revoked', reason: '发现失信记录，暂停资助' }],
    });
    const q = await sme.orders.quote({ offeringId: await offeringId(H800), quantity: 8 });
    expect(q.subsidyFen).toBe(0);
    expect(q.reasons).toContain('enterprise_not_verified');
    await expectRefusal(
      admin.admin.enterprises.revokeVerification({ enterpriseId, reason: 'again' }),
      'PRECONDITION_FAILED',
      'enterprise_not_verified',
    );
    const audit = (await auditOf(enterpriseId)).at(-1)!;
    expect(audit.action).toBe('enterprise.revoked');
    expect(JSON.parse(audit.before!).verifiedAt).not.toBeNull();
    expect(await verifyAuditChain(h.db)).toBeNull();
  });
});

describe('authorization: every procedure refuses the wrong role and changes nothing', () => {
  it('keeps SME procedures from providers, staff and anonymous callers', async () => {
    const before = await profileSnapshot();
    for (const who of ['provider', 'admin', null] as const) {
      const caller = await h.callerFor(who);
      const code = who === null ? 'UNAUTHORIZED' : 'FORBIDDEN';
      await expectRefusal(caller.enterprises.register({ ...FACTS, uscc: NEW_USCC }), code);
      await expectRefusal(caller.enterprises.mine(), code);
      await expectRefusal(caller.enterprises.update({ employees: 1 }), code);
      await expectRefusal(caller.enterprises.eligibility(), code);
      await expectRefusal(caller.enterprises.members(), code);
      await expectRefusal(caller.enterprises.addMember({ email: 'x@example.cn' }), code);
      await expectRefusal(caller.enterprises.removeMember({ userId: 'x' }), code);
    }
    await expectRefusal((await h.callerFor(null)).enterprises.options(), 'UNAUTHORIZED');
    expect(await profileSnapshot()).toEqual(before);
  });

  it('keeps admin procedures from SMEs and providers', async () => {
    const { id: enterpriseId } = await enterpriseByUscc(DEMO_SME_USCC);
    const before = await profileSnapshot();
    for (const who of ['sme', 'large', 'provider', null] as const) {
      const caller = await h.callerFor(who);
      const code = who === null ? 'UNAUTHORIZED' : 'FORBIDDEN';
      await expectRefusal(caller.admin.enterprises.list({}), code);
      await expectRefusal(caller.admin.enterprises.get({ enterpriseId }), code);
      await expectRefusal(
        caller.admin.enterprises.verify({ enterpriseId, reason: 'x', profileVersion: 'x' }),
        code,
      );
      await expectRefusal(caller.admin.enterprises.reject({ enterpriseId, reason: 'x' }), code);
      await expectRefusal(caller.admin.enterprises.revokeVerification({ enterpriseId, reason: 'x' }), code);
    }
    expect(await profileSnapshot()).toEqual(before);
  });
});
