import { type DbOrTx, schema } from '@nanshan/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import { documentMeta, documentMetaColumns } from '../documents/upload-document';
import type { ProviderDecisionRecord } from './decide-provider';
import type { ProviderKind, ProviderStatus } from './facts';
import { filingPeriodOn, isActiveStatus } from './filing-period';
import type { ProviderRow } from './membership';

/** The provider profile as its members and staff see it, with where its validity period stands today. */
export function providerView(p: ProviderRow, today: string) {
  const period = filingPeriodOn(p, today);
  return {
    id: p.id,
    uscc: p.uscc,
    name: p.name,
    kind: p.kind as ProviderKind,
    city: p.city,
    inShenzhen: p.inShenzhen,
    status: p.status as ProviderStatus,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    contactEmail: p.contactEmail,
    address: p.address,
    description: p.description,
    createdAt: p.createdAt,
    filing: { validFrom: p.filingValidFrom, validTo: p.filingValidTo, period },
    /** Its listed offerings are in the catalogue and can be ordered today (status and validity period). */
    active: isActiveStatus(p.status) && period === 'in_force',
  };
}

/** Staff decisions on the provider with their reasons, newest first — shown to the provider. */
export async function providerDecisions(db: DbOrTx, providerId: string) {
  const rows = await db
    .select({
      id: schema.reviewDecisions.id,
      decision: schema.reviewDecisions.decision,
      reason: schema.reviewDecisions.reason,
      at: schema.reviewDecisions.at,
      actorUserId: schema.reviewDecisions.actorUserId,
      actorName: schema.user.name,
    })
    .from(schema.reviewDecisions)
    .innerJoin(schema.user, eq(schema.user.id, schema.reviewDecisions.actorUserId))
    .where(
      and(
        eq(schema.reviewDecisions.subjectType, 'provider'),
        eq(schema.reviewDecisions.subjectId, providerId),
      ),
    )
    .orderBy(desc(schema.reviewDecisions.at), desc(schema.reviewDecisions.id));
  return rows.map((r) => ({ ...r, decision: r.decision as ProviderDecisionRecord }));
}

/** The provider's own documents (metadata only), newest first. */
export async function providerDocuments(db: DbOrTx, providerId: string) {
  const rows = await db
    .select(documentMetaColumns)
    .from(schema.documents)
    .where(and(eq(schema.documents.ownerType, 'provider'), eq(schema.documents.ownerId, providerId)))
    .orderBy(desc(schema.documents.createdAt), asc(schema.documents.id));
  return rows.map(documentMeta);
}
