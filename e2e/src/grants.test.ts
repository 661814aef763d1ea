import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { startProduct } from './server';

const PASSWORD = 'Demo@2026';
const hasChromium = chromiumAvailable();
/** Waits for the page or the API to show a value: the server answers in more than `expect.poll`'s default second. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const WAN = 10_000 * 100; // 1 万元 in fen
/** A tiny but real PDF: the upload checks the file's first bytes. */
const PDF = Buffer.from('%PDF-1.4\n% e2e evidence\n');

type TrpcResult = { ok: true; data: unknown } | { ok: false; message: string; code: string | undefined };

/**
 * Calls the API from inside a signed-in page (same origin, the page's session cookie). Used only to show that the
 * server itself refuses what a screen refuses.
 */
async function trpc(page: Page, path: string, input: unknown): Promise<TrpcResult> {
  return page.evaluate(
    async ({ path, input }) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: input }),
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
    { path, input },
  );
}

/** What the SME types into the grants form: facts by name (a select, a box or a text field), amounts in yuan. */
interface Application {
  article: string;
  year?: number;
  projectName: string;
  projectReference?: string;
  requestedYuan: string;
  facts: Record<string, string | boolean>;
  evidence: { kind: string; filename: string };
  /** Art. 15: support for the same project under other Nanshan measures, declared in the form. */
  otherAwards?: { measure: string; amountYuan: string; status: 'applied' | 'received' }[];
}

/**
 * The journeys seed, start and restart the product and walk both sides in the browser; on the shared 2-core machine
 * under load that takes minutes, more than the config's defaults (which bound a hang, not a speed).
 */
