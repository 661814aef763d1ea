import { type DbOrTx, pgErrorOf, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { normalisedUscc } from '../enterprises/facts';
import { cityIsShenzhen, type ProviderKind } from './facts';
import { lockUserProvider, type ProviderRow, providerOfUser } from './membership';

export interface ProviderFactsInput {
  name: string;
  kind: ProviderKind;
  city: string;
  inShenzhen: boolean;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  address: string;
  description: string;
}

/** The audited picture of a provider: identity and everything staff review. */
export function auditedProvider(p: ProviderRow) {
  return {
    uscc: p.uscc,
    name: p.name,
    kind: p.kind,
    city: p.city,
    inShenzhen: p.inShenzhen,
    status: p.status,
    filingValidFrom: p.filingValidFrom,
    filingValidTo: p.filingValidTo,
  };
}

/**
 * A provider user without a provider registers one: an intelligent-computing centre (Art. 6: it must be in
 * Shenzhen) or a cloud AI service vendor (Art. 9). It starts `pending` with an empty filing checklist (one row per
 * item of the Art. 9 filing notice) for the provider to fill in and staff to review item by item.
 */
export async function registerProvider(
  db: DbOrTx,
  input: { userId: string; uscc: string; facts: ProviderFactsInput; now: Date },
): Promise<ProviderRow> {
  const uscc = normalisedUscc(input.uscc);
  const { facts } = input;
  // 第六条: compute vouchers are for compute bought from intelligent-computing platforms in Shenzhen.
  if (facts.kind === 'computing_centre' && !facts.inShenzhen) {
    throw domainError('centre_not_in_shenzhen', 'BAD_REQUEST');
  }
  if (facts.inShenzhen !== cityIsShenzhen(facts.city))
    throw domainError('in_shenzhen_mismatch', 'BAD_REQUEST');
  try {
    return await db.transaction(async (tx) => {
      await lockUserProvider(tx, input.userId);
      if (await providerOfUser(tx, input.userId)) throw domainError('user_has_provider', 'CONFLICT');
      const [taken] = await tx
        .select({ id: schema.providers.id })
        .from(schema.providers)
        .where(eq(schema.providers.uscc, uscc));
      if (taken) throw domainError('uscc_taken', 'CONFLICT');
      const [provider] = await tx
        .insert(schema.providers)
        .values({
          ...facts,
          uscc,
          status: 'pending',
          filingValidFrom: null,
          filingValidTo: null,
          createdAt: input.now,
        })
        .returning();
      await tx
        .insert(schema.providerMembers)
        .values({ providerId: provider!.id, userId: input.userId, createdAt: input.now });
      await tx
        .insert(schema.filingItems)
        .values(schema.FILING_ITEMS.map((item) => ({ providerId: provider!.id, item, statement: '' })));
      await recordAudit(tx, {
        actorUserId: input.userId,
        action: 'provider.registered',
        targetType: 'provider',
        targetId: provider!.id,
        after: auditedProvider(provider!),
        at: input.now,
      });
      return provider!;
    });
  } catch (error) {
    // Two registrations of one code can race past the check; the unique index decides.
    if (pgErrorOf(error)?.constraint === 'providers_uscc_unique') throw domainError('uscc_taken', 'CONFLICT');
    throw error;
  }
}
