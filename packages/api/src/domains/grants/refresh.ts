import { type DbOrTx, schema } from '@nanshan/db';
import { eq, inArray } from 'drizzle-orm';
import type { EnterpriseRow } from '../enterprises/membership';
import { computeProposal, type Proposal, proposalColumns, subjectOf } from './proposal';
import { type ApplicationRow, EVENT_NOTES, recordEvent } from './workflow';

export async function enterpriseOf(tx: DbOrTx, app: ApplicationRow): Promise<EnterpriseRow> {
  const [enterprise] = await tx
    .select()
    .from(schema.enterprises)
    .where(eq(schema.enterprises.id, app.enterpriseId))
    .for('share');
  return enterprise!;
}

/**
 * Recomputes the proposal from today's history and stores it on the (locked) application, so every review step works
 * on current figures; open applications it now outranks under Art. 15 are excluded in turn.
 */
export async function refreshProposal(
  tx: DbOrTx,
  input: { app: ApplicationRow; actorUserId: string; now: Date },
): Promise<{ app: ApplicationRow; proposal: Proposal; enterprise: EnterpriseRow }> {
  const enterprise = await enterpriseOf(tx, input.app);
  const proposal = await computeProposal(tx, { subject: subjectOf(input.app), enterprise, now: input.now });
  const [app] = await tx
    .update(schema.grantApplications)
    .set(proposalColumns(proposal))
    .where(eq(schema.grantApplications.id, input.app.id))
    .returning();
  await excludeOutranked(tx, {
    ids: proposal.nonDuplication.outranks,
    byId: input.app.id,
    enterprise,
    actorUserId: input.actorUserId,
    now: input.now,
  });
  return { app: app!, proposal, enterprise };
}

/**
 * Art. 15, the other way round: open applications for the same project that an application outranks get their
 * proposal recomputed — now zero, with the reason — and an event saying so. Those already at zero are left alone.
 */
export async function excludeOutranked(
  tx: DbOrTx,
  input: { ids: readonly string[]; byId: string; enterprise: EnterpriseRow; actorUserId: string; now: Date },
): Promise<void> {
  if (input.ids.length === 0) return;
  const rows = await tx
    .select()
    .from(schema.grantApplications)
    .where(inArray(schema.grantApplications.id, [...input.ids]))
    .orderBy(schema.grantApplications.id)
    .for('update');
  for (const other of rows) {
    if (other.proposedFen === 0) continue;
    const proposal = await computeProposal(tx, {
      subject: subjectOf(other),
      enterprise: input.enterprise,
      now: input.now,
    });
    const [updated] = await tx
      .update(schema.grantApplications)
      .set({ ...proposalColumns(proposal), updatedAt: input.now })
      .where(eq(schema.grantApplications.id, other.id))
      .returning();
    await recordEvent(tx, {
      app: updated!,
      note: EVENT_NOTES.nonDuplicationExcluded,
      detail: input.byId,
      action: 'grant.excluded',
      actorUserId: input.actorUserId,
      now: input.now,
      audit: { byApplicationId: input.byId, proposedFen: proposal.amountFen, beforeFen: other.proposedFen },
    });
  }
}
