import { schema } from '@nanshan/db';
import type { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/record-audit';
import { createHarness, type Harness } from '../../test/harness';
import {
  CENTRE_FACTS,
  DEMO_CENTRE,
  DEMO_PENDING,
  DEMO_VENDOR,
  marketSnapshot,
  NEW_CENTRE_USCC,
  NEW_VENDOR_USCC,
  PDF_BYTES,
  providerByName,
  registeredProvider,
  VENDOR_FACTS,
} from '../../test/marketplace';
import { expectRefusal, newUser, validUscc } from '../../test/people';
import { AI_API, buy, H800, offeringId } from '../../test/purchases';
import { delistExpiredProviders } from './delist';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z'); // 2026-11-28 in Shenzhen
});

const FILING_ITEMS = [
  'licence',
  'staff',
  'owned_compute',
  'price_list',
  'model_filing',
  'cases',
  'contracts',
];

async function auditOf(providerId: string) {
  return h.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.targetType, 'provider'), eq(schema.auditLog.targetId, providerId)))
    .orderBy(asc(schema.auditLog.id));
}

async function offeringsOf(providerId: string) {
  return h.db
    .select()
    .from(schema.offerings)
    .where(eq(schema.offerings.providerId, providerId))
    .orderBy(asc(schema.offerings.id));
}

async function setStatus(providerId: string, status: string) {
  await h.db.update(schema.providers).set({ status }).where(eq(schema.providers.id, providerId));
}

/** Fills in and has staff accept every checklist item of a provider. */
async function completeChecklist(caller: Awaited<ReturnType<Harness['callerFor']>>, providerId: string) {
  const admin = await h.callerFor('admin');
  for (const item of FILING_ITEMS) {
    await caller.providers.submitFilingItem({ item: item as never, statement: `${item}: see attachment` });
    await admin.admin.providers.reviewItem({ providerId, item: item as never, decision: 'accepted' });
  }
}

