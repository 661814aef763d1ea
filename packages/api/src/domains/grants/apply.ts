import { type Db, type DbOrTx, schema } from '@nanshan/db';
import { and, eq, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import type { EnterpriseRow } from '../enterprises/membership';
import { requireOwnDocuments } from './evidence';
import { type GrantArticle, grantFacts, MAX_FORM_FEN, otherMeasureAward, type StoredFacts } from './facts';
import { requireInvoicesNotDeclared } from './invoices';
import { projectKeyOf } from './project-key';
import { computeProposal, type ProposalSubject, proposalColumns } from './proposal';
import { excludeOutranked } from './refresh';
import { appendEvent, lockEnterpriseGrants } from './workflow';

export const applyInput = z.object({
  /** The year the support counts in: for Art. 6 the spend year (the previous year), otherwise this or last year. */
  year: z.number().int().min(2024).max(2100),
  projectName: z.string().trim().min(1).max(200),
  /** The contract, invoice, project or event number (not needed for Arts. 11 and 12, which are per enterprise). */
  projectReference: z.string().trim().max(100).default(''),
  /** The award applied for under this article. */
  requestedFen: z.number().int().min(1).max(MAX_FORM_FEN),
  facts: grantFacts,
  evidenceDocumentIds: z.array(z.uuid()).min(1).max(50),
  otherMeasureAwards: z.array(otherMeasureAward).max(10).default([]),
});
export type ApplyInput = z.infer<typeof applyInput>;

/**
 * An enterprise applies: the application is stored as `submitted` with the rules' proposal computed at once from the
 * database's history. Refused, changing nothing, when:
 * - the year is not one the article takes (`declaration_year_must_be_previous` for Art. 6, `grant_year_out_of_range`);
 * - the Art. 6 spend period is not inside the spend year, the centre or vendor is unknown, or an evidence file is not
 *   the enterprise's;
 * - the same project is already open or awarded under the same article for the year (`duplicate_application`);
 * - Art. 15: the project was already funded under another article or measure at the same or a higher amount
 *   (`project_already_funded`);
 * - Art. 6: one of the invoices (normalised, see invoices.ts) is already declared in another open or awarded
 *   declaration of the enterprise (`invoice_already_declared`).
 * Open applications for the same project that this one outranks are marked excluded, with the reason.
 */
export async function applyForGrant(
  db: Db,
  input: { enterprise: EnterpriseRow; userId: string; now: Date; application: ApplyInput },
) {
  return db.transaction(async (tx) => {
    await lockEnterpriseGrants(tx, input.enterprise.id);
    // Re-read under a share lock: a verification revoked at this moment is either seen here or waits.
    const [enterprise] = await tx
      .select()
      .from(schema.enterprises)
      .where(eq(schema.enterprises.id, input.enterprise.id))
      .for('share');
    const a = input.application;
    const article = a.facts.article as GrantArticle;
    await checkFacts(tx, a, shenzhenYear(input.now));
    await requireOwnDocuments(tx, enterprise!.id, a.evidenceDocumentIds);
    const projectKey = projectKeyOf(enterprise!.uscc, article, a.projectReference);

    const [duplicate] = await tx
      .select({ id: schema.grantApplications.id })
      .from(schema.grantApplications)
      .where(
        and(
          eq(schema.grantApplications.enterpriseId, enterprise!.id),
          eq(schema.grantApplications.article, article),
          eq(schema.grantApplications.projectKey, projectKey),
          eq(schema.grantApplications.year, a.year),
          notInArray(schema.grantApplications.status, ['rejected', 'withdrawn', 'revoked']),
        ),
      );
    if (duplicate) throw domainError('duplicate_application', 'CONFLICT');
    // The same invoice is subsidised once (Art. 15): not again in another open or awarded declaration.
    if (a.facts.article === 'art6') {
      await requireInvoicesNotDeclared(tx, {
        enterpriseId: enterprise!.id,
        invoiceNumbers: a.facts.invoiceNumbers,
      });
    }

    const facts: StoredFacts = {
      articleFacts: a.facts,
      projectReference: a.projectReference,
      evidenceDocumentIds: [...new Set(a.evidenceDocumentIds)],
      otherMeasureAwards: a.otherMeasureAwards,
    };
    const subject: ProposalSubject = {
      id: null,
      article,
      year: a.year,
      projectKey,
      requestedFen: a.requestedFen,
      facts,
    };
    const proposal = await computeProposal(tx, { subject, enterprise: enterprise!, now: input.now });
    const excludedBy = proposal.nonDuplication.excludedBy;
    if (excludedBy?.kind === 'already_funded') throw domainError('project_already_funded', 'CONFLICT');

    const [app] = await tx
      .insert(schema.grantApplications)
      .values({
        enterpriseId: enterprise!.id,
        article,
        year: a.year,
        projectKey,
        projectName: a.projectName,
        facts,
        requestedFen: a.requestedFen,
        ...proposalColumns(proposal),
        status: 'submitted',
        submittedBy: input.userId,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning();
    await appendEvent(tx, {
      applicationId: app!.id,
      fromStatus: null,
      toStatus: 'submitted',
      actorUserId: input.userId,
      at: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'grant.submitted',
      targetType: 'grant_application',
      targetId: app!.id,
      after: {
        article,
        year: a.year,
        projectKey,
        requestedFen: a.requestedFen,
        proposedFen: proposal.amountFen,
        reasons: proposal.reasons,
      },
      at: input.now,
    });
    await excludeOutranked(tx, {
      ids: proposal.nonDuplication.outranks,
      byId: app!.id,
      enterprise: enterprise!,
      actorUserId: input.userId,
      now: input.now,
    });
    return { applicationId: app!.id, status: app!.status, proposal };
  });
}

async function checkFacts(tx: DbOrTx, a: ApplyInput, currentYear: number): Promise<void> {
  const f = a.facts;
  if (f.article === 'art6') {
    // "对上一年度采购算力资源的企业": the declaration covers the previous year's spend.
    if (a.year !== currentYear - 1) throw domainError('declaration_year_must_be_previous');
    if (f.periodFrom > f.periodTo) throw domainError('spend_period_reversed');
    if (!f.periodFrom.startsWith(`${a.year}-`) || !f.periodTo.startsWith(`${a.year}-`)) {
      throw domainError('spend_period_outside_year');
    }
  } else if (a.year < currentYear - 1 || a.year > currentYear) {
    throw domainError('grant_year_out_of_range');
  }
  const providerId = f.article === 'art6' ? f.providerId : f.article === 'art9' ? f.vendorId : null;
  if (providerId) {
    const [provider] = await tx
      .select({ kind: schema.providers.kind })
      .from(schema.providers)
      .where(eq(schema.providers.id, providerId));
    const kind = f.article === 'art6' ? 'computing_centre' : 'cloud_vendor';
    if (provider?.kind !== kind) {
      throw domainError(f.article === 'art6' ? 'provider_not_found' : 'vendor_not_found', 'NOT_FOUND');
    }
  }
}
