import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoEnterprises, demoIncubator } from '../../seed/demo-data';
import { createHarness, type Harness } from '../../test/harness';
import { expectRefusal, validUscc } from '../../test/people';
import { buy } from '../../test/purchases';

// Art. 10 for district staff: spaces, leases (with every refusal), the monthly rent statement and the compute pool.
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

const POOL = '孵化空间专属算力池 · 昇腾 910B（仅限入驻企业）';
const usccOf = (key: string) => demoEnterprises.find((e) => e.key === key)!.uscc;
const admin = () => h.callerFor('admin');

async function seededSpaceId() {
  const [space] = await h.db
    .select()
    .from(schema.incubatorSpaces)
    .where(eq(schema.incubatorSpaces.name, demoIncubator.space.name));
  return space!.id;
}

async function enterpriseId(key: string) {
  const [e] = await h.db
    .select()
    .from(schema.enterprises)
    .where(eq(schema.enterprises.uscc, usccOf(key)));
  return e!.id;
}

/** An enterprise registered in Nanshan, verified or not by staff. */
async function newEnterprise(uscc: string, verified: boolean) {
  const [e] = await h.db
    .insert(schema.enterprises)
    .values({
      uscc,
      name: `测试企业 ${uscc.slice(-4)}`,
      district: '南山区',
      registeredInNanshan: true,
      legalStatus: 'independent',
      industry: 'software_it',
      employees: 20,
      revenueFen: 5_000_000_00,
      assetsFen: 3_000_000_00,
      aiActivity: 'llm_training',
      verifiedAt: verified ? new Date('2026-01-01T00:00:00Z') : null,
    })
    .returning();
  return e!;
}

async function auditOf(action: string) {
  const rows = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));
  return rows.map((r) => ({
    ...r,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
  }));
}

async function tableCounts() {
  const [spaces, tenancies, audit, pools] = await Promise.all([
    h.db.select().from(schema.incubatorSpaces),
    h.db.select().from(schema.tenancies),
    h.db.select().from(schema.auditLog),
    h.db.select().from(schema.computePools),
  ]);
  return { spaces, tenancies, audit: audit.length, pools };
}

describe('incubator spaces', () => {
  it('lists the spaces with their running leases, adds and edits one, audited', async () => {
    const staff = await admin();
    expect(await staff.admin.incubator.spaces.list()).toEqual([
      expect.objectContaining({ name: demoIncubator.space.name, activeTenancies: 1 }),
    ]);
    // Before the demo lease starts, nothing runs.
    expect((await staff.admin.incubator.spaces.list({ date: '2025-02-28' }))[0]!.activeTenancies).toBe(0);

    const created = await staff.admin.incubator.spaces.create({
      name: ' 科兴孵化器 ',
      address: '科技园科兴科学园',
    });
    expect(created).toMatchObject({ name: '科兴孵化器', address: '科技园科兴科学园' });
    const updated = await staff.admin.incubator.spaces.update({
      spaceId: created.id,
      address: '科兴科学园 B 座',
    });
    expect(updated).toMatchObject({ name: '科兴孵化器', address: '科兴科学园 B 座' });

    const adminUser = await h.userOf('admin');
    const [createdAudit] = await auditOf('incubator.space_created');
    expect(createdAudit).toMatchObject({
      actorUserId: adminUser.id,
      targetType: 'incubator_space',
      targetId: created.id,
      before: null,
      after: { name: '科兴孵化器', address: '科技园科兴科学园' },
    });
    const [updatedAudit] = await auditOf('incubator.space_updated');
    expect(updatedAudit!.before).toMatchObject({ address: '科技园科兴科学园' });
    expect(updatedAudit!.after).toMatchObject({ address: '科兴科学园 B 座' });
  });

  it('refuses a taken name, no change, an unknown space and empty input, changing nothing', async () => {
    const staff = await admin();
    const other = await staff.admin.incubator.spaces.create({ name: '第二空间', address: '西丽' });
    const before = await tableCounts();
    await expectRefusal(
      staff.admin.incubator.spaces.create({ name: demoIncubator.space.name, address: 'x' }),
      'CONFLICT',
      'space_name_taken',
    );
    await expectRefusal(
      staff.admin.incubator.spaces.update({ spaceId: other.id, name: demoIncubator.space.name }),
      'CONFLICT',
      'space_name_taken',
    );
    await expectRefusal(
      staff.admin.incubator.spaces.update({ spaceId: other.id, name: '第二空间', address: '西丽' }),
      'BAD_REQUEST',
      'space_unchanged',
    );
    await expectRefusal(
      staff.admin.incubator.spaces.update({ spaceId: '00000000-0000-4000-8000-000000000000', name: 'x' }),
      'NOT_FOUND',
      'space_not_found',
    );
    await expectRefusal(staff.admin.incubator.spaces.update({ spaceId: other.id }), 'BAD_REQUEST');
    await expectRefusal(staff.admin.incubator.spaces.create({ name: '  ', address: 'x' }), 'BAD_REQUEST');
    expect(await tableCounts()).toEqual(before);
  });
});

