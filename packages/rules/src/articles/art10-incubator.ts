/**
 * 第十条 建设人工智能创新集聚区。
 * 坚持源头培育，打造南山区人工智能产业专业孵化空间，为入驻人工智能企业提供阶梯式场地租金优惠。建立专属算力池，加大数据
 * 要素供给，为人工智能初创企业提供从算力供给、算力输送、算力调度到模型训练及推理应用的一站式服务。
 *
 * Art. 10 (AI innovation cluster): resident AI enterprises in the district's incubation space get tiered (阶梯式)
 * rent discounts; a dedicated compute pool serves AI start-ups. The article sets no numbers: the tier schedule and
 * the pool price are parameters set by the bureau (defaults in params/table.ts). Rent is computed per tenancy month:
 * month 1 starts on the tenancy start date; the discount (public money) is rounded down to the fen and the tenant
 * pays the rest of the market rent.
 */
import type { IsoDate } from '../dates';
import { assertIsoDate, monthOfTerm } from '../dates';
import type { Applicant } from '../eligibility/applicant';
import { Evaluation, paramsHashWith, type RuleResult, readParam } from '../evaluation';
import { assertFen, BPS_DENOMINATOR, type Fen, percentOfDown } from '../money';
import type { WithOverrides } from '../params/overrides';
import type { RentTier } from '../params/table';
import { admit } from '../stages';
import { step, type TraceStep } from '../trace';

export interface Art10RentInput extends WithOverrides {
  /** A day in the month billed. */
  date: IsoDate;
  applicant: Applicant;
  tenancyStartDate: IsoDate;
  /** Market rent for one month of the space. */
  marketRentFen: Fen;
}

export interface Art10RentResult extends RuleResult {
  /** Tenancy month of `date` (1 = the first month); 0 before the tenancy starts. */
  month: number;
  /** Share of market rent the tenant pays this month, in basis points. */
  payBps: number;
  rentDueFen: Fen;
  /** The schedule's tier the month falls in; null when no discount applies (not eligible, before the tenancy). */
  tier: RentTier | null;
}

function tierFor(tiers: readonly RentTier[], month: number): RentTier {
  const tier = tiers.find((t) => t.fromMonth <= month && (t.toMonth === undefined || month <= t.toMonth));
  if (tier === undefined) throw new RangeError(`the rent schedule has no tier for tenancy month ${month}`);
  return tier;
}

/** The month's rent after the tier discount; `amountFen` is the discount (the support given). */
export function incubatorRent(input: Art10RentInput): Art10RentResult {
  assertIsoDate(input.tenancyStartDate, 'tenancyStartDate');
  assertFen(input.marketRentFen, 'marketRentFen');
  const evaluation = new Evaluation('第十条', input.overrides);
  const inForce = admit(evaluation, input.date, input.applicant);
  const month = monthOfTerm(input.tenancyStartDate, input.date);
  if (month === 0) evaluation.fail('before_tenancy');
  if (!inForce || month === 0) {
    return {
      ...evaluation.result(0),
      month,
      payBps: BPS_DENOMINATOR,
      rentDueFen: input.marketRentFen,
      tier: null,
    };
  }

  const schedule = evaluation.param('art10.rentTiers', input.date);
  const tier = tierFor(schedule.value, month);
  const { payBps } = tier;
  const discountFen = percentOfDown(input.marketRentFen, BPS_DENOMINATOR - payBps);
  const rentDueFen = input.marketRentFen - discountFen;
  evaluation.trace.push(
    step('rent_tier', '第十条', {
      month,
      payBps,
      marketRentFen: input.marketRentFen,
      rentDueFen,
      discountFen,
      paramFrom: schedule.from,
    }),
  );
  const result = evaluation.result(discountFen);
  return {
    ...result,
    month,
    payBps: result.eligible ? payBps : BPS_DENOMINATOR,
    rentDueFen: input.marketRentFen - result.amountFen,
    tier: result.eligible ? tier : null,
  };
}

export interface PoolChargeInput extends WithOverrides {
  date: IsoDate;
  cardHours: number;
}

/**
 * The dedicated compute pool's charge for whole accelerator-card hours at the price in force (a published price
 * when `overrides` has one for the date). `paramsHash` identifies the values used, as for an award.
 */
export function computePoolCharge(input: PoolChargeInput): {
  chargeFen: Fen;
  priceFen: Fen;
  trace: TraceStep[];
  paramsHash: string;
} {
  assertIsoDate(input.date, 'date');
  if (!Number.isSafeInteger(input.cardHours) || input.cardHours < 0) {
    throw new RangeError(`cardHours must be a non-negative integer, got ${String(input.cardHours)}`);
  }
  const trace: TraceStep[] = [];
  const used: string[] = [];
  const price = readParam(input.overrides, trace, used, 'art10.poolPriceFenPerCardHour', input.date);
  const chargeFen = input.cardHours * price.value;
  assertFen(chargeFen, 'chargeFen');
  trace.push(
    step('pool_charge', '第十条', {
      cardHours: input.cardHours,
      priceFen: price.value,
      chargeFen,
      paramFrom: price.from,
    }),
  );
  return { chargeFen, priceFen: price.value, trace, paramsHash: paramsHashWith(used) };
}
