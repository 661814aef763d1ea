import { type DbOrTx, schema } from '@nanshan/db';
import { type Art9Field, inForce, type ParamKey, paramAt, percentOfDown } from '@nanshan/rules';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import { art9FieldOf } from '../orders/purchase-quote';
import { validateParameterValue } from './values';

/** The parameters whose effect on the market's orders a what-if can compute (Arts. 6 and 9 rates and caps). */
export const WHAT_IF_KEYS = [
  'art6.rateBps',
  'art6.annualCapFen',
  'art9.batchRateBps',
  'art9.annualCapFen',
] as const;
type WhatIfKey = (typeof WHAT_IF_KEYS)[number];

/**
 * Refusal reasons that only mean "no money left" — a cap or the fund. An order refused for any other reason (not an
 * SME, related party, unverified, …) stays at zero under any rate or cap.
 */
const MONEY_REASONS = new Set(['annual_cap_reached', 'project_cap_reached', 'fund_exhausted']);

interface Parameters {
  rateBps: number;
  annualCapFen: number;
  projectCapFen: number;
}

/** Art. 6: spend × rate, rounded down, within what is left of the annual cap (the arithmetic of `quoteArt6`). */
function art6Subsidy(spendFen: number, p: Parameters, usedFen: number): number {
  return Math.min(percentOfDown(spendFen, p.rateBps), Math.max(p.annualCapFen - usedFen, 0));
}

/**
 * Art. 9: the batch share of the service spend for the field bounds the proposal (the list price), then the annual
 * cap and Art. 4's per-project cap (the arithmetic of `aiServicesSupport` as the market calls it).
 */
function art9Subsidy(spendFen: number, p: Parameters, usedFen: number): number {
  const share = Math.min(spendFen, percentOfDown(spendFen, p.rateBps));
  return Math.min(share, Math.max(p.annualCapFen - usedFen, 0), p.projectCapFen);
}

/**
 * What-if: last year's paid (not refunded) Art. 6 and Art. 9 orders, each enterprise's in the order they were paid,
 * replayed twice — with the parameters in force on each payment date, and with the candidate value in force all year
 * — and the difference per order, per enterprise and for the fund.
 *
 * The rules package reads its parameters from its own table and takes no override, so the replay re-runs the
 * articles' arithmetic here with the package's `percentOfDown` (rate, rounding down, annual cap, Art. 4 cap). Only
 * orders whose recorded reasons are about money (a cap or the fund) count as eligible; the replay with today's
 * parameters is compared with the recorded subsidies, and orders that differ (bound by the fund, or by reservations
 * held at the time) are counted in `mismatchedOrders`.
 */
