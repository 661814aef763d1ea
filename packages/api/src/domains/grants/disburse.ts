import { type Db, type DbOrTx, pgErrorOf, schema } from '@nanshan/db';
import { eq, like } from 'drizzle-orm';
import { shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import { accountCode } from '../../ledger/accounts';
import { disburseGrantFunds } from '../../ledger/grants';
import { lockPayoutBatches } from '../../ledger/payout';
import { enterpriseOf } from './refresh';
import { grantMoneyOf, lockApplication, transition } from './workflow';

/** A bank reference: letters, digits and `-` `_` `.` (never a colon: ledger memos use one as separator). */
export const GRANT_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/**
 * Pays a decided grant (decided → paid) of an enterprise still verified: one payout batch with a unique bank reference (given, or the next
 * `NS-GRANT-<year>-0001`), one payout item for the application, and the ledger posting fund → grantee (the pending
 * transfer posted and paid out). Repeating it for a paid application returns the same payout and moves nothing;
 * `payout_item_grant_once` is the last line against paying twice.
 */
export async function disburseGrant(
  db: Db,
  input: { applicationId: string; reference?: string; actorUserId: string; now: Date },
) {
  try {
    return await db.transaction(async (tx) => {
      const app = await lockApplication(tx, input.applicationId);
      if (app.status === 'paid') return { ...(await payoutOf(tx, app.id)), alreadyPaid: true };
      if (app.status !== 'decided' || app.decidedFen === null) {
        throw domainError('grant_not_decided', 'PRECONDITION_FAILED');
      }
      // Only a verified enterprise is paid (Art. 3): a verification revoked since the decision stops the payment;
      // staff then revoke the grant or wait for the profile to be verified again.
      if ((await enterpriseOf(tx, app)).verifiedAt === null) {
        throw domainError('enterprise_not_verified', 'PRECONDITION_FAILED');
      }
      await lockPayoutBatches(tx);
      const reference = input.reference ?? (await nextReference(tx, shenzhenYear(input.now)));
      const amountFen = await disburseGrantFunds(tx, { ...grantMoneyOf(app), reference });
      if (amountFen !== app.decidedFen) throw new Error(`grant ${app.id}: reserved ${amountFen} ≠ decided`);
      const [batch] = await tx
        .insert(schema.payoutBatches)
        .values({ reference, totalFen: amountFen, createdBy: input.actorUserId, createdAt: input.now })
        .returning({ id: schema.payoutBatches.id });
      await tx.insert(schema.payoutItems).values({
        batchId: batch!.id,
        payeeAccount: accountCode.grantPayable(app.id),
        grantApplicationId: app.id,
        amountFen,
      });
      await transition(tx, {
        app,
        to: 'paid',
        actorUserId: input.actorUserId,
        now: input.now,
        audit: { reference, batchId: batch!.id, amountFen },
      });
      return { batchId: batch!.id, reference, amountFen, paidAt: input.now, alreadyPaid: false };
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === '23505' && pg.constraint === 'payout_batches_reference_unique') {
      throw domainError('payout_reference_taken', 'CONFLICT');
    }
    throw error;
  }
}

/** The payout of a paid application (its one batch). */
export async function payoutOf(db: DbOrTx, applicationId: string) {
  const [row] = await db
    .select({
      batchId: schema.payoutBatches.id,
      reference: schema.payoutBatches.reference,
      amountFen: schema.payoutItems.amountFen,
      paidAt: schema.payoutBatches.createdAt,
    })
    .from(schema.payoutItems)
    .innerJoin(schema.payoutBatches, eq(schema.payoutBatches.id, schema.payoutItems.batchId))
    .where(eq(schema.payoutItems.grantApplicationId, applicationId));
  if (!row) throw domainError('payout_not_found', 'NOT_FOUND');
  return row;
}

/** The next `NS-GRANT-<year>-NNNN` (called under `lockPayoutBatches`, so two payouts never draw the same number). */
async function nextReference(tx: DbOrTx, year: number): Promise<string> {
  const prefix = `NS-GRANT-${year}-`;
  const rows = await tx
    .select({ reference: schema.payoutBatches.reference })
    .from(schema.payoutBatches)
    .where(like(schema.payoutBatches.reference, `${prefix}%`));
  let max = 0;
  for (const { reference } of rows) {
    const tail = reference.slice(prefix.length);
    if (/^\d+$/.test(tail)) max = Math.max(max, Number(tail));
  }
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}
