import { z } from 'zod';
import type { Context } from '../../trpc';
import { providerProcedure, publicProcedure, router } from '../../trpc';
import { enterpriseOfUser } from '../enterprises/membership';
import { CATALOGUE_SORTS, catalogueFacets, catalogueOffering, listCatalogue } from './catalogue';
import { createOffering, providerOfferings, setOfferingStatus, updateOffering } from './manage-offering';
import { OFFERING_KINDS, OFFERING_STATUSES, offeringFields } from './offering-rules';

const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const offeringId = z.uuid();

const listInput = z
  .object({
    search: z.string().trim().max(100).optional(),
    kind: z.enum(OFFERING_KINDS).optional(),
    gpuModel: z.string().trim().min(1).max(100).optional(),
    minFen: fen.optional(),
    maxFen: fen.optional(),
    providerId: z.uuid().optional(),
    subsidisedOnly: z.boolean().default(false),
    sort: z.enum(CATALOGUE_SORTS).default('price_asc'),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .refine((v) => v.minFen === undefined || v.maxFen === undefined || v.minFen <= v.maxFen, {
    message: 'price_range_reversed',
    path: ['maxFen'],
  });

/** The enterprise a signed-in SME buys for: catalogue items then carry its subsidy. Anyone else sees prices only. */
async function buyerOf(ctx: Context) {
  if (ctx.user?.role !== 'sme') return null;
  return (await enterpriseOfUser(ctx.db, ctx.user.id)) ?? null;
}

const createInput = z.object({
  ...offeringFields,
  serviceKind: offeringFields.serviceKind.default('compute'),
  gpuModel: offeringFields.gpuModel.default(null),
  gpuCount: offeringFields.gpuCount.default(null),
  region: offeringFields.region.default(null),
  description: offeringFields.description.default(''),
  stock: offeringFields.stock.default(null),
  minQuantity: offeringFields.minQuantity.default(1),
});

const updateInput = z
  .object({ offeringId, ...offeringFields })
  .partial()
  .required({ offeringId: true })
  .refine((v) => Object.entries(v).some(([k, x]) => k !== 'offeringId' && x !== undefined), {
    message: 'nothing_to_update',
  });

export const offeringsRouter = router({
  /**
   * The public catalogue: listed offerings of providers active and inside their validity period today. Filters,
   * sort (`subsidy_desc` needs a signed-in enterprise) and pagination; for an SME with an enterprise each item
   * carries `subsidy` (its subsidy now at the minimum quantity), otherwise `subsidy: null`.
   */
  list: publicProcedure.input(listInput).query(async ({ ctx, input }) => {
    const { sort, page, pageSize, ...filters } = input;
    return listCatalogue(ctx.db, {
      filters,
      sort,
      page,
      pageSize,
      buyer: await buyerOf(ctx),
      now: ctx.now(),
    });
  }),

  /** One offering as the catalogue shows it (with `subsidy` for an enterprise); `offering_not_found` otherwise. */
  get: publicProcedure
    .input(z.object({ offeringId }))
    .query(async ({ ctx, input }) =>
      catalogueOffering(ctx.db, { offeringId: input.offeringId, buyer: await buyerOf(ctx), now: ctx.now() }),
    ),

  /** Filter choices present in today's catalogue (kinds, GPU models, providers, units, price range). */
  facets: publicProcedure
    .input(z.object({ kind: z.enum(OFFERING_KINDS).optional() }).optional())
    .query(({ ctx, input }) => catalogueFacets(ctx.db, { kind: input?.kind, now: ctx.now() })),

  /** The caller's offerings in every state (provider only). */
  mine: providerProcedure.query(({ ctx }) => providerOfferings(ctx.db, ctx.user.id)),

  /** A new offering, created as a draft. */
  create: providerProcedure
    .input(createInput)
    .mutation(({ ctx, input }) =>
      createOffering(ctx.db, { userId: ctx.user.id, fields: input, now: ctx.now() }),
    ),

  /** Changes some of an offering's terms; placed orders keep the terms they copied. */
  update: providerProcedure.input(updateInput).mutation(({ ctx, input }) => {
    const { offeringId: id, ...changes } = input;
    return updateOffering(ctx.db, { userId: ctx.user.id, offeringId: id, changes, now: ctx.now() });
  }),

  /** draft / listed / delisted. Listing needs the provider approved or filed and inside its validity period. */
  setStatus: providerProcedure
    .input(z.object({ offeringId, status: z.enum(OFFERING_STATUSES) }))
    .mutation(({ ctx, input }) =>
      setOfferingStatus(ctx.db, { userId: ctx.user.id, ...input, now: ctx.now() }),
    ),
});
