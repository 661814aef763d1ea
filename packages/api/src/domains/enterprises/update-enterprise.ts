import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { EDITABLE_FACTS, ELIGIBILITY_FACTS, registeredInNanshanOf } from './facts';
import { type EnterpriseRow, membershipOfUser } from './membership';
import type { EnterpriseFactsInput } from './register-enterprise';

type Fact = (typeof ELIGIBILITY_FACTS)[number] | 'name';

/** Locks the enterprise row for the rest of the transaction; every profile, member and verification change takes it. */
export async function lockEnterprise(tx: DbOrTx, enterpriseId: string): Promise<EnterpriseRow | undefined> {
  const [row] = await tx
    .select()
    .from(schema.enterprises)
    .where(eq(schema.enterprises.id, enterpriseId))
    .for('update');
  return row;
}

/** The caller's enterprise, locked, after checking — under the lock — that the caller is one of its owners. */
export async function lockOwnEnterprise(tx: DbOrTx, userId: string): Promise<EnterpriseRow> {
  const membership = await membershipOfUser(tx, userId);
  if (!membership) throw domainError('no_enterprise', 'PRECONDITION_FAILED');
  const enterprise = await lockEnterprise(tx, membership.enterprise.id);
  const [me] = await tx
    .select({ role: schema.enterpriseMembers.role })
    .from(schema.enterpriseMembers)
    .where(
      and(
        eq(schema.enterpriseMembers.enterpriseId, membership.enterprise.id),
        eq(schema.enterpriseMembers.userId, userId),
      ),
    );
  if (!enterprise || !me) throw domainError('no_enterprise', 'PRECONDITION_FAILED');
  if (me.role !== 'owner') throw domainError('owner_only', 'FORBIDDEN');
  return enterprise;
}

/**
 * An owner corrects the profile. A change to any fact eligibility reads withdraws staff verification in the same
 * transaction (staff verified other facts), so no subsidy is granted on facts nobody checked. Audited with the
 * changed fields before and after.
 */
export async function updateEnterprise(
  db: DbOrTx,
  input: { userId: string; changes: Partial<EnterpriseFactsInput>; now: Date },
): Promise<{ changed: Fact[]; verificationCleared: boolean }> {
  return db.transaction(async (tx) => {
    const current = await lockOwnEnterprise(tx, input.userId);
    const next: Record<string, unknown> = {};
    for (const field of EDITABLE_FACTS) {
      const value = input.changes[field];
      if (value !== undefined && value !== current[field]) next[field] = value;
    }
    if (next.district !== undefined) {
      const derived = registeredInNanshanOf(next.district as string);
      if (derived !== current.registeredInNanshan) next.registeredInNanshan = derived;
    }
    const changed = Object.keys(next) as Fact[];
    if (changed.length === 0) return { changed, verificationCleared: false };

    const clearsVerification =
      current.verifiedAt !== null &&
      changed.some((f) => (ELIGIBILITY_FACTS as readonly string[]).includes(f));
    if (clearsVerification) Object.assign(next, { verifiedAt: null, verifiedBy: null });
    await tx.update(schema.enterprises).set(next).where(eq(schema.enterprises.id, current.id));

    const before = Object.fromEntries(Object.keys(next).map((f) => [f, current[f as keyof EnterpriseRow]]));
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'enterprise.updated',
      targetType: 'enterprise',
      targetId: current.id,
      before,
      after: next,
      at: input.now,
    });
    return { changed, verificationCleared: clearsVerification };
  });
}
