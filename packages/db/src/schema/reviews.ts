import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt } from './columns';
import { providers } from './parties';

/** The Art. 9 filing checklist (DOMAIN-NOTES), one row per item, reviewed by staff item by item. */
export const FILING_ITEMS = [
  'licence',
  'staff',
  'owned_compute',
  'price_list',
  'model_filing',
  'cases',
  'contracts',
] as const;

export const filingItems = pgTable(
  'filing_items',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    /** What the provider states for this item (e.g. "62 resident technical staff in Shenzhen"). */
    statement: text('statement').notNull().default(''),
    documentId: uuid('document_id').references(() => documents.id),
    status: text('status').notNull().default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by').references(() => user.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.providerId, t.item] }),
    check(
      'filing_item_known',
      sql`${t.item} in ('licence', 'staff', 'owned_compute', 'price_list', 'model_filing', 'cases', 'contracts')`,
    ),
    check('filing_item_status', sql`${t.status} in ('submitted', 'accepted', 'rejected')`),
  ],
);

/** Every staff decision with its reason, shown to the applicant (providers, enterprises, later grants). */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    decision: text('decision').notNull(),
    reason: text('reason').notNull(),
    actorUserId: text('actor_user_id')
      .notNull()
      .references(() => user.id),
    at: createdAt(),
  },
  (t) => [
    check('decision_subject', sql`${t.subjectType} in ('provider', 'enterprise', 'grant_application')`),
    index('decision_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** Uploaded evidence (licences, contracts, invoices), kept in the database with size and type limits. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('document_size', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760`),
    check('document_type', sql`${t.mimeType} in ('application/pdf', 'image/png', 'image/jpeg')`),
    index('document_owner_idx').on(t.ownerType, t.ownerId),
  ],
);
