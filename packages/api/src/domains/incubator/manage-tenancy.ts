import { type Db, type DbOrTx, schema, toSafeInteger } from '@nanshan/db';
import { and, asc, count, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { normalisedUscc } from '../enterprises/facts';
import type { EnterpriseRow } from '../enterprises/membership';
import { lockSpace } from './spaces';
import { tenancyRows, tenancyRunsDuring } from './tenancy';

type TenancyRow = typeof schema.tenancies.$inferSelect;

/** What staff set on a lease: the unit, its area (hundredths of m²), the market rent a month, and its period. */
export interface TenancyTerms {
  unit: string;
  areaCentiM2: number;
  baseMonthlyRentFen: number;
  startDate: string;
  endDate: string | null;
}

export type EnterpriseRef = { enterpriseId: string } | { uscc: string };

/**
 * Art. 10: a lease of a unit in a space. Refused: `enterprise_not_found`, `invalid_uscc`, `enterprise_not_verified`
 * (the rent discount is public support, granted like every subsidy only to a profile staff verified),
 * `space_not_found`, `tenancy_end_before_start`, `tenancy_overlap` (the unit is let to someone for part of the period).
 */
export async function createTenancy(
  db: Db,
  input: { enterprise: EnterpriseRef; spaceId: string; terms: TenancyTerms; actorUserId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const enterprise = await findEnterprise(tx, input.enterprise);
    if (enterprise.verifiedAt === null) throw domainError('enterprise_not_verified', 'PRECONDITION_FAILED');
    refuseReversedPeriod(input.terms);
    await lockSpace(tx, input.spaceId);
    await refuseOverlap(tx, input.spaceId, input.terms);
    const [tenancy] = await tx
      .insert(schema.tenancies)
      .values({ ...input.terms, enterpriseId: enterprise.id, spaceId: input.spaceId, createdAt: input.now })
      .returning();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'incubator.tenancy_created',
      targetType: 'tenancy',
      targetId: tenancy!.id,
      after: tenancyAudit(tenancy!),
      at: input.now,
    });
    return tenancy!;
  });
}

/**
 * Corrects a lease's terms. The enterprise and the space stay (a move is a new lease). Refused: `tenancy_not_found`,
 * `tenancy_unchanged`, `tenancy_end_before_start`, `tenancy_overlap`.
 */
export async function updateTenancy(
  db: Db,
  input: { tenancyId: string; changes: Partial<TenancyTerms>; actorUserId: string; now: Date },
) {
  return changeTenancy(db, input, 'incubator.tenancy_updated', (current) => {
    const terms = { ...termsOf(current), ...input.changes };
    if (JSON.stringify(terms) === JSON.stringify(termsOf(current))) throw domainError('tenancy_unchanged');
    return terms;
  });
}

/** Ends a running lease on `endDate` (its last day). Refused: `tenancy_not_found`, `tenancy_already_ended`, and as update. */
export async function endTenancy(
  db: Db,
  input: { tenancyId: string; endDate: string; actorUserId: string; now: Date },
) {
  return changeTenancy(db, input, 'incubator.tenancy_ended', (current) => {
    if (current.endDate !== null) throw domainError('tenancy_already_ended', 'PRECONDITION_FAILED');
    return { ...termsOf(current), endDate: input.endDate };
  });
}

/** Locks the space, then the lease (always in that order), applies the new terms after the checks, audits both states. */
async function changeTenancy(
  db: Db,
  input: { tenancyId: string; actorUserId: string; now: Date },
  action: string,
  next: (current: TenancyRow) => TenancyTerms,
) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ spaceId: schema.tenancies.spaceId })
      .from(schema.tenancies)
      .where(eq(schema.tenancies.id, input.tenancyId));
    if (!found) throw domainError('tenancy_not_found', 'NOT_FOUND');
    await lockSpace(tx, found.spaceId);
    const [current] = await tx
      .select()
      .from(schema.tenancies)
      .where(eq(schema.tenancies.id, input.tenancyId))
      .for('update');
    const terms = next(current!);
    refuseReversedPeriod(terms);
    await refuseOverlap(tx, current!.spaceId, terms, current!.id);
    const [updated] = await tx
      .update(schema.tenancies)
      .set(terms)
      .where(eq(schema.tenancies.id, current!.id))
      .returning();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action,
      targetType: 'tenancy',
      targetId: current!.id,
      before: tenancyAudit(current!),
      after: tenancyAudit(updated!),
      at: input.now,
    });
    return updated!;
  });
}

