import { type Db, pgErrorOf, schema } from '@nanshan/db';
import { asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import { accountCode } from '../../ledger/accounts';
import { orderPayables } from '../../ledger/balances';
import { lockPayoutBatches, nextPayoutReference, payOutSubsidy, recoverClawback } from '../../ledger/payout';
import { type OwedLine, owedLines, sum } from './owed';

/** A bank reference: letters, digits and `-` `_` `.` only (never a colon: the ledger memo uses one as separator). */
export const REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/**
 * Settlement: pays what the district owes providers in one payout batch with a bank reference (given, or the next
 * `NS-PAY-<year>-0001`). Per provider the batch pays the subsidies of paid orders not yet paid out, less the clawbacks
 * it owes for orders refunded after an earlier payout; a provider whose net is not positive is left for a later batch
 * (its clawbacks stay visible in `owed`). Every order is paid out at most once:
 * - batches are created one at a time (a transaction-scoped advisory lock), which also numbers references safely;
 * - the orders are locked (in id order) and what they owe is re-read from the ledger under the locks, so a refund
 *   racing the batch is either seen (and the order left out) or waits until the batch is committed (and becomes a
 *   clawback);
 * - `payout_item_order_once` (unique order id) is the last line: a violation is `order_already_settled`.
 */
export async function createPayoutBatch(
  db: Db,
  input: { providerIds?: string[]; reference?: string; actorUserId: string; now: Date },
) {
  try {
    return await db.transaction(async (tx) => {
      await lockPayoutBatches(tx);
      if (input.providerIds) {
        const known = await tx
          .select({ id: schema.providers.id })
          .from(schema.providers)
          .where(inArray(schema.providers.id, input.providerIds));
        if (known.length !== new Set(input.providerIds).size)
          throw domainError('provider_not_found', 'NOT_FOUND');
      }
      const candidates = await orderPayables(tx, input.providerIds ? { providerIds: input.providerIds } : {});
      const orderIds = candidates.map((c) => c.orderId).sort();
      if (orderIds.length > 0) {
        await tx
          .select({ id: schema.orders.id })
          .from(schema.orders)
          .where(inArray(schema.orders.id, orderIds))
          .orderBy(asc(schema.orders.id))
          .for('update');
      }
      const lines = await owedLines(tx, { orderIds });
      const payees = payeesOf(lines);
      if (payees.length === 0) throw domainError('nothing_to_settle', 'PRECONDITION_FAILED');

      const reference = input.reference ?? (await nextPayoutReference(tx, shenzhenYear(input.now)));
      const [taken] = await tx
        .select({ id: schema.payoutBatches.id })
        .from(schema.payoutBatches)
        .where(eq(schema.payoutBatches.reference, reference));
      if (taken) throw domainError('batch_reference_taken', 'CONFLICT');

      const totalFen = sum(payees.map((p) => p.netFen));
      const [batch] = await tx
        .insert(schema.payoutBatches)
        .values({ reference, totalFen, createdBy: input.actorUserId, createdAt: input.now })
        .returning();
      for (const payee of payees) {
        // A payee's net is positive, so it has at least one subsidy line.
        const subsidies = payee.lines.filter((l) => l.amountFen > 0);
        await tx.insert(schema.payoutItems).values(
          subsidies.map((l) => ({
            batchId: batch!.id,
            payeeAccount: accountCode.providerPayable(payee.providerId),
            orderId: l.orderId,
            amountFen: l.amountFen,
          })),
        );
        for (const l of payee.lines) {
          const line = {
            reference,
            providerId: payee.providerId,
            providerName: payee.providerName,
            orderId: l.orderId,
            enterpriseId: l.enterpriseId,
            article: l.article,
            fundYear: l.fundYear,
            amountFen: Math.abs(l.amountFen),
          };
          if (l.amountFen > 0) await payOutSubsidy(tx, line);
          else await recoverClawback(tx, line);
        }
      }
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'settlement.batch_created',
        targetType: 'payout_batch',
        targetId: batch!.id,
        after: {
          reference,
          totalFen,
          providers: payees.map((p) => ({
            providerId: p.providerId,
            netFen: p.netFen,
            orders: p.lines.filter((l) => l.amountFen > 0).map((l) => l.orderId),
            clawbacks: p.lines.filter((l) => l.amountFen < 0).map((l) => l.orderId),
          })),
        },
        at: input.now,
      });
      return { batchId: batch!.id, reference, totalFen };
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === '23505' && pg.constraint === 'payout_item_order_once') {
      throw domainError('order_already_settled', 'CONFLICT');
    }
    if (pg?.code === '23505' && pg.constraint === 'payout_batches_reference_unique') {
      throw domainError('batch_reference_taken', 'CONFLICT');
    }
    throw error;
  }
}

/** Lines grouped by provider; only providers the district owes a positive net amount are paid in this batch. */
function payeesOf(lines: readonly OwedLine[]) {
  const byProvider = new Map<string, OwedLine[]>();
  for (const l of lines) {
    const own = byProvider.get(l.providerId);
    if (own) own.push(l);
    else byProvider.set(l.providerId, [l]);
  }
  return [...byProvider.entries()]
    .map(([providerId, own]) => ({
      providerId,
      providerName: own[0]!.providerName,
      lines: own,
      netFen: sum(own.map((l) => l.amountFen)),
    }))
    .filter((p) => p.netFen > 0)
    .sort((a, b) => (a.providerId < b.providerId ? -1 : 1));
}
