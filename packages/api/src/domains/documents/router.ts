import { schema } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { domainError } from '../../errors';
import { authedProcedure, router } from '../../trpc';
import { mayReadDocument } from './document-access';
import {
  cleanFilename,
  DOCUMENT_KINDS,
  DOCUMENT_MIME_TYPES,
  DOCUMENT_OWNER_TYPES,
  MAX_BASE64_CHARS,
} from './document-rules';
import { documentMeta, uploadDocument } from './upload-document';

/** Parties upload evidence; staff read it but file nothing themselves. */
const partyProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'sme' && ctx.user.role !== 'provider') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'party_only' });
  }
  return next();
});

export const documentsRouter = router({
  /**
   * Uploads a PDF, PNG or JPEG (at most 10 MB, base64) for the caller's provider, enterprise, or one of the
   * caller's orders (`orderId`). Returns the document's metadata; its id is what checklist items and orders cite.
   */
  upload: partyProcedure
    .input(
      z
        .object({
          ownerType: z.enum(DOCUMENT_OWNER_TYPES),
          orderId: z.uuid().optional(),
          kind: z.enum(DOCUMENT_KINDS),
          filename: z
            .string()
            .max(255)
            .refine((f) => cleanFilename(f).length > 0, 'filename_required'),
          mimeType: z.enum(DOCUMENT_MIME_TYPES),
          contentBase64: z.string().min(1).max(MAX_BASE64_CHARS),
        })
        .refine((v) => (v.ownerType === 'order') === (v.orderId !== undefined), {
          message: 'order_id_with_order_owner_only',
          path: ['orderId'],
        }),
    )
    .mutation(({ ctx, input }) => uploadDocument(ctx.db, { ...input, user: ctx.user, now: ctx.now() })),

  /** A document with its content (base64), for its owner's members and for staff; anyone else: not found. */
  get: authedProcedure.input(z.object({ documentId: z.uuid() })).query(async ({ ctx, input }) => {
    const [doc] = await ctx.db
      .select()
      .from(schema.documents)
      .where(eq(schema.documents.id, input.documentId));
    if (!doc || !(await mayReadDocument(ctx.db, ctx.user, doc))) {
      throw domainError('document_not_found', 'NOT_FOUND');
    }
    return { ...documentMeta(doc), contentBase64: doc.content.toString('base64') };
  }),
});