describe('incubator tenancies', () => {
  it('creates a lease by USCC or id, stores the area in hundredths of m², lists and filters, audited', async () => {
    const staff = await admin();
    const spaceId = await seededSpaceId();
    const byUscc = await staff.admin.incubator.tenancies.create({
      uscc: usccOf('large').toLowerCase(),
      spaceId,
      unit: 'B-201',
      areaM2: '95.5',
      baseMonthlyRentFen: 14_325_00,
      startDate: '2026-12-01',
    });
    expect(byUscc).toMatchObject({
      enterpriseId: await enterpriseId('large'),
      areaCentiM2: 95_50,
      baseMonthlyRentFen: 14_325_00,
      startDate: '2026-12-01',
      endDate: null,
    });
    const byId = await staff.admin.incubator.tenancies.create({
      enterpriseId: await enterpriseId('outside'),
      spaceId,
      unit: 'C-301',
      areaM2: '60.25',
      baseMonthlyRentFen: 9_000_00,
      startDate: '2026-01-01',
      endDate: '2026-06-30',
    });
    expect(byId).toMatchObject({ areaCentiM2: 60_25, endDate: '2026-06-30' });

    const all = await staff.admin.incubator.tenancies.list({ spaceId });
    expect(all.total).toBe(3);
    expect(all.items.map((t) => [t.unit, t.runsToday])).toEqual([
      ['B-201', false],
      ['C-301', false],
      ['A-1203', true],
    ]);
    expect(all.items[0]!.enterprise).toMatchObject({ uscc: usccOf('large'), verified: true });
    const running = await staff.admin.incubator.tenancies.list({ activeOn: '2026-03-15' });
    expect(running.items.map((t) => t.unit).sort()).toEqual(['A-1203', 'C-301']);
    const other = await staff.admin.incubator.spaces.create({ name: '空的空间', address: '西丽' });
    expect(await staff.admin.incubator.tenancies.list({ spaceId: other.id })).toEqual({
      total: 0,
      items: [],
    });

    const [audit] = await auditOf('incubator.tenancy_created');
    expect(audit).toMatchObject({
      targetType: 'tenancy',
      targetId: byUscc.id,
      after: {
        enterpriseId: await enterpriseId('large'),
        spaceId,
        unit: 'B-201',
        areaCentiM2: 95_50,
        baseMonthlyRentFen: 14_325_00,
        startDate: '2026-12-01',
        endDate: null,
      },
    });
  });

  it('refuses unknown, invalid and unverified enterprises, overlaps, reversed periods and bad input, changing nothing', async () => {
    const staff = await admin();
    const spaceId = await seededSpaceId();
    const unverified = await newEnterprise(validUscc('91440305MA5PQRT12'), false);
    const lease = {
      spaceId,
      unit: 'B-201',
      areaM2: '50',
      baseMonthlyRentFen: 7_500_00,
      startDate: '2026-12-01',
    };
    const before = await tableCounts();
    const refusals: [() => Promise<unknown>, string, string?][] = [
      [
        () => staff.admin.incubator.tenancies.create({ ...lease, uscc: validUscc('91440305MA5PQRT13') }),
        'NOT_FOUND',
        'enterprise_not_found',
      ],
      [
        () =>
          staff.admin.incubator.tenancies.create({
            ...lease,
            enterpriseId: '00000000-0000-4000-8000-000000000000',
          }),
        'NOT_FOUND',
        'enterprise_not_found',
      ],
      [
        () => staff.admin.incubator.tenancies.create({ ...lease, uscc: '91440305MA5PQRT120' }),
        'BAD_REQUEST',
        'invalid_uscc',
      ],
      [
        () => staff.admin.incubator.tenancies.create({ ...lease, enterpriseId: unverified.id }),
        'PRECONDITION_FAILED',
        'enterprise_not_verified',
      ],
      // The demo lease of A-1203 runs from 2025-03-01 with no end: any later period of the unit overlaps, whatever
      // the case or spacing of the unit's name.
      [
        () => staff.admin.incubator.tenancies.create({ ...lease, uscc: usccOf('large'), unit: ' a-1203 ' }),
        'CONFLICT',
        'tenancy_overlap',
      ],
      [
        () =>
          staff.admin.incubator.tenancies.create({
            ...lease,
            uscc: usccOf('large'),
            unit: 'A-1203',
            startDate: '2024-01-01',
            endDate: '2025-03-01',
          }),
        'CONFLICT',
        'tenancy_overlap',
      ],
      [
        () =>
          staff.admin.incubator.tenancies.create({ ...lease, uscc: usccOf('large'), endDate: '2026-11-30' }),
        'BAD_REQUEST',
        'tenancy_end_before_start',
      ],
      [
        () =>
          staff.admin.incubator.tenancies.create({
            ...lease,
            uscc: usccOf('large'),
            spaceId: '00000000-0000-4000-8000-000000000000',
          }),
        'NOT_FOUND',
        'space_not_found',
      ],
      // Neither or both ways of naming the enterprise; an area of zero or with three decimals.
      [() => staff.admin.incubator.tenancies.create(lease), 'BAD_REQUEST'],
      [
        () =>
          staff.admin.incubator.tenancies.create({
            ...lease,
            uscc: usccOf('large'),
            enterpriseId: unverified.id,
          }),
        'BAD_REQUEST',
      ],
      [
        () => staff.admin.incubator.tenancies.create({ ...lease, uscc: usccOf('large'), areaM2: '0.00' }),
        'BAD_REQUEST',
      ],
      [
        () => staff.admin.incubator.tenancies.create({ ...lease, uscc: usccOf('large'), areaM2: '12.345' }),
        'BAD_REQUEST',
      ],
      [
        () =>
          staff.admin.incubator.tenancies.create({
            ...lease,
            uscc: usccOf('large'),
            baseMonthlyRentFen: 1.5,
          }),
        'BAD_REQUEST',
      ],
    ];
    for (const [call, code, reason] of refusals) await expectRefusal(call(), code as never, reason);
    expect(await tableCounts()).toEqual(before);

    // The unit is free before the demo lease starts.
    await staff.admin.incubator.tenancies.create({
      ...lease,
      uscc: usccOf('large'),
      unit: 'A-1203',
      startDate: '2024-06-01',
      endDate: '2025-02-28',
    });
  });

  it('corrects a lease and ends it, audited with before and after; refuses what would break it', async () => {
    const staff = await admin();
    const spaceId = await seededSpaceId();
    const [demo] = await h.db.select().from(schema.tenancies);
    const other = await staff.admin.incubator.tenancies.create({
      uscc: usccOf('large'),
      spaceId,
      unit: 'B-201',
      areaM2: '50',
      baseMonthlyRentFen: 7_500_00,
      startDate: '2026-01-01',
    });

    const updated = await staff.admin.incubator.tenancies.update({
      tenancyId: demo!.id,
      areaM2: '182.40',
      baseMonthlyRentFen: 27_360_00,
    });
    expect(updated).toMatchObject({
      areaCentiM2: 182_40,
      baseMonthlyRentFen: 27_360_00,
      startDate: '2025-03-01',
    });
    const [audit] = await auditOf('incubator.tenancy_updated');
    expect(audit!.before).toMatchObject({ areaCentiM2: 180_00, baseMonthlyRentFen: 27_000_00 });
    expect(audit!.after).toMatchObject({ areaCentiM2: 182_40, baseMonthlyRentFen: 27_360_00 });

    const before = await tableCounts();
    const refusals: [() => Promise<unknown>, string, string?][] = [
      [
        () => staff.admin.incubator.tenancies.update({ tenancyId: demo!.id, areaM2: '182.4' }),
        'BAD_REQUEST',
        'tenancy_unchanged',
      ],
      [
        () => staff.admin.incubator.tenancies.update({ tenancyId: other.id, unit: 'A-1203' }),
        'CONFLICT',
        'tenancy_overlap',
      ],
      [
        () => staff.admin.incubator.tenancies.update({ tenancyId: other.id, endDate: '2025-12-31' }),
        'BAD_REQUEST',
        'tenancy_end_before_start',
      ],
      [
        () =>
          staff.admin.incubator.tenancies.update({
            tenancyId: '00000000-0000-4000-8000-000000000000',
            unit: 'X',
          }),
        'NOT_FOUND',
        'tenancy_not_found',
      ],
      [
        () => staff.admin.incubator.tenancies.end({ tenancyId: other.id, endDate: '2025-12-31' }),
        'BAD_REQUEST',
        'tenancy_end_before_start',
      ],
      [
        () =>
          staff.admin.incubator.tenancies.end({
            tenancyId: '00000000-0000-4000-8000-000000000000',
            endDate: '2026-12-31',
          }),
        'NOT_FOUND',
        'tenancy_not_found',
      ],
      [
        () => staff.admin.incubator.tenancies.end({ tenancyId: other.id, endDate: '2026-02-30' }),
        'BAD_REQUEST',
      ],
    ];
    for (const [call, code, reason] of refusals) await expectRefusal(call(), code as never, reason);
    expect(await tableCounts()).toEqual(before);

    const ended = await staff.admin.incubator.tenancies.end({ tenancyId: other.id, endDate: '2026-11-30' });
    expect(ended.endDate).toBe('2026-11-30');
    const [endAudit] = await auditOf('incubator.tenancy_ended');
    expect(endAudit).toMatchObject({
      targetId: other.id,
      before: { endDate: null },
      after: { endDate: '2026-11-30' },
    });
    await expectRefusal(
      staff.admin.incubator.tenancies.end({ tenancyId: other.id, endDate: '2026-12-31' }),
      'PRECONDITION_FAILED',
      'tenancy_already_ended',
    );
    // Once B-201 is free again it can be let from December; reopening the ended lease then overlaps.
    await staff.admin.incubator.tenancies.create({
      uscc: usccOf('outside'),
      spaceId,
      unit: 'B-201',
      areaM2: '50',
      baseMonthlyRentFen: 7_500_00,
      startDate: '2026-12-01',
    });
    await expectRefusal(
      staff.admin.incubator.tenancies.update({ tenancyId: other.id, endDate: null }),
      'CONFLICT',
      'tenancy_overlap',
    );
  });
});