export async function whatIf(db: DbOrTx, input: { key: ParamKey; value: unknown; now: Date }) {
  if (!(WHAT_IF_KEYS as readonly string[]).includes(input.key)) {
    throw domainError('what_if_not_supported');
  }
  const key = input.key as WhatIfKey;
  const candidate = validateParameterValue(key, input.value);
  const article = key.startsWith('art6') ? 'art6' : 'art9';
  const year = shenzhenYear(input.now) - 1;

  // An order given no subsidy records no article: it belongs to the article its provider's kind decides.
  const providerKind = article === 'art6' ? 'computing_centre' : 'cloud_vendor';
  const rows = await db
    .select({ order: schema.orders, enterprise: schema.enterprises })
    .from(schema.orders)
    .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.orders.enterpriseId))
    .innerJoin(schema.providers, eq(schema.providers.id, schema.orders.providerId))
    .where(
      and(
        eq(schema.orders.fundYear, year),
        eq(schema.orders.status, 'paid'),
        isNull(schema.orders.poolId),
        or(
          eq(schema.orders.article, article),
          and(isNull(schema.orders.article), eq(schema.providers.kind, providerKind)),
        ),
      ),
    )
    .orderBy(asc(schema.orders.enterpriseId), asc(schema.orders.paidAt), asc(schema.orders.id));
  const [fund] = await db.select().from(schema.fundYears).where(eq(schema.fundYears.year, year));

  const parametersOn = (date: string, field: Art9Field): Parameters => {
    const rate =
      article === 'art6'
        ? paramAt('art6.rateBps', date).value
        : paramAt('art9.batchRateBps', date).value[field];
    const cap = paramAt(article === 'art6' ? 'art6.annualCapFen' : 'art9.annualCapFen', date).value;
    return { rateBps: rate, annualCapFen: cap, projectCapFen: paramAt('art4.projectCapFen', date).value };
  };
  const withCandidate = (p: Parameters, field: Art9Field): Parameters => {
    if (key === 'art6.rateBps') return { ...p, rateBps: candidate as number };
    if (key === 'art9.batchRateBps')
      return { ...p, rateBps: (candidate as Record<Art9Field, number>)[field] };
    return { ...p, annualCapFen: candidate as number };
  };
  const subsidy = article === 'art6' ? art6Subsidy : art9Subsidy;

  const used = new Map<string, { current: number; candidate: number }>();
  const byEnterprise = new Map<
    string,
    {
      enterpriseId: string;
      enterpriseName: string;
      orders: number;
      recordedFen: number;
      currentFen: number;
      candidateFen: number;
    }
  >();
  const changed: {
    orderId: string;
    enterpriseName: string;
    paidAt: Date | null;
    spendFen: number;
    recordedFen: number;
    currentFen: number;
    candidateFen: number;
  }[] = [];
  let eligibleOrders = 0;
  let mismatchedOrders = 0;
  for (const { order, enterprise } of rows) {
    const date = shenzhenDate(order.paidAt ?? order.createdAt);
    const eligible = inForce(date) && order.reasons.every((r) => MONEY_REASONS.has(r));
    let currentFen = 0;
    let candidateFen = 0;
    if (eligible) {
      eligibleOrders += 1;
      const field = art9FieldOf(enterprise);
      const current = parametersOn(date, field);
      const counter = used.get(enterprise.id) ?? { current: 0, candidate: 0 };
      currentFen = subsidy(order.listPriceFen, current, counter.current);
      candidateFen = subsidy(order.listPriceFen, withCandidate(current, field), counter.candidate);
      used.set(enterprise.id, {
        current: counter.current + currentFen,
        candidate: counter.candidate + candidateFen,
      });
    }
    if (currentFen !== order.subsidyFen) mismatchedOrders += 1;
    const e = byEnterprise.get(enterprise.id) ?? {
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      orders: 0,
      recordedFen: 0,
      currentFen: 0,
      candidateFen: 0,
    };
    e.orders += 1;
    e.recordedFen += order.subsidyFen;
    e.currentFen += currentFen;
    e.candidateFen += candidateFen;
    byEnterprise.set(enterprise.id, e);
    if (candidateFen !== currentFen) {
      changed.push({
        orderId: order.id,
        enterpriseName: enterprise.name,
        paidAt: order.paidAt,
        spendFen: order.listPriceFen,
        recordedFen: order.subsidyFen,
        currentFen,
        candidateFen,
      });
    }
  }
  const enterprises = [...byEnterprise.values()]
    .map((e) => ({ ...e, differenceFen: e.candidateFen - e.currentFen }))
    .sort(
      (a, b) =>
        Math.abs(b.differenceFen) - Math.abs(a.differenceFen) ||
        a.enterpriseName.localeCompare(b.enterpriseName),
    );
  const total = (pick: (e: (typeof enterprises)[number]) => number) => {
    const s = enterprises.reduce((t, e) => t + pick(e), 0);
    if (!Number.isSafeInteger(s)) throw new RangeError('what-if total out of range');
    return s;
  };
  const recordedFen = total((e) => e.recordedFen);
  const currentFen = total((e) => e.currentFen);
  const candidateFen = total((e) => e.candidateFen);
  const differenceFen = candidateFen - currentFen;
  const budgetFen = fund?.budgetFen ?? 0;
  const committedFen = fund?.committedFen ?? 0;
  const reservedFen = fund?.reservedFen ?? 0;
  let currentValue: unknown = null;
  try {
    currentValue = paramAt(key, `${year}-12-31`).value;
  } catch {
    currentValue = null;
  }
  return {
    key,
    year,
    article,
    currentValue,
    candidateValue: candidate,
    method: 'arithmetic_replay' as const,
    orders: rows.length,
    eligibleOrders,
    mismatchedOrders,
    recordedFen,
    currentFen,
    candidateFen,
    differenceFen,
    changedOrders: changed.length,
    /** The first 200 orders whose subsidy would change, in payment order per enterprise. */
    changed: changed.slice(0, 200),
    enterprises,
    fund: {
      year,
      budgetFen,
      committedFen,
      reservedFen,
      committedWithCandidateFen: committedFen + differenceFen,
      leftWithCandidateFen: budgetFen - committedFen - reservedFen - differenceFen,
      withinBudget: committedFen + reservedFen + differenceFen <= budgetFen,
    },
  };
}
