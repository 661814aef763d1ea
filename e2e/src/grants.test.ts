import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { startProduct } from './server';

const PASSWORD = 'Demo@2026';
const hasChromium = chromiumAvailable();
/** Waits for the page or the API to show a value: the server answers in more than `expect.poll`'s default second. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const WAN = 10_000 * 100; // 1 万元 in fen
const YI = 10_000 * WAN; // 1 亿元 in fen
/** A tiny but real PDF: the upload checks the file's first bytes. */
const PDF_BASE64 = Buffer.from('%PDF-1.4\n% e2e evidence\n').toString('base64');

/** The parts of the applicant's view of an application (`grants.get`, `grants.submit`) this test reads. */
type Application = {
  id: string;
  status: string;
  article: string;
  projectKey: string;
  proposedFen: number;
  decidedFen: number | null;
  payout: { amountFen: number; reference: string } | null;
  events: { kind: string; toStatus: string }[];
};

type TrpcResult = { ok: true; data: unknown } | { ok: false; message: string; code: string | undefined };

/**
 * Calls the API from inside the signed-in page (same origin, the page's session cookie), as the market app would.
 * The market app has no grants screens yet, so the applicant's side of the journey goes through the same tRPC
 * procedures (`grants.*`) the unit tests use.
 */
async function trpc(
  page: Page,
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
): Promise<TrpcResult> {
  return page.evaluate(
    async ({ kind, path, input }) => {
      const wire = JSON.stringify({ json: input });
      const response =
        kind === 'query'
          ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(wire)}`)
          : await fetch(`/api/trpc/${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: wire,
            });
      const body = (await response.json()) as {
        error?: { json?: { message?: string; data?: { code?: string } } };
        result: { data: { json: unknown } };
      };
      if (body.error) {
        return {
          ok: false as const,
          message: String(body.error.json?.message),
          code: body.error.json?.data?.code,
        };
      }
      return { ok: true as const, data: body.result.data.json };
    },
    { kind, path, input },
  );
}

async function call<T = Application>(
  page: Page,
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
): Promise<T> {
  const result = await trpc(page, kind, path, input);
  if (!result.ok) throw new Error(`${path} refused: ${result.code} ${result.message}`);
  return result.data as T;
}

