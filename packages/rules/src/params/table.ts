import { yuan } from '../money';
import type { ParamDef } from './types';
import { MEASURES_IN_FORCE } from './validity';

/**
 * The dated parameter table: every rate, cap, threshold and limit of the measures, with its citation. A policy
 * change is a new segment with a new `from` date, never an edit of a past value (decisions replay against the table
 * that was in force). Values marked `setByBureau` are defaults the measures leave to the bureau.
 */

const { from, to } = MEASURES_IN_FORCE;

function def<V>(param: ParamDef<V>): ParamDef<V> {
  return param;
}

/** Fields of Art. 9 support ("分领域"): AI with industry, with services, and any other field. */
export type Art9Field = 'industry' | 'services' | 'other';

/** Kinds of Art. 13 financing support named by the article. */
export type FinancingKind = 'loan_interest' | 'startup_financing' | 'ip_pledge';

/** One step of the Art. 10 rent schedule: tenancy months `fromMonth`..`toMonth` pay `payBps` of market rent. */
export interface RentTier {
  fromMonth: number;
  toMonth?: number;
  payBps: number;
}

/** One Art. 12 tier: revenue above `revenueAboveFen` earns up to `awardFen` in total. */
export interface RevenueTier {
  revenueAboveFen: number;
  awardFen: number;
}

