import { type Db, schema } from '@nanshan/db';
import { formatMoney, fundFit } from '@nanshan/rules';
import { and, eq, isNull } from 'drizzle-orm';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import { lockGrantCounters, reserveGrant } from '../../ledger/grants';
import { annualCapFen } from '../orders/purchase-quote';
import { readStoredFacts } from './facts';
import { requireInvoicesNotDeclared } from './invoices';
import { computeProposal, proposalColumns, subjectOf } from './proposal';
import { enterpriseOf, excludeOutranked } from './refresh';
import { EVENT_NOTES, grantMoneyOf, lockApplication, recordEvent, transition } from './workflow';

/**
 * A staff member approves an amount after the public notice: at most the proposal recomputed now, inside this
 * transaction, from the locked counters and the history, and at most the amount published at the notice (the
 * `grant_decided_within_proposal` and `grant_decided_within_notice` CHECKs are the last line). Above
 * `twoPersonAboveFen` two different staff members must approve the same amount; the
 * approval that completes the decision moves the application to `decided` and reserves the amount:
 * - in the fund of the decision year (Art. 2: it must fit what is neither committed nor reserved — never an
 *   overdraft; the `fund_within_budget` CHECK is the last line);
 * - for Arts. 6 and 9 also in the enterprise's usage row of the application's year, the cap the market's instant
 *   subsidies draw on (the `usage_within_cap` CHECK is the last line).
 * An Art. 6 declaration whose invoice another declaration already claims (awarded, or open and stored earlier) is
 * refused (`invoice_already_declared`): the same invoice is subsidised once.
 * Locks: the enterprise's grants → application → usage → fund.
 */
export async function approveApplication(
  db: Db,
  input: {
    applicationId: string;
    amountFen: number;
    /** Why this amount (shown to the applicant with the decision); may be empty. */
    note: string;
    actorUserId: string;
    now: Date;
    twoPersonAboveFen: number;
  },
) {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId);
    if (app.status !== 'public_notice')
      throw domainError('grant_not_in_public_notice', 'PRECONDITION_FAILED');
    const today = shenzhenDate(input.now);
    if (app.noticeEndsOn === null || today <= app.noticeEndsOn) {
      throw domainError('public_notice_running', 'PRECONDITION_FAILED');
    }
    const [open] = await tx
      .select({ id: schema.grantObjections.id })
      .from(schema.grantObjections)
      .where(and(eq(schema.grantObjections.applicationId, app.id), isNull(schema.grantObjections.resolvedAt)))
      .limit(1);
    if (open) throw domainError('objection_open', 'PRECONDITION_FAILED');
    // Re-checked under the enterprise's grant lock (taken by lockApplication): a screen read before another
    // declaration of the same invoice was decided must not decide it twice.
    const articleFacts = readStoredFacts(app.facts).articleFacts;
    if (articleFacts.article === 'art6') {
      await requireInvoicesNotDeclared(tx, {
        enterpriseId: app.enterpriseId,
        invoiceNumbers: articleFacts.invoiceNumbers,
        approvingApplication: { id: app.id, createdAt: app.createdAt },
      });
    }

    const approvals = await tx
      .select()
      .from(schema.grantApprovals)
      .where(eq(schema.grantApprovals.applicationId, app.id));
    if (approvals.some((a) => a.approverUserId === input.actorUserId)) {
      throw domainError('already_approved_by_you', 'CONFLICT');
    }
    const needsTwo = input.amountFen > input.twoPersonAboveFen;
    const first = approvals[0];
    if (needsTwo && first && first.amountFen !== input.amountFen) {
      throw domainError('approval_amount_differs', 'CONFLICT');
    }

    const enterprise = await enterpriseOf(tx, app);
    const money = grantMoneyOf(app);
    const { article, usage } = money;
    const fundYear = shenzhenYear(input.now);
    const counters = await lockGrantCounters(tx, {
      usage,
      annualCapFen: usage ? annualCapFen(article as 'art6' | 'art9', today) : 0,
      fundYear,
    });
    const proposal = await computeProposal(tx, { subject: subjectOf(app), enterprise, now: input.now });
    if (proposal.amountFen === 0) throw domainError('proposal_is_zero', 'PRECONDITION_FAILED');
    if (input.amountFen > proposal.amountFen)
      throw domainError('amount_above_proposal', 'PRECONDITION_FAILED');
    // 公示: the public was shown `noticedFen`; more needs a new notice (a proposal may rise during the notice, e.g.
    // when market reservations under the shared cap expire).
    if (app.noticedFen === null || input.amountFen > app.noticedFen)
      throw domainError('amount_above_notice', 'PRECONDITION_FAILED');
    await tx
      .update(schema.grantApplications)
      .set(proposalColumns(proposal))
      .where(eq(schema.grantApplications.id, app.id));
    await tx.insert(schema.grantApprovals).values({
      applicationId: app.id,
      approverUserId: input.actorUserId,
      amountFen: input.amountFen,
      at: input.now,
    });

    if (needsTwo && approvals.length === 0) {
      await recordEvent(tx, {
        app,
        note: EVENT_NOTES.approvalRecorded,
        action: 'grant.approval_recorded',
        actorUserId: input.actorUserId,
        now: input.now,
        detail: input.note,
        audit: { amountFen: input.amountFen, proposedFen: proposal.amountFen, approvalsNeeded: 2 },
      });
      return { status: 'public_notice' as const, decided: false, approvals: 1, approvalsNeeded: 2 };
    }

    const fund = counters.fund;
    const fit = fundFit({
      budgetFen: fund?.budgetFen ?? 0,
      committedFen: fund?.committedFen ?? 0,
      reservedFen: fund?.reservedFen ?? 0,
      requestedFen: input.amountFen,
    });
    if (!fund || fit.fitsFen < input.amountFen) throw domainError('fund_insufficient', 'PRECONDITION_FAILED');
    if (counters.usage) {
      const left = counters.usage.capFen - counters.usage.grantedFen - counters.usage.reservedFen;
      if (input.amountFen > left) throw domainError('annual_cap_reached', 'PRECONDITION_FAILED');
    }
    await reserveGrant(tx, {
      ...money,
      fundYear,
      amountFen: input.amountFen,
      payeeName: `${enterprise.name} · ${article} · ${app.projectName}`,
    });
    await tx.insert(schema.reviewDecisions).values({
      subjectType: 'grant_application',
      subjectId: app.id,
      decision: 'approved',
      reason: input.note || `核定 ${formatMoney(input.amountFen)}`,
      actorUserId: input.actorUserId,
      at: input.now,
    });
    const approvers = [...approvals.map((a) => a.approverUserId), input.actorUserId];
    const decided = await transition(tx, {
      app: { ...app, ...proposalColumns(proposal) },
      to: 'decided',
      note: input.note,
      actorUserId: input.actorUserId,
      now: input.now,
      set: { decidedFen: input.amountFen },
      audit: { fundYear, approvers, fundLeftFen: fit.leftFen },
    });
    await excludeOutranked(tx, {
      ids: proposal.nonDuplication.outranks,
      byId: app.id,
      enterprise,
      actorUserId: input.actorUserId,
      now: input.now,
    });
    return {
      status: decided.status as 'decided',
      decided: true,
      approvals: approvers.length,
      approvalsNeeded: needsTwo ? 2 : 1,
    };
  });
}
