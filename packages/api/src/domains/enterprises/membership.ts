import { type DbOrTx, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
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
