import { type Db, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { shenzhenDate } from '../../clock';
import { domainError } from '../../errors';
import { EVENT_NOTES, lockApplication, recordEvent, transition } from './workflow';

export type ObjectionOutcome = 'dismissed' | 'upheld';

/**
 * Anyone signed in may object to an application while it is under public notice (公示), up to and including the
 * notice's last day. Applications not under notice are not public: they are reported as missing.
 */
export async function raiseObjection(
  db: Db,
  input: { applicationId: string; text: string; userId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const [seen] = await tx
      .select({ status: schema.grantApplications.status })
      .from(schema.grantApplications)
      .where(eq(schema.grantApplications.id, input.applicationId));
    if (seen?.status !== 'public_notice') throw domainError('notice_not_found', 'NOT_FOUND');
    const app = await lockApplication(tx, input.applicationId);
    if (app.status !== 'public_notice') throw domainError('notice_not_found', 'NOT_FOUND');
    if (app.noticeEndsOn === null || shenzhenDate(input.now) > app.noticeEndsOn) {
      throw domainError('public_notice_ended', 'PRECONDITION_FAILED');
    }
    const [objection] = await tx
      .insert(schema.grantObjections)
      .values({ applicationId: app.id, text: input.text, at: input.now })
      .returning({ id: schema.grantObjections.id });
    await recordEvent(tx, {
      app,
      note: EVENT_NOTES.objectionRaised,
      action: 'grant.objection_raised',
      actorUserId: input.userId,
      now: input.now,
      audit: { objectionId: objection!.id, text: input.text },
    });
    return { objectionId: objection!.id };
  });
}

/**
 * Staff resolve an objection with a reason. Dismissed: the notice goes on (a decision waits until every objection is
 * resolved and the notice has ended). Upheld: the notice is withdrawn and its approvals are void; the application
 * goes back to verification (核查, the step the 公示 publishes), and a new public notice must follow before any
 * decision. If staff asked the applicant for information during the notice, the application goes back to
 * verification when the applicant answers.
 */
export async function resolveObjection(
  db: Db,
  input: {
    objectionId: string;
    outcome: ObjectionOutcome;
    resolution: string;
    actorUserId: string;
    now: Date;
  },
) {
  return db.transaction(async (tx) => {
    const [seen] = await tx
      .select()
      .from(schema.grantObjections)
      .where(eq(schema.grantObjections.id, input.objectionId));
    if (!seen) throw domainError('objection_not_found', 'NOT_FOUND');
    const app = await lockApplication(tx, seen.applicationId);
    const [objection] = await tx
      .select()
      .from(schema.grantObjections)
      .where(eq(schema.grantObjections.id, input.objectionId))
      .for('update');
    if (objection!.resolvedAt !== null) throw domainError('objection_already_resolved', 'CONFLICT');
    await tx
      .update(schema.grantObjections)
      .set({
        resolution: `${input.outcome}: ${input.resolution}`,
        resolvedBy: input.actorUserId,
        resolvedAt: input.now,
      })
      .where(eq(schema.grantObjections.id, objection!.id));
    const audit = { objectionId: objection!.id, outcome: input.outcome, resolution: input.resolution };
    // The notice stands while the application is under notice, or waits for information asked during it.
    const withdrawsNotice =
      input.outcome === 'upheld' &&
      app.noticeEndsOn !== null &&
      (app.status === 'public_notice' || app.status === 'info_requested');
    const noNotice = { noticeEndsOn: null, noticedFen: null };
    if (withdrawsNotice) {
      await tx.delete(schema.grantApprovals).where(eq(schema.grantApprovals.applicationId, app.id));
    }
    if (withdrawsNotice && app.status === 'public_notice') {
      await transition(tx, {
        app,
        to: 'verification',
        note: input.resolution,
        actorUserId: input.actorUserId,
        now: input.now,
        set: noNotice,
        audit,
      });
    } else {
      // Waiting for information: the applicant's answer goes back to verification, not to the notice (respond.ts).
      if (withdrawsNotice) {
        await tx
          .update(schema.grantApplications)
          .set({ ...noNotice, updatedAt: input.now })
          .where(eq(schema.grantApplications.id, app.id));
      }
      await recordEvent(tx, {
        app,
        note: EVENT_NOTES.objectionResolved,
        detail: `${input.outcome}: ${input.resolution}`,
        action: `grant.objection_${input.outcome}`,
        actorUserId: input.actorUserId,
        now: input.now,
        audit: withdrawsNotice ? { ...audit, noticeWithdrawn: app.noticeEndsOn } : audit,
      });
    }
    return { objectionId: objection!.id, outcome: input.outcome };
  });
}

/** `resolution` is stored as `<outcome>: <text>`. */
export function readResolution(
  resolution: string | null,
): { outcome: ObjectionOutcome; note: string } | null {
  if (resolution === null) return null;
  const match = /^(dismissed|upheld): ([\s\S]*)$/.exec(resolution);
  if (!match) return { outcome: 'dismissed', note: resolution };
  return { outcome: match[1] as ObjectionOutcome, note: match[2]! };
}
