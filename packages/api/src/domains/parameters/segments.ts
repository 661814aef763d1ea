import { type Db, type DbOrTx, schema } from '@nanshan/db';
import { MEASURES_IN_FORCE, PARAMS, type ParamKey, type ParamOverrides, paramAt } from '@nanshan/rules';
import { and, asc, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { addDays } from '../../calendar';
import { shenzhenDate } from '../../clock';
import { domainError } from '../../errors';
import { publishedOverrides } from './policy-overrides';
import { isDraftable, isSetByBureau, validateParameterValue } from './values';
import { WHAT_IF_KEYS } from './what-if';

type SegmentRow = typeof schema.parameterSegments.$inferSelect;

/**
 * Values the measures leave to the bureau, as dated segments over the rules package's defaults. A draft is written,
 * evaluated (what-if) and then published with an effective date from tomorrow on, or withdrawn. A published segment is
 * never edited: a later one supersedes it. On a date, the published segment covering it with the latest start wins
 * (the later publication on a tie); without one, the rules' table applies.
 */
export async function draftSegment(
  db: Db,
  input: {
    key: ParamKey;
    value: unknown;
    fromDate: string;
    toDate?: string;
    reason: string;
    actorUserId: string;
    now: Date;
  },
) {
  const value = validateParameterValue(input.key, input.value);
  const { from, to } = MEASURES_IN_FORCE;
  const last = input.toDate ?? input.fromDate;
  if (input.fromDate < from || input.fromDate > to || last > to) {
    throw domainError('parameter_outside_validity');
  }
  return db.transaction(async (tx) => {
    const [segment] = await tx
      .insert(schema.parameterSegments)
      .values({
        key: input.key,
        value,
        fromDate: input.fromDate,
        toDate: input.toDate ?? null,
        reason: input.reason,
        status: 'draft',
        createdBy: input.actorUserId,
        createdAt: input.now,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'parameter.drafted',
      targetType: 'parameter_segment',
      targetId: segment!.id,
      after: segmentAudit(segment!),
      at: input.now,
    });
    return segmentView(segment!);
  });
}

/**
 * Publishes a draft of a bureau-set value. Its effective date must be tomorrow (Shenzhen) or later, so no decision
 * already taken today changes under anyone's feet. Refusals: `parameter_not_found`, `parameter_not_draft`,
 * `parameter_not_set_by_bureau` (caps and rates the measures fix are drafted only for what-if),
 * `parameter_effective_too_early`.
 */
export async function publishSegment(
  db: Db,
  input: { id: string; reason: string; actorUserId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const segment = await lockSegment(tx, input.id);
    if (segment.status !== 'draft') throw domainError('parameter_not_draft', 'PRECONDITION_FAILED');
    if (!isSetByBureau(segment.key as ParamKey)) {
      throw domainError('parameter_not_set_by_bureau', 'PRECONDITION_FAILED');
    }
    const tomorrow = addDays(shenzhenDate(input.now), 1);
    if (segment.fromDate < tomorrow)
      throw domainError('parameter_effective_too_early', 'PRECONDITION_FAILED');
    const [published] = await tx
      .update(schema.parameterSegments)
      .set({ status: 'published', publishedBy: input.actorUserId, publishedAt: input.now })
      .where(and(eq(schema.parameterSegments.id, segment.id), eq(schema.parameterSegments.status, 'draft')))
      .returning();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'parameter.published',
      targetType: 'parameter_segment',
      targetId: segment.id,
      before: { status: segment.status },
      after: { ...segmentAudit(published!), publishReason: input.reason },
      at: input.now,
    });
    return segmentView(published!);
  });
}

/**
 * Withdraws a draft, or a published segment that has not taken effect yet (its start date is after today, Shenzhen):
 * no decision was taken under it, so the rules' value (or an earlier segment) simply stays in force. A segment in
 * force is never withdrawn — decisions were taken under it; a later one supersedes it. Refusals:
 * `parameter_not_found`, `parameter_not_draft` (already withdrawn), `parameter_already_in_force`.
 */
