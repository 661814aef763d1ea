import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { user } from './auth';
import { createdAt, fen } from './columns';

/** An enterprise that buys compute and applies for grants (Arts. 3, 4, 6). */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 统一社会信用代码, validated by @nanshan/rules before insert. */
    uscc: text('uscc').notNull().unique(),
    name: text('name').notNull(),
    district: text('district').notNull(),
    registeredInNanshan: boolean('registered_in_nanshan').notNull(),
    legalStatus: text('legal_status').notNull(),
    industry: text('industry').notNull(),
    employees: integer('employees').notNull(),
    revenueFen: fen('revenue_fen').notNull(),
    assetsFen: fen('assets_fen').notNull(),
    techSmeRegistered: boolean('tech_sme_registered').notNull().default(false),
    aiActivity: text('ai_activity').notNull(),
    /** Art. 6 subsidies are granted only after staff verified the profile. */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: text('verified_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('enterprise_legal_status', sql`${t.legalStatus} in ('independent', 'nbs_equivalent', 'none')`),
    check('enterprise_ai_activity', sql`${t.aiActivity} in ('llm_training', 'genai_application', 'other')`),
    check(
      'enterprise_sizes_non_negative',
      sql`${t.employees} >= 0 and ${t.revenueFen} >= 0 and ${t.assetsFen} >= 0`,
    ),
    // Art. 3: "registered in Nanshan" is derived from the registered district, never stated separately.
    check('enterprise_nanshan_from_district', sql`${t.registeredInNanshan} = (${t.district} = '南山区')`),
  ],
);

export const enterpriseMembers = pgTable(
  'enterprise_members',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role').notNull().default('member'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.userId] }),
    check('enterprise_member_role', sql`${t.role} in ('owner', 'member')`),
    // A person acts for one enterprise: every SME query is scoped by it.
    uniqueIndex('enterprise_member_one_enterprise').on(t.userId),
  ],
);

/** An intelligent-computing centre (Art. 6) or a filed cloud AI vendor (Art. 9). */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: text('uscc').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    city: text('city').notNull(),
    inShenzhen: boolean('in_shenzhen').notNull(),
    status: text('status').notNull().default('pending'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    address: text('address').notNull().default(''),
    description: text('description').notNull().default(''),
    /** 备案 validity (Art. 9 filing, or the platform registration for Art. 6 centres). */
    filingValidFrom: date('filing_valid_from'),
    filingValidTo: date('filing_valid_to'),
    createdAt: createdAt(),
  },
  (t) => [
    check('provider_kind', sql`${t.kind} in ('computing_centre', 'cloud_vendor')`),
    check('provider_status', sql`${t.status} in ('pending', 'approved', 'filed', 'suspended', 'revoked')`),
    check(
      'provider_filing_period',
      sql`${t.filingValidFrom} is null or ${t.filingValidTo} is null or ${t.filingValidFrom} <= ${t.filingValidTo}`,
    ),
  ],
);

export const providerMembers = pgTable(
  'provider_members',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.providerId, t.userId] }),
    uniqueIndex('provider_member_one_provider').on(t.userId),
  ],
);
