import { type DbOrTx, schema } from '@nanshan/db';
import { eq, sql } from 'drizzle-orm';
import { domainError } from '../../errors';

export type ProviderRow = typeof schema.providers.$inferSelect;

/** The provider a provider user acts for; every provider procedure is scoped to it (invariant 7). */
export async function providerOfUser(db: DbOrTx, userId: string): Promise<ProviderRow | undefined> {
  const [row] = await db
    .select({ provider: schema.providers })
    .from(schema.providerMembers)
    .innerJoin(schema.providers, eq(schema.providers.id, schema.providerMembers.providerId))
    .where(eq(schema.providerMembers.userId, userId))
    .limit(1);
  return row?.provider;
}

export async function requireProvider(db: DbOrTx, userId: string): Promise<ProviderRow> {
  const provider = await providerOfUser(db, userId);
  if (!provider) throw domainError('no_provider', 'PRECONDITION_FAILED');
  return provider;
}

/**
 * The provider's gate: a transaction-scoped advisory lock, held shared by every transaction that relies on the
 * provider's status (an order, a listing) and exclusive by every change to the provider (a staff decision, a
 * checklist change, the expiry sweeper). Row locks alone are not enough: Postgres lets a new `for share` join other
 * share holders ahead of a waiting `for update`, so a stream of orders could hold off a revocation indefinitely.
 * Advisory locks queue fairly: once a decision waits, later orders wait behind it.
 */
export async function enterProviderGate(tx: DbOrTx, providerId: string, mode: 'shared' | 'exclusive') {
  const key = providerGateKey(providerId);
  await tx.execute(
    mode === 'shared'
      ? sql`select pg_advisory_xact_lock_shared(hashtext(${key}))`
      : sql`select pg_advisory_xact_lock(hashtext(${key}))`,
  );
}

/** The gate's advisory-lock key; `loadListedOffering` builds the same text in SQL from the offering's provider. */
const providerGateKey = (providerId: string) => `nanshan:provider:${providerId}`;

/**
 * Locks a provider row (through its gate, see `enterProviderGate`) for the rest of the transaction. Staff decisions
 * take it `for update`; checklist submissions, reviews and listings take it too, so a status change and a change
 * that depends on the status (filing needs every item accepted, listing needs an active provider) never interleave.
 */
export async function lockProvider(
  tx: DbOrTx,
  providerId: string,
  strength: 'update' | 'share' = 'update',
): Promise<ProviderRow | undefined> {
  await enterProviderGate(tx, providerId, strength === 'update' ? 'exclusive' : 'shared');
  const [row] = await tx
    .select()
    .from(schema.providers)
    .where(eq(schema.providers.id, providerId))
    .for(strength);
  return row;
}

/** The caller's provider, locked (see `lockProvider`). */
export async function lockOwnProvider(
  tx: DbOrTx,
  userId: string,
  strength: 'update' | 'share' = 'update',
): Promise<ProviderRow> {
  const provider = await requireProvider(tx, userId);
  const locked = await lockProvider(tx, provider.id, strength);
  if (!locked) throw domainError('no_provider', 'PRECONDITION_FAILED');
  return locked;
}

/**
 * Serialises registrations by one user across server processes: a user acts for one provider only, and two
 * concurrent requests must not both see "no provider yet".
 */
export async function lockUserProvider(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`nanshan:user-provider:${userId}`}))`);
}
