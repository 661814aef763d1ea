import { type Db, pgErrorOf, queryRows, schema, toSafeInteger, uuidArray } from '@nanshan/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import { accountCodeSql } from '../../ledger/accounts';
import { owedPerOrder, PAYABLE_NOW } from '../../ledger/balances';
import { lockPayoutBatches, nextPayoutReference, payOutLines } from '../../ledger/payout';
import { sum } from './owed';

/** A bank reference: letters, digits and `-` `_` `.` only (never a colon: the ledger memo uses one as separator). */
export const REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/**
 * Settlement: pays what the district owes providers in one payout batch with a bank reference (given, or the next
 * `NS-PAY-<year>-0001`). Per provider the batch pays the subsidies of paid and delivered orders not yet paid out, less
 * the clawbacks it owes for orders refunded after an earlier payout (`PAYABLE_NOW`); an order not delivered yet waits
 * for a later batch, and so does a provider whose net is not positive (its clawbacks stay visible in `owed`). Every
 * order is paid out at most once:
 * - batches are created one at a time (a transaction-scoped advisory lock), which also numbers references safely;
 * - the orders are locked (in id order) and what they owe is re-read from the ledger under the locks, so a refund
 *   racing the batch is either seen (and the order left out) or waits until the batch is committed (and becomes a
 *   clawback); a delivery racing it (also under the order's lock) counts in the next batch;
 * - `payout_item_order_once` (unique order id) is the last line: a violation is `order_already_settled`.
 * A clawback netted off stops counting against its fund year's budget: `payOutLines` releases it from the fund's
 * committed amount, locking the fund rows (in year order) after the orders and before the audit chain.
 *
 * Set-based, so that a year of orders settles in one batch: a fixed number of statements whatever the number of
 * orders, with the batch's lines in a temporary table until the commit.
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
      // Locks the orders with something payable now (in id order), then reads what they owe again: a statement sees
      // the ledger as of its start, so only the next one sees a refund that committed while the lock waited for it.
      await tx.execute(sql`
        create temporary table payout_orders on commit drop as
        select o.id from (${owedPerOrder()}) p join orders o on o.id = p.order_id
        where ${PAYABLE_NOW}
          ${input.providerIds ? sql`and o.provider_id = any(${uuidArray(input.providerIds)})` : sql``}
        order by o.id for update of o`);
      await tx.execute(sql`analyze payout_orders`);
      await tx.execute(sql`
        create temporary table payout_lines on commit drop as
        select o.id as order_id, o.provider_id, o.enterprise_id, o.article, o.fund_year, o.paid_at,
          p.owed_fen as amount_fen
        from (${owedPerOrder(sql`select id from payout_orders`)}) p join orders o on o.id = p.order_id
        where ${PAYABLE_NOW}`);
      // A provider whose net is not positive is left for a later batch.
      await tx.execute(sql`
        delete from payout_lines where provider_id in
          (select provider_id from payout_lines group by provider_id having sum(amount_fen) <= 0)`);
      const payees = (
        await queryRows<{
          provider_id: string;
          net: unknown;
          orders: string[] | null;
          clawbacks: string[] | null;
        }>(
          tx,
          sql`
          select provider_id, sum(amount_fen) as net,
            json_agg(order_id order by paid_at nulls first, order_id) filter (where amount_fen > 0) as orders,
            json_agg(order_id order by paid_at nulls first, order_id) filter (where amount_fen < 0) as clawbacks
          from payout_lines group by provider_id order by provider_id`,
        )
      ).map((p) => ({
        providerId: p.provider_id,
        netFen: toSafeInteger(p.net),
        orders: p.orders ?? [],
        clawbacks: p.clawbacks ?? [],
      }));
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
      await tx.execute(sql`
        insert into payout_items (batch_id, payee_account, order_id, amount_fen)
        select ${batch!.id}::uuid, ${accountCodeSql.providerPayable(sql`provider_id`)}, order_id, amount_fen
        from payout_lines where amount_fen > 0`);
      await payOutLines(tx, { reference, lines: sql`payout_lines` });
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'settlement.batch_created',
        targetType: 'payout_batch',
        targetId: batch!.id,
        after: { reference, totalFen, providers: payees },
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
