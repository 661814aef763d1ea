import { schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/record-audit';
import { createHarness, type Harness } from '../../test/harness';
import {
  DEMO_CENTRE,
  DEMO_PENDING,
  DEMO_VENDOR,
  marketSnapshot,
  providerByName,
  registeredProvider,
} from '../../test/marketplace';
import { expectRefusal } from '../../test/people';
import { AI_API, buy, H800, offeringId } from '../../test/purchases';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

const NEW_GPU = {
  title: 'NVIDIA B200 训练集群 · 8 卡节点',
  kind: 'compute' as const,
  gpuModel: 'NVIDIA B200 192GB',
  gpuCount: 8,
  unit: 'gpu_hour' as const,
  unitPriceFen: 58_00,
  region: '深圳南山',
  description: '新一代训练集群',
  minQuantity: 8,
  maxQuantity: 50_000,
};
const POOL = '孵化空间专属算力池 · 昇腾 910B（仅限入驻企业）';
const STORAGE = '训练数据高性能存储（不含算力）';

describe('managing offerings (provider)', () => {
  it('creates a draft, lists it into the catalogue, and delists it again', async () => {
    const provider = await h.callerFor('provider');
    const created = await provider.offerings.create(NEW_GPU);
    expect(created).toMatchObject({
      ...NEW_GPU,
      serviceKind: 'compute',
      stock: null,
      status: 'draft',
      pool: false,
    });
    expect((await provider.offerings.mine()).map((o) => o.id)).toContain(created.id);
    const anon = await h.callerFor(null);
    await expectRefusal(anon.offerings.get({ offeringId: created.id }), 'NOT_FOUND', 'offering_not_found');
    await provider.offerings.setStatus({ offeringId: created.id, status: 'listed' });
    expect(await anon.offerings.get({ offeringId: created.id })).toMatchObject({
      title: NEW_GPU.title,
      providerName: DEMO_CENTRE,
      subsidy: null,
    });
    await provider.offerings.setStatus({ offeringId: created.id, status: 'delisted' });
    await expectRefusal(anon.offerings.get({ offeringId: created.id }), 'NOT_FOUND');
    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['offering.created', 'offering.listed', 'offering.delisted']);
    expect(await verifyAuditChain(h.db)).toBeNull();
  });

  it('validates prices, units, quantities, GPU fields and the kind a provider may sell', async () => {
    const provider = await h.callerFor('provider');
    const vendor = await h.callerFor('vendor');
    const before = await marketSnapshot(h);
    for (const bad of [
      { ...NEW_GPU, unitPriceFen: 0 },
      { ...NEW_GPU, unitPriceFen: -100 },
      { ...NEW_GPU, unitPriceFen: 12.5 },
      { ...NEW_GPU, unit: 'hour' },
      { ...NEW_GPU, minQuantity: 0 },
      { ...NEW_GPU, maxQuantity: 1_000_001 },
      { ...NEW_GPU, kind: 'hardware' },
      { ...NEW_GPU, stock: -1 },
      { ...NEW_GPU, title: '' },
    ]) {
      const error = await provider.offerings.create(bad as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect(Array.isArray(((error as TRPCError).cause as { issues?: unknown }).issues)).toBe(true);
    }
    await expectRefusal(
      provider.offerings.create({ ...NEW_GPU, minQuantity: 100, maxQuantity: 10 }),
      'BAD_REQUEST',
      'quantity_range_invalid',
    );
    await expectRefusal(
      provider.offerings.create({ ...NEW_GPU, gpuModel: null }),
      'BAD_REQUEST',
      'gpu_fields_required',
    );
    await expectRefusal(
      provider.offerings.create({ ...NEW_GPU, gpuCount: null }),
      'BAD_REQUEST',
      'gpu_fields_required',
    );
    await expectRefusal(
      provider.offerings.create({ ...NEW_GPU, unitPriceFen: 10_000_000_000_000, maxQuantity: 1_000 }),
      'BAD_REQUEST',
      'price_out_of_range',
    );
    // The article follows the provider: a centre sells compute (Art. 6), a cloud vendor AI services (Art. 9).
    await expectRefusal(
      provider.offerings.create({ ...NEW_GPU, kind: 'ai_service' }),
      'BAD_REQUEST',
      'offering_kind_not_for_provider',
    );
    await expectRefusal(vendor.offerings.create(NEW_GPU), 'BAD_REQUEST', 'offering_kind_not_for_provider');
    expect(await marketSnapshot(h)).toEqual(before);
    // Storage sold by a centre needs no GPU; an AI service may name none either.
    await provider.offerings.create({
      ...NEW_GPU,
      title: '对象存储',
      serviceKind: 'storage',
      gpuModel: null,
      gpuCount: null,
      unit: 'tb_month',
    });
    await vendor.offerings.create({
      title: '行业大模型 API',
      kind: 'ai_service',
      unit: 'api_call_thousand',
      unitPriceFen: 1_50,
      maxQuantity: 100_000,
    });
  });

  it('changes terms for new orders only: placed orders keep the price they copied', async () => {
    const sme = await h.callerFor('sme');
    const provider = await h.callerFor('provider');
    const id = await offeringId(h, H800);
    const paid = await buy(h, sme, H800, 8);
    const open = await buy(h, sme, H800, 16, { pay: false });
    const ordersBefore = await h.db.select().from(schema.orders).orderBy(schema.orders.id);
    const updated = await provider.offerings.update({
      offeringId: id,
      unitPriceFen: 40_00,
      title: 'H800 · 涨价',
    });
    expect(updated).toMatchObject({ unitPriceFen: 40_00, title: 'H800 · 涨价', status: 'listed' });
    expect(await h.db.select().from(schema.orders).orderBy(schema.orders.id)).toEqual(ordersBefore);
    expect(await sme.orders.get({ orderId: paid })).toMatchObject({
      offeringTitle: H800,
      unitPriceFen: 32_00,
      listPriceFen: 8 * 32_00,
      subsidyFen: 7_680,
    });
    // Paying the order placed before the change charges what was agreed then.
    await sme.payments.simulatePay({ orderId: open });
    expect(await sme.orders.get({ orderId: open })).toMatchObject({
      status: 'paid',
      unitPriceFen: 32_00,
      listPriceFen: 16 * 32_00,
      payableFen: 16 * 32_00 - 15_360,
    });
    const quote = await sme.orders.quote({ offeringId: id, quantity: 8 });
    expect(quote.listPriceFen).toBe(8 * 40_00);
    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, id));
    expect(JSON.parse(audit.at(-1)!.before!)).toEqual({ title: H800, unitPriceFen: 32_00 });
  });

  it('re-checks the whole offering on update, and a no-op changes nothing', async () => {
    const provider = await h.callerFor('provider');
    const id = await offeringId(h, H800);
    const before = await marketSnapshot(h);
    await expectRefusal(
      provider.offerings.update({ offeringId: id, minQuantity: 200_000 }),
      'BAD_REQUEST',
      'quantity_range_invalid',
    );
    await expectRefusal(
      provider.offerings.update({ offeringId: id, gpuModel: null }),
      'BAD_REQUEST',
      'gpu_fields_required',
    );
    await expectRefusal(provider.offerings.update({ offeringId: id }), 'BAD_REQUEST');
    await provider.offerings.update({ offeringId: id, unitPriceFen: 32_00 });
    expect(await marketSnapshot(h)).toEqual(before);
  });

  it("refuses another provider's offering (not found) and the bureau's pool listing, changing nothing", async () => {
    const vendor = await h.callerFor('vendor');
    const provider = await h.callerFor('provider');
    const id = await offeringId(h, H800);
    const pool = await offeringId(h, POOL);
    const before = await marketSnapshot(h);
    await expectRefusal(
      vendor.offerings.update({ offeringId: id, unitPriceFen: 1 }),
      'NOT_FOUND',
      'offering_not_found',
    );
    await expectRefusal(
      vendor.offerings.setStatus({ offeringId: id, status: 'delisted' }),
      'NOT_FOUND',
      'offering_not_found',
    );
    expect((await vendor.offerings.mine()).map((o) => o.id)).not.toContain(id);
    await expectRefusal(
      provider.offerings.update({ offeringId: pool, unitPriceFen: 1 }),
      'FORBIDDEN',
      'pool_offering_managed_by_district',
    );
    for (const who of ['sme', 'admin'] as const) {
      const caller = await h.callerFor(who);
      await expectRefusal(caller.offerings.update({ offeringId: id, unitPriceFen: 1 }), 'FORBIDDEN');
      await expectRefusal(caller.offerings.setStatus({ offeringId: id, status: 'delisted' }), 'FORBIDDEN');
      await expectRefusal(caller.offerings.create(NEW_GPU), 'FORBIDDEN');
      await expectRefusal(caller.offerings.mine(), 'FORBIDDEN');
    }
    await expectRefusal((await h.callerFor(null)).offerings.create(NEW_GPU), 'UNAUTHORIZED');
    expect(await marketSnapshot(h)).toEqual(before);
  });

  it('lets a pending provider prepare drafts but not list them', async () => {
    const { caller } = await registeredProvider(h, 'centre');
    const draft = await caller.offerings.create(NEW_GPU);
    await expectRefusal(
      caller.offerings.setStatus({ offeringId: draft.id, status: 'listed' }),
      'PRECONDITION_FAILED',
      'provider_not_active',
    );
    expect((await caller.offerings.mine()).map((o) => o.status)).toEqual(['draft']);
  });
});

