import { type Db, type DbOrTx, pgErrorOf, schema, toSafeInteger } from '@nanshan/db';
import { asc, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { tenancyRunsDuring } from './tenancy';

type SpaceRow = typeof schema.incubatorSpaces.$inferSelect;

/** Art. 10: the incubation spaces, each with how many tenancies run on `date`. */
export async function listSpaces(db: DbOrTx, date: string) {
  const [spaces, active] = await Promise.all([
    db.select().from(schema.incubatorSpaces).orderBy(asc(schema.incubatorSpaces.name)),
    db
      .select({ spaceId: schema.tenancies.spaceId, n: count() })
      .from(schema.tenancies)
      .where(tenancyRunsDuring(date, date))
      .groupBy(schema.tenancies.spaceId),
  ]);
  const counts = new Map(active.map((a) => [a.spaceId, toSafeInteger(a.n)]));
  return spaces.map((s) => ({ ...spaceView(s), activeTenancies: counts.get(s.id) ?? 0 }));
}

/** Adds a space. Refused: `space_name_taken` (names are unique). */
export async function createSpace(
  db: Db,
  input: { name: string; address: string; actorUserId: string; now: Date },
) {
  return asSpaceRefusal(() =>
    db.transaction(async (tx) => {
      const [space] = await tx
        .insert(schema.incubatorSpaces)
        .values({ name: input.name, address: input.address, createdAt: input.now })
        .returning();
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'incubator.space_created',
        targetType: 'incubator_space',
        targetId: space!.id,
        after: spaceView(space!),
        at: input.now,
      });
      return spaceView(space!);
    }),
  );
}

/** Renames a space or corrects its address. Refused: `space_not_found`, `space_name_taken`, `space_unchanged`. */
export async function updateSpace(
  db: Db,
  input: { spaceId: string; name?: string; address?: string; actorUserId: string; now: Date },
) {
  return asSpaceRefusal(() =>
    db.transaction(async (tx) => {
      const before = await lockSpace(tx, input.spaceId);
      const name = input.name ?? before.name;
      const address = input.address ?? before.address;
      if (name === before.name && address === before.address) throw domainError('space_unchanged');
      const [after] = await tx
        .update(schema.incubatorSpaces)
        .set({ name, address })
        .where(eq(schema.incubatorSpaces.id, before.id))
        .returning();
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'incubator.space_updated',
        targetType: 'incubator_space',
        targetId: before.id,
        before: spaceView(before),
        after: spaceView(after!),
        at: input.now,
      });
      return spaceView(after!);
    }),
  );
}

/**
 * The space's row, locked for the rest of the transaction: every change to a space's tenancies takes it first,
 * so two overlapping leases of one unit can never both pass the overlap check.
 */
export async function lockSpace(tx: DbOrTx, spaceId: string): Promise<SpaceRow> {
  const [space] = await tx
    .select()
    .from(schema.incubatorSpaces)
    .where(eq(schema.incubatorSpaces.id, spaceId))
    .for('update');
  if (!space) throw domainError('space_not_found', 'NOT_FOUND');
  return space;
}

function spaceView(s: SpaceRow) {
  return { id: s.id, name: s.name, address: s.address, createdAt: s.createdAt };
}

async function asSpaceRefusal<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (pgErrorOf(error)?.constraint === 'incubator_spaces_name_unique') {
      throw domainError('space_name_taken', 'CONFLICT');
    }
    throw error;
  }
}
