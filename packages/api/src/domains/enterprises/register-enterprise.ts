import { type DbOrTx, pgErrorOf, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { type District, ELIGIBILITY_FACTS, normalisedUscc, registeredInNanshanOf } from './facts';
import { type EnterpriseRow, enterpriseOfUser, lockUserMembership } from './membership';

export interface EnterpriseFactsInput {
  name: string;
  district: District | string;
  legalStatus: string;
  industry: string;
  employees: number;
  revenueFen: number;
  assetsFen: number;
  techSmeRegistered: boolean;
  aiActivity: string;
}

/** The audited picture of a profile: identity plus every fact eligibility reads. */
export function auditedFacts(e: EnterpriseRow) {
  return {
    uscc: e.uscc,
    name: e.name,
    ...Object.fromEntries(ELIGIBILITY_FACTS.map((f) => [f, e[f]])),
  };
}

/**
 * An SME user without an enterprise registers one and becomes its owner. The profile starts unverified: no
 * subsidy is granted until staff verify it. `registeredInNanshan` (Art. 3) follows from the district.
 */
export async function registerEnterprise(
  db: DbOrTx,
  input: { userId: string; uscc: string; facts: EnterpriseFactsInput; now: Date },
): Promise<EnterpriseRow> {
  const uscc = normalisedUscc(input.uscc);
  try {
    return await db.transaction(async (tx) => {
      await lockUserMembership(tx, input.userId);
      if (await enterpriseOfUser(tx, input.userId)) throw domainError('user_has_enterprise', 'CONFLICT');
      const [taken] = await tx
        .select({ id: schema.enterprises.id })
        .from(schema.enterprises)
        .where(eq(schema.enterprises.uscc, uscc));
      if (taken) throw domainError('uscc_taken', 'CONFLICT');
      const [enterprise] = await tx
        .insert(schema.enterprises)
        .values({
          ...input.facts,
          uscc,
          registeredInNanshan: registeredInNanshanOf(input.facts.district),
          verifiedAt: null,
          verifiedBy: null,
          createdAt: input.now,
        })
        .returning();
      await tx
        .insert(schema.enterpriseMembers)
        .values({ enterpriseId: enterprise!.id, userId: input.userId, role: 'owner', createdAt: input.now });
      await recordAudit(tx, {
        actorUserId: input.userId,
        action: 'enterprise.registered',
        targetType: 'enterprise',
        targetId: enterprise!.id,
        after: auditedFacts(enterprise!),
        at: input.now,
      });
      return enterprise!;
    });
  } catch (error) {
    // Two registrations of one code can race past the check; the unique index decides.
    if (pgErrorOf(error)?.constraint === 'enterprises_uscc_unique')
      throw domainError('uscc_taken', 'CONFLICT');
    throw error;
  }
}