describe.runIf(hasChromium)('grants, in Chromium', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let sme: Page;
  let admin: Page;
  let year: number;
  beforeAll(async () => {
    product = await startProduct(3330);
    browser = await launchChromium();
    sme = await browser.newPage();
    await signIn(sme, '/sign-in', 'sme@zhiyuan.ai');
    await sme.getByTestId('user-menu').waitFor();
    admin = await browser.newPage();
    await signIn(admin, '/admin/sign-in', 'admin@nanshan.gov.cn');
    await admin.getByTestId('fund-summary').waitFor();
    year = Number(
      new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4), // Shenzhen year
    );
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function signIn(page: Page, path: string, email: string) {
    await page.goto(`${product.base}${path}`);
    await page.getByTestId('sign-in-email').fill(email);
    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
  }

  async function uploadEvidence(kind: 'contract' | 'other') {
    const doc = await call<{ id: string }>(sme, 'mutation', 'grants.uploadDocument', {
      kind,
      filename: `${kind}-${Math.random().toString(36).slice(2, 8)}.pdf`,
      mimeType: 'application/pdf',
      contentBase64: PDF_BASE64,
    });
    return doc.id;
  }

  async function smeStatus(applicationId: string): Promise<string> {
    return (await call(sme, 'query', 'grants.get', { applicationId })).status;
  }

  /** Confirms the open action dialog and waits for it to close (a refusal keeps it open, with the error). */
  async function confirmDialog() {
    const confirm = admin.getByTestId('decision-confirm');
    await confirm.click();
    await poll(async () =>
      (await admin.getByTestId('decision-error').count()) > 0 ? 'refused' : await confirm.count(),
    ).toBe(0);
  }

  /** Opens an action's dialog and confirms it. */
  async function decide(button: string) {
    await poll(() => admin.getByTestId('decision-confirm').count()).toBe(0);
    await admin.getByTestId(button).click();
    await confirmDialog();
  }

  async function openGrant(applicationId: string) {
    await admin.goto(`${product.base}/admin/grants/${applicationId}`);
    await admin.getByTestId('grant-proposal-card').waitFor();
  }

  it('SME applies for the Art. 12 award; staff review it with the trace, approve after the notice, pay; fund and audit log show it', async () => {
    // 1. The SME applies: revenue of last year first above 200,000,000 yuan → 1,000,000 yuan.
    const evidence = await uploadEvidence('other');
    const applied = await call(sme, 'mutation', 'grants.submit', {
      year: year - 1,
      projectName: '年度主营业务收入突破奖励',
      projectReference: '',
      requestedFen: 100 * WAN,
      facts: { article: 'art12', revenueFen: 2.5 * YI },
      evidenceDocumentIds: [evidence],
      otherMeasureAwards: [],
    });
    const id = applied.id;
    expect(applied).toMatchObject({ status: 'submitted', proposedFen: 100 * WAN, article: 'art12' });

    // 2. Staff: the review queue, then the application with the proposed maximum and its trace.
    await admin.goto(`${product.base}/admin/grants`);
    const row = admin.locator(`[data-testid="grant-row"][data-grant-id="${id}"]`);
    await poll(() => row.getAttribute('data-status')).toBe('submitted');
    await row.getByTestId('grant-link').click();
    await admin.getByTestId('grant-proposal-card').waitFor();
    await poll(() => admin.getByTestId('grant-proposal').textContent()).toContain('1,000,000.00');
    expect(await admin.getByTestId('grant-eligible').getAttribute('data-eligible')).toBe('true');
    await poll(() => admin.getByTestId('grant-trace').getByTestId('trace-step').count()).toBeGreaterThan(1);
    expect(
      await admin
        .getByTestId('grant-trace')
        .locator('[data-testid="trace-step"][data-code="revenue_tier"]')
        .count(),
    ).toBe(1);
    const status = admin.getByTestId('grant-status');
    expect(await status.getAttribute('data-status')).toBe('submitted');

    // Through the steps up to the public notice; the SME sees each change.
    for (const to of ['formal_check', 'bureau_review', 'funding_plan', 'verification', 'public_notice']) {
      await decide('grant-advance');
      await poll(() => status.getAttribute('data-status')).toBe(to);
      await poll(() => smeStatus(id)).toBe(to);
    }
    await admin.getByTestId('grant-notice-running').waitFor();
    // While the notice runs, the server refuses the approval and nothing changes.
    await admin.getByTestId('grant-approve').click();
    await admin.getByTestId('decision-confirm').click();
    await admin.getByTestId('decision-error').waitFor();
    await admin.getByTestId('decision-cancel').click();
    expect(await status.getAttribute('data-status')).toBe('public_notice');
    const early = await trpc(admin, 'mutation', 'admin.grants.approve', {
      applicationId: id,
      amountFen: 100 * WAN,
    });
    expect(early).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
    expect(early.ok ? '' : early.message).toContain('public_notice_running');

    // 3. Time passes: the server restarts on the same data with its clock past the notice's last day.
    await product.restart({ NANSHAN_CLOCK_OFFSET_DAYS: '30' });
    expect(product.log()).toContain('NANSHAN_CLOCK_OFFSET_DAYS=30');
    await openGrant(id);
    await admin.getByTestId('grant-approve').waitFor();
    // The hint follows the server's date: the notice has ended.
    await poll(() => admin.getByTestId('grant-notice-running').count()).toBe(0);

    // 4. Approve the proposal (1,000,000 is at the two-person threshold: one approval decides).
    await admin.getByTestId('grant-approve').click();
    await poll(() => admin.getByTestId('grant-approve-proposal').textContent()).toContain('1,000,000.00');
    await confirmDialog();
    await poll(() => status.getAttribute('data-status')).toBe('decided');
    await poll(() => admin.getByTestId('grant-decided').textContent()).toContain('1,000,000.00');
    await poll(() => smeStatus(id)).toBe('decided');

    // 5. Disburse.
    await admin.getByTestId('grant-disburse').click();
    await poll(() => admin.getByTestId('grant-disburse-amount').textContent()).toContain('1,000,000.00');
    await confirmDialog();
    await poll(() => status.getAttribute('data-status')).toBe('paid');
    await poll(() => admin.getByTestId('grant-payout').textContent()).toContain('NS-GRANT-');

    // The applicant sees the paid state and every step of the history.
    const seen = await call(sme, 'query', 'grants.get', { applicationId: id });
    expect(seen).toMatchObject({ status: 'paid', decidedFen: 100 * WAN });
    expect(seen.payout).toMatchObject({ amountFen: 100 * WAN });
    expect(seen.events.map((e) => e.toStatus)).toEqual([
      'submitted',
      'formal_check',
      'bureau_review',
      'funding_plan',
      'verification',
      'public_notice',
      'decided',
      'paid',
    ]);
    // Staff see the same history on the application page.
    await poll(() => admin.getByTestId('grant-event').count()).toBe(8);

    // The fund: 1,000,000.00 committed and disbursed.
    await admin.goto(`${product.base}/admin/fund`);
    await admin.getByTestId('fund-summary').waitFor();
    await poll(() => admin.getByTestId('fund-granted').textContent()).toContain('1,000,000.00');
    await poll(() => admin.getByTestId('fund-disbursed').textContent()).toContain('1,000,000.00');

    // The audit log viewer: every grant action on this application.
    await admin.goto(`${product.base}/admin/audit?targetId=${id}`);
    await admin.getByTestId('audit-table').waitFor();
    await poll(async () =>
      (
        await admin
          .getByTestId('audit-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))
      )
        .filter((a) => a?.startsWith('grant.'))
        .sort(),
    ).toEqual(
      [
        'grant.submitted',
        'grant.formal_check',
        'grant.bureau_review',
        'grant.funding_plan',
        'grant.verification',
        'grant.public_notice',
        'grant.decided',
        'grant.paid',
      ].sort(),
    );

    // Applying again for the same year's award is refused (one Art. 12 award per enterprise and year).
    const again = await trpc(sme, 'mutation', 'grants.submit', {
      year: year - 1,
      projectName: '年度主营业务收入突破奖励',
      projectReference: '',
      requestedFen: 100 * WAN,
      facts: { article: 'art12', revenueFen: 2.5 * YI },
      evidenceDocumentIds: [evidence],
      otherMeasureAwards: [],
    });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(again.ok ? '' : again.message).toContain('duplicate_application');
  });

  it('Art. 15: a second application for the same project is proposed nothing, with the reason, in the staff trace', async () => {
    const reference = 'SZ-KJ-E2E-001';
    const lower = await call(sme, 'mutation', 'grants.submit', {
      year,
      projectName: '金融大模型应用场景',
      projectReference: reference,
      requestedFen: 200 * WAN,
      facts: { article: 'art8', track: 'city_match', cityGrantFen: 400 * WAN },
      evidenceDocumentIds: [await uploadEvidence('contract')],
      otherMeasureAwards: [],
    });
    expect(lower.proposedFen).toBe(200 * WAN);

    // The same contract number, typed differently, under Art. 7 at a higher amount.
    const higher = await call(sme, 'mutation', 'grants.submit', {
      year,
      projectName: '金融垂类大模型',
      projectReference: 'sz kj e2e / 001',
      requestedFen: 300 * WAN,
      facts: { article: 'art7', cityGrantFen: 600 * WAN, leadUnit: true },
      evidenceDocumentIds: [await uploadEvidence('contract')],
      otherMeasureAwards: [],
    });
    expect(higher.projectKey).toBe(lower.projectKey);
    expect(higher.proposedFen).toBe(300 * WAN);

    // The applicant sees the lower one excluded.
    const excluded = await call(sme, 'query', 'grants.get', { applicationId: lower.id });
    expect(excluded.proposedFen).toBe(0);
    expect(excluded.events.at(-1)).toMatchObject({ kind: 'non_duplication_excluded' });

    // Staff: the lower application proposes 0.00, says why (Art. 15), and names the duplicate.
    await openGrant(lower.id);
    await poll(() => admin.getByTestId('grant-proposal').textContent()).toContain('0.00');
    await poll(() =>
      admin
        .getByTestId('grant-reasons')
        .locator('[data-code]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-code'))),
    ).toContain('non_duplication_excluded');
    await admin.getByTestId('grant-excluded').waitFor();
    expect(
      await admin
        .getByTestId('grant-trace')
        .locator('[data-testid="trace-step"][data-code="non_duplication"]')
        .count(),
    ).toBeGreaterThan(0);
    await poll(() => admin.getByTestId('grant-duplicate').count()).toBeGreaterThan(0);
    expect(await admin.getByTestId('grant-status').getAttribute('data-status')).toBe('submitted');

    // The higher one is proposed in full and shows what it outranks.
    await openGrant(higher.id);
    await poll(() => admin.getByTestId('grant-proposal').textContent()).toContain('3,000,000.00');
    await admin.getByTestId('grant-outranks').waitFor();
  });
});
