import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { documentMeta } from '../documents/upload-document';
import { lockOwnProvider, lockProvider } from './membership';

/** The Art. 9 filing checklist (DOMAIN-NOTES): licence, staff, owned compute, price list, model filing, cases, contracts. */
export const FILING_ITEMS = schema.FILING_ITEMS;
export type FilingItem = (typeof FILING_ITEMS)[number];

/** `not_submitted`: nothing stated and no document yet; otherwise the row's review status. */
export type FilingItemStatus = 'not_submitted' | 'submitted' | 'accepted' | 'rejected';

type ItemRow = typeof schema.filingItems.$inferSelect;

function hasContent(row: Pick<ItemRow, 'statement' | 'documentId'> | undefined): boolean {
  return !!row && (row.statement.trim() !== '' || row.documentId !== null);
}

/** Every checklist item in the notice's order, with what the provider submitted and the staff review. */
export async function filingChecklist(db: DbOrTx, providerId: string) {
  const rows = await db
    .select({
      item: schema.filingItems,
      document: {
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
      },
      reviewerName: schema.user.name,
    })
    .from(schema.filingItems)
    .leftJoin(schema.documents, eq(schema.documents.id, schema.filingItems.documentId))
    .leftJoin(schema.user, eq(schema.user.id, schema.filingItems.reviewedBy))
    .where(eq(schema.filingItems.providerId, providerId));
  const byItem = new Map(rows.map((r) => [r.item.item, r]));
  return FILING_ITEMS.map((item) => {
    const row = byItem.get(item);
    const status: FilingItemStatus = !row
      ? 'not_submitted'
      : row.item.status === 'submitted' && !hasContent(row.item)
        ? 'not_submitted'
        : (row.item.status as FilingItemStatus);
    return {
      item,
      status,
      statement: row?.item.statement ?? '',
      document: row?.document ? documentMeta(row.document) : null,
      reviewNote: row?.item.reviewNote ?? null,
      reviewedAt: row?.item.reviewedAt ?? null,
      reviewerName: row?.reviewerName ?? null,
    };
  });
}

/** Whether every checklist item has been accepted by staff (required to file a cloud vendor, Art. 9). */
export async function checklistComplete(db: DbOrTx, providerId: string): Promise<boolean> {
  const rows = await db
    .select({ item: schema.filingItems.item, status: schema.filingItems.status })
    .from(schema.filingItems)
    .where(eq(schema.filingItems.providerId, providerId));
  const accepted = new Set(rows.filter((r) => r.status === 'accepted').map((r) => r.item));
  return FILING_ITEMS.every((item) => accepted.has(item));
}

/**
 * The provider states what it has for one checklist item, optionally citing one of its own documents. The item goes
 * (back) to `submitted` for staff to review, and the previous review is cleared (it stays in the audit log).
 */
export async function submitFilingItem(
  db: DbOrTx,
  input: {
    userId: string;
    item: FilingItem;
    statement: string;
    documentId: string | null;
    now: Date;
  },
) {
  return db.transaction(async (tx) => {
    const provider = await lockOwnProvider(tx, input.userId);
    if (provider.status === 'revoked') throw domainError('provider_revoked', 'PRECONDITION_FAILED');
    if (input.documentId) {
      const [doc] = await tx
        .select({ id: schema.documents.id })
        .from(schema.documents)
        .where(
          and(
            eq(schema.documents.id, input.documentId),
            eq(schema.documents.ownerType, 'provider'),
            eq(schema.documents.ownerId, provider.id),
          ),
        );
      if (!doc) throw domainError('document_not_found', 'NOT_FOUND');
    }
    if (input.statement.trim() === '' && !input.documentId) {
      throw domainError('filing_item_empty', 'BAD_REQUEST');
    }
    const where = and(
      eq(schema.filingItems.providerId, provider.id),
      eq(schema.filingItems.item, input.item),
    );
    const [before] = await tx.select().from(schema.filingItems).where(where);
    const values = {
      statement: input.statement,
      documentId: input.documentId,
      status: 'submitted',
      reviewNote: null,
      reviewedBy: null,
      reviewedAt: null,
    };
    await tx
      .insert(schema.filingItems)
      .values({ providerId: provider.id, item: input.item, ...values })
      .onConflictDoUpdate({
        target: [schema.filingItems.providerId, schema.filingItems.item],
        set: values,
      });
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'provider.filing_item_submitted',
      targetType: 'provider',
      targetId: provider.id,
      before: before
        ? {
            item: input.item,
            statement: before.statement,
            documentId: before.documentId,
            status: before.status,
          }
        : undefined,
      after: {
        item: input.item,
        statement: input.statement,
        documentId: input.documentId,
        status: 'submitted',
      },
      at: input.now,
    });
    return { item: input.item, status: 'submitted' as const };
  });
}

/** Staff accept or reject one checklist item, with a note the provider sees (required when rejecting). */
export async function reviewFilingItem(
  db: DbOrTx,
  input: {
    providerId: string;
    item: FilingItem;
    decision: 'accepted' | 'rejected';
    note: string;
    actorUserId: string;
    now: Date;
  },
) {
  return db.transaction(async (tx) => {
    const provider = await lockProvider(tx, input.providerId);
    if (!provider) throw domainError('provider_not_found', 'NOT_FOUND');
    if (provider.status === 'revoked') throw domainError('provider_revoked', 'PRECONDITION_FAILED');
    const where = and(
      eq(schema.filingItems.providerId, provider.id),
      eq(schema.filingItems.item, input.item),
    );
    const [row] = await tx.select().from(schema.filingItems).where(where);
    // Staff review what the provider submitted; an empty item has nothing to accept or reject.
    if (!row || !hasContent(row)) throw domainError('filing_item_empty', 'PRECONDITION_FAILED');
    const note = input.note.trim() === '' ? null : input.note;
    await tx
      .update(schema.filingItems)
      .set({ status: input.decision, reviewNote: note, reviewedBy: input.actorUserId, reviewedAt: input.now })
      .where(where);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: `provider.filing_item_${input.decision}`,
      targetType: 'provider',
      targetId: provider.id,
      before: { item: input.item, status: row.status, reviewNote: row.reviewNote },
      after: { item: input.item, status: input.decision, reviewNote: note },
      at: input.now,
    });
    return { item: input.item, status: input.decision, reviewNote: note };
  });
}
