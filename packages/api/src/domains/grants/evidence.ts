import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import {
  cleanFilename,
  DOCUMENT_MIME_TYPES,
  decodeDocument,
  MAX_BASE64_CHARS,
} from '../documents/document-rules';
import { documentMeta, documentMetaColumns } from '../documents/upload-document';

/**
 * What a grant reviewer expects besides the market's contract/invoice evidence (DOMAIN-NOTES): the municipal grant
 * notice (Arts. 7, 8), a recognition notice (Arts. 5, 11, 14), audited statements (Art. 12), financing or loan
 * documents (Art. 13). Files are read back with `documents.get` (the enterprise's members and staff).
 */
export const EVIDENCE_KINDS = [
  'contract',
  'invoice',
  'payment_proof',
  'delivery_record',
  'related_party_declaration',
  'city_grant_notice',
  'recognition_notice',
  'financial_statement',
  'financing_document',
  'other',
] as const;

export const uploadInput = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  filename: z
    .string()
    .max(255)
    .refine((f) => cleanFilename(f).length > 0, 'filename_required'),
  mimeType: z.enum(DOCUMENT_MIME_TYPES),
  /** The file, base64-encoded (PDF, PNG or JPEG, at most 10 MB decoded). */
  contentBase64: z.string().min(1).max(MAX_BASE64_CHARS),
});

/**
 * Stores an evidence file for the enterprise (owner `enterprise`), with the documents domain's checks: strict
 * base64, not empty, at most 10 MB, content matching its type. Retrying the same upload returns the stored file.
 */
export async function uploadEvidence(
  db: DbOrTx,
  input: z.infer<typeof uploadInput> & { enterpriseId: string; userId: string; now: Date },
) {
  const decoded = decodeDocument(input.contentBase64, input.mimeType);
  const filename = cleanFilename(input.filename);
  return db.transaction(async (tx) => {
    const owner = and(
      eq(schema.documents.ownerType, 'enterprise'),
      eq(schema.documents.ownerId, input.enterpriseId),
    );
    const [same] = await tx
      .select(documentMetaColumns)
      .from(schema.documents)
      .where(
        and(
          owner,
          eq(schema.documents.sha256, decoded.sha256),
          eq(schema.documents.kind, input.kind),
          eq(schema.documents.filename, filename),
        ),
      )
      .limit(1);
    if (same) return documentMeta(same);
    const [doc] = await tx
      .insert(schema.documents)
      .values({
        ownerType: 'enterprise',
        ownerId: input.enterpriseId,
        kind: input.kind,
        filename,
        mimeType: input.mimeType,
        sizeBytes: decoded.sizeBytes,
        sha256: decoded.sha256,
        content: decoded.content,
        uploadedBy: input.userId,
        createdAt: input.now,
      })
      .returning(documentMetaColumns);
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'document.uploaded',
      targetType: 'enterprise',
      targetId: input.enterpriseId,
      after: {
        documentId: doc!.id,
        kind: input.kind,
        filename,
        sizeBytes: decoded.sizeBytes,
        sha256: decoded.sha256,
      },
      at: input.now,
    });
    return documentMeta(doc!);
  });
}

const metadataColumns = {
  id: schema.documents.id,
  kind: schema.documents.kind,
  filename: schema.documents.filename,
  mimeType: schema.documents.mimeType,
  sizeBytes: schema.documents.sizeBytes,
  sha256: schema.documents.sha256,
  createdAt: schema.documents.createdAt,
};

/** Refuses unless every id is a file of the enterprise (another enterprise's file is "not found"). */
export async function requireOwnDocuments(db: DbOrTx, enterpriseId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select(metadataColumns)
    .from(schema.documents)
    .where(
      and(
        inArray(schema.documents.id, unique),
        eq(schema.documents.ownerType, 'enterprise'),
        eq(schema.documents.ownerId, enterpriseId),
      ),
    );
  if (rows.length !== unique.length) throw domainError('document_not_found', 'NOT_FOUND');
  return rows;
}

/** The files' metadata, in the order given (the content is read with `documents.get`). */
export async function documentsMetadata(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(metadataColumns)
    .from(schema.documents)
    .where(inArray(schema.documents.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
