import { type Db, schema } from '@nanshan/db';
import { and, desc, eq, ne } from 'drizzle-orm';
import { addDays } from '../../calendar';
import { shenzhenDate } from '../../clock';
import { domainError } from '../../errors';
import { requireOwnDocuments } from './evidence';
import { readStoredFacts, type StoredFacts } from './facts';
import { refreshProposal } from './refresh';
import { DEFAULT_NOTICE_DAYS } from './review';
import { type GrantStatus, lockApplication, REVIEW_STATES, requireStatus, transition } from './workflow';

/**
 * The applicant answers a request for information with a note and, optionally, more evidence files; the application
 * goes back to the step that asked (to verification if an objection was upheld while it waited, or if nothing is left
 * to publish), with its proposal recomputed. Back into the public notice, a new notice period (the default length)
 * starts from today.
 */
export async function respondToInfoRequest(
  db: Db,
  input: {
    enterpriseId: string;
    applicationId: string;
    note: string;
    documentIds: readonly string[];
    userId: string;
    now: Date;
  },
) {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId, input.enterpriseId);
    requireStatus(app, ['info_requested'], 'grant_not_awaiting_information');
    await requireOwnDocuments(tx, input.enterpriseId, input.documentIds);
    const [asked] = await tx
      .select({ fromStatus: schema.grantEvents.fromStatus })
      .from(schema.grantEvents)
      .where(
        and(
          eq(schema.grantEvents.applicationId, app.id),
          eq(schema.grantEvents.toStatus, 'info_requested'),
          // Not an event recorded while waiting (an objection resolved meanwhile): the request itself.
          ne(schema.grantEvents.fromStatus, 'info_requested'),
        ),
      )
      .orderBy(desc(schema.grantEvents.at), desc(schema.grantEvents.id))
      .limit(1);
    const asker = asked?.fromStatus as GrantStatus | undefined;
    if (!asker || !REVIEW_STATES.includes(asker))
      throw domainError('grant_not_awaiting_information', 'CONFLICT');
    // An objection upheld meanwhile withdrew the notice (objections.ts): verification again, then a new notice.
    const back = asker === 'public_notice' && app.noticeEndsOn === null ? 'verification' : asker;

    const facts = readStoredFacts(app.facts);
    const updatedFacts: StoredFacts = {
      ...facts,
      evidenceDocumentIds: [...new Set([...facts.evidenceDocumentIds, ...input.documentIds])],
    };
    await tx
      .update(schema.grantApplications)
      .set({ facts: updatedFacts })
      .where(eq(schema.grantApplications.id, app.id));
    const refreshed = await refreshProposal(tx, {
      app: { ...app, facts: updatedFacts },
      actorUserId: input.userId,
      now: input.now,
    });
    // Back into the public notice, the file has changed since it was published: the notice starts again, with the
    // proposal as it is now. A notice publishes an amount above zero (as `advance` requires): with none left, the
    // answer goes to verification, where staff decide.
    const to = back === 'public_notice' && refreshed.proposal.amountFen === 0 ? 'verification' : back;
    const notice =
      to === 'public_notice'
        ? {
            noticeEndsOn: addDays(shenzhenDate(input.now), DEFAULT_NOTICE_DAYS),
            noticedFen: refreshed.proposal.amountFen,
          }
        : back === 'public_notice'
          ? { noticeEndsOn: null, noticedFen: null } // the notice standing is withdrawn with nothing to publish
          : {};
    const updated = await transition(tx, {
      app: refreshed.app,
      to,
      note: input.note,
      actorUserId: input.userId,
      now: input.now,
      set: notice,
      audit: { documentIds: input.documentIds, ...notice },
    });
    return { status: updated.status as GrantStatus };
  });
}
