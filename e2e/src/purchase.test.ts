import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { startProduct } from './server';

const PASSWORD = 'Demo@2026';
const hasChromium = chromiumAvailable();

describe.runIf(hasChromium)('the first subsidised purchase, in Chromium', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  beforeAll(async () => {
    product = await startProduct(3310);
    browser = await launchChromium();
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

  it('SME buys H800 hours with the Art. 6 subsidy; the admin sees it in the fund', async () => {
    const sme = await browser.newPage();
    await signIn(sme, '/sign-in', 'sme@zhiyuan.ai');
    await sme.getByTestId('user-menu').waitFor();

    await sme.goto(`${product.base}/`);
    await sme.getByTestId('catalogue-search').fill('H800');
    await sme
      .getByTestId('offering-row')
      .filter({ hasText: 'H800' })
      .first()
      .getByTestId('offering-link')
      .click();
    await sme.getByTestId('quantity-input').fill('100');
    // 100 GPU-hours × ¥32.00 = ¥3,200.00; 30% subsidy = ¥960.00 (Chinese UI by default)
    await expect.poll(() => sme.getByTestId('quote-subsidy').textContent()).toContain('960.00');
    await expect.poll(() => sme.getByTestId('quote-payable').textContent()).toContain('2,240.00');
    await sme.getByTestId('quote-trace-toggle').click();
    await expect.poll(() => sme.getByTestId('trace-step').count()).toBeGreaterThan(2);
    await sme.getByTestId('not-related-declaration').check();
    await sme.getByTestId('place-order').click();

    await sme.getByTestId('simulated-gateway-notice').waitFor();
    expect(await sme.getByTestId('order-status').getAttribute('data-status')).toBe('awaiting_payment');
    await sme.getByTestId('simulated-pay').click();
    await expect.poll(() => sme.getByTestId('order-status').getAttribute('data-status')).toBe('paid');

    await sme.goto(`${product.base}/dashboard`);
    await expect.poll(() => sme.getByTestId('subsidy-cap-card').textContent()).toContain('960.00');
    await expect.poll(() => sme.getByTestId('subsidy-cap-card').textContent()).toContain('999,040.00');

    // English switch
    await sme.getByTestId('language-switch').getByTestId('language-en').click();
    await expect.poll(() => sme.locator('html').getAttribute('lang')).toBe('en');

    const admin = await browser.newPage();
    await signIn(admin, '/admin/sign-in', 'admin@nanshan.gov.cn');
    await admin.getByTestId('fund-summary').waitFor();
    await expect.poll(() => admin.getByTestId('fund-summary').textContent()).toContain('960.00');
    await expect.poll(() => admin.getByTestId('admin-order-row').count()).toBe(1);
    expect(await admin.getByTestId('admin-order-status').first().getAttribute('data-status')).toBe('paid');
  });

  it('the admin app refuses an SME', async () => {
    const page = await browser.newPage();
    await signIn(page, '/admin/sign-in', 'sme@zhiyuan.ai');
    await page.getByTestId('admins-only').waitFor();
  });
});
