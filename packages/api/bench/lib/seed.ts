import { type Database, queryRows, schema } from '@nanshan/db';
import { usccCheckCharacter } from '@nanshan/rules';
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import { createAuth } from '../../src/auth/auth';
import { demoEnterprises } from '../../src/seed/demo-data';
import { seedDemo } from '../../src/seed/seed-demo';

export const BENCH_PASSWORD = 'Bench@2026-password';
/** The offering every bench offering copies: per-hour inference compute from an approved Shenzhen centre. */
const TEMPLATE_OFFERING = 'NVIDIA L40S 推理 · 按卡时';
const CHUNK = 1000;

export interface BenchParty {
  email: string;
  userId: string;
  enterpriseId: string;
}

/**
 * The demo data (providers, offerings, the year's fund), then `enterprises` verified SMEs in Nanshan — each with
 * its own user who signs in with `BENCH_PASSWORD` — and `offerings` listed copies of one subsidisable offering.
 * Bulk rows go in by SQL in chunks; the password is hashed once by better-auth's own hasher and shared.
 */
export async function seedBench(
  database: Database,
  options: { enterprises: number; offerings: number; year: number },
) {
  const { db } = database;
  const auth = createAuth({ db, secret: 'bench-seed-secret-0123456789abcdef', baseURL: 'http://127.0.0.1' });
  const demoUsers = await seedDemo(db, auth, options.year);
  const password = await hashPassword(BENCH_PASSWORD);
  const profile = demoEnterprises.find((e) => e.key === 'sme')!;
  const parties: BenchParty[] = [];

  for (let start = 0; start < options.enterprises; start += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, options.enterprises - start) }, (_, j) => start + j);
    const users = batch.map((i) => ({
      id: `bench-user-${i}`,
      name: `Bench buyer ${i}`,
      email: `buyer-${i}@bench.nanshan.test`,
      emailVerified: true,
      role: 'sme',
    }));
    await db.insert(schema.user).values(users);
    await db.insert(schema.account).values(
      users.map((u) => ({
        id: `bench-account-${u.id}`,
        accountId: u.id,
        providerId: 'credential',
        userId: u.id,
        password,
      })),
    );
    const enterprises = await db
      .insert(schema.enterprises)
      .values(
        batch.map((i) => {
          const { key: _key, verified: _verified, ...facts } = profile;
          const first17 = `91440305BN${String(i).padStart(7, '0')}`;
          return {
            ...facts,
            uscc: first17 + usccCheckCharacter(first17),
            name: `深圳压测科技${i}号有限公司`,
            verifiedAt: new Date(),
            verifiedBy: demoUsers.admin,
          };
        }),
      )
      .returning({ id: schema.enterprises.id });
    await db
      .insert(schema.enterpriseMembers)
      .values(enterprises.map((e, j) => ({ enterpriseId: e.id, userId: users[j]!.id, role: 'owner' })));
    parties.push(
      ...enterprises.map((e, j) => ({ email: users[j]!.email, userId: users[j]!.id, enterpriseId: e.id })),
    );
  }

  await db.execute(sql`
    insert into offerings (provider_id, title, kind, service_kind, gpu_model, gpu_count, unit, unit_price_fen,
                           region, description, min_quantity, max_quantity, status)
    select provider_id, title || ' · 压测 ' || g, kind, service_kind, gpu_model, gpu_count, unit,
           unit_price_fen + (g % 400), region, description, min_quantity, max_quantity, 'listed'
    from offerings, generate_series(1, ${options.offerings}) g
    where title = ${TEMPLATE_OFFERING}`);
  const offerings = await queryRows<{ id: string }>(
    db,
    sql`select id from offerings where title like ${`${TEMPLATE_OFFERING} · 压测 %`} order by id`,
  );
  await db.execute(sql`analyze`);
  return { parties, offeringIds: offerings.map((o) => o.id), adminUserId: demoUsers.admin };
}
