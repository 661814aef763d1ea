import { type Db, schema } from '@nanshan/db';
import { releaseGrant } from '../../ledger/grants';
import { type GrantStatus, grantMoneyOf, lockApplication, requireStatus, transition } from './workflow';

/**
 * Staff revoke a decided grant that is not paid yet (e.g. the enterprise no longer qualifies), with the reason the
 * applicant reads: its reservation is voided, so the fund (Art. 2) and, for Arts. 6 and 9, the enterprise's annual cap
 * are free again (invariant 5: no reservation is held forever). A paid grant is not revoked here: its money has left.
 * Locks: the enterprise's grants → application → usage → fund (→ audit chain).
 */
export async function revokeGrant(
  db: Db,
  input: { applicationId: string; reason: string; actorUserId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId);
    requireStatus(app, ['decided'], 'grant_not_revocable');
    const released = await releaseGrant(tx, grantMoneyOf(app));
    await tx.insert(schema.reviewDecisions).values({
      subjectType: 'grant_application',
      subjectId: app.id,
      decision: 'revoked',
      reason: input.reason,
      actorUserId: input.actorUserId,
      at: input.now,
    });
    const updated = await transition(tx, {
      app,
      to: 'revoked',
      note: input.reason,
      actorUserId: input.actorUserId,
      now: input.now,
      audit: { releasedFen: released.amountFen, fundYear: released.fundYear },
    });
    return { status: updated.status as GrantStatus, releasedFen: released.amountFen };
  });
}
