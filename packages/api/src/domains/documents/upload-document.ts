import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { SessionUser } from '../../trpc';
import { uploadOwnerId } from './document-access';
import {
  cleanFilename,
  type DocumentKind,
  type DocumentMimeType,
  type DocumentOwnerType,
  decodeDocument,
} from './document-rules';

type DocumentRow = typeof schema.documents.$inferSelect;

/** A document's description without its content. */
export function documentMeta(d: Omit<DocumentRow, 'content'>) {
  return {
    id: d.id,
    ownerType: d.ownerType as DocumentOwnerType,
    ownerId: d.ownerId,
    /** One of DOCUMENT_KINDS for uploads made here; the grants module files evidence with its own kinds. */
    kind: d.kind,
    filename: d.filename,
    mimeType: d.mimeType as DocumentMimeType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    createdAt: d.createdAt,
  };
}

/** Every column but the content, for lists and metadata. */
export const documentMetaColumns = {
  id: schema.documents.id,
  ownerType: schema.documents.ownerType,
  ownerId: schema.documents.ownerId,
  kind: schema.documents.kind,
  filename: schema.documents.filename,
  mimeType: schema.documents.mimeType,
  sizeBytes: schema.documents.sizeBytes,
  sha256: schema.documents.sha256,
  uploadedBy: schema.documents.uploadedBy,
  createdAt: schema.documents.createdAt,
};

/**
 * Stores an uploaded document for the uploader's own party (see `uploadOwnerId`), after checking its size, type and
 * encoding, with its SHA-256 so evidence can be shown unaltered later. Retrying the same upload (same owner, kind,
 * name and content) returns the document already stored instead of a copy.
 */
export async function uploadDocument(
  db: DbOrTx,
  input: {
    user: Pick<SessionUser, 'id' | 'role'>;
    ownerType: DocumentOwnerType;
    orderId?: string | undefined;
    kind: DocumentKind;
    filename: string;
    mimeType: DocumentMimeType;
    contentBase64: string;
    now: Date;
  },
) {
  const decoded = decodeDocument(input.contentBase64, input.mimeType);
  const filename = cleanFilename(input.filename);
  return db.transaction(async (tx) => {
    const ownerId = await uploadOwnerId(tx, input.user, input.ownerType, input.orderId);
    const [same] = await tx
      .select(documentMetaColumns)
      .from(schema.documents)
      .where(
        and(
          eq(schema.documents.ownerType, input.ownerType),
          eq(schema.documents.ownerId, ownerId),
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
        ownerType: input.ownerType,
        ownerId,
        kind: input.kind,
        filename,
        mimeType: input.mimeType,
        sizeBytes: decoded.sizeBytes,
        sha256: decoded.sha256,
        content: decoded.content,
        uploadedBy: input.user.id,
        createdAt: input.now,
      })
      .returning(documentMetaColumns);
    await recordAudit(tx, {
      actorUserId: input.user.id,
      action: 'document.uploaded',
      targetType: input.ownerType,
      targetId: ownerId,
      after: {
        documentId: doc!.id,
        kind: input.kind,
        filename,
        mimeType: input.mimeType,
        sizeBytes: decoded.sizeBytes,
        sha256: decoded.sha256,
      },
      at: input.now,
    });
    return documentMeta(doc!);
  });
}
