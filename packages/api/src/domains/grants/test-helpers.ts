import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { verifyAuditChain } from '../../audit/record-audit';
import { addDays } from '../../calendar';
import { accountCode } from '../../ledger/accounts';
import { fundBalancesFromLedger, usageFromLedger } from '../../ledger/balances';
import { setFundBudget } from '../../ledger/fund';
import { createHarness, type Harness } from '../../test/harness';
import { DEMO_VENDOR, providerByName } from '../../test/marketplace';
import { newUser } from '../../test/people';
import type { ApplyInput } from './apply';

export type Caller = Awaited<ReturnType<Harness['callerFor']>>;

/**
 * The grant test files' lifecycle: one harness (database) per file, the demo data reset before each test with the
 * clock at 2026-11-28 10:00 Shenzhen time, and the demo SME's and staff's callers handed to `use`. A file's own
 * `beforeEach`, registered after this, runs after it.
 */
export function useGrantsHarness(use: (ctx: { h: Harness; sme: Caller; admin: Caller }) => void) {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await h.reset();
    h.setNow('2026-11-28T02:00:00Z');
    use({ h, sme: await h.callerFor('sme'), admin: await h.callerFor('admin') });
  });
}

export const YUAN = 100;
export const WAN = 10_000 * YUAN; // 1 万元 in fen

/** A tiny but real PDF header: the upload checks the file's first bytes. */
export const PDF_BASE64 = Buffer.from('%PDF-1.4\n% evidence\n').toString('base64');

export async function uploadPdf(caller: Caller, kind: 'contract' | 'invoice' | 'other' = 'contract') {
  const { id } = await caller.grants.uploadDocument({
    filename: `${kind}.pdf`,
    mimeType: 'application/pdf',
    kind,
    contentBase64: PDF_BASE64,
  });
  return id;
}

export async function apply(
  caller: Caller,
  input: Omit<ApplyInput, 'evidenceDocumentIds' | 'otherMeasureAwards' | 'projectReference'> &
    Partial<Pick<ApplyInput, 'evidenceDocumentIds' | 'otherMeasureAwards' | 'projectReference'>>,
) {
  return caller.grants.submit({
    projectReference: '',
    otherMeasureAwards: [],
    evidenceDocumentIds: input.evidenceDocumentIds ?? [await uploadPdf(caller)],
    ...input,
  });
}

/**
 * An Art. 9 application for 2026 (AI services of the demo filed vendor): its decision reserves the fund and the
 * enterprise's 2026 Art. 9 cap, which the market's instant subsidies share.
 */
export async function applyArt9(h: Harness, caller: Caller, reference: string, requestedFen: number) {
  return apply(caller, {
    year: 2026,
    projectName: '行业大模型应用',
    projectReference: reference,
    requestedFen,
    facts: {
      article: 'art9',
      vendorId: (await providerByName(h, DEMO_VENDOR)).id,
      serviceSpendFen: 4 * requestedFen,
      notRelatedDeclared: true,
    },
  });
}

export async function setBudget(h: Harness, year: number, budgetFen: number) {
  await h.db.transaction((tx) => setFundBudget(tx, year, budgetFen, `test budget ${year}`));
}

/** A second district staff member (the two-person rule needs two different people). */
export async function secondAdmin(h: Harness) {
  return (await newUser(h, `reviewer-${Math.random().toString(36).slice(2, 8)}@nanshan.gov.cn`, 'admin'))
    .caller;
}

const PATH = ['submitted', 'formal_check', 'bureau_review', 'funding_plan', 'verification'] as const;

/** Walks the application through every step up to the public notice, then moves the clock past its last day. */
export async function throughNotice(h: Harness, admin: Caller, applicationId: string, noticeDays = 5) {
  let app = await admin.admin.grants.get({ applicationId });
  for (const from of PATH.slice(PATH.indexOf(app.status as (typeof PATH)[number]))) {
    await admin.admin.grants.advance({ applicationId, from, note: `checked at ${from}`, noticeDays });
  }
  app = await admin.admin.grants.get({ applicationId });
  expect(app.status).toBe('public_notice');
  h.setNow(`${addDays(app.noticeEndsOn!, 1)}T02:00:00Z`);
}