const JOURNEY_MS = 600_000;

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
  }, JOURNEY_MS);
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

  /** Fills the grants form from the Grants page, with one evidence file uploaded, and submits it. */
  async function applyViaForm(a: Application) {
    await sme.getByTestId('nav-grants').click();
    await sme.getByTestId('grant-new').click();
    await sme.getByTestId('grant-form').waitFor();
    await sme.getByTestId('grant-form-article').selectOption(a.article);
    if (a.year !== undefined) await sme.getByTestId('grant-form-year').selectOption(String(a.year));
    await sme.getByTestId('grant-form-project-name').fill(a.projectName);
    await sme.getByTestId('grant-form-project-reference').fill(a.projectReference ?? '');
    await sme.getByTestId('grant-form-requested').fill(a.requestedYuan);
    for (const [name, value] of Object.entries(a.facts)) {
      const input = sme.getByTestId(`grant-fact-${name}`);
      if (typeof value === 'boolean') await input.setChecked(value);
      else if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(value);
      else await input.fill(value);
    }
    for (const [i, award] of (a.otherAwards ?? []).entries()) {
      await sme.getByTestId('grant-other-award-add').click();
      const row = sme.getByTestId('grant-other-award').nth(i);
      await row.getByTestId('grant-other-award-measure').fill(award.measure);
      await row.getByTestId('grant-other-award-amount').fill(award.amountYuan);
      await row.getByTestId('grant-other-award-status').selectOption(award.status);
    }
    await sme.getByTestId('grant-evidence-kind').selectOption(a.evidence.kind);
    await sme.getByTestId('grant-evidence-file').setInputFiles({
      name: a.evidence.filename,
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await sme.getByTestId('grant-evidence-item').waitFor();
    await sme.getByTestId('grant-form-submit').click();
  }

  /** Applies through the form and returns the new application's id, from the application page it opens. */
  async function apply(a: Application): Promise<string> {
    await applyViaForm(a);
    const page = sme.getByTestId('grant-application');
    await page.waitFor();
    return (await page.getAttribute('data-grant-id'))!;
  }

  /** Opens the SME's application page afresh (the server changed it meanwhile) and reads its status. */
  async function smeStatus(applicationId: string): Promise<string | null> {
    await sme.goto(`${product.base}/grants/${applicationId}`);
    return sme.getByTestId('grant-status').getAttribute('data-status');
  }

  /** An amount on the SME's application page, in fen (`Money` carries the exact integer). */
  async function smeAmount(testId: string): Promise<number> {
    return Number(await sme.getByTestId(testId).locator('[data-fen]').getAttribute('data-fen'));
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

  it(
    'SME applies for the Art. 12 award; staff review it with the trace, approve after the notice, pay; fund and audit log show it',
    async () => {
      // 1. The SME applies from the Grants page: revenue of last year first above 200,000,000 yuan → 1,000,000 yuan.
      const art12: Application = {
        article: 'art12',
        year: year - 1,
        projectName: '年度主营业务收入突破奖励',
        requestedYuan: '1,000,000',
        facts: { revenueFen: '250000000' },
        evidence: { kind: 'financial_statement', filename: 'audit-report.pdf' },
      };
      const id = await apply(art12);
      await poll(() => sme.getByTestId('grant-status').getAttribute('data-status')).toBe('submitted');
      expect(await smeAmount('grant-proposed')).toBe(100 * WAN);
      expect(await sme.getByTestId('grant-stepper').getAttribute('data-active-step')).toBe('submitted');
      expect(await sme.getByTestId('grant-document').count()).toBe(1);
      // Listed on the Grants page with its state.
      await sme.getByTestId('nav-grants').click();
      const mine = sme.locator(`[data-testid="grant-row"][data-grant-id="${id}"]`);
      await poll(() => mine.getAttribute('data-status')).toBe('submitted');

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
      // The applicant's stepper is at the public notice, and the notice is listed for anyone to object to.
      expect(await sme.getByTestId('grant-stepper').getAttribute('data-active-step')).toBe('public_notice');
      await sme.getByTestId('nav-grants').click();
      await sme.locator(`[data-testid="grant-notice"][data-grant-id="${id}"]`).waitFor();
      await admin.getByTestId('grant-notice-running').waitFor();
      // While the notice runs, the server refuses the approval and nothing changes.
      await admin.getByTestId('grant-approve').click();
      await admin.getByTestId('decision-confirm').click();
      await admin.getByTestId('decision-error').waitFor();
      await admin.getByTestId('decision-cancel').click();
      expect(await status.getAttribute('data-status')).toBe('public_notice');
      const early = await trpc(admin, 'admin.grants.approve', {
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

      // The applicant sees the paid state, the amounts and every step of the history on its application page.
      await poll(() => smeStatus(id)).toBe('paid');
      expect(await sme.getByTestId('grant-stepper').getAttribute('data-complete')).toBe('true');
      expect(await smeAmount('grant-decided')).toBe(100 * WAN);
      expect(await smeAmount('grant-paid')).toBe(100 * WAN);
      expect(await sme.getByTestId('grant-payout').textContent()).toContain('NS-GRANT-');
      expect(
        await sme
          .getByTestId('grant-event')
          .evaluateAll((items) => items.map((i) => i.getAttribute('data-to-status')).reverse()),
      ).toEqual([
        'submitted',
        'formal_check',
        'bureau_review',
        'funding_plan',
        'verification',
        'public_notice',
        'decided',
        'paid',
      ]);
      expect(await sme.getByTestId('grant-withdraw').count()).toBe(0);
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

      // Applying again for the same year's award is refused, in the form, with the reason translated; nothing is added.
      await applyViaForm({
        ...art12,
        evidence: { kind: 'financial_statement', filename: 'audit-again.pdf' },
      });
      const refusal = sme.getByTestId('grant-form-error');
      await refusal.waitFor();
      expect(await sme.getByTestId('grant-form-error-code').textContent()).toContain('duplicate_application');
      expect(await refusal.textContent()).toContain('不能重复申报');
      await sme.getByTestId('nav-grants').click();
      await poll(() =>
        sme
          .getByTestId('grant-row')
          .evaluateAll(
            (rows) => rows.filter((r) => r.textContent?.includes('年度主营业务收入突破奖励')).length,
          ),
      ).toBe(1);
    },
    JOURNEY_MS,
  );

  it(
    'Art. 15: a second application for the same project is proposed nothing, with the reason, in the staff trace; a declared award elsewhere is topped up only',
    async () => {
      const lowerId = await apply({
        article: 'art8',
        projectName: '金融大模型应用场景',
        projectReference: 'SZ-KJ-E2E-001',
        requestedYuan: '2000000',
        facts: { track: 'city_match', cityGrantFen: '4000000' },
        evidence: { kind: 'city_grant_notice', filename: 'city-notice-art8.pdf' },
      });
      expect(await smeAmount('grant-proposed')).toBe(200 * WAN);

      // The same contract number, typed differently, under Art. 7 at a higher amount; the applicant declares that
      // the project already received 500,000 yuan under another district measure, so only the difference is due.
      const higherId = await apply({
        article: 'art7',
        projectName: '金融垂类大模型',
        projectReference: 'sz kj e2e / 001',
        requestedYuan: '3000000',
        facts: { cityGrantFen: '6000000', leadUnit: true },
        evidence: { kind: 'contract', filename: 'contract-art7.pdf' },
        otherAwards: [{ measure: '南山区科技创新专项', amountYuan: '500000', status: 'received' }],
      });
      expect(await smeAmount('grant-proposed')).toBe(250 * WAN);
      expect(await sme.getByTestId('grant-other-awards-declared').textContent()).toContain(
        '南山区科技创新专项',
      );

      // The applicant sees the lower one excluded, with the reason as the latest event.
      await sme.goto(`${product.base}/grants/${lowerId}`);
      await poll(() => smeAmount('grant-proposed')).toBe(0);
      expect(await sme.getByTestId('grant-event').first().getAttribute('data-kind')).toBe(
        'non_duplication_excluded',
      );

      // Staff: the lower application proposes 0.00, says why (Art. 15), and names the duplicate.
      await openGrant(lowerId);
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

      // The higher one keeps the project (what it outranks is shown) and is proposed the difference to the award
      // already received.
      await openGrant(higherId);
      await poll(() => admin.getByTestId('grant-proposal').textContent()).toContain('2,500,000.00');
      expect(
        await admin
          .getByTestId('grant-trace')
          .locator('[data-testid="trace-step"][data-code="non_duplication_difference"]')
          .count(),
      ).toBe(1);
      await admin.getByTestId('grant-outranks').waitFor();

      // The applicant withdraws the excluded application from its page; the page says so and offers nothing more.
      await sme.goto(`${product.base}/grants/${lowerId}`);
      await sme.getByTestId('grant-withdraw').click();
      await sme.getByTestId('grant-withdraw-note').fill('改按第七条申报');
      await sme.getByTestId('grant-withdraw-confirm').click();
      await poll(() => sme.getByTestId('grant-status').getAttribute('data-status')).toBe('withdrawn');
      await sme.getByTestId('grant-closed').waitFor();
      expect(await sme.getByTestId('grant-withdraw').count()).toBe(0);
      expect(await sme.getByTestId('grant-event').first().getAttribute('data-kind')).toBe('withdrawn');
    },
    JOURNEY_MS,
  );
});
