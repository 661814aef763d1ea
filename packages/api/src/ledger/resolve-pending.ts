import { type DbOrTx, schema } from '@nanshan/db';

export type Transfer = typeof schema.ledgerTransfers.$inferSelect;

/**
 * Resolves a reservation (a `pending` transfer) once: posted (`post_pending`) or voided (`void_pending`), with its
 * accounts, amount and keys copied, so the resolution always matches what was reserved. The unique index on
 * `pending_id` refuses a second resolution. Orders' subsidies and grants both resolve this way.
 */
export function resolvePending(
  tx: DbOrTx,
  pending: Transfer,
  kind: 'post_pending' | 'void_pending',
  memo: string,
) {
  return tx.insert(schema.ledgerTransfers).values({
    kind,
    pendingId: pending.id,
    debitAccount: pending.debitAccount,
    creditAccount: pending.creditAccount,
    amountFen: pending.amountFen,
    orderId: pending.orderId,
    enterpriseId: pending.enterpriseId,
    article: pending.article,
    fundYear: pending.fundYear,
    memo,
  });
}