/** Public notice, then approvals by each caller in turn, then (unless `pay` is false) disbursement. */
export async function award(
  h: Harness,
  approvers: Caller[],
  applicationId: string,
  amountFen: number,
  options: { pay?: boolean } = {},
) {
  await throughNotice(h, approvers[0]!, applicationId);
  for (const approver of approvers) {
    await approver.admin.grants.approve({ applicationId, amountFen });
  }
  expect((await approvers[0]!.admin.grants.get({ applicationId })).status).toBe('decided');
  if (options.pay !== false) await approvers[0]!.admin.grants.disburse({ applicationId });
}

/** Every row money or grants live in, to prove a refused call changed nothing. */
export async function grantsSnapshot(h: Harness) {
  const [applications, events, approvals, objections, usage, fund, transfers, batches, audit] =
    await Promise.all([
      h.db.select().from(schema.grantApplications),
      h.db.select().from(schema.grantEvents),
      h.db.select().from(schema.grantApprovals),
      h.db.select().from(schema.grantObjections),
      h.db.select().from(schema.subsidyUsage),
      h.db.select().from(schema.fundYears),
      h.db.select().from(schema.ledgerTransfers),
      h.db.select().from(schema.payoutBatches),
      h.db.select().from(schema.auditLog),
    ]);
  return {
    applications,
    events: events.length,
    approvals,
    objections,
    usage,
    fund,
    transfers: transfers.length,
    batches: batches.length,
    audit: audit.length,
  };
}

/**
 * Invariant 4 after every flow: the counters equal what the ledger's postings say (fund years; usage rows per
 * enterprise, article and year — a grant counts in its application's year), every paid grant has exactly its
 * decided amount posted and paid out in its one payout item, every revoked one its reservation voided, and the audit
 * chain is intact.
 */
export async function expectCountersMatchLedger(h: Harness) {
  const funds = await h.db.select().from(schema.fundYears);
  const fromLedger = await fundBalancesFromLedger(h.db);
  for (const f of funds) {
    expect(
      fromLedger.find((l) => l.year === f.year) ?? {
        year: f.year,
        budgetFen: 0,
        committedFen: 0,
        reservedFen: 0,
      },
    ).toEqual({
      year: f.year,
      budgetFen: f.budgetFen,
      committedFen: f.committedFen,
      reservedFen: f.reservedFen,
    });
  }
  const usage = await h.db.select().from(schema.subsidyUsage);
  const usageLedger = await usageFromLedger(h.db);
  for (const u of usage) {
    const l = usageLedger.find(
      (x) => x.enterpriseId === u.enterpriseId && x.article === u.article && x.year === u.year,
    );
    expect({ grantedFen: l?.grantedFen ?? 0, reservedFen: l?.reservedFen ?? 0 }).toEqual({
      grantedFen: u.grantedFen,
      reservedFen: u.reservedFen,
    });
  }
  const apps = await h.db.select().from(schema.grantApplications);
  const transfers = await h.db.select().from(schema.ledgerTransfers);
  for (const app of apps) {
    const account = accountCode.grantPayable(app.id);
    const mine = transfers.filter((t) => t.creditAccount === account || t.debitAccount === account);
    const kinds = mine.map((t) => t.kind).sort();
    if (app.status === 'decided') expect(kinds).toEqual(['pending']);
    else if (app.status === 'paid') expect(kinds).toEqual(['pending', 'post_pending', 'single']);
    else if (app.status === 'revoked') expect(kinds).toEqual(['pending', 'void_pending']);
    else expect(kinds).toEqual([]);
    for (const t of mine) expect(t.amountFen).toBe(app.decidedFen);
    const items = await h.db
      .select()
      .from(schema.payoutItems)
      .where(eq(schema.payoutItems.grantApplicationId, app.id));
    expect(items.map((i) => i.amountFen)).toEqual(app.status === 'paid' ? [app.decidedFen] : []);
  }
  expect(await verifyAuditChain(h.db)).toBeNull();
}
