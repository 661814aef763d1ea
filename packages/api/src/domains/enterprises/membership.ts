import { type DbOrTx, schema } from '@nanshan/db';
import { eq, sql } from 'drizzle-orm';
import { domainError } from '../../errors';

export type EnterpriseRow = typeof schema.enterprises.$inferSelect;

/** The enterprise an SME user acts for; every SME procedure is scoped to it (invariant 7). */
export async function enterpriseOfUser(db: DbOrTx, userId: string): Promise<EnterpriseRow | undefined> {
  const [row] = await db
    .select({ enterprise: schema.enterprises })
    .from(schema.enterpriseMembers)
    .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.enterpriseMembers.enterpriseId))
    .where(eq(schema.enterpriseMembers.userId, userId))
    .limit(1);
  return row?.enterprise;
}

export async function requireEnterprise(db: DbOrTx, userId: string): Promise<EnterpriseRow> {
  const enterprise = await enterpriseOfUser(db, userId);
  if (!enterprise) throw domainError('no_enterprise', 'PRECONDITION_FAILED');
  return enterprise;
}

export type MemberRole = 'owner' | 'member';

/** The user's enterprise and their role in it. */
export async function membershipOfUser(
  db: DbOrTx,
  userId: string,
): Promise<{ enterprise: EnterpriseRow; role: MemberRole } | undefined> {
  const [row] = await db
    .select({ enterprise: schema.enterprises, role: schema.enterpriseMembers.role })
    .from(schema.enterpriseMembers)
    .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.enterpriseMembers.enterpriseId))
    .where(eq(schema.enterpriseMembers.userId, userId))
    .limit(1);
  return row ? { enterprise: row.enterprise, role: row.role as MemberRole } : undefined;
}

/** Only an owner changes the profile and the member list. */
export async function requireOwner(db: DbOrTx, userId: string): Promise<EnterpriseRow> {
  const membership = await membershipOfUser(db, userId);
  if (!membership) throw domainError('no_enterprise', 'PRECONDITION_FAILED');
  if (membership.role !== 'owner') throw domainError('owner_only', 'FORBIDDEN');
  return membership.enterprise;
}

/**
 * Serialises everything that gives a user an enterprise (registration, being added as a member) for the rest of
 * the transaction, across server processes: a user acts for one enterprise only, and two concurrent requests must
 * not both see "no enterprise yet".
 */
export async function lockUserMembership(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`nanshan:user-enterprise:${userId}`}))`);
}
