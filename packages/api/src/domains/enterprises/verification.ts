import { type DbOrTx, schema } from '@nanshan/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { profileVersion } from './facts';
import type { EnterpriseRow } from './membership';
import { lockEnterprise } from './update-enterprise';

export type VerificationDecision = 'verified' | 'rejected' | 'revoked';

/**
 * Where a profile stands: `verified` by staff; `rejected` or `revoked` by staff and not changed since; `pending`
 * otherwise (new, corrected after a refusal, or changed so that verification lapsed).
 */
export type VerificationStatus = 'verified' | 'pending' | 'rejected' | 'revoked';

/** Audit actions that move a profile between those states, in the order the hash-chained log recorded them. */
const STATUS_ACTIONS = [
  'enterprise.registered',
  'enterprise.updated',
  'enterprise.rejected',
  'enterprise.revoked',
];

/**
 * The status of each enterprise. "Changed since the refusal" is read from the audit log, whose ids are strictly
 * ordered by its chain lock — timestamps could tie.
 */
export async function verificationStatuses(
  db: DbOrTx,
  enterprises: readonly Pick<EnterpriseRow, 'id' | 'verifiedAt'>[],
): Promise<Map<string, VerificationStatus>> {
  const unverified = enterprises.filter((e) => e.verifiedAt === null).map((e) => e.id);
  const latest = unverified.length
    ? await db
        .selectDistinctOn([schema.auditLog.targetId], {
          targetId: schema.auditLog.targetId,
          action: schema.auditLog.action,
        })
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.targetType, 'enterprise'),
            inArray(schema.auditLog.targetId, unverified),
            inArray(schema.auditLog.action, STATUS_ACTIONS),
          ),
        )
        .orderBy(schema.auditLog.targetId, desc(schema.auditLog.id))
    : [];
  const lastAction = new Map(latest.map((r) => [r.targetId, r.action]));
  return new Map(
    enterprises.map((e) => {
      if (e.verifiedAt !== null) return [e.id, 'verified' as const];
      const action = lastAction.get(e.id);
      if (action === 'enterprise.rejected') return [e.id, 'rejected' as const];
      if (action === 'enterprise.revoked') return [e.id, 'revoked' as const];
      return [e.id, 'pending' as const];
    }),
  );
}

/** Staff decisions on the profile with their reasons, newest first — shown to the applicant. */
export async function verificationDecisions(db: DbOrTx, enterpriseId: string) {
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
        eq(schema.reviewDecisions.subjectType, 'enterprise'),
        eq(schema.reviewDecisions.subjectId, enterpriseId),
      ),
    )
    .orderBy(desc(schema.reviewDecisions.at), asc(schema.reviewDecisions.id));
  return rows.map((r) => ({ ...r, decision: r.decision as VerificationDecision }));
}

/**
 * A staff decision on an enterprise profile: verify (subsidies may be granted from now on), reject (not verified,
 * with the reason the applicant must fix) or revoke an earlier verification. Always with a reason, recorded as a
 * review decision and in the audit log. Verifying names the `profileVersion` staff looked at: a profile changed in
 * the meantime is refused (`enterprise_changed`) rather than verified unseen.
 */
export async function decideVerification(
  db: DbOrTx,
  input: {
    enterpriseId: string;
    decision: VerificationDecision;
    reason: string;
    actorUserId: string;
    now: Date;
    profileVersion?: string;
  },
) {
  return db.transaction(async (tx) => {
    const enterprise = await lockEnterprise(tx, input.enterpriseId);
    if (!enterprise) throw domainError('enterprise_not_found', 'NOT_FOUND');
    const verified = enterprise.verifiedAt !== null;
    let next: { verifiedAt: Date | null; verifiedBy: string | null };
    switch (input.decision) {
      case 'verified':
        if (verified) throw domainError('enterprise_already_verified', 'PRECONDITION_FAILED');
        if (input.profileVersion !== profileVersion(enterprise))
          throw domainError('enterprise_changed', 'CONFLICT');
        next = { verifiedAt: input.now, verifiedBy: input.actorUserId };
        break;
      case 'rejected':
        // A verified profile is withdrawn with `revoked`, so the applicant sees what happened.
        if (verified) throw domainError('enterprise_already_verified', 'PRECONDITION_FAILED');
        next = { verifiedAt: null, verifiedBy: null };
        break;
      case 'revoked':
        if (!verified) throw domainError('enterprise_not_verified', 'PRECONDITION_FAILED');
        next = { verifiedAt: null, verifiedBy: null };
        break;
    }
    if (verified || next.verifiedAt !== null) {
      await tx.update(schema.enterprises).set(next).where(eq(schema.enterprises.id, enterprise.id));
    }
    const [decision] = await tx
      .insert(schema.reviewDecisions)
      .values({
        subjectType: 'enterprise',
        subjectId: enterprise.id,
        decision: input.decision,
        reason: input.reason,
        actorUserId: input.actorUserId,
        at: input.now,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: `enterprise.${input.decision}`,
      targetType: 'enterprise',
      targetId: enterprise.id,
      before: { verifiedAt: enterprise.verifiedAt, verifiedBy: enterprise.verifiedBy },
      after: { ...next, reason: input.reason, profileVersion: profileVersion(enterprise) },
      at: input.now,
    });
    return { decisionId: decision!.id, verifiedAt: next.verifiedAt };
  });
}