describe('monthly rent statement', () => {
  /** Four leases: the demo (month 21, free), year three (30% paid), a mid-month start, one outside Nanshan. */
  async function leases() {
    const staff = await admin();
    const spaceId = await seededSpaceId();
    await staff.admin.incubator.tenancies.create({
      uscc: usccOf('large'),
      spaceId,
      unit: 'B-201',
      areaM2: '66.67',
      baseMonthlyRentFen: 10_001,
      startDate: '2024-05-01',
    });
    const newcomer = await newEnterprise(validUscc('91440305MA5PQRT12'), true);
    await staff.admin.incubator.tenancies.create({
      enterpriseId: newcomer.id,
      spaceId,
      unit: 'C-301',
      areaM2: '40',
      baseMonthlyRentFen: 6_000_00,
      startDate: '2026-11-15',
    });
    await staff.admin.incubator.tenancies.create({
      uscc: usccOf('outside'),
      spaceId,
      unit: 'D-401',
      areaM2: '30',
      baseMonthlyRentFen: 4_500_00,
      startDate: '2025-01-01',
    });
    // Ended in October: not in November's statement.
    await staff.admin.incubator.tenancies.create({
      uscc: usccOf('large'),
      spaceId,
      unit: 'E-501',
      areaM2: '10',
      baseMonthlyRentFen: 1_500_00,
      startDate: '2025-01-01',
      endDate: '2026-10-31',
    });
    return staff;
  }

  it('bills every running lease with its tenancy month, tier, discount (rounded down) and the rules’ trace', async () => {
    const staff = await leases();
    const statement = await staff.admin.incubator.rent.statement({ month: '2026-11' });
    expect(statement).toMatchObject({ month: '2026-11', first: '2026-11-01', last: '2026-11-30' });
    const byUnit = Object.fromEntries(statement.lines.map((l) => [l.unit, l]));
    expect(Object.keys(byUnit).sort()).toEqual(['A-1203', 'B-201', 'C-301', 'D-401']);
    expect(byUnit['A-1203']).toMatchObject({
      tenancyMonth: 21,
      tier: { fromMonth: 1, toMonth: 24 },
      payBps: 0,
      discountBps: 10_000,
      baseRentFen: 27_000_00,
      discountFen: 27_000_00,
      rentDueFen: 0,
      eligible: true,
    });
    // Month 31 pays 30%: the discount 70% × 100.01 yuan = 70.007 yuan is rounded down to 70.00.
    expect(byUnit['B-201']).toMatchObject({
      tenancyMonth: 31,
      tier: { fromMonth: 25, toMonth: 36 },
      payBps: 3000,
      discountBps: 7000,
      discountFen: 7000,
      rentDueFen: 3001,
    });
    // A lease starting mid-month is in its first month from its start date.
    expect(byUnit['C-301']).toMatchObject({
      billedOn: '2026-11-15',
      tenancyMonth: 1,
      discountFen: 6_000_00,
      rentDueFen: 0,
    });
    // Art. 3: an enterprise registered outside Nanshan gets no discount and pays the market rent, with the reason.
    expect(byUnit['D-401']).toMatchObject({
      eligible: false,
      reasons: ['not_in_nanshan'],
      tier: null,
      discountFen: 0,
      rentDueFen: 4_500_00,
    });
    for (const line of statement.lines) {
      expect(line.trace.length).toBeGreaterThan(0);
      expect(line.trace.every((s) => s.zh.length > 0 && s.en.length > 0)).toBe(true);
    }
    expect(byUnit['B-201']!.trace.some((s) => s.code === 'rent_tier')).toBe(true);
    expect(statement.totals).toEqual({
      tenancies: 4,
      baseRentFen: 27_000_00 + 10_001 + 6_000_00 + 4_500_00,
      discountFen: 27_000_00 + 7000 + 6_000_00,
      rentDueFen: 3001 + 4_500_00,
    });

    const october = await staff.admin.incubator.rent.statement({ month: '2026-10' });
    expect(october.lines.map((l) => l.unit).sort()).toEqual(['A-1203', 'B-201', 'D-401', 'E-501']);
    expect(await staff.admin.incubator.rent.statement({ month: '2024-04' })).toMatchObject({
      lines: [],
      totals: { tenancies: 0, baseRentFen: 0, discountFen: 0, rentDueFen: 0 },
    });
  });

  it('exports the statement as CSV in yuan with a totals row, and as XLSX; refuses a bad month', async () => {
    const staff = await leases();
    const file = await staff.admin.incubator.rent.export({ month: '2026-11', format: 'csv' });
    expect(file).toMatchObject({
      filename: 'incubator-rent-2026-11.csv',
      mimeType: 'text/csv; charset=utf-8',
    });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines[0]).toContain('应付租金（元）/ Rent due (CNY)');
    const b201 = lines.find((l) => l.includes(',B-201,'))!;
    expect(b201).toContain(',66.67,2024-05-01,,31,25–36,30%,70%,100.01,70.00,30.01,');
    expect(lines.find((l) => l.includes(',D-401,'))).toContain('not registered in Nanshan');
    expect(lines.at(-1)).toMatch(/^合计 \/ Total \(4\),.*,37600\.01,33070\.00,4530\.01,$/);

    const xlsx = await staff.admin.incubator.rent.export({ month: '2026-11', format: 'xlsx' });
    expect(xlsx.filename).toBe('incubator-rent-2026-11.xlsx');
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');

    await expectRefusal(staff.admin.incubator.rent.statement({ month: '2026-13' }), 'BAD_REQUEST');
    await expectRefusal(staff.admin.incubator.rent.export({ month: '2026-1', format: 'csv' }), 'BAD_REQUEST');
  });
});

