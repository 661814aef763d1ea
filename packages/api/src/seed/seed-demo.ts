import { type Db, type DbOrTx, schema } from '@nanshan/db';
import { validateUscc } from '@nanshan/rules';
import { and, eq } from 'drizzle-orm';
import type { Auth } from '../auth/auth';
import { ensureUser } from '../auth/ensure-user';
import { setFundBudget } from '../ledger/fund';
import {
  DEMO_FUND_BUDGET_FEN,
  DEMO_PASSWORD,
  demoEnterprises,
  demoIncubator,
  demoOfferings,
  demoProviders,
  demoUsers,
} from './demo-data';

/**
 * Idempotent: every row is found by its natural key (email, 统一社会信用代码, provider + title) and only
 * created when missing, so running it twice changes nothing. The fund budget is set for `year` only when
 * that year has no budget yet, so an admin's later adjustment is never overwritten.
 */
export async function seedDemo(db: Db, auth: Auth, year: number) {
  const users: Record<keyof typeof demoUsers, string> = {} as never;
  for (const [key, u] of Object.entries(demoUsers) as Array<
    [keyof typeof demoUsers, (typeof demoUsers)[keyof typeof demoUsers]]
  >) {
    users[key] = (await ensureUser(auth, db, { ...u, password: DEMO_PASSWORD })).id;
  }

  await db.transaction(async (tx) => {
    const enterpriseIds: Record<string, string> = {};
    for (const { key, verified, ...e } of demoEnterprises) {
      if (!validateUscc(e.uscc).valid) throw new Error(`invalid demo USCC ${e.uscc}`);
      await tx
        .insert(schema.enterprises)
        .values({ ...e, verifiedAt: verified ? new Date() : null, verifiedBy: verified ? users.admin : null })
        .onConflictDoNothing();
      const [row] = await tx.select().from(schema.enterprises).where(eq(schema.enterprises.uscc, e.uscc));
      enterpriseIds[key] = row!.id;
      const member = users[key as keyof typeof users];
      await tx
        .insert(schema.enterpriseMembers)
        .values({ enterpriseId: row!.id, userId: member, role: 'owner' })
        .onConflictDoNothing();
    }

    const providerIds: Record<string, string> = {};
    for (const { key, ...p } of demoProviders) {
      if (!validateUscc(p.uscc).valid) throw new Error(`invalid demo USCC ${p.uscc}`);
      await tx.insert(schema.providers).values(p).onConflictDoNothing();
      const [row] = await tx.select().from(schema.providers).where(eq(schema.providers.uscc, p.uscc));
      providerIds[key] = row!.id;
    }
    await tx
      .insert(schema.providerMembers)
      .values([
        { providerId: providerIds.centre!, userId: users.provider },
        { providerId: providerIds.vendor!, userId: users.vendor },
      ])
      .onConflictDoNothing();

    for (const { provider, ...o } of demoOfferings) {
      const providerId = providerIds[provider]!;
      const [existing] = await tx
        .select({ id: schema.offerings.id })
        .from(schema.offerings)
        .where(and(eq(schema.offerings.providerId, providerId), eq(schema.offerings.title, o.title)));
      if (!existing) await tx.insert(schema.offerings).values({ ...o, providerId });
    }

    await seedIncubator(tx, enterpriseIds, providerIds);

    const [fund] = await tx.select().from(schema.fundYears).where(eq(schema.fundYears.year, year));
    if (!fund) await setFundBudget(tx, year, DEMO_FUND_BUDGET_FEN, `demo budget for ${year}`);
  });
  return users;
}

async function seedIncubator(
  tx: DbOrTx,
  enterpriseIds: Record<string, string>,
  providerIds: Record<string, string>,
) {
  const { space, tenancy, pool, poolOffering } = demoIncubator;
  await tx.insert(schema.incubatorSpaces).values(space).onConflictDoNothing();
  const [spaceRow] = await tx
    .select()
    .from(schema.incubatorSpaces)
    .where(eq(schema.incubatorSpaces.name, space.name));
  const enterpriseId = enterpriseIds[tenancy.enterprise]!;
  const [lease] = await tx
    .select()
    .from(schema.tenancies)
    .where(eq(schema.tenancies.enterpriseId, enterpriseId));
  if (!lease) {
    const { enterprise: _, ...lease } = tenancy;
    await tx.insert(schema.tenancies).values({ ...lease, enterpriseId, spaceId: spaceRow!.id });
  }
  await tx.insert(schema.computePools).values(pool).onConflictDoNothing();
  const [poolRow] = await tx
    .select()
    .from(schema.computePools)
    .where(eq(schema.computePools.name, pool.name));
  await tx
    .insert(schema.offerings)
    .values({
      providerId: providerIds[poolOffering.provider]!,
      poolId: poolRow!.id,
      title: poolOffering.title,
      kind: 'compute',
      serviceKind: 'compute',
      gpuModel: pool.gpuModel,
      gpuCount: 1,
      unit: pool.unit,
      unitPriceFen: pool.unitPriceFen,
      region: '深圳南山',
      description: poolOffering.description,
      minQuantity: 1,
      maxQuantity: poolOffering.maxQuantity,
      status: 'listed',
    })
    .onConflictDoNothing();
}
