import { schema } from '@nanshan/db';
import type { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../test/harness';
import { expectRefusal } from '../../test/people';
import { applyForGrant } from './apply';
import { readStoredFacts } from './facts';
import { normaliseInvoice } from './invoices';
import {
  apply,
  type Caller,
  expectCountersMatchLedger,
  grantsSnapshot,
  secondAdmin,
  setBudget,
  throughNotice,
  uploadPdf,
  useGrantsHarness,
  WAN,
} from './test-helpers';

// "The same contract or invoice is subsidised once" (DOMAIN-NOTES; Art. 15 从高不重复; DESIGN invariant 6): an invoice
// declared in one Art. 6 declaration that is open or awarded cannot be declared again in another.
let h: Harness;
let sme: Caller;
let admin: Caller;
useGrantsHarness((ctx) => {
  ({ h, sme, admin } = ctx);
});
beforeEach(async () => {
  h.setNow('2026-03-02T02:00:00Z');
  await setBudget(h, 2026, 5_000 * WAN);
});

async function centreId() {
  const [p] = await h.db.select().from(schema.providers).where(eq(schema.providers.name, '南山智算中心'));
  return p!.id;
}

async function art6Input(reference: string, invoiceNumbers: string[], evidenceDocumentIds?: string[]) {
  return {
    year: 2025,
    projectName: '2025 年度线下算力采购',
    projectReference: reference,
    requestedFen: 100 * WAN,
    otherMeasureAwards: [],
    evidenceDocumentIds: evidenceDocumentIds ?? [await uploadPdf(sme, 'invoice')],
    facts: {
      article: 'art6' as const,
      providerId: await centreId(),
      spendFen: 200 * WAN,
      serviceKind: 'compute' as const,
      notRelatedDeclared: true,
      invoiceNumbers,
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    },
  };
}

async function declare(reference: string, invoiceNumbers: string[]) {
  return apply(sme, await art6Input(reference, invoiceNumbers));
}

describe('Art. 6 declarations: one invoice, one subsidy (Art. 15)', () => {
  it('refuses the same invoice under another project reference, naming the other application', async () => {
    const first = await declare('A', ['INV-1']);
    expect(first.proposedFen).toBe(60 * WAN); // 30% of 2M yuan

    const before = await grantsSnapshot(h);
    const error = await expectRefusal(declare('B', ['INV-1']), 'CONFLICT', 'invoice_already_declared');
    expect(error.message).toContain(first.id);
    expect(error.message).toContain('reference A');
    expect(await grantsSnapshot(h)).toEqual(before);
    expect(await sme.grants.mine()).toHaveLength(1);

    // Still refused once the first is decided (where the second would otherwise get the 400k left of the cap).
    await throughNotice(h, admin, first.id);
    await admin.admin.grants.approve({ applicationId: first.id, amountFen: 60 * WAN });
    await expectRefusal(declare('B', ['INV-1']), 'CONFLICT', 'invoice_already_declared');
  });

  it('refuses a partially overlapping invoice list', async () => {
    await declare('A', ['INV-1', 'INV-2']);
    await expectRefusal(declare('B', ['INV-3', 'INV-2', 'INV-4']), 'CONFLICT', 'invoice_already_declared');
    // Disjoint invoices are another spend.
    const other = await declare('C', ['INV-3', 'INV-4']);
    expect(other.proposedFen).toBe(60 * WAN); // open declarations do not draw on the cap
  });

  it('normalises invoice numbers: spaces, case, separators and full-width forms', async () => {
    expect(normaliseInvoice(' inv-1 ')).toBe('INV1');
    expect(normaliseInvoice('ＩＮＶ－１')).toBe('INV1');
    await declare('A', ['INV-1']);
    await expectRefusal(declare('B', [' inv-1 ']), 'CONFLICT', 'invoice_already_declared');
    await expectRefusal(declare('C', ['ｉｎｖ－１']), 'CONFLICT', 'invoice_already_declared');
  });

  it('lets a withdrawn or rejected declaration’s invoices be declared again', async () => {
    const withdrawn = await declare('A', ['INV-1']);
    await sme.grants.withdraw({ applicationId: withdrawn.id, note: '申报有误' });
    const rejected = await declare('B', ['INV-1']);
    expect(rejected.proposedFen).toBe(60 * WAN);
    await admin.admin.grants.reject({ applicationId: rejected.id, reason: '发票不清晰' });
    const again = await declare('C', ['inv-1']);
    expect(again.proposedFen).toBe(60 * WAN);
    // The open one claims the invoice again.
    await expectRefusal(declare('D', ['INV-1']), 'CONFLICT', 'invoice_already_declared');
  });

  it('refuses at approval a declaration whose invoice another one already claims (stale or older rows)', async () => {
    const first = await declare('A', ['INV-1']);
    // A declaration stored before apply checked invoices: the same invoice under another reference.
    h.setNow('2026-03-02T03:00:00Z');
    const second = await declare('B', ['INV-9']);
    const [row] = await h.db
      .select()
      .from(schema.grantApplications)
      .where(eq(schema.grantApplications.id, second.id));
    const facts = readStoredFacts(row!.facts);
    await h.db
      .update(schema.grantApplications)
      .set({
        facts: {
          ...facts,
          articleFacts: { ...facts.articleFacts, invoiceNumbers: ['INV-9', 'inv 1'] },
        },
      })
      .where(eq(schema.grantApplications.id, second.id));

    await throughNotice(h, admin, second.id);
    await throughNotice(h, admin, first.id);
    // The later declaration cannot be decided while the earlier one is open…
    await expectRefusal(
      admin.admin.grants.approve({ applicationId: second.id, amountFen: 40 * WAN }),
      'CONFLICT',
      'invoice_already_declared',
    );
    // …the earlier one can, and then the later one still cannot.
    await admin.admin.grants.approve({ applicationId: first.id, amountFen: 60 * WAN });
    const other = await secondAdmin(h);
    await expectRefusal(
      other.admin.grants.approve({ applicationId: second.id, amountFen: 40 * WAN }),
      'CONFLICT',
      'invoice_already_declared',
    );
    const view = await admin.admin.grants.get({ applicationId: second.id });
    expect(view.status).toBe('public_notice');
    // The reviewer sees why: the other declaration is listed as a possible duplicate by invoice number.
    expect(view.duplicates.find((d) => d.id === first.id)?.matches).toContain('invoice_number');
    await expectCountersMatchLedger(h);
  });
});

// Only a real Postgres has concurrency.
const realPostgres = Boolean(process.env.DATABASE_URL);

describe.runIf(realPostgres)('simultaneous declarations of one invoice on real Postgres', () => {
  it('lets only one of two declarations naming the same invoice through', async () => {
    const user = await h.userOf('sme');
    const [enterprise] = await h.db
      .select()
      .from(schema.enterprises)
      .where(eq(schema.enterprises.name, '深圳智源未来科技有限公司'));
    const pools = [h.database.connectAnother(), h.database.connectAnother()];
    const inputs = [await art6Input('A', ['INV-1', 'INV-2']), await art6Input('B', ['INV-3', 'inv-1'])];
    const results = await Promise.allSettled(
      inputs.map((application, i) =>
        applyForGrant(pools[i]!.db, { enterprise: enterprise!, userId: user.id, now: h.now(), application }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(((refused.reason as TRPCError).cause as { reason?: string }).reason).toBe(
      'invoice_already_declared',
    );
    expect(await h.db.select().from(schema.grantApplications)).toHaveLength(1);
    await Promise.all(pools.map((p) => p.close()));
  });
});