describe('compute pool', () => {
  async function poolId() {
    return (await h.db.select().from(schema.computePools))[0]!.id;
  }

  it('shows capacity, allocation, the price in force and each tenant’s paid and reserved units', async () => {
    const staff = await admin();
    await staff.admin.incubator.tenancies.create({
      uscc: usccOf('large'),
      spaceId: await seededSpaceId(),
      unit: 'B-201',
      areaM2: '50',
      baseMonthlyRentFen: 7_500_00,
      startDate: '2026-11-01',
    });
    const sme = await h.callerFor('sme');
    const large = await h.callerFor('large');
    await buy(h, sme, POOL, 300);
    await buy(h, sme, POOL, 200);
    await buy(h, sme, POOL, 500, { pay: false });
    await buy(h, large, POOL, 1_200);
    // A cancelled order gave its units back: it is not counted.
    const cancelled = await buy(h, large, POOL, 50, { pay: false });
    await large.orders.cancel({ orderId: cancelled });

    const [pool] = await staff.admin.incubator.pool.usage();
    expect(pool).toMatchObject({
      capacityUnits: 20_000,
      allocatedUnits: 2_200,
      leftUnits: 17_800,
      unitPriceFen: 10_00,
      paidUnits: 1_700,
      reservedUnits: 500,
    });
    expect(pool!.byTenant).toEqual([
      {
        enterpriseId: await enterpriseId('large'),
        name: demoEnterprises[1].name,
        uscc: usccOf('large'),
        tenant: true,
        paid: { orders: 1, units: 1_200, amountFen: 12_000_00 },
        reserved: { orders: 0, units: 0, amountFen: 0 },
      },
      {
        enterpriseId: await enterpriseId('sme'),
        name: demoEnterprises[0].name,
        uscc: usccOf('sme'),
        tenant: true,
        paid: { orders: 2, units: 500, amountFen: 5_000_00 },
        reserved: { orders: 1, units: 500, amountFen: 5_000_00 },
      },
    ]);
    // Most units first. Before its lease the large enterprise was not a tenant; after the measures end there is no price.
    const [earlier] = await staff.admin.incubator.pool.usage({ date: '2026-10-31' });
    expect(earlier!.byTenant.map((t) => t.tenant)).toEqual([false, true]);
    expect((await staff.admin.incubator.pool.usage({ date: '2027-04-08' }))[0]!.unitPriceFen).toBeNull();
  });

  it('sets the capacity down to exactly what is allocated, audited, and never below', async () => {
    const staff = await admin();
    await buy(h, await h.callerFor('sme'), POOL, 800, { pay: false });
    const id = await poolId();
    const before = await tableCounts();
    await expectRefusal(
      staff.admin.incubator.pool.setCapacity({ poolId: id, capacityUnits: 799, reason: '缩减' }),
      'PRECONDITION_FAILED',
      'pool_capacity_below_allocated',
    );
    await expectRefusal(
      staff.admin.incubator.pool.setCapacity({ poolId: id, capacityUnits: 20_000, reason: '不变' }),
      'BAD_REQUEST',
      'pool_capacity_unchanged',
    );
    await expectRefusal(
      staff.admin.incubator.pool.setCapacity({
        poolId: '00000000-0000-4000-8000-000000000000',
        capacityUnits: 1,
        reason: 'x',
      }),
      'NOT_FOUND',
      'pool_not_found',
    );
    await expectRefusal(
      staff.admin.incubator.pool.setCapacity({ poolId: id, capacityUnits: 900, reason: ' ' }),
      'BAD_REQUEST',
    );
    await expectRefusal(
      staff.admin.incubator.pool.setCapacity({ poolId: id, capacityUnits: -1, reason: 'x' }),
      'BAD_REQUEST',
    );
    expect(await tableCounts()).toEqual(before);

    expect(
      await staff.admin.incubator.pool.setCapacity({ poolId: id, capacityUnits: 800, reason: '设备检修' }),
    ).toEqual({
      poolId: id,
      capacityBeforeUnits: 20_000,
      capacityUnits: 800,
      allocatedUnits: 800,
      leftUnits: 0,
    });
    const [audit] = await auditOf('incubator.pool_capacity_changed');
    expect(audit).toMatchObject({
      targetType: 'compute_pool',
      targetId: id,
      before: { capacityUnits: 20_000, allocatedUnits: 800 },
      after: { capacityUnits: 800, reason: '设备检修' },
    });
    // The pool is full: a tenant's next order is refused.
    await expectRefusal(
      buy(h, await h.callerFor('sme'), POOL, 1, { pay: false }),
      'CONFLICT',
      'pool_capacity_exceeded',
    );
  });
});
