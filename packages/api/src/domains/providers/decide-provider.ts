import { type DbOrTx, schema } from '@nanshan/db';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { shenzhenDate } from '../../clock';
import { domainError } from '../../errors';
import { delistProviderOfferings } from './delist';
import type { ProviderStatus } from './facts';
import { checklistComplete } from './filing-checklist';
import { lockProvider } from './membership';

export const PROVIDER_DECISIONS = ['approve', 'file', 'suspend', 'revoke', 'reinstate'] as const;
export type ProviderDecision = (typeof PROVIDER_DECISIONS)[number];

/** The decision as recorded in review_decisions and shown to the provider. */
export type ProviderDecisionRecord = 'approved' | 'filed' | 'suspended' | 'revoked' | 'reinstated';

const RECORDED: Record<ProviderDecision, ProviderDecisionRecord> = {
  approve: 'approved',
  file: 'filed',
  suspend: 'suspended',
  revoke: 'revoked',
  reinstate: 'reinstated',
};

/**
 * The legal transitions, and nothing else: pending → approved / filed; approved → filed; approved / filed →
 * suspended / revoked; suspended → back to approved or filed (reinstate); revoked is final. Filing a filed provider
 * again renews its validity period (a 备案 has a validity period and is renewed, not re-applied for).
 */
export const ALLOWED_FROM: Record<ProviderDecision, readonly ProviderStatus[]> = {
  approve: ['pending'],
  file: ['pending', 'approved', 'filed'],
  suspend: ['approved', 'filed'],
  revoke: ['approved', 'filed'],
  reinstate: ['suspended'],
};

export interface DecideProviderInput {
  providerId: string;
  decision: ProviderDecision;
  reason: string;
  /** Required to file; optional for approve / reinstate (replaces the period); ignored otherwise. */
  validFrom?: string | undefined;
  validTo?: string | undefined;
  actorUserId: string;
  now: Date;
}

/**
 * A staff decision on a provider, always with a reason the provider sees. Suspension and revocation delist every
 * listed offering in the same transaction, so from the moment the decision commits nothing of the provider can be
 * found or bought (orders in flight hold the provider row's share lock, see load-offering.ts). Every decision is a
 * review decision and an audit entry with the state before and after.
 */
export async function decideProvider(db: DbOrTx, input: DecideProviderInput) {
  return db.transaction(async (tx) => {
    const provider = await lockProvider(tx, input.providerId);
    if (!provider) throw domainError('provider_not_found', 'NOT_FOUND');
    const from = provider.status as ProviderStatus;
    if (!ALLOWED_FROM[input.decision].includes(from)) {
      throw domainError('illegal_transition', 'PRECONDITION_FAILED');
    }
    const today = shenzhenDate(input.now);
    const next = await nextStatus(tx, input.decision, provider.id);
    let validFrom = provider.filingValidFrom;
    let validTo = provider.filingValidTo;
    if (input.decision === 'file' && (!input.validFrom || !input.validTo)) {
      throw domainError('filing_period_required', 'BAD_REQUEST');
    }
    if (next === 'approved' || next === 'filed') {
      if (input.validFrom !== undefined || input.validTo !== undefined) {
        validFrom = input.validFrom ?? null;
        validTo = input.validTo ?? null;
      }
      if (validFrom && validTo && validFrom > validTo)
        throw domainError('filing_period_reversed', 'BAD_REQUEST');
      // 第六条: only intelligent-computing platforms in Shenzhen.
      if (provider.kind === 'computing_centre' && !provider.inShenzhen) {
        throw domainError('centre_not_in_shenzhen', 'PRECONDITION_FAILED');
      }
      // 第九条 filing notice: staff accept every checklist item before a cloud vendor is filed.
      if (
        next === 'filed' &&
        provider.kind === 'cloud_vendor' &&
        !(await checklistComplete(tx, provider.id))
      ) {
        throw domainError('checklist_incomplete', 'PRECONDITION_FAILED');
      }
      if (validTo && validTo < today) throw domainError('filing_period_ended', 'PRECONDITION_FAILED');
    }
    const [updated] = await tx
      .update(schema.providers)
      .set({ status: next, filingValidFrom: validFrom, filingValidTo: validTo })
      .where(eq(schema.providers.id, provider.id))
      .returning();
    const delistedOfferingIds =
      next === 'suspended' || next === 'revoked'
        ? await delistProviderOfferings(tx, provider.id, input.now)
        : [];
    const recorded = RECORDED[input.decision];
    const [decision] = await tx
      .insert(schema.reviewDecisions)
      .values({
        subjectType: 'provider',
        subjectId: provider.id,
        decision: recorded,
        reason: input.reason,
        actorUserId: input.actorUserId,
        at: input.now,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: `provider.${recorded}`,
      targetType: 'provider',
      targetId: provider.id,
      before: {
        status: from,
        filingValidFrom: provider.filingValidFrom,
        filingValidTo: provider.filingValidTo,
      },
      after: {
        status: next,
        filingValidFrom: validFrom,
        filingValidTo: validTo,
        reason: input.reason,
        delistedOfferingIds,
      },
      at: input.now,
    });
    return {
      decisionId: decision!.id,
      decision: recorded,
      status: updated!.status as ProviderStatus,
      filingValidFrom: updated!.filingValidFrom,
      filingValidTo: updated!.filingValidTo,
      delistedOfferings: delistedOfferingIds.length,
    };
  });
}

async function nextStatus(
  tx: DbOrTx,
  decision: ProviderDecision,
  providerId: string,
): Promise<ProviderStatus> {
  switch (decision) {
    case 'approve':
      return 'approved';
    case 'file':
      return 'filed';
    case 'suspend':
      return 'suspended';
    case 'revoke':
      return 'revoked';
    case 'reinstate':
      return statusBeforeSuspension(tx, providerId);
  }
}

/**
 * Reinstating returns a provider to the status it was suspended from, read from the audit log's record of the
 * suspension. Without one (a suspension made outside this code) it returns to `approved`, the lesser state: staff
 * can file it again.
 */
async function statusBeforeSuspension(tx: DbOrTx, providerId: string): Promise<ProviderStatus> {
  const [last] = await tx
    .select({ before: schema.auditLog.before })
    .from(schema.auditLog)
    .where(
      and(
        eq(schema.auditLog.targetType, 'provider'),
        eq(schema.auditLog.targetId, providerId),
        eq(schema.auditLog.action, 'provider.suspended'),
      ),
    )
    .orderBy(desc(schema.auditLog.id))
    .limit(1);
  const before = last?.before ? (JSON.parse(last.before) as { status?: string }) : undefined;
  return before?.status === 'filed' ? 'filed' : 'approved';
}
