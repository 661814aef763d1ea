import { type DbOrTx, schema } from '@nanshan/db';
import { and, asc, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { enterpriseOfUser, lockUserMembership, type MemberRole } from './membership';
import { lockOwnEnterprise } from './update-enterprise';

/** The people who act for an enterprise; owners first, then by when they joined. */
export async function listMembers(db: DbOrTx, enterpriseId: string) {
  const rows = await db
    .select({
      userId: schema.user.id,
      name: schema.user.name,
      email: schema.user.email,
      role: schema.enterpriseMembers.role,
      joinedAt: schema.enterpriseMembers.createdAt,
    })
    .from(schema.enterpriseMembers)
    .innerJoin(schema.user, eq(schema.user.id, schema.enterpriseMembers.userId))
    .where(eq(schema.enterpriseMembers.enterpriseId, enterpriseId))
    .orderBy(asc(schema.enterpriseMembers.createdAt), asc(schema.user.email));
  return rows
    .map((r) => ({ ...r, role: r.role as MemberRole }))
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'owner' ? -1 : 1));
}

/**
 * An owner adds an existing SME user (found by email) who acts for no enterprise yet. Users of other roles are
 * reported as not found: an SME owner has no business learning who holds a provider or staff account.
 */
export async function addMember(
  db: DbOrTx,
  input: { ownerUserId: string; email: string; role: MemberRole; now: Date },
) {
  return db.transaction(async (tx) => {
    const enterprise = await lockOwnEnterprise(tx, input.ownerUserId);
    const [user] = await tx
      .select()
      .from(schema.user)
      .where(eq(schema.user.email, input.email.trim().toLowerCase()));
    if (user?.role !== 'sme') throw domainError('user_not_found', 'NOT_FOUND');
    await lockUserMembership(tx, user.id);
    if (await enterpriseOfUser(tx, user.id)) throw domainError('user_has_enterprise', 'CONFLICT');
    await tx
      .insert(schema.enterpriseMembers)
      .values({ enterpriseId: enterprise.id, userId: user.id, role: input.role, createdAt: input.now });
    await recordAudit(tx, {
      actorUserId: input.ownerUserId,
      action: 'enterprise.member_added',
      targetType: 'enterprise',
      targetId: enterprise.id,
      after: { userId: user.id, email: user.email, role: input.role },
      at: input.now,
    });
    return { userId: user.id, name: user.name, email: user.email, role: input.role };
  });
}

/**
 * An owner removes a member (possibly another owner, or themself) — never the last owner, so someone can always
 * manage the enterprise. A user of another enterprise is reported as not found.
 */
export async function removeMember(db: DbOrTx, input: { ownerUserId: string; userId: string; now: Date }) {
  return db.transaction(async (tx) => {
    // The enterprise row lock serialises concurrent removals: two owners cannot remove each other at once.
    const enterprise = await lockOwnEnterprise(tx, input.ownerUserId);
    const memberWhere = and(
      eq(schema.enterpriseMembers.enterpriseId, enterprise.id),
      eq(schema.enterpriseMembers.userId, input.userId),
    );
    const [member] = await tx.select().from(schema.enterpriseMembers).where(memberWhere);
    if (!member) throw domainError('member_not_found', 'NOT_FOUND');
    if (member.role === 'owner') {
      const [owners] = await tx
        .select({ n: count() })
        .from(schema.enterpriseMembers)
        .where(
          and(
            eq(schema.enterpriseMembers.enterpriseId, enterprise.id),
            eq(schema.enterpriseMembers.role, 'owner'),
          ),
        );
      if (Number(owners?.n ?? 0) <= 1) throw domainError('last_owner', 'PRECONDITION_FAILED');
    }
    await tx.delete(schema.enterpriseMembers).where(memberWhere);
    await recordAudit(tx, {
      actorUserId: input.ownerUserId,
      action: 'enterprise.member_removed',
      targetType: 'enterprise',
      targetId: enterprise.id,
      before: { userId: member.userId, role: member.role },
      at: input.now,
    });
    return { userId: member.userId };
  });
}