async function findEnterprise(db: DbOrTx, ref: EnterpriseRef): Promise<EnterpriseRow> {
  const where =
    'enterpriseId' in ref
      ? eq(schema.enterprises.id, ref.enterpriseId)
      : eq(schema.enterprises.uscc, normalisedUscc(ref.uscc));
  const [enterprise] = await db.select().from(schema.enterprises).where(where);
  if (!enterprise) throw domainError('enterprise_not_found', 'NOT_FOUND');
  return enterprise;
}

function refuseReversedPeriod(terms: TenancyTerms): void {
  if (terms.endDate !== null && terms.endDate < terms.startDate)
    throw domainError('tenancy_end_before_start');
}

/** A unit (compared without case or surrounding space) is let to one lease at a time; the caller holds the space's lock. */
async function refuseOverlap(tx: DbOrTx, spaceId: string, terms: TenancyTerms, exceptId?: string) {
  const conditions: SQL[] = [
    eq(schema.tenancies.spaceId, spaceId),
    sql`lower(trim(${schema.tenancies.unit})) = lower(trim(${terms.unit}))`,
    tenancyRunsDuring(terms.startDate, terms.endDate),
  ];
  if (exceptId) conditions.push(ne(schema.tenancies.id, exceptId));
  const [clash] = await tx
    .select({ id: schema.tenancies.id })
    .from(schema.tenancies)
    .where(and(...conditions))
    .limit(1);
  if (clash) throw domainError('tenancy_overlap', 'CONFLICT');
}

function termsOf(t: TenancyRow): TenancyTerms {
  return {
    unit: t.unit,
    areaCentiM2: t.areaCentiM2,
    baseMonthlyRentFen: t.baseMonthlyRentFen,
    startDate: t.startDate,
    endDate: t.endDate,
  };
}

function tenancyAudit(t: TenancyRow) {
  return { enterpriseId: t.enterpriseId, spaceId: t.spaceId, ...termsOf(t) };
}

/** Leases newest first within each space; filter by space and by a day they run on. */
export async function listTenancies(
  db: DbOrTx,
  input: { spaceId?: string; activeOn?: string; page: number; pageSize: number; today: string },
) {
  const conditions: SQL[] = [];
  if (input.spaceId) conditions.push(eq(schema.tenancies.spaceId, input.spaceId));
  if (input.activeOn) conditions.push(tenancyRunsDuring(input.activeOn, input.activeOn));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    tenancyRows(db)
      .where(where)
      .orderBy(
        asc(schema.incubatorSpaces.name),
        desc(schema.tenancies.startDate),
        asc(schema.tenancies.unit),
        asc(schema.tenancies.id),
      )
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(schema.tenancies).where(where),
  ]);
  return {
    total: toSafeInteger(total?.n),
    items: rows.map(({ tenancy, enterprise, spaceName }) => ({
      ...tenancyView(tenancy, enterprise),
      spaceName,
      runsToday:
        tenancy.startDate <= input.today && (tenancy.endDate === null || tenancy.endDate >= input.today),
    })),
  };
}

export function tenancyView(t: TenancyRow, enterprise: EnterpriseRow) {
  return {
    id: t.id,
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      uscc: enterprise.uscc,
      verified: enterprise.verifiedAt !== null,
    },
    spaceId: t.spaceId,
    ...termsOf(t),
    createdAt: t.createdAt,
  };
}
