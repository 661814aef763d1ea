import { isIsoDate } from '@nanshan/rules';
import { z } from 'zod';
import { adminProcedure, router } from '../../trpc';
import { listAudit, verifyAuditLog } from './audit-log';

const isoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');

export const auditRouter = router({
  /** The audit log, newest first; filter by actor, action prefix, target and Shenzhen date range. */
  list: adminProcedure
    .input(
      z
        .object({
          page: z.number().int().min(1).default(1),
          pageSize: z.number().int().min(1).max(200).default(50),
          actorUserId: z.string().min(1).max(100).optional(),
          actionPrefix: z.string().trim().min(1).max(100).optional(),
          targetType: z.string().trim().min(1).max(100).optional(),
          targetId: z.string().trim().min(1).max(200).optional(),
          fromDate: isoDate.optional(),
          toDate: isoDate.optional(),
        })
        .refine((f) => !f.fromDate || !f.toDate || f.fromDate <= f.toDate, {
          message: 'fromDate must not be after toDate',
          path: ['toDate'],
        }),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, input)),

  /** Re-computes the hash chain: `{ ok, firstBrokenId }` — a non-null id is where tampering starts. */
  verify: adminProcedure.query(({ ctx }) => verifyAuditLog(ctx.db, ctx.now())),
});
