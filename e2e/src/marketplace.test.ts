import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { startProduct } from './server';

const PASSWORD = 'Demo@2026';
const hasChromium = chromiumAvailable();

/** A fresh 统一社会信用代码, valid by GB 32100-2015 (check character computed), not in the demo data. */
const NEW_CENTRE_USCC = '91440305MA5T7N8M2A';
const CENTRE_NAME = '深圳蛇口智算科技有限公司';
const OFFERING_TITLE = '蛇口智算 A800 训练集群';

describe.runIf(hasChromium)('the marketplace journey, in Chromium', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  beforeAll(async () => {
    product = await startProduct(3320);
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

  it('a new centre registers, is approved, lists compute; an SME buys it with the subsidy; the centre delivers', async () => {
    // 1. A new provider user signs up and registers an intelligent-computing centre in Shenzhen.
    const provider = await browser.newPage();
    await provider.goto(`${product.base}/sign-up`);
    await provider.getByTestId('sign-up-role-provider').check();
    await provider.getByTestId('sign-up-name').fill('林涛');
    await provider.getByTestId('sign-up-email').fill('ops@shekoucompute.cn');
    await provider.getByTestId('sign-up-password').fill(PASSWORD);
    await provider.getByTestId('sign-up-submit').click();

    await provider.getByTestId('provider-register-form').waitFor();
    await provider.getByTestId('provider-register-kind-computing_centre').check();
    await provider.getByTestId('provider-register-name').fill(CENTRE_NAME);
    await provider.getByTestId('provider-register-uscc').fill(NEW_CENTRE_USCC);
    await provider.getByTestId('provider-register-uscc-valid').waitFor();
    expect(await provider.getByTestId('provider-register-in-shenzhen').isChecked()).toBe(true);
    await provider.getByTestId('provider-register-address').fill('深圳市南山区蛇口街道望海路 8 号');
    await provider.getByTestId('provider-register-contact-name').fill('林涛');
    await provider.getByTestId('provider-register-contact-phone').fill('+86 755 8888 0002');
    await provider.getByTestId('provider-register-contact-email').fill('ops@shekoucompute.cn');
    await provider.getByTestId('provider-register-submit').click();
    await provider.waitForURL(/\/provider\/profile$/);
    await provider.getByTestId('provider-status-card').waitFor();

    // A pending provider cannot list anything yet.
    await provider.goto(`${product.base}/provider/offerings`);
    await provider.getByTestId('offerings-inactive-note').waitFor();

    // 2. The admin finds the new centre and approves it (Art. 6 registration; no filing checklist needed).
    const admin = await browser.newPage();
    await signIn(admin, '/admin/sign-in', 'admin@nanshan.gov.cn');
    await admin.getByTestId('fund-summary').waitFor();
    await admin.goto(`${product.base}/admin/providers`);
    await admin.getByTestId('provider-search').fill('蛇口');
    const row = admin.getByTestId('provider-row').filter({ hasText: CENTRE_NAME });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('provider-status').getAttribute('data-status')).toBe('pending');
    await row.getByTestId('provider-link').click();
    await expect
      .poll(() => admin.getByTestId('provider-detail-status').getAttribute('data-status'))
      .toBe('pending');
    expect(await admin.getByTestId('provider-profile').textContent()).toContain(NEW_CENTRE_USCC);
    await admin.getByTestId('provider-decide-approve').click();
    await admin.getByTestId('decision-reason').fill('材料齐全，符合第六条智算中心条件');
    await admin.getByTestId('decision-confirm').click();
    await expect
      .poll(() => admin.getByTestId('provider-detail-status').getAttribute('data-status'))
      .toBe('approved');
    await expect.poll(() => admin.getByTestId('provider-active').textContent()).toMatch(/是|Yes/);

    // 3. The provider creates a compute offering and lists it.
    await provider.goto(`${product.base}/provider/offerings`);
    await provider.getByTestId('offering-create').click();
    await provider.getByTestId('offering-form').waitFor();
    expect(await provider.getByTestId('offering-form-kind').getAttribute('data-kind')).toBe('compute');
    await provider.getByTestId('offering-form-title').fill(OFFERING_TITLE);
    await provider.getByTestId('offering-form-description').fill('8 卡 A800 节点，按 GPU 小时计费');
    await provider.getByTestId('offering-form-service-kind').selectOption('compute');
    await provider.getByTestId('offering-form-gpu-model').fill('NVIDIA A800 80GB');
    await provider.getByTestId('offering-form-gpu-count').fill('8');
    await provider.getByTestId('offering-form-region').fill('深圳南山');
    await provider.getByTestId('offering-form-unit').selectOption('gpu_hour');
    await provider.getByTestId('offering-form-price').fill('20.00');
    await provider.getByTestId('offering-form-submit').click();
    await provider.waitForURL(/\/provider\/offerings$/);
    const offeringRow = provider.getByTestId('provider-offering-row').filter({ hasText: OFFERING_TITLE });
    await expect.poll(() => offeringRow.locator('[data-status]').getAttribute('data-status')).toBe('draft');
    await offeringRow.getByTestId('offering-action-list').click();
    await expect.poll(() => offeringRow.locator('[data-status]').getAttribute('data-status')).toBe('listed');

    // 4. The SME finds it, sees the 30% Art. 6 subsidy, buys and pays; the cap moves.
    const sme = await browser.newPage();
    await signIn(sme, '/sign-in', 'sme@zhiyuan.ai');
    await sme.getByTestId('user-menu').waitFor();
    await sme.goto(`${product.base}/`);
    await sme.getByTestId('catalogue-search').fill('A800');
    const listing = sme.getByTestId('offering-row').filter({ hasText: OFFERING_TITLE });
    await expect.poll(() => listing.count()).toBe(1);
    await listing.getByTestId('offering-link').click();
    await expect.poll(() => sme.getByTestId('offering-title').textContent()).toContain(OFFERING_TITLE);
    await sme.getByTestId('quantity-input').fill('100');
    // 100 GPU-hours × ¥20.00 = ¥2,000.00; 30% subsidy = ¥600.00; payable ¥1,400.00
    await expect.poll(() => sme.getByTestId('quote-list-price').textContent()).toContain('2,000.00');
    await expect.poll(() => sme.getByTestId('quote-subsidy').textContent()).toContain('600.00');
    await expect.poll(() => sme.getByTestId('quote-payable').textContent()).toContain('1,400.00');
    await sme.getByTestId('not-related-declaration').check();
    await sme.getByTestId('place-order').click();

    await sme.getByTestId('simulated-gateway-notice').waitFor();
    expect(await sme.getByTestId('order-status').getAttribute('data-status')).toBe('awaiting_payment');
    expect(await sme.getByTestId('order-subsidy').textContent()).toContain('600.00');
    expect(await sme.getByTestId('order-payable').textContent()).toContain('1,400.00');
    await sme.getByTestId('simulated-pay').click();
    await expect.poll(() => sme.getByTestId('order-status').getAttribute('data-status')).toBe('paid');
    const orderUrl = sme.url();

    await sme.goto(`${product.base}/dashboard`);
    await expect.poll(() => sme.getByTestId('cap-granted').textContent()).toContain('600.00');
    await expect.poll(() => sme.getByTestId('cap-left').textContent()).toContain('999,400.00');

    // 5. The provider sees the paid order to fulfil and marks it delivered with a note.
    await provider.goto(`${product.base}/provider`);
    const order = provider.getByTestId('provider-order-row');
    await expect.poll(() => order.count()).toBe(1);
    expect(await provider.getByTestId('provider-to-fulfil-count').textContent()).toBe('1');
    expect(await order.getAttribute('data-to-fulfil')).toBe('true');
    expect(await order.getByTestId('provider-order-status').getAttribute('data-status')).toBe('paid');
    expect(await order.getByTestId('provider-order-payable').textContent()).toContain('1,400.00');
    expect(await order.getByTestId('provider-order-subsidy').textContent()).toContain('600.00');
    await order.getByTestId('mark-delivered').click();
    await provider.getByTestId('delivery-note').fill('已开通 100 GPU 小时，账号已发送至客户邮箱');
    await provider.getByTestId('mark-delivered-confirm').click();
    await provider.getByTestId('provider-orders-empty').waitFor();
    expect(await provider.getByTestId('provider-to-fulfil-count').count()).toBe(0);

    await provider.getByTestId('provider-orders-tab-all').click();
    const delivered = provider.getByTestId('provider-order-row');
    await expect.poll(() => delivered.count()).toBe(1);
    await expect
      .poll(() => delivered.getByTestId('provider-order-delivered').textContent())
      .toContain('已开通 100 GPU 小时');
    expect(await delivered.getAttribute('data-to-fulfil')).toBe('false');
    expect(await delivered.getByTestId('provider-order-status').getAttribute('data-status')).toBe('paid');

    // The buyer's order stays paid and shows the provider's delivery record.
    await sme.goto(orderUrl);
    await expect.poll(() => sme.getByTestId('order-status').getAttribute('data-status')).toBe('paid');
    await expect
      .poll(() => sme.getByTestId('order-delivered').textContent())
      .toContain('已开通 100 GPU 小时');
  });

  it('an incubator tenant sees its rent and buys from the Art. 10 pool', async () => {
    const sme = await browser.newPage();
    await signIn(sme, '/sign-in', 'sme@zhiyuan.ai');
    await sme.getByTestId('user-menu').waitFor();
    await sme.goto(`${product.base}/incubator`);

    await sme.getByTestId('incubator-rent').waitFor();
    expect(await sme.getByTestId('incubator-unit').textContent()).toContain('A-1203');
    // Base rent 180 m² × ¥150 = ¥27,000.00 a month; the tier discount brings the rent due below it.
    expect(await sme.getByTestId('incubator-lease').textContent()).toContain('27,000.00');
    expect(await sme.getByTestId('incubator-rent-due').textContent()).toMatch(/\d+\.\d{2}/);

    const pool = sme.getByTestId('pool-card');
    await pool.waitFor();
    expect(await pool.getByTestId('pool-unit-price').textContent()).toContain('10.00');
    const before = Number(await pool.getByTestId('pool-available').getAttribute('data-available'));
    expect(before).toBe(20_000);

    await pool.getByTestId('pool-buy-quantity').fill('50');
    // 50 card-hours × ¥10.00 pool price = ¥500.00
    await expect.poll(() => pool.getByTestId('pool-buy-estimate').textContent()).toContain('500.00');
    await pool.getByTestId('pool-not-related-declaration').check();
    await pool.getByTestId('pool-buy').click();

    await sme.getByTestId('simulated-gateway-notice').waitFor();
    expect(await sme.getByTestId('order-status').getAttribute('data-status')).toBe('awaiting_payment');
    expect(await sme.getByTestId('order-payable').textContent()).toContain('500.00');
    await sme.getByTestId('simulated-pay').click();
    await expect.poll(() => sme.getByTestId('order-status').getAttribute('data-status')).toBe('paid');

    await sme.goto(`${product.base}/incubator`);
    await expect
      .poll(() => sme.getByTestId('pool-available').getAttribute('data-available'))
      .toBe(String(before - 50));
    expect(await sme.getByTestId('pool-available').textContent()).toContain('19,950');
  });
});
