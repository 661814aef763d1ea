import { type Db, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { addDays } from '../../calendar';
import { shenzhenDate } from '../../clock';
import { domainError } from '../../errors';
import { refreshProposal } from './refresh';
import {
  type GrantStatus,
  lockApplication,
  NEXT_STEP,
  OPEN_STATES,
  REVIEW_STATES,
  requireStatus,
  transition,
} from './workflow';

/** 公示 "typically several working days" (DOMAIN-NOTES): calendar days here, set per application by staff. */
export const DEFAULT_NOTICE_DAYS = 5;
export const MAX_NOTICE_DAYS = 30;

/**
 * Staff move an application to the next step of the procedure, naming the step they saw (`from`): a click on a
 * stale screen is refused (`grant_changed`) rather than skipping a step. The proposal is recomputed at every step.
 * Entering the public notice sets its last day (today + `noticeDays`), records the proposal it publishes (the most a
 * decision may grant) and needs a proposal above zero. The notice is left by `approve` (decision) and the decision by
 * `disburse` (payment), never by `advance`.
 */
export async function advanceApplication(
  db: Db,
  input: {
    applicationId: string;
    from: GrantStatus;
    note: string;
    noticeDays?: number;
    actorUserId: string;
    now: Date;
  },
) {
  return db.transaction(async (tx) => {
    const locked = await lockApplication(tx, input.applicationId);
    if (locked.status !== input.from) throw domainError('grant_changed', 'CONFLICT');
    const to = NEXT_STEP[locked.status as GrantStatus];
    if (!to) {
      const reason =
        locked.status === 'public_notice'
          ? 'decision_requires_approval'
          : locked.status === 'decided'
            ? 'payment_requires_disbursement'
            : 'grant_not_advanceable';
      throw domainError(reason, 'PRECONDITION_FAILED');
    }
    const { app, proposal } = await refreshProposal(tx, {
      app: locked,
      actorUserId: input.actorUserId,
      now: input.now,
    });
    let noticeEndsOn: string | null = null;
    if (to === 'public_notice') {
      if (proposal.amountFen === 0) throw domainError('proposal_is_zero', 'PRECONDITION_FAILED');
      noticeEndsOn = addDays(shenzhenDate(input.now), input.noticeDays ?? DEFAULT_NOTICE_DAYS);
    }
    const updated = await transition(tx, {
      app,
      to,
      note: input.note,
      actorUserId: input.actorUserId,
      now: input.now,
      set: to === 'public_notice' ? { noticeEndsOn, noticedFen: proposal.amountFen } : {},
      audit: { proposedFen: proposal.amountFen, ...(noticeEndsOn ? { noticeEndsOn } : {}) },
    });
    return { status: updated.status as GrantStatus, proposedFen: updated.proposedFen, noticeEndsOn };
  });
}

/**
 * Staff ask the applicant for more information (the note says what): the application waits in `info_requested` and
 * returns to this step when the applicant responds. Approvals given so far are void — the file will change.
 */
export async function requestInformation(
  db: Db,
  input: { applicationId: string; note: string; actorUserId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId);
    requireStatus(app, REVIEW_STATES, 'grant_not_under_review');
    await tx.delete(schema.grantApprovals).where(eq(schema.grantApprovals.applicationId, app.id));
    const updated = await transition(tx, {
      app,
      to: 'info_requested',
      note: input.note,
      actorUserId: input.actorUserId,
      now: input.now,
    });
    return { status: updated.status as GrantStatus };
  });
}

/** Staff reject an open application with the reason the applicant reads (also a review decision). */
export async function rejectApplication(
  db: Db,
  input: { applicationId: string; reason: string; actorUserId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId);
    requireStatus(app, OPEN_STATES, 'grant_not_rejectable');
    await tx.insert(schema.reviewDecisions).values({
      subjectType: 'grant_application',
      subjectId: app.id,
      decision: 'rejected',
      reason: input.reason,
      actorUserId: input.actorUserId,
      at: input.now,
    });
    const updated = await transition(tx, {
      app,
      to: 'rejected',
      note: input.reason,
      actorUserId: input.actorUserId,
      now: input.now,
    });
    return { status: updated.status as GrantStatus };
  });
}
