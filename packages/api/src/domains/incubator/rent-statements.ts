import { type DbOrTx, schema } from '@nanshan/db';
import { type ParamOverrides, plainTrace, REASON_TEXTS, type ReasonCode } from '@nanshan/rules';
import { asc } from 'drizzle-orm';
import type { Statement, StatementColumn } from '../statements/order-statement';
import { monthBounds } from './billing-month';
import { tenancyRent, tenancyRows, tenancyRunsDuring } from './tenancy';

/** Basis points in a whole (the rules' payBps are shares of market rent). */
const WHOLE_BPS = 10_000;

/**
 * Art. 10 rent statement for a calendar month (`YYYY-MM`): every lease that runs on a day of it, billed a full
 * month's market rent less the tier discount of its tenancy month. The tenancy month is the one in force on the
 * month's first day, or on the start date for a lease starting within the month (the rules do not prorate).
 * Discounts are the rules' (rounded down to the fen); totals are sums in integer fen.
 */
export async function rentStatement(db: DbOrTx, month: string, overrides?: ParamOverrides) {
  const { first, last } = monthBounds(month);
  const rows = await tenancyRows(db)
    .where(tenancyRunsDuring(first, last))
    .orderBy(asc(schema.incubatorSpaces.name), asc(schema.tenancies.unit), asc(schema.tenancies.startDate));
  const lines = rows.map(({ tenancy, enterprise, spaceName }) => {
    // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings
    const billedOn = tenancy.startDate > first ? tenancy.startDate : first;
    const rent = tenancyRent(enterprise, tenancy, billedOn, overrides);
    return {
      tenancyId: tenancy.id,
      enterprise: { id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc },
      spaceName,
      unit: tenancy.unit,
      areaCentiM2: tenancy.areaCentiM2,
      startDate: tenancy.startDate,
      endDate: tenancy.endDate,
      billedOn,
      tenancyMonth: rent.month,
      tier: rent.tier ? { fromMonth: rent.tier.fromMonth, toMonth: rent.tier.toMonth ?? null } : null,
      payBps: rent.payBps,
      discountBps: WHOLE_BPS - rent.payBps,
      baseRentFen: tenancy.baseMonthlyRentFen,
      discountFen: rent.amountFen,
      rentDueFen: rent.rentDueFen,
      eligible: rent.eligible,
      reasons: rent.reasons,
      trace: plainTrace(rent.trace),
    };
  });
  const totals = lines.reduce(
    (sum, l) => ({
      tenancies: sum.tenancies + 1,
      baseRentFen: sum.baseRentFen + l.baseRentFen,
      discountFen: sum.discountFen + l.discountFen,
      rentDueFen: sum.rentDueFen + l.rentDueFen,
    }),
    { tenancies: 0, baseRentFen: 0, discountFen: 0, rentDueFen: 0 },
  );
  return { month, first, last, lines, totals };
}

export type RentStatement = Awaited<ReturnType<typeof rentStatement>>;

const COLUMNS: StatementColumn[] = [
  { key: 'enterprise', header: '企业 / Enterprise', kind: 'text', width: 30 },
  { key: 'uscc', header: '统一社会信用代码 / USCC', kind: 'text', width: 22 },
  { key: 'space', header: '孵化空间 / Space', kind: 'text', width: 30 },
  { key: 'unit', header: '单元 / Unit', kind: 'text', width: 10 },
  { key: 'area', header: '面积（㎡）/ Area (m²)', kind: 'text', width: 12 },
  { key: 'startDate', header: '起租日 / Start', kind: 'text', width: 12 },
  { key: 'endDate', header: '止租日 / End', kind: 'text', width: 12 },
  { key: 'tenancyMonth', header: '租期第几月 / Tenancy month', kind: 'integer', width: 12 },
  { key: 'tier', header: '租金阶梯（月）/ Tier (months)', kind: 'text', width: 14 },
  { key: 'payShare', header: '应付比例 / Share paid', kind: 'text', width: 12 },
  { key: 'discountRate', header: '优惠比例 / Discount rate', kind: 'text', width: 12 },
  { key: 'baseRent', header: '市场租金（元）/ Market rent (CNY)', kind: 'fen', width: 18 },
  { key: 'discount', header: '租金优惠（元）/ Discount (CNY)', kind: 'fen', width: 18 },
  { key: 'rentDue', header: '应付租金（元）/ Rent due (CNY)', kind: 'fen', width: 18 },
  { key: 'note', header: '说明 / Note', kind: 'text', width: 40 },
];

/** 3000 → "30%", 3333 → "33.33%": basis points as a percentage, by integer arithmetic. */
export function bpsPercent(bps: number): string {
  const cents = bps % 100;
  return `${Math.floor(bps / 100)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}%`;
}

/** Hundredths of a square metre as a decimal with two places (18050 → "180.50"). */
export function centiM2Text(centi: number): string {
  return `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
}

function reasonText(code: string): string {
  const text = Object.hasOwn(REASON_TEXTS, code) ? REASON_TEXTS[code as ReasonCode] : null;
  return text ? `${text.zh} / ${text.en}` : code;
}

/** The statement as a table for CSV/XLSX: one row per lease and a totals row. */
export function rentStatementSheet(statement: RentStatement): Statement {
  return {
    title: `孵化空间租金 Incubator rent ${statement.month}`,
    columns: COLUMNS,
    rows: statement.lines.map((l) => ({
      enterprise: l.enterprise.name,
      uscc: l.enterprise.uscc,
      space: l.spaceName,
      unit: l.unit,
      area: centiM2Text(l.areaCentiM2),
      startDate: l.startDate,
      endDate: l.endDate,
      tenancyMonth: l.tenancyMonth,
      tier: l.tier ? `${l.tier.fromMonth}–${l.tier.toMonth ?? ''}` : null,
      payShare: bpsPercent(l.payBps),
      discountRate: bpsPercent(l.discountBps),
      baseRent: l.baseRentFen,
      discount: l.discountFen,
      rentDue: l.rentDueFen,
      note: l.reasons.map(reasonText).join('; '),
    })),
    totals: {
      enterprise: `合计 / Total (${statement.totals.tenancies})`,
      baseRent: statement.totals.baseRentFen,
      discount: statement.totals.discountFen,
      rentDue: statement.totals.rentDueFen,
    },
  };
}