describe('registering a provider', () => {
  it('creates a pending provider with its member and an empty filing checklist', async () => {
    const who = await newUser(h, 'ops@qianhaicompute.cn', 'provider');
    expect(await who.caller.providers.mine()).toBeNull();
    const { providerId } = await who.caller.providers.register({
      ...CENTRE_FACTS,
      uscc: ` ${NEW_CENTRE_USCC.toLowerCase()} `,
    });
    const mine = await who.caller.providers.mine();
    expect(mine).toMatchObject({
      id: providerId,
      uscc: NEW_CENTRE_USCC,
      name: CENTRE_FACTS.name,
      kind: 'computing_centre',
      inShenzhen: true,
      status: 'pending',
      contactEmail: 'ops@qianhaicompute.cn',
      filing: { validFrom: null, validTo: null, period: 'in_force' },
      active: false,
      decisions: [],
      documents: [],
    });
    expect(mine!.checklist.map((c) => [c.item, c.status])).toEqual(
      FILING_ITEMS.map((i) => [i, 'not_submitted']),
    );
    const members = await h.db
      .select()
      .from(schema.providerMembers)
      .where(eq(schema.providerMembers.providerId, providerId));
    expect(members.map((m) => m.userId)).toEqual([who.user.id]);
    expect(
      await h.db.select().from(schema.filingItems).where(eq(schema.filingItems.providerId, providerId)),
    ).toHaveLength(FILING_ITEMS.length);
    expect((await auditOf(providerId)).map((a) => a.action)).toEqual(['provider.registered']);
    expect(await verifyAuditChain(h.db)).toBeNull();
  });

  it('registers a cloud vendor outside Shenzhen (Art. 9 has no location rule for the vendor)', async () => {
    const { caller } = await registeredProvider(h, 'vendor');
    expect(await caller.providers.mine()).toMatchObject({
      kind: 'cloud_vendor',
      inShenzhen: false,
      city: '北京市',
    });
  });

  it('refuses bad registrations with their reasons and changes nothing', async () => {
    const who = await newUser(h, 'ops@qianhaicompute.cn', 'provider');
    const before = await marketSnapshot(h);
    const wrongCheck = `${NEW_CENTRE_USCC.slice(0, 17)}${NEW_CENTRE_USCC.endsWith('0') ? '1' : '0'}`;
    await expectRefusal(
      who.caller.providers.register({ ...CENTRE_FACTS, uscc: wrongCheck }),
      'BAD_REQUEST',
      'invalid_uscc',
    );
    // 第六条: an intelligent-computing centre must be in Shenzhen.
    await expectRefusal(
      who.caller.providers.register({
        ...CENTRE_FACTS,
        city: '东莞市',
        inShenzhen: false,
        uscc: NEW_CENTRE_USCC,
      }),
      'BAD_REQUEST',
      'centre_not_in_shenzhen',
    );
    // The flag that decides the Art. 6 subsidy must agree with the city named.
    await expectRefusal(
      who.caller.providers.register({
        ...CENTRE_FACTS,
        city: '东莞市',
        inShenzhen: true,
        uscc: NEW_CENTRE_USCC,
      }),
      'BAD_REQUEST',
      'in_shenzhen_mismatch',
    );
    await expectRefusal(
      who.caller.providers.register({
        ...VENDOR_FACTS,
        city: '深圳市',
        inShenzhen: false,
        uscc: NEW_VENDOR_USCC,
      }),
      'BAD_REQUEST',
      'in_shenzhen_mismatch',
    );
    const demoCentre = await providerByName(h, DEMO_CENTRE);
    await expectRefusal(
      who.caller.providers.register({ ...CENTRE_FACTS, uscc: demoCentre.uscc.toLowerCase() }),
      'CONFLICT',
      'uscc_taken',
    );
    // A provider user acts for one provider only.
    await expectRefusal(
      (await h.callerFor('provider')).providers.register({ ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC }),
      'CONFLICT',
      'user_has_provider',
    );
    for (const bad of [
      { ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC, kind: 'data_centre' },
      { ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC, contactEmail: 'not-an-email' },
      { ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC, contactPhone: 'call me' },
      { ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC, name: ' ' },
    ]) {
      await expectRefusal(who.caller.providers.register(bad as never), 'BAD_REQUEST');
    }
    expect(await marketSnapshot(h)).toEqual(before);
  });

  it('lets only provider users register, and one wins a race for one code', async () => {
    for (const key of ['sme', 'admin'] as const) {
      await expectRefusal(
        (await h.callerFor(key)).providers.register({ ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC }),
        'FORBIDDEN',
      );
    }
    await expectRefusal(
      (await h.callerFor(null)).providers.register({ ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC }),
      'UNAUTHORIZED',
    );
    const a = await newUser(h, 'a@qianhai.cn', 'provider');
    const b = await newUser(h, 'b@qianhai.cn', 'provider');
    const results = await Promise.allSettled([
      a.caller.providers.register({ ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC }),
      b.caller.providers.register({ ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failure.reason as TRPCError).code).toBe('CONFLICT');
    expect(
      await h.db.select().from(schema.providers).where(eq(schema.providers.uscc, NEW_CENTRE_USCC)),
    ).toHaveLength(1);
    // The same user twice at once: one provider.
    const c = await newUser(h, 'c@qianhai.cn', 'provider');
    const twice = await Promise.allSettled([
      c.caller.providers.register({ ...VENDOR_FACTS, uscc: NEW_VENDOR_USCC }),
      c.caller.providers.register({ ...VENDOR_FACTS, uscc: validUscc('91110108MA5R4T5Y7') }),
    ]);
    expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('the filing checklist', () => {
  it('takes a statement and an own document per item, and shows staff notes to the provider', async () => {
    const { caller, providerId } = await registeredProvider(h, 'vendor');
    const doc = await caller.documents.upload({
      ownerType: 'provider',
      kind: 'social_insurance',
      filename: 'staff-2026.pdf',
      mimeType: 'application/pdf',
      contentBase64: PDF_BYTES.toString('base64'),
    });
    await caller.providers.submitFilingItem({
      item: 'staff',
      statement: '62 名深圳常驻技术人员',
      documentId: doc.id,
    });
    let staff = (await caller.providers.mine())!.checklist.find((c) => c.item === 'staff')!;
    expect(staff).toMatchObject({
      status: 'submitted',
      statement: '62 名深圳常驻技术人员',
      document: { id: doc.id, filename: 'staff-2026.pdf', mimeType: 'application/pdf' },
      reviewNote: null,
    });
    const admin = await h.callerFor('admin');
    await admin.admin.providers.reviewItem({
      providerId,
      item: 'staff',
      decision: 'rejected',
      note: '社保证明缺少 10 月份',
    });
    staff = (await caller.providers.mine())!.checklist.find((c) => c.item === 'staff')!;
    expect(staff).toMatchObject({ status: 'rejected', reviewNote: '社保证明缺少 10 月份' });
    expect(staff.reviewedAt).toBeInstanceOf(Date);
    // Resubmitting puts the item back in the queue; the old review is cleared (it stays in the audit log).
    await caller.providers.submitFilingItem({
      item: 'staff',
      statement: '62 名（含 10 月社保）',
      documentId: doc.id,
    });
    staff = (await caller.providers.mine())!.checklist.find((c) => c.item === 'staff')!;
    expect(staff).toMatchObject({ status: 'submitted', reviewNote: null, reviewedAt: null });
    await admin.admin.providers.reviewItem({ providerId, item: 'staff', decision: 'accepted' });
    const detail = await admin.admin.providers.get({ providerId });
    expect(detail.checklist.find((c) => c.item === 'staff')).toMatchObject({
      status: 'accepted',
      reviewerName: '南山区科创局 审核员',
    });
    expect(detail.documents.map((d) => d.id)).toEqual([doc.id]);
    expect((await auditOf(providerId)).map((a) => a.action)).toEqual([
      'provider.registered',
      'document.uploaded',
      'provider.filing_item_submitted',
      'provider.filing_item_rejected',
      'provider.filing_item_submitted',
      'provider.filing_item_accepted',
    ]);
  });

  it("refuses another provider's document, an empty item, a note-less rejection, and changes nothing", async () => {
    const { caller, providerId } = await registeredProvider(h, 'vendor');
    const other = await h.callerFor('vendor');
    const foreign = await other.documents.upload({
      ownerType: 'provider',
      kind: 'business_licence',
      filename: 'licence.pdf',
      mimeType: 'application/pdf',
      contentBase64: PDF_BYTES.toString('base64'),
    });
    const admin = await h.callerFor('admin');
    const before = await marketSnapshot(h);
    await expectRefusal(
      caller.providers.submitFilingItem({ item: 'licence', statement: 'x', documentId: foreign.id }),
      'NOT_FOUND',
      'document_not_found',
    );
    await expectRefusal(
      caller.providers.submitFilingItem({ item: 'licence', statement: '  ' }),
      'BAD_REQUEST',
      'filing_item_empty',
    );
    await expectRefusal(
      caller.providers.submitFilingItem({ item: 'balance_sheet' as never, statement: 'x' }),
      'BAD_REQUEST',
    );
    await expectRefusal(
      admin.admin.providers.reviewItem({ providerId, item: 'licence', decision: 'rejected' }),
      'BAD_REQUEST',
    );
    // Nothing was submitted for this item: nothing to accept.
    await expectRefusal(
      admin.admin.providers.reviewItem({ providerId, item: 'licence', decision: 'accepted' }),
      'PRECONDITION_FAILED',
      'filing_item_empty',
    );
    await expectRefusal(
      admin.admin.providers.reviewItem({
        providerId: '00000000-0000-4000-8000-000000000000',
        item: 'licence',
        decision: 'accepted',
      }),
      'NOT_FOUND',
      'provider_not_found',
    );
    // A provider user is not staff; an SME is not a provider.
    await expectRefusal(
      caller.admin.providers.reviewItem({ providerId, item: 'licence', decision: 'accepted' }),
      'FORBIDDEN',
    );
    await expectRefusal(
      (await h.callerFor('sme')).providers.submitFilingItem({ item: 'licence', statement: 'x' }),
      'FORBIDDEN',
    );
    // A provider user without a provider.
    const loner = await newUser(h, 'loner@compute.cn', 'provider');
    await expectRefusal(
      loner.caller.providers.submitFilingItem({ item: 'licence', statement: 'x' }),
      'PRECONDITION_FAILED',
      'no_provider',
    );
    expect(await marketSnapshot(h)).toEqual(before);
  });
});

describe('staff decisions', () => {
  it('files a cloud vendor only when every checklist item is accepted, with a validity period', async () => {
    const { caller, providerId } = await registeredProvider(h, 'vendor');
    const admin = await h.callerFor('admin');
    const file = {
      decision: 'file' as const,
      providerId,
      reason: '备案材料齐全',
      validFrom: '2026-12-01',
      validTo: '2027-11-30',
    };
    await expectRefusal(admin.admin.providers.decide(file), 'PRECONDITION_FAILED', 'checklist_incomplete');
    await completeChecklist(caller, providerId);
    // The last item resubmitted: no longer complete.
    await caller.providers.submitFilingItem({ item: 'cases', statement: '12 个深圳案例' });
    await expectRefusal(admin.admin.providers.decide(file), 'PRECONDITION_FAILED', 'checklist_incomplete');
    await admin.admin.providers.reviewItem({ providerId, item: 'cases', decision: 'accepted' });
    const result = await admin.admin.providers.decide(file);
    expect(result).toMatchObject({
      decision: 'filed',
      status: 'filed',
      filingValidFrom: '2026-12-01',
      filingValidTo: '2027-11-30',
      delistedOfferings: 0,
    });
    const mine = (await caller.providers.mine())!;
    expect(mine).toMatchObject({
      status: 'filed',
      filing: { validFrom: '2026-12-01', validTo: '2027-11-30', period: 'not_yet_valid' },
      active: false,
    });
    expect(mine.decisions).toEqual([
      {
        id: result.decisionId,
        decision: 'filed',
        reason: '备案材料齐全',
        at: new Date('2026-11-28T02:00:00Z'),
      },
    ]);
    h.setNow('2026-12-01T00:00:00Z'); // 08:00 in Shenzhen on the first day
    expect((await caller.providers.mine())!.active).toBe(true);
    const audit = (await auditOf(providerId)).at(-1)!;
    expect(audit.action).toBe('provider.filed');
    expect(JSON.parse(audit.before!)).toMatchObject({ status: 'pending', filingValidTo: null });
    expect(JSON.parse(audit.after!)).toMatchObject({ status: 'filed', reason: '备案材料齐全' });
    expect(await verifyAuditChain(h.db)).toBeNull();
  });

  it('approves and then files a computing centre (no checklist needed), refusing bad periods', async () => {
    const { caller, providerId } = await registeredProvider(h, 'centre');
    const admin = await h.callerFor('admin');
    await admin.admin.providers.decide({ decision: 'approve', providerId, reason: '现场核验通过' });
    expect((await caller.providers.mine())!).toMatchObject({ status: 'approved', active: true });
    const before = await marketSnapshot(h);
    await expectRefusal(
      admin.admin.providers.decide({ decision: 'file', providerId, reason: 'r' } as never),
      'BAD_REQUEST',
    );
    await expectRefusal(
      admin.admin.providers.decide({
        decision: 'file',
        providerId,
        reason: 'r',
        validFrom: '2027-01-01',
        validTo: '2026-12-31',
      }),
      'BAD_REQUEST',
    );
    await expectRefusal(
      admin.admin.providers.decide({
        decision: 'file',
        providerId,
        reason: 'r',
        validFrom: '2025-01-01',
        validTo: '2026-11-27',
      }),
      'PRECONDITION_FAILED',
      'filing_period_ended',
    );
    await expectRefusal(
      admin.admin.providers.decide({
        decision: 'approve',
        providerId,
        reason: '   ',
      }),
      'BAD_REQUEST',
    );
    expect(await marketSnapshot(h)).toEqual(before);
    await admin.admin.providers.decide({
      decision: 'file',
      providerId,
      reason: '纳入平台',
      validFrom: '2026-11-28',
      validTo: '2026-11-28',
    });
    expect((await caller.providers.mine())!).toMatchObject({ status: 'filed', active: true });
  });

  it('refuses to approve a computing centre outside Shenzhen (Art. 6)', async () => {
    const pending = await providerByName(h, DEMO_PENDING);
    const admin = await h.callerFor('admin');
    await expectRefusal(
      admin.admin.providers.decide({ decision: 'approve', providerId: pending.id, reason: 'r' }),
      'PRECONDITION_FAILED',
      'centre_not_in_shenzhen',
    );
    expect((await providerByName(h, DEMO_PENDING)).status).toBe('pending');
  });

  it('allows exactly the legal transitions', async () => {
    const { providerId } = await registeredProvider(h, 'centre');
    const admin = await h.callerFor('admin');
    const statuses = ['pending', 'approved', 'filed', 'suspended', 'revoked'] as const;
    // The specification, written out: from → decision → resulting status (absent = illegal).
    const legal: Record<string, Record<string, string>> = {
      pending: { approve: 'approved', file: 'filed' },
      approved: { file: 'filed', suspend: 'suspended', revoke: 'revoked' },
      filed: { file: 'filed', suspend: 'suspended', revoke: 'revoked' },
      // Back to the status it was suspended from: the last suspension in this loop was of the filed provider.
      suspended: { reinstate: 'filed' },
      revoked: {},
    };
    for (const from of statuses) {
      for (const decision of ['approve', 'file', 'suspend', 'revoke', 'reinstate'] as const) {
        await setStatus(providerId, from);
        const input =
          decision === 'file'
            ? { decision, providerId, reason: 'r', validFrom: '2026-01-01', validTo: '2027-12-31' }
            : { decision, providerId, reason: 'r' };
        const expected = legal[from]![decision];
        if (expected) {
          const result = await admin.admin.providers.decide(input);
          expect(`${from} ${decision} → ${result.status}`).toBe(`${from} ${decision} → ${expected}`);
        } else {
          const decisionsBefore = await h.db.select().from(schema.reviewDecisions);
          const error = await expectRefusal(admin.admin.providers.decide(input), 'PRECONDITION_FAILED');
          expect(`${from} ${decision}: ${(error.cause as { reason?: string }).reason}`).toBe(
            `${from} ${decision}: illegal_transition`,
          );
          expect(
            (await h.db.select().from(schema.providers).where(eq(schema.providers.id, providerId)))[0]!
              .status,
          ).toBe(from);
          expect(await h.db.select().from(schema.reviewDecisions)).toEqual(decisionsBefore);
        }
      }
    }
  });

  it('reinstates a suspended provider to the status it was suspended from', async () => {
    const admin = await h.callerFor('admin');
    const vendor = await providerByName(h, DEMO_VENDOR);
    const centre = await providerByName(h, DEMO_CENTRE);
    await admin.admin.providers.decide({ decision: 'suspend', providerId: vendor.id, reason: '投诉核查中' });
    await admin.admin.providers.decide({ decision: 'suspend', providerId: centre.id, reason: '设备检修' });
    // The demo vendor was filed before the checklist existed here: reinstating it as filed needs the checklist.
    await expectRefusal(
      admin.admin.providers.decide({ decision: 'reinstate', providerId: vendor.id, reason: '核查完毕' }),
      'PRECONDITION_FAILED',
      'checklist_incomplete',
    );
    await completeChecklist(await h.callerFor('vendor'), vendor.id);
    h.setNow('2026-11-28T03:00:00Z'); // decisions are shown newest first
    expect(
      (
        await admin.admin.providers.decide({
          decision: 'reinstate',
          providerId: vendor.id,
          reason: '核查完毕',
        })
      ).status,
    ).toBe('filed');
    expect(
      (
        await admin.admin.providers.decide({
          decision: 'reinstate',
          providerId: centre.id,
          reason: '检修完毕',
        })
      ).status,
    ).toBe('approved');
    const decisions = (await (await h.callerFor('vendor')).providers.mine())!.decisions;
    expect(decisions.map((d) => [d.decision, d.reason])).toEqual([
      ['reinstated', '核查完毕'],
      ['suspended', '投诉核查中'],
    ]);
  });
});

describe('suspension and revocation', () => {
  it('delists every listed offering at once; new orders are refused; placed orders stay as they were', async () => {
    const sme = await h.callerFor('sme');
    const paidId = await buy(h, sme, H800, 8);
    const centre = await providerByName(h, DEMO_CENTRE);
    const listedBefore = (await offeringsOf(centre.id)).filter((o) => o.status === 'listed');
    expect(listedBefore.length).toBeGreaterThan(3);
    const admin = await h.callerFor('admin');
    const result = await admin.admin.providers.decide({
      decision: 'revoke',
      providerId: centre.id,
      reason: '虚报算力规模',
    });
    expect(result).toMatchObject({ status: 'revoked', delistedOfferings: listedBefore.length });
    expect((await offeringsOf(centre.id)).every((o) => o.status !== 'listed')).toBe(true);
    const catalogue = await (await h.callerFor(null)).offerings.list({ pageSize: 100 });
    expect(catalogue.items.some((i) => i.providerId === centre.id)).toBe(false);
    const before = await marketSnapshot(h);
    await expectRefusal(
      sme.orders.place({
        offeringId: await offeringId(h, H800),
        quantity: 8,
        idempotencyKey: 'after-revocation-1',
        notRelatedDeclared: true,
      }),
      'PRECONDITION_FAILED',
      'offering_not_listed',
    );
    await expectRefusal(
      sme.orders.quote({ offeringId: await offeringId(h, H800), quantity: 8 }),
      'PRECONDITION_FAILED',
      'offering_not_listed',
    );
    // The provider cannot put them back on the market.
    await expectRefusal(
      (await h.callerFor('provider')).offerings.setStatus({
        offeringId: listedBefore[0]!.id,
        status: 'listed',
      }),
      'PRECONDITION_FAILED',
      'provider_not_active',
    );
    // Revoked is final.
    await expectRefusal(
      admin.admin.providers.decide({ decision: 'reinstate', providerId: centre.id, reason: 'r' }),
      'PRECONDITION_FAILED',
      'illegal_transition',
    );
    expect(await marketSnapshot(h)).toEqual(before);
    expect((await sme.orders.get({ orderId: paidId })).status).toBe('paid');
    const audit = (await auditOf(centre.id)).at(-1)!;
    expect(JSON.parse(audit.after!).delistedOfferingIds).toEqual(listedBefore.map((o) => o.id).sort());
  });

  it('refuses an order on a still-listed offering of a suspended provider (provider_not_active)', async () => {
    const vendor = await providerByName(h, DEMO_VENDOR);
    await setStatus(vendor.id, 'suspended'); // a suspension that did not delist (e.g. made in the database)
    await expectRefusal(
      (await h.callerFor('large')).orders.place({
        offeringId: await offeringId(h, AI_API),
        quantity: 10,
        idempotencyKey: 'suspended-vendor-1',
        notRelatedDeclared: true,
      }),
      'PRECONDITION_FAILED',
      'provider_not_active',
    );
  });

  it('lets a reinstated provider list again', async () => {
    const admin = await h.callerFor('admin');
    const centre = await providerByName(h, DEMO_CENTRE);
    await admin.admin.providers.decide({ decision: 'suspend', providerId: centre.id, reason: '整改' });
    const id = await offeringId(h, H800);
    const provider = await h.callerFor('provider');
    await expectRefusal(
      provider.offerings.setStatus({ offeringId: id, status: 'listed' }),
      'PRECONDITION_FAILED',
      'provider_not_active',
    );
    await admin.admin.providers.decide({ decision: 'reinstate', providerId: centre.id, reason: '整改完成' });
    // Reinstating does not relist by itself: the provider decides what to sell.
    expect((await offeringsOf(centre.id)).filter((o) => o.status === 'listed')).toEqual([]);
    await provider.offerings.setStatus({ offeringId: id, status: 'listed' });
    const { orderId } = await (await h.callerFor('sme')).orders.place({
      offeringId: id,
      quantity: 8,
      idempotencyKey: 'after-reinstate-1',
      notRelatedDeclared: true,
    });
    expect(orderId).toBeTruthy();
  });
});

describe('validity periods', () => {
  it('hides an expired provider, refuses its orders and listings, and the sweeper delists it', async () => {
    const centre = await providerByName(h, DEMO_CENTRE);
    const sme = await h.callerFor('sme');
    const id = await offeringId(h, H800);
    // The last day of the period is still inside it.
    await h.db
      .update(schema.providers)
      .set({ filingValidTo: '2026-11-28' })
      .where(eq(schema.providers.id, centre.id));
    expect((await sme.offerings.get({ offeringId: id })).id).toBe(id);
    expect(await delistExpiredProviders(h.db, h.now())).toBe(0);

    await h.db
      .update(schema.providers)
      .set({ filingValidTo: '2026-11-27' })
      .where(eq(schema.providers.id, centre.id));
    const before = await marketSnapshot(h);
    const catalogue = await sme.offerings.list({ pageSize: 100 });
    expect(catalogue.items.some((i) => i.providerId === centre.id)).toBe(false);
    await expectRefusal(sme.offerings.get({ offeringId: id }), 'NOT_FOUND', 'offering_not_found');
    await expectRefusal(
      sme.orders.place({
        offeringId: id,
        quantity: 8,
        idempotencyKey: 'expired-filing-1',
        notRelatedDeclared: true,
      }),
      'PRECONDITION_FAILED',
      'provider_filing_expired',
    );
    await expectRefusal(
      sme.orders.quote({ offeringId: id, quantity: 8 }),
      'PRECONDITION_FAILED',
      'provider_filing_expired',
    );
    const draft = await (await h.callerFor('provider')).offerings.create({
      title: 'H800 新品',
      kind: 'compute',
      gpuModel: 'NVIDIA H800 80GB',
      gpuCount: 8,
      unit: 'gpu_hour',
      unitPriceFen: 3000,
      maxQuantity: 100,
    });
    const afterDraft = await marketSnapshot(h);
    await expectRefusal(
      (await h.callerFor('provider')).offerings.setStatus({ offeringId: draft.id, status: 'listed' }),
      'PRECONDITION_FAILED',
      'provider_filing_expired',
    );
    expect(await marketSnapshot(h)).toEqual(afterDraft);
    expect(
      before.offerings.filter((o) => o.providerId === centre.id && o.status === 'listed').length,
    ).toBeGreaterThan(0);

    const listed = (await offeringsOf(centre.id)).filter((o) => o.status === 'listed').length;
    expect(await delistExpiredProviders(h.db, h.now())).toBe(listed);
    expect((await offeringsOf(centre.id)).filter((o) => o.status === 'listed')).toEqual([]);
    expect(await delistExpiredProviders(h.db, h.now())).toBe(0);
    expect((await auditOf(centre.id)).at(-1)!.action).toBe('provider.expired_offerings_delisted');
    // Other providers are untouched.
    const vendor = await providerByName(h, DEMO_VENDOR);
    expect((await offeringsOf(vendor.id)).some((o) => o.status === 'listed')).toBe(true);

    // Staff renew the registration (approved → filed with a new period); the provider lists again.
    await (await h.callerFor('admin')).admin.providers.decide({
      decision: 'file',
      providerId: centre.id,
      reason: '续期',
      validFrom: '2026-11-28',
      validTo: '2027-04-07',
    });
    await (await h.callerFor('provider')).offerings.setStatus({ offeringId: id, status: 'listed' });
    expect((await sme.offerings.get({ offeringId: id })).id).toBe(id);
    expect(await verifyAuditChain(h.db)).toBeNull();
  });

  it('refuses orders before the period starts', async () => {
    const vendor = await providerByName(h, DEMO_VENDOR);
    await h.db
      .update(schema.providers)
      .set({ filingValidFrom: '2026-11-29' })
      .where(eq(schema.providers.id, vendor.id));
    await expectRefusal(
      (await h.callerFor('large')).orders.place({
        offeringId: await offeringId(h, AI_API),
        quantity: 10,
        idempotencyKey: 'not-yet-valid-1',
        notRelatedDeclared: true,
      }),
      'PRECONDITION_FAILED',
      'provider_filing_not_yet_valid',
    );
    // The sweeper only acts on ended periods.
    expect(await delistExpiredProviders(h.db, h.now())).toBe(0);
  });
});

describe('staff views', () => {
  it('lists providers with filters, search, pagination and checklist counts', async () => {
    const { caller, providerId } = await registeredProvider(h, 'vendor');
    await caller.providers.submitFilingItem({ item: 'licence', statement: '营业执照' });
    await caller.providers.submitFilingItem({ item: 'staff', statement: '60 人' });
    const admin = await h.callerFor('admin');
    await admin.admin.providers.reviewItem({ providerId, item: 'staff', decision: 'accepted' });
    const all = await admin.admin.providers.list({});
    expect(all.total).toBe(4);
    expect(all.items.find((p) => p.id === providerId)).toMatchObject({
      id: providerId,
      status: 'pending',
      checklist: { accepted: 1, submitted: 1, rejected: 0, notSubmitted: 5 },
    });
    expect((await admin.admin.providers.list({ status: 'pending' })).items.map((p) => p.name).sort()).toEqual(
      [VENDOR_FACTS.name, DEMO_PENDING].sort(),
    );
    expect((await admin.admin.providers.list({ kind: 'cloud_vendor' })).total).toBe(2);
    expect((await admin.admin.providers.list({ search: '智算' })).items.map((p) => p.name)).toEqual([
      DEMO_CENTRE,
    ]);
    expect((await admin.admin.providers.list({ search: NEW_VENDOR_USCC.slice(0, 10) })).total).toBe(1);
    expect((await admin.admin.providers.list({ search: '%' })).total).toBe(0);
    const page2 = await admin.admin.providers.list({ page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ total: 4 });
    expect(page2.items).toHaveLength(1);
  });

  it('shows one provider with members, decisions and offering counts; unknown ids are not found', async () => {
    const admin = await h.callerFor('admin');
    const centre = await providerByName(h, DEMO_CENTRE);
    const detail = await admin.admin.providers.get({ providerId: centre.id });
    expect(detail).toMatchObject({
      name: DEMO_CENTRE,
      status: 'approved',
      filing: { validFrom: '2024-04-08', validTo: '2027-04-07', period: 'in_force' },
      active: true,
      members: [{ email: 'sales@nscompute.cn' }],
      decisions: [],
    });
    expect(detail.offerings.listed).toBeGreaterThan(3);
    expect(detail.checklist).toHaveLength(FILING_ITEMS.length);
    await expectRefusal(
      admin.admin.providers.get({ providerId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      'provider_not_found',
    );
    for (const who of ['provider', 'vendor', 'sme'] as const) {
      await expectRefusal(
        (await h.callerFor(who)).admin.providers.get({ providerId: centre.id }),
        'FORBIDDEN',
      );
      await expectRefusal(
        (await h.callerFor(who)).admin.providers.decide({
          decision: 'revoke',
          providerId: centre.id,
          reason: 'x',
        }),
        'FORBIDDEN',
      );
    }
    expect((await providerByName(h, DEMO_CENTRE)).status).toBe('approved');
  });
});
