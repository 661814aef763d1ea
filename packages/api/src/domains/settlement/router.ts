import { z } from 'zod';
import { adminProcedure, router } from '../../trpc';
import { statementFile } from '../reports/files';
import { batchDetail, batchStatement, listBatches } from './batch-view';
import { createPayoutBatch, REFERENCE_PATTERN } from './create-batch';
import { owedToProviders } from './owed';

const batchId = z.uuid();

export const settlementRouter = router({
  /**
   * What the district owes each provider: subsidies of paid and delivered orders not yet paid out, and (negative)
   * clawbacks for orders refunded after they were paid out; per provider the net a batch would pay, apart from it the
   * subsidies of orders awaiting delivery, and the ledger balance.
   */
  owed: adminProcedure
    .input(z.object({ providerIds: z.array(z.uuid()).min(1).max(500).optional() }).optional())
    .query(({ ctx, input }) =>
      owedToProviders(ctx.db, input?.providerIds ? { providerIds: input.providerIds } : {}),
    ),

  /**
   * Pays everything owed on delivered orders (to the given providers, or all), net of clawbacks, in one payout batch;
   * each paid order is settled once.
   * Refusals: `nothing_to_settle`, `batch_reference_taken`, `provider_not_found`, `order_already_settled`.
   */
  createBatch: adminProcedure
    .input(
      z.object({
        providerIds: z.array(z.uuid()).min(1).max(500).optional(),
        reference: z.string().trim().regex(REFERENCE_PATTERN).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const created = await createPayoutBatch(ctx.db, {
        ...(input.providerIds ? { providerIds: input.providerIds } : {}),
        ...(input.reference ? { reference: input.reference } : {}),
        actorUserId: ctx.user.id,
        now: ctx.now(),
      });
      return batchDetail(ctx.db, created.batchId);
    }),

  /** Payout batches, newest first. */
  batches: adminProcedure
    .input(
      z.object({
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) => listBatches(ctx.db, input)),

  /** One batch with its payees, the orders paid and the clawbacks netted off. */
  batch: adminProcedure
    .input(z.object({ id: batchId }))
    .query(({ ctx, input }) => batchDetail(ctx.db, input.id)),

  /** The batch for the bank: a row per order or clawback, a subtotal per payee and the total (CSV with BOM, or XLSX). */
  exportBatch: adminProcedure
    .input(z.object({ id: batchId, format: z.enum(['csv', 'xlsx']).default('csv') }))
    .query(async ({ ctx, input }) => {
      const batch = await batchDetail(ctx.db, input.id);
      return statementFile(batchStatement(batch), {
        format: input.format,
        filename: `payout-${batch.reference}`,
        sheetName: `付款批次 ${batch.reference}`,
        now: ctx.now(),
      });
    }),
});