describe('the catalogue', () => {
  it('shows listed offerings of active providers with filters, sorts and pages', async () => {
    const anon = await h.callerFor(null);
    const all = await anon.offerings.list({ pageSize: 100 });
    const pending = await providerByName(h, DEMO_PENDING);
    expect(all.items.some((i) => i.providerId === pending.id)).toBe(false);
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((i) => i.unitPriceFen)).toEqual(
      [...all.items.map((i) => i.unitPriceFen)].sort((a, b) => a - b),
    );
    expect(all.items.every((i) => i.subsidy === null)).toBe(true);

    const desc = await anon.offerings.list({ sort: 'price_desc', pageSize: 100 });
    expect(desc.items.map((i) => i.id)).toEqual(
      [...all.items]
        .sort((a, b) => b.unitPriceFen - a.unitPriceFen || a.id.localeCompare(b.id))
        .map((i) => i.id),
    );

    const compute = await anon.offerings.list({ kind: 'compute', pageSize: 100 });
    expect(compute.items.every((i) => i.kind === 'compute')).toBe(true);
    expect(compute.total + (await anon.offerings.list({ kind: 'ai_service' })).total).toBe(all.total);

    const a800 = await anon.offerings.list({ gpuModel: 'NVIDIA A800 80GB' });
    expect(a800.items.map((i) => i.title).sort()).toEqual(
      ['NVIDIA A800 包月整卡', '鹏云模型微调平台 · 包月'].sort(),
    );

    const range = await anon.offerings.list({ minFen: 8_00, maxFen: 32_00, pageSize: 100 });
    expect(range.items.every((i) => i.unitPriceFen >= 8_00 && i.unitPriceFen <= 32_00)).toBe(true);
    expect(range.items.map((i) => i.unitPriceFen)).toContain(8_00);
    expect(range.items.map((i) => i.unitPriceFen)).toContain(32_00);
    await expectRefusal(anon.offerings.list({ minFen: 100, maxFen: 99 }), 'BAD_REQUEST');

    const vendor = await providerByName(h, DEMO_VENDOR);
    const byVendor = await anon.offerings.list({ providerId: vendor.id });
    expect(byVendor.total).toBe(3);
    expect(byVendor.items.every((i) => i.providerName === DEMO_VENDOR)).toBe(true);

    expect((await anon.offerings.list({ search: 'h800' })).items.map((i) => i.title)).toEqual([H800]);

    // Newest first (the demo rows were created at the wall-clock time of seeding; move them into the past).
    await h.db.update(schema.offerings).set({ createdAt: new Date('2026-01-01T00:00:00Z') });
    const provider = await h.callerFor('provider');
    h.setNow('2026-11-28T03:00:00Z');
    const created = await provider.offerings.create(NEW_GPU);
    await provider.offerings.setStatus({ offeringId: created.id, status: 'listed' });
    const newest = await anon.offerings.list({ sort: 'newest', pageSize: 1 });
    expect(newest.items[0]!.id).toBe(created.id);

    // Pages cover everything exactly once.
    const pages = [];
    for (let page = 1; page <= 4; page++)
      pages.push(...(await anon.offerings.list({ pageSize: 3, page })).items);
    const total = (await anon.offerings.list({})).total;
    expect(pages.map((i) => i.id)).toHaveLength(total);
    expect(new Set(pages.map((i) => i.id)).size).toBe(total);
  });

  it('gives a signed-in SME its subsidy now at the minimum quantity, exactly as the quote would', async () => {
    const sme = await h.callerFor('sme');
    const h800 = (await sme.offerings.list({ search: 'H800' })).items[0]!;
    expect(h800.subsidy).toEqual({
      article: 'art6',
      quantity: 8,
      listPriceFen: 8 * 32_00,
      subsidyFen: 7_680,
      payableFen: 8 * 32_00 - 7_680,
      eligible: true,
      reasons: [],
    });
    const page = await sme.offerings.list({ pageSize: 100 });
    for (const item of page.items) {
      const quote = await sme.orders.quote({ offeringId: item.id, quantity: item.minQuantity });
      expect({ id: item.id, ...item.subsidy }).toEqual({
        id: item.id,
        article: quote.article,
        quantity: item.minQuantity,
        listPriceFen: quote.listPriceFen,
        subsidyFen: quote.subsidyFen,
        payableFen: quote.payableFen,
        eligible: quote.eligible,
        reasons: quote.reasons,
      });
    }
    // The Art. 10 pool is sold from the incubator page only, never through the catalogue, not even to its tenant.
    expect(page.items.map((i) => i.title)).not.toContain(POOL);
    await expectRefusal(
      sme.offerings.get({ offeringId: await offeringId(h, POOL) }),
      'NOT_FOUND',
      'offering_not_found',
    );
    expect((await sme.offerings.list({ search: 'H800' })).items[0]!.subsidy!.subsidyFen).toBe(7_680);
    // The subsidy moves with the cap: after a large purchase less is left.
    await buy(h, sme, 'NVIDIA A800 包月整卡', 340);
    const after = (await sme.offerings.get({ offeringId: await offeringId(h, H800) })).subsidy!;
    expect(after.subsidyFen).toBe(7_680); // 400 yuan still left, more than 76.80
    await buy(h, sme, H800, 100);
    const capped = (await sme.offerings.get({ offeringId: await offeringId(h, H800) })).subsidy!;
    expect(capped).toMatchObject({ subsidyFen: 0, eligible: false });
    expect(capped.reasons).toContain('annual_cap_reached');
    // Providers and staff see prices only.
    for (const who of ['provider', 'admin'] as const) {
      expect((await (await h.callerFor(who)).offerings.list({})).items.every((i) => i.subsidy === null)).toBe(
        true,
      );
    }
  });

  it('keeps only subsidised offerings, and sorts by subsidy for an enterprise', async () => {
    const anon = await h.callerFor(null);
    // Without an enterprise: what could carry a subsidy at all (no storage, no pool).
    const possible = await anon.offerings.list({ subsidisedOnly: true, pageSize: 100 });
    const titles = possible.items.map((i) => i.title);
    expect(titles).toContain(H800);
    expect(titles).toContain(AI_API);
    expect(titles).not.toContain(STORAGE);
    expect(titles).not.toContain(POOL);
    await expectRefusal(
      anon.offerings.list({ sort: 'subsidy_desc' }),
      'PRECONDITION_FAILED',
      'subsidy_sort_needs_enterprise',
    );
    // A large firm gets no Art. 6 subsidy (not an SME) but Art. 9 from the filed vendor.
    const large = await h.callerFor('large');
    const forLarge = await large.offerings.list({ subsidisedOnly: true, pageSize: 100 });
    expect(forLarge.items.map((i) => i.providerName)).toEqual(forLarge.items.map(() => DEMO_VENDOR));
    expect(forLarge.total).toBe(3);
    expect(forLarge.items.every((i) => i.subsidy!.subsidyFen > 0)).toBe(true);
    // Sorted by this enterprise's subsidy, highest first, paged after sorting.
    const sme = await h.callerFor('sme');
    const sorted = await sme.offerings.list({ sort: 'subsidy_desc', pageSize: 100 });
    const subsidies = sorted.items.map((i) => i.subsidy!.subsidyFen);
    expect(subsidies).toEqual([...subsidies].sort((a, b) => b - a));
    const second = await sme.offerings.list({ sort: 'subsidy_desc', pageSize: 2, page: 2 });
    expect(second.items.map((i) => i.id)).toEqual(sorted.items.slice(2, 4).map((i) => i.id));
    expect(second.total).toBe(sorted.total);
    const onlySubsidised = await sme.offerings.list({
      subsidisedOnly: true,
      sort: 'price_desc',
      pageSize: 100,
    });
    expect(onlySubsidised.items.every((i) => i.subsidy!.subsidyFen > 0)).toBe(true);
    expect(onlySubsidised.items.map((i) => i.unitPriceFen)).toEqual(
      [...onlySubsidised.items.map((i) => i.unitPriceFen)].sort((a, b) => b - a),
    );
  });

  it('lists the filter choices present in the catalogue', async () => {
    const anon = await h.callerFor(null);
    const facets = await anon.offerings.facets();
    expect(facets.kinds).toEqual([
      { kind: 'ai_service', count: 3 },
      { kind: 'compute', count: 6 }, // the incubator pool is not in the catalogue
    ]);
    expect(facets.gpuModels.map((g) => g.gpuModel)).toContain('NVIDIA H800 80GB');
    expect(facets.gpuModels.map((g) => g.gpuModel)).not.toContain('NVIDIA A100 80GB'); // pending provider's
    expect(facets.gpuModels.find((g) => g.gpuModel === 'NVIDIA A800 80GB')!.count).toBe(2);
    expect(facets.providers.map((p) => p.name).sort()).toEqual([DEMO_CENTRE, DEMO_VENDOR].sort());
    expect(facets.priceRange).toEqual({ minFen: 7_80, maxFen: 380_000_00 });
    const ai = await anon.offerings.facets({ kind: 'ai_service' });
    expect(ai.providers.map((p) => p.name)).toEqual([DEMO_VENDOR]);
    expect(ai.gpuModels.map((g) => g.gpuModel)).toEqual(['NVIDIA A800 80GB']);
    expect(ai.kinds).toEqual(facets.kinds);
  });

  it('serves a large catalogue for an enterprise with one read of its counters', async () => {
    const centre = await providerByName(h, DEMO_CENTRE);
    await h.db.insert(schema.offerings).values(
      Array.from({ length: 400 }, (_, i) => ({
        providerId: centre.id,
        title: `批量算力 ${i}`,
        kind: 'compute',
        serviceKind: 'compute',
        gpuModel: 'NVIDIA L40S 48GB',
        gpuCount: 1,
        unit: 'gpu_hour',
        unitPriceFen: 500 + i,
        minQuantity: 1,
        maxQuantity: 1000,
        status: 'listed',
      })),
    );
    const sme = await h.callerFor('sme');
    const started = performance.now();
    const sorted = await sme.offerings.list({ sort: 'subsidy_desc', subsidisedOnly: true, pageSize: 50 });
    const elapsed = performance.now() - started;
    expect(sorted.total).toBeGreaterThan(400);
    expect(sorted.items).toHaveLength(50);
    expect(elapsed).toBeLessThan(5_000);
  });
});