export async function withdrawSegment(
  db: Db,
  input: { id: string; reason: string; actorUserId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const segment = await lockSegment(tx, input.id);
    if (segment.status === 'withdrawn') throw domainError('parameter_not_draft', 'PRECONDITION_FAILED');
    if (segment.status === 'published' && segment.fromDate <= shenzhenDate(input.now)) {
      throw domainError('parameter_already_in_force', 'PRECONDITION_FAILED');
    }
    const [withdrawn] = await tx
      .update(schema.parameterSegments)
      .set({ status: 'withdrawn' })
      .where(eq(schema.parameterSegments.id, segment.id))
      .returning();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'parameter.withdrawn',
      targetType: 'parameter_segment',
      targetId: segment.id,
      before: { status: segment.status },
      after: { status: 'withdrawn', reason: input.reason },
      at: input.now,
    });
    return segmentView(withdrawn!);
  });
}

async function lockSegment(tx: DbOrTx, id: string): Promise<SegmentRow> {
  const [segment] = await tx
    .select()
    .from(schema.parameterSegments)
    .where(eq(schema.parameterSegments.id, id))
    .for('update');
  if (!segment) throw domainError('parameter_not_found', 'NOT_FOUND');
  return segment;
}

function segmentAudit(s: SegmentRow) {
  return {
    key: s.key,
    value: s.value,
    fromDate: s.fromDate,
    toDate: s.toDate,
    reason: s.reason,
    status: s.status,
  };
}

function segmentView(s: SegmentRow) {
  return {
    id: s.id,
    key: s.key as ParamKey,
    value: s.value,
    fromDate: s.fromDate,
    toDate: s.toDate,
    reason: s.reason,
    status: s.status as 'draft' | 'published' | 'withdrawn',
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    publishedBy: s.publishedBy,
    publishedAt: s.publishedAt,
  };
}

/**
 * The value of `key` in force on `date`, as the rules apply it: the latest-starting published segment that covers it
 * (the later publication on a tie), else the rules' table; null outside the measures' validity (Art. 15).
 */
export async function parameterValueOn(db: DbOrTx, key: ParamKey, date: string) {
  const published = await db
    .select()
    .from(schema.parameterSegments)
    .where(and(eq(schema.parameterSegments.key, key), eq(schema.parameterSegments.status, 'published')));
  return valueOn(publishedOverrides(published), key, date);
}

function valueOn(overrides: ParamOverrides, key: ParamKey, date: string) {
  // Outside the measures' validity (Art. 15) no parameter exists, published or not.
  if (date < MEASURES_IN_FORCE.from || date > MEASURES_IN_FORCE.to) return null;
  const p = paramAt(key, date, overrides);
  return p.override
    ? {
        value: p.value as unknown,
        from: p.from,
        source: 'published' as const,
        segmentId: p.override.ref ?? null,
      }
    : { value: p.value as unknown, from: p.from, source: 'rules' as const, segmentId: null };
}

/**
 * Every parameter of the measures: unit, description, the rules' dated segments with their citations, whether the
 * bureau sets it (publishable), whether a draft / a what-if can be made for it, the value in force today, and the
 * segments staff drafted, published or withdrawn (newest start first).
 */
export async function listParameters(db: DbOrTx, now: Date) {
  const today = shenzhenDate(now);
  const rows = await db
    .select({ segment: schema.parameterSegments, createdByName: schema.user.name })
    .from(schema.parameterSegments)
    .innerJoin(schema.user, eq(schema.user.id, schema.parameterSegments.createdBy))
    .orderBy(asc(schema.parameterSegments.key), desc(schema.parameterSegments.fromDate));
  const keys = Object.keys(PARAMS) as ParamKey[];
  const published = publishedOverrides(rows.map((r) => r.segment));
  return keys.map((key) => {
    const def = PARAMS[key];
    return {
      key,
      en: def.en,
      unit: def.unit,
      setByBureau: isSetByBureau(key),
      draftable: isDraftable(key),
      whatIf: (WHAT_IF_KEYS as readonly string[]).includes(key),
      segments: def.segments.map((s) => ({
        value: s.value as unknown,
        from: s.from,
        to: s.to ?? null,
        cite: s.cite,
        setByBureau: 'setByBureau' in s && s.setByBureau === true,
      })),
      /** What the rules apply today: a published segment in force, else their own table. */
      inForceToday: valueOn(published, key, today),
      stored: rows
        .filter((r) => r.segment.key === key)
        .map((r) => ({ ...segmentView(r.segment), createdByName: r.createdByName })),
    };
  });
}
