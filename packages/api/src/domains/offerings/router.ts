import { schema, toSafeInteger } from '@nanshan/db';
import { and, asc, count, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { publicProcedure, router } from '../../trpc';

const listInput = z.object({
  search: z.string().trim().max(100).optional(),
  kind: z.enum(['compute', 'ai_service']).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export const offeringsRouter = router({
  /** The public catalogue: listed offerings of active providers. */
  list: publicProcedure.input(listInput).query(async ({ ctx, input }) => {
    const filters: SQL[] = [
      eq(schema.offerings.status, 'listed'),
      // The Art. 10 compute pool is sold to incubator tenants only, from their incubator page.
      isNull(schema.offerings.poolId),
      sql`${schema.providers.status} in ('approved', 'filed')`,
    ];
    if (input.kind) filters.push(eq(schema.offerings.kind, input.kind));
    if (input.search) {
      const like = `%${input.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      filters.push(
        or(
          ilike(schema.offerings.title, like),
          ilike(schema.offerings.gpuModel, like),
          ilike(schema.providers.name, like),
          ilike(schema.offerings.description, like),
        )!,
      );
    }
    const where = and(...filters);
    const [rows, [total]] = await Promise.all([
      ctx.db
        .select({
          offering: schema.offerings,
          providerName: schema.providers.name,
          providerKind: schema.providers.kind,
        })
        .from(schema.offerings)
        .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId))
        .where(where)
        .orderBy(asc(schema.offerings.unitPriceFen), asc(schema.offerings.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db
        .select({ n: count() })
        .from(schema.offerings)
        .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId))
        .where(where),
    ]);
    return {
      total: toSafeInteger(total?.n),
      items: rows.map(({ offering: o, providerName, providerKind }) => ({
        id: o.id,
        title: o.title,
        providerName,
        providerKind: providerKind as 'computing_centre' | 'cloud_vendor',
        kind: o.kind as 'compute' | 'ai_service',
        serviceKind: o.serviceKind,
        gpuModel: o.gpuModel,
        gpuCount: o.gpuCount,
        unit: o.unit,
        unitPriceFen: o.unitPriceFen,
        region: o.region,
        description: o.description,
        minQuantity: o.minQuantity,
        maxQuantity: o.maxQuantity,
      })),
    };
  }),
});