export const PARAMS = {
  'art4.projectCapFen': def<number>({
    unit: 'fen',
    en: 'Art. 4: at most 10,000,000 yuan for one project of one unit (Art. 5 platforms exempt)',
    segments: [
      {
        value: yuan(10_000_000),
        from,
        to,
        cite: { article: '第四条', quoteZh: '每家单位单个扶持项目资助金额原则上不得超过 1000 万元' },
      },
    ],
  }),
  'art5.annualCapFen': def<number>({
    unit: 'fen',
    en: 'Art. 5: public service platforms, at most 20,000,000 yuan a year',
    segments: [
      { value: yuan(20_000_000), from, to, cite: { article: '第五条', quoteZh: '每年最高资助 2000 万元' } },
    ],
  }),
  'art5.maxYears': def<number>({
    unit: 'years',
    en: 'Art. 5: funded for at most 3 consecutive years',
    segments: [{ value: 3, from, to, cite: { article: '第五条', quoteZh: '连续资助时间不超过 3 年' } }],
  }),
  'art6.rateBps': def<number>({
    unit: 'bps',
    en: 'Art. 6: at most 30% of the actual compute expense',
    segments: [{ value: 3000, from, to, cite: { article: '第六条', quoteZh: '按照实际发生费用最高 30%' } }],
  }),
  'art6.annualCapFen': def<number>({
    unit: 'fen',
    en: 'Art. 6: at most 1,000,000 yuan per enterprise per year',
    segments: [
      {
        value: yuan(1_000_000),
        from,
        to,
        cite: { article: '第六条', quoteZh: '每家企业每年最高补贴 100 万元' },
      },
    ],
  }),
  'art7.rateBps': def<number>({
    unit: 'bps',
    en: 'Art. 7: at most 50% of the municipal major-project grant',
    segments: [
      { value: 5000, from, to, cite: { article: '第七条', quoteZh: '按照获得市级资助金额最高 50%给予资助' } },
    ],
  }),
  'art7.projectCapFen': def<number>({
    unit: 'fen',
    en: 'Art. 7: at most 5,000,000 yuan per project',
    segments: [
      {
        value: yuan(5_000_000),
        from,
        to,
        cite: {
          article: '第七条',
          quoteZh: '按照获得市级资助金额最高 50%给予资助，每个项目最高资助 500 万元',
        },
      },
    ],
  }),
  'art8.cityMatchRateBps': def<number>({
    unit: 'bps',
    en: 'Art. 8: district match of at most 1:0.5 of the municipal funding',
    segments: [
      {
        value: 5000,
        from,
        to,
        cite: { article: '第八条', clause: '第一款', quoteZh: '最高按照市区 1:0.5 的比例予以配套支持' },
      },
    ],
  }),
  'art8.districtRateBps': def<number>({
    unit: 'bps',
    en: 'Art. 8: district projects, at most 50% of total project investment',
    segments: [
      {
        value: 5000,
        from,
        to,
        cite: { article: '第八条', clause: '第一款', quoteZh: '按照项目总投入最高 50%给予资助' },
      },
    ],
  }),
  'art8.districtProjectCapFen': def<number>({
    unit: 'fen',
    en: 'Art. 8: district projects, at most 5,000,000 yuan per project',
    segments: [
      {
        value: yuan(5_000_000),
        from,
        to,
        cite: {
          article: '第八条',
          clause: '第一款',
          quoteZh: '按照项目总投入最高 50%给予资助，每个项目最高资助 500 万元',
        },
      },
    ],
  }),
  'art8.demoCapFen': def<number>({
    unit: 'fen',
    en: 'Art. 8: demonstration scenarios, a one-time award of at most 3,000,000 yuan',
    segments: [
      {
        value: yuan(3_000_000),
        from,
        to,
        cite: { article: '第八条', clause: '第二款', quoteZh: '一次性最高 300 万元奖励' },
      },
    ],
  }),
  'art9.annualCapFen': def<number>({
    unit: 'fen',
    en: "Art. 9: 'AI + every industry', at most 1,000,000 yuan a year",
    segments: [
      { value: yuan(1_000_000), from, to, cite: { article: '第九条', quoteZh: '每年最高资助 100 万元' } },
    ],
  }),
  'art9.maxYears': def<number>({
    unit: 'years',
    en: 'Art. 9: funded for at most 3 consecutive years',
    segments: [
      {
        value: 3,
        from,
        to,
        cite: { article: '第九条', quoteZh: '每年最高资助 100 万元，连续资助时间不超过 3 年' },
      },
    ],
  }),
  'art9.batchRateBps': def<Readonly<Record<Art9Field, number>>>({
    unit: 'bps_by_field',
    en: 'Art. 9: share of the AI technical-service spend a batch supports, by field (set by the bureau per batch)',
    segments: [
      {
        value: { industry: 3000, services: 3000, other: 3000 },
        from,
        to,
        cite: { article: '第九条', quoteZh: '根据场景应用示范成效，分领域分批次开展支持' },
        setByBureau: true,
      },
    ],
  }),
  'art10.rentTiers': def<readonly RentTier[]>({
    unit: 'rent_tiers',
    en: 'Art. 10: tiered rent in the AI incubation space, share of market rent paid by tenancy month',
    segments: [
      {
        // Default from Nanshan AI-space practice (DOMAIN-NOTES): two years rent-free, then 30%, 50%, 70% of market
        // rent in years three to five, full rent after.
        value: [
          { fromMonth: 1, toMonth: 24, payBps: 0 },
          { fromMonth: 25, toMonth: 36, payBps: 3000 },
          { fromMonth: 37, toMonth: 48, payBps: 5000 },
          { fromMonth: 49, toMonth: 60, payBps: 7000 },
          { fromMonth: 61, payBps: 10000 },
        ],
        from,
        to,
        cite: { article: '第十条', quoteZh: '为入驻人工智能企业提供阶梯式场地租金优惠' },
        setByBureau: true,
      },
    ],
  }),
  'art10.poolPriceFenPerCardHour': def<number>({
    unit: 'fen_per_card_hour',
    en: "Art. 10: price of the district's dedicated compute pool per accelerator-card hour (set by the bureau)",
    segments: [
      {
        // Placeholder until the bureau publishes the pool's price list: 10 yuan per card-hour.
        value: 1000,
        from,
        to,
        cite: { article: '第十条', quoteZh: '建立专属算力池' },
        setByBureau: true,
      },
    ],
  }),
  'art11.capFen': def<number>({
    unit: 'fen',
    en: 'Art. 11: newly registered or relocated teams, at most 3,000,000 yuan',
    segments: [
      {
        value: yuan(3_000_000),
        from,
        to,
        cite: { article: '第十一条', quoteZh: '经认定可予以最高 300 万元的资金支持' },
      },
    ],
  }),
  'art12.tiers': def<readonly RevenueTier[]>({
    unit: 'revenue_tiers',
    en: 'Art. 12: revenue first above 200,000,000 / 1,000,000,000 yuan earns up to 1,000,000 / 3,000,000 yuan in total',
    segments: [
      {
        value: [
          { revenueAboveFen: yuan(200_000_000), awardFen: yuan(1_000_000) },
          { revenueAboveFen: yuan(1_000_000_000), awardFen: yuan(3_000_000) },
        ],
        from,
        to,
        cite: {
          article: '第十二条',
          quoteZh:
            '对年度主营业务收入首次突破 2 亿元、10 亿元的大模型和生成式人工智能企业，经综合评价，最高可按晋级补差原则分别给予 100 万元、300 万元的奖励',
        },
      },
    ],
  }),
  'art13.subsidyBps': def<Readonly<Record<FinancingKind, number>>>({
    unit: 'bps_by_financing_kind',
    en: 'Art. 13: share of the base each financing support pays (interest paid; financing raised; pledge interest)',
    segments: [
      {
        // Defaults until the bureau's operating procedures: half of the loan interest and of the IP-pledge interest
        // paid, 1% of start-up financing raised.
        value: { loan_interest: 5000, startup_financing: 100, ip_pledge: 5000 },
        from,
        to,
        cite: {
          article: '第十三条',
          quoteZh: '对符合条件的企业给予贷款贴息、创业融资奖励、知识产权质押融资奖励等支持',
        },
        setByBureau: true,
      },
    ],
  }),
  'art14.eventCapFen': def<number>({
    unit: 'fen',
    en: 'Art. 14: at most 3,000,000 yuan per recognised event',
    segments: [
      {
        value: yuan(3_000_000),
        from,
        to,
        cite: { article: '第十四条', quoteZh: '每个活动最高补贴 300 万元' },
      },
    ],
  }),
} as const;

export type ParamKey = keyof typeof PARAMS;
export type ParamValue<K extends ParamKey> = (typeof PARAMS)[K] extends ParamDef<infer V> ? V : never;
