import { type DbOrTx, schema } from '@nanshan/db';
import {
  MEASURES_IN_FORCE,
  ParamCoverageError,
  type ParamKey,
  type ParamOverride,
  type ParamOverrides,
  paramAt,
  paramOverrides,
} from '@nanshan/rules';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { domainError } from '../../errors';
import { quotePurchase } from '../orders/purchase-quote';
import { consecutiveYearsFunded } from '../orders/usage-history';
import { publishedOverrideList } from './policy-overrides';
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

/** The replay does not bound orders by the fund: the candidate's effect on the fund is reported beside it. */
const UNBOUNDED_FUND = { budgetFen: Number.MAX_SAFE_INTEGER, committedFen: 0, reservedFen: 0 };

/**
 * The candidate as a what-if override in force the whole `year` (within the measures' validity), over the published
 * segments of every other key; null when the year lies outside the measures.
 */
function candidateOverrides(
  published: readonly ParamOverride[],
  key: WhatIfKey,
  value: unknown,
  year: number,
): ParamOverrides | null {
  const from = `${year}-01-01` < MEASURES_IN_FORCE.from ? MEASURES_IN_FORCE.from : `${year}-01-01`;
  const to = `${year}-12-31` > MEASURES_IN_FORCE.to ? MEASURES_IN_FORCE.to : `${year}-12-31`;
  if (from > to) return null;
  return paramOverrides([
    ...published.filter((o) => o.key !== key),
    { key, value, from, to, source: '参数测算 / what-if', kind: 'what_if' },
  ]);
}

/**
 * What-if: last year's paid (not refunded) Art. 6 and Art. 9 orders, each enterprise's in the order they were paid,
 * replayed through the rules twice — with the parameters in force on each payment date (the table and the published
 * segments), and with the candidate value in force all year (a what-if override, named so in the trace) — and the
 * difference per order, per enterprise and for the fund.
 *
 * Each order is re-quoted by `quotePurchase`, the function that priced it, with the enterprise's and provider's facts,
 * the order's declaration, price and quantity, and the enterprise's use of the annual cap built up by the replay
 * itself; the fund does not bound the replay. Orders whose current replay refuses them for a reason other than money
 * (a cap or the fund) count as ineligible. The current replay is compared with the recorded subsidies; orders that
 * differ (bound by the fund or by reservations held at the time, or facts changed since) are counted in
 * `mismatchedOrders`.
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
  const [rows, [fund], segments] = await Promise.all([
    db
      .select({
        order: schema.orders,
        enterprise: schema.enterprises,
        provider: schema.providers,
        offering: schema.offerings,
      })
      .from(schema.orders)
      .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.orders.enterpriseId))
      .innerJoin(schema.providers, eq(schema.providers.id, schema.orders.providerId))
      .innerJoin(schema.offerings, eq(schema.offerings.id, schema.orders.offeringId))
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
      .orderBy(asc(schema.orders.enterpriseId), asc(schema.orders.paidAt), asc(schema.orders.id)),
    db.select().from(schema.fundYears).where(eq(schema.fundYears.year, year)),
    db.select().from(schema.parameterSegments).where(eq(schema.parameterSegments.status, 'published')),
  ]);
  const publishedList = publishedOverrideList(segments);
  const published = paramOverrides(publishedList);
  const withCandidate = candidateOverrides(publishedList, key, candidate, year) ?? published;
  const yearsFunded = new Map<string, number>();

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
  for (const { order, enterprise, provider, offering } of rows) {
    const date = shenzhenDate(order.paidAt ?? order.createdAt);
    const counter = used.get(enterprise.id) ?? { current: 0, candidate: 0 };
    if (!yearsFunded.has(enterprise.id)) {
      yearsFunded.set(enterprise.id, await consecutiveYearsFunded(db, enterprise.id, article, year));
    }
    const replay = (usedFen: number, overrides: ParamOverrides) =>
      quotePurchase({
        date,
        enterprise,
        // The price and quantity the order was placed at (the listing may have changed since).
        offering: { ...offering, unitPriceFen: order.unitPriceFen },
        provider,
        quantity: order.quantity,
        counters: { usedFen, fund: UNBOUNDED_FUND, consecutiveYearsFunded: yearsFunded.get(enterprise.id)! },
        notRelatedDeclared: order.notRelatedDeclared,
        overrides,
      });
    const current = replay(counter.current, published);
    const eligible = current.reasons.every((r) => MONEY_REASONS.has(r));
    let currentFen = 0;
    let candidateFen = 0;
    if (eligible) {
      eligibleOrders += 1;
      currentFen = current.subsidyFen;
      candidateFen = replay(counter.candidate, withCandidate).subsidyFen;
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
    currentValue = paramAt(key, `${year}-12-31`, published).value;
  } catch (error) {
    if (!(error instanceof ParamCoverageError)) throw error;
  }
  return {
    key,
    year,
    article,
    currentValue,
    candidateValue: candidate,
    method: 'rules_replay' as const,
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
