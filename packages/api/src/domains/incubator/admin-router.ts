import { z } from 'zod';
import { shenzhenDate } from '../../clock';
import { adminProcedure, router } from '../../trpc';
import { loadPolicyOverrides } from '../parameters/policy-overrides';
import { statementFile } from '../reports/files';
import { createTenancy, endTenancy, listTenancies, type TenancyTerms, updateTenancy } from './manage-tenancy';
import { poolUsage, setPoolCapacity } from './pool-usage';
import { rentStatement, rentStatementSheet } from './rent-statements';
import { createSpace, listSpaces, updateSpace } from './spaces';

const isoDate = z.iso.date();
// Years from 1000: a year 0000 month would make a next-month date the calendar code cannot write.
const month = z.string().regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, 'month_invalid');
const spaceName = z.string().trim().min(1).max(200);
const address = z.string().trim().min(1).max(500);
const unit = z.string().trim().min(1).max(40);
/** Area typed in m² with at most two decimals, kept as integer hundredths (like money: no float ever stored). */
const areaM2 = z
  .string()
  .trim()
  .regex(/^\d{1,6}(\.\d{1,2})?$/, 'area_invalid')
  .transform((text) => {
    const [whole, fraction = ''] = text.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  })
  .refine((centi) => centi > 0, 'area_invalid');
const rentFen = z.number().int().min(0).max(10_000_000_000);
/** Every capacity change carries its reason (kept in the audit log). */
const reason = z.string().trim().min(1).max(2000);

const tenancyChanges = z.object({
  unit: unit.optional(),
  areaM2: areaM2.optional(),
  baseMonthlyRentFen: rentFen.optional(),
  startDate: isoDate.optional(),
  /** null: the lease runs on with no end date. */
  endDate: isoDate.nullable().optional(),
});

/** Only the fields given (an absent field keeps its value). */
function changesOf(input: z.infer<typeof tenancyChanges>): Partial<TenancyTerms> {
  const changes: Partial<TenancyTerms> = {};
  if (input.unit !== undefined) changes.unit = input.unit;
  if (input.areaM2 !== undefined) changes.areaCentiM2 = input.areaM2;
  if (input.baseMonthlyRentFen !== undefined) changes.baseMonthlyRentFen = input.baseMonthlyRentFen;
  if (input.startDate !== undefined) changes.startDate = input.startDate;
  if (input.endDate !== undefined) changes.endDate = input.endDate;
  return changes;
}

/** Art. 10 for district staff: spaces and leases, monthly rent statements, and the dedicated compute pool. */
export const adminIncubatorRouter = router({
  spaces: router({
    /** Every space with how many leases run on `date` (default today, Shenzhen). */
    list: adminProcedure
      .input(z.object({ date: isoDate.optional() }).optional())
      .query(({ ctx, input }) => listSpaces(ctx.db, input?.date ?? shenzhenDate(ctx.now()))),

    create: adminProcedure
      .input(z.object({ name: spaceName, address }))
      .mutation(({ ctx, input }) =>
        createSpace(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
      ),

    update: adminProcedure
      .input(
        z
          .object({ spaceId: z.uuid(), name: spaceName.optional(), address: address.optional() })
          .refine((v) => v.name !== undefined || v.address !== undefined, 'nothing_to_change'),
      )
      .mutation(({ ctx, input }) =>
        updateSpace(ctx.db, {
          spaceId: input.spaceId,
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.address !== undefined ? { address: input.address } : {}),
          actorUserId: ctx.user.id,
          now: ctx.now(),
        }),
      ),
  }),

  tenancies: router({
    /** Leases by space, newest first; optionally only one space's, or only those running on a day. */
    list: adminProcedure
      .input(
        z.object({
          spaceId: z.uuid().optional(),
          activeOn: isoDate.optional(),
          page: z.number().int().min(1).max(10_000).default(1),
          pageSize: z.number().int().min(1).max(100).default(20),
        }),
      )
      .query(({ ctx, input }) => listTenancies(ctx.db, { ...input, today: shenzhenDate(ctx.now()) })),

    /** A new lease for an enterprise named by id or 统一社会信用代码. */
    create: adminProcedure
      .input(
        z
          .object({
            enterpriseId: z.uuid().optional(),
            uscc: z.string().trim().min(1).max(40).optional(),
            spaceId: z.uuid(),
            unit,
            areaM2,
            baseMonthlyRentFen: rentFen,
            startDate: isoDate,
            endDate: isoDate.optional(),
          })
          .refine((v) => (v.enterpriseId === undefined) !== (v.uscc === undefined), {
            message: 'enterprise_id_or_uscc',
            path: ['uscc'],
          }),
      )
      .mutation(({ ctx, input }) =>
        createTenancy(ctx.db, {
          enterprise: input.enterpriseId ? { enterpriseId: input.enterpriseId } : { uscc: input.uscc! },
          spaceId: input.spaceId,
          terms: {
            unit: input.unit,
            areaCentiM2: input.areaM2,
            baseMonthlyRentFen: input.baseMonthlyRentFen,
            startDate: input.startDate,
            endDate: input.endDate ?? null,
          },
          actorUserId: ctx.user.id,
          now: ctx.now(),
        }),
      ),

    /** Corrects a lease's unit, area, rent or dates. */
    update: adminProcedure.input(tenancyChanges.extend({ tenancyId: z.uuid() })).mutation(({ ctx, input }) =>
      updateTenancy(ctx.db, {
        tenancyId: input.tenancyId,
        changes: changesOf(input),
        actorUserId: ctx.user.id,
        now: ctx.now(),
      }),
    ),

    /** Ends a running lease; `endDate` is its last day. */
    end: adminProcedure
      .input(z.object({ tenancyId: z.uuid(), endDate: isoDate }))
      .mutation(({ ctx, input }) =>
        endTenancy(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
      ),
  }),

  rent: router({
    /** The month's rent statement: every running lease with its tier discount and the rules' trace, and totals. */
    statement: adminProcedure
      .input(z.object({ month }))
      .query(async ({ ctx, input }) => rentStatement(ctx.db, input.month, await loadPolicyOverrides(ctx.db))),

    /** The same statement as a file: CSV (UTF-8 with BOM, yuan decimals) or XLSX. */
    export: adminProcedure
      .input(z.object({ month, format: z.enum(['csv', 'xlsx']) }))
      .query(async ({ ctx, input }) =>
        statementFile(
          rentStatementSheet(await rentStatement(ctx.db, input.month, await loadPolicyOverrides(ctx.db))),
          {
            format: input.format,
            filename: `incubator-rent-${input.month}`,
            sheetName: `租金 Rent ${input.month}`,
            now: ctx.now(),
          },
        ),
      ),
  }),

  pool: router({
    /** Each pool's capacity, allocation, price today, and units bought (paid) or reserved by each enterprise. */
    usage: adminProcedure
      .input(z.object({ date: isoDate.optional() }).optional())
      .query(({ ctx, input }) => poolUsage(ctx.db, input?.date ?? shenzhenDate(ctx.now()))),

    /** Sets a pool's capacity, never below what is allocated. */
    setCapacity: adminProcedure
      .input(
        z.object({ poolId: z.uuid(), capacityUnits: z.number().int().min(0).max(1_000_000_000), reason }),
      )
      .mutation(({ ctx, input }) =>
        setPoolCapacity(ctx.db, { ...input, actorUserId: ctx.user.id, now: ctx.now() }),
      ),
  }),
});
