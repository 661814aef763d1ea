/**
 * Every explanation the rules give, in Chinese and English. A trace step is data ({ code, article, args }); these
 * templates render it. Each table is a mapped type over its codes, so adding a code without both texts, or a
 * template reading an argument the step does not carry, fails to compile.
 */
import { formatBps, formatMoney } from './format';
import type { Article } from './params/types';

type Texts = { zh: string; en: string };

/** Why a case gets nothing (or less): stable snake_case codes the apps translate with REASON_TEXTS. */
export type ReasonCode =
  | 'outside_validity'
  | 'not_in_nanshan'
  | 'no_legal_status'
  | 'not_sme'
  | 'activity_not_eligible'
  | 'provider_not_in_shenzhen'
  | 'provider_not_registered'
  | 'related_party'
  | 'service_not_compute'
  | 'annual_cap_reached'
  | 'project_cap_reached'
  | 'article_limit_reached'
  | 'fund_exhausted'
  | 'not_approved'
  | 'max_years_reached'
  | 'not_lead_unit'
  | 'government_invested'
  | 'demo_already_awarded'
  | 'vendor_not_filed'
  | 'not_new_or_relocated'
  | 'not_recognised'
  | 'revenue_below_threshold'
  | 'not_first_crossing'
  | 'tier_already_paid'
  | 'before_tenancy'
  | 'not_large_model_or_genai'
  | 'event_not_in_nanshan'
  | 'event_not_large_model_or_genai';

export const REASON_TEXTS: { readonly [R in ReasonCode]: Texts } = {
  outside_validity: {
    zh: '不在本措施有效期内（第十五条）',
    en: 'outside the period the measures are in force (Art. 15)',
  },
  not_in_nanshan: { zh: '未在南山区注册登记（第三条）', en: 'not registered in Nanshan District (Art. 3)' },
  no_legal_status: {
    zh: '不具备独立法人资格，也不可视同法人单位（第三条、第四条）',
    en: 'neither an independent legal person nor treated as a legal-person unit (Arts. 3, 4)',
  },
  not_sme: {
    zh: '未证明为中小科技企业（第六条）',
    en: 'not shown to be a small or medium technology enterprise (Art. 6)',
  },
  activity_not_eligible: {
    zh: '未开展大模型训练或生成式人工智能应用探索（第六条）',
    en: 'not doing large-model training or generative-AI application work (Art. 6)',
  },
  provider_not_in_shenzhen: {
    zh: '算力提供方不在深圳市内（第六条）',
    en: 'the compute provider is not in Shenzhen (Art. 6)',
  },
  provider_not_registered: {
    zh: '算力提供方未在平台登记（第六条）',
    en: 'the compute provider is not registered on the platform (Art. 6)',
  },
  related_party: {
    zh: '供需双方为关联方（实务：关联交易不予补贴）',
    en: 'provider and buyer are related parties (practice: related-party purchases get no support)',
  },
  service_not_compute: {
    zh: '非智能算力服务（存储、网络、安全服务不予支持）（第六条）',
    en: 'not an intelligent-compute service (storage, network and security services do not qualify) (Art. 6)',
  },
  annual_cap_reached: { zh: '本年度资助上限已用完', en: 'the annual cap is used up' },
  project_cap_reached: {
    zh: '单个项目 1000 万元上限已用完（第四条）',
    en: 'the 10,000,000-yuan per-project limit is used up (Art. 4)',
  },
  article_limit_reached: {
    zh: '本条规定的资助上限已用完',
    en: "this article's limit is used up",
  },
  fund_exhausted: { zh: '分项资金总量已用完（第二条）', en: 'the sub-fund is used up (Art. 2)' },
  not_approved: {
    zh: '未经区科技主管部门评审通过（第五条）',
    en: 'not approved by the district science authority (Art. 5)',
  },
  max_years_reached: { zh: '已达连续资助年限', en: 'the limit of consecutive funded years is reached' },
  not_lead_unit: {
    zh: '非市科技重大专项牵头单位（第七条）',
    en: 'not the lead unit of the municipal major project (Art. 7)',
  },
  government_invested: {
    zh: '政府投资项目不适用示范场景奖励（第八条）',
    en: 'government-invested projects do not qualify for the demonstration award (Art. 8)',
  },
  demo_already_awarded: {
    zh: '示范场景奖励为一次性奖励，已获奖励（第八条）',
    en: 'the demonstration award is one-time and was already made (Art. 8)',
  },
  vendor_not_filed: {
    zh: '所用云服务厂商未经区科技主管部门备案（第九条）',
    en: 'the cloud service vendor is not filed with the district science authority (Art. 9)',
  },
  not_new_or_relocated: {
    zh: '非新注册或新迁入企业（第十一条）',
    en: 'not a newly registered or relocated enterprise (Art. 11)',
  },
  not_recognised: { zh: '未经有关部门认定', en: 'not recognised by the competent authority' },
  revenue_below_threshold: {
    zh: '年度主营业务收入未突破 2 亿元（第十二条）',
    en: 'annual main-business revenue did not exceed 200,000,000 yuan (Art. 12)',
  },
  not_first_crossing: {
    zh: '此前已突破该收入档次，非首次突破（第十二条）',
    en: 'revenue had already crossed this tier before, so this is not the first time (Art. 12)',
  },
  tier_already_paid: {
    zh: '该档次奖励已足额发放（晋级补差，第十二条）',
    en: 'the award for this tier has already been paid in full (pay the difference on promotion, Art. 12)',
  },
  before_tenancy: { zh: '日期早于租期开始（第十条）', en: 'the date is before the tenancy starts (Art. 10)' },
  not_large_model_or_genai: {
    zh: '未表明为大模型和生成式人工智能企业（第十一条至第十三条）',
    en: 'not shown to be a large-model or generative-AI enterprise (Arts. 11–13)',
  },
  event_not_in_nanshan: {
    zh: '未表明活动在南山区举办（第十四条）',
    en: 'not shown that the event is held in Nanshan District (Art. 14)',
  },
  event_not_large_model_or_genai: {
    zh: '未表明为大模型和生成式人工智能主题活动（第十四条）',
    en: 'not shown to be a large-model or generative-AI themed event (Art. 14)',
  },
};

/** Conditions a step reports as met or not; each belongs to one article, which its step cites. */
export type ConditionCode =
  | 'registered_in_nanshan'
  | 'activity_eligible'
  | 'provider_in_shenzhen'
  | 'provider_registered'
  | 'not_related_party'
  | 'not_related_party_services'
  | 'service_is_compute'
  | 'platform_approved'
  | 'lead_unit'
  | 'not_government_invested'
  | 'demo_not_awarded_before'
  | 'vendor_filed'
  | 'new_or_relocated'
  | 'team_recognised'
  | 'first_crossing'
  | 'event_recognised'
  | 'large_model_genai_team'
  | 'large_model_genai_growth'
  | 'large_model_genai_financing'
  | 'event_in_nanshan'
  | 'event_large_model_genai_theme';

/** "大模型和生成式人工智能企业": the same words in Arts. 11, 12 and 13, each condition citing its own article. */
const LARGE_MODEL_GENAI_ENTERPRISE: Texts = {
  zh: '大模型和生成式人工智能企业',
  en: 'a large-model or generative-AI enterprise',
};

export const CONDITIONS: { readonly [C in ConditionCode]: Texts & { article: Article } } = {
  registered_in_nanshan: { article: '第三条', zh: '注册登记在南山区', en: 'registered in Nanshan District' },
  activity_eligible: {
    article: '第六条',
    zh: '开展大模型训练或生成式人工智能应用探索',
    en: 'doing large-model training or generative-AI application work',
  },
  provider_in_shenzhen: {
    article: '第六条',
    zh: '算力由深圳市内智算中心等平台提供',
    en: 'compute provided by a platform in Shenzhen',
  },
  provider_registered: {
    article: '第六条',
    zh: '算力提供方已在平台登记',
    en: 'the provider is registered on the platform',
  },
  not_related_party: {
    article: '第六条',
    zh: '供需双方非关联方',
    en: 'provider and buyer are not related parties',
  },
  not_related_party_services: {
    article: '第九条',
    zh: '供需双方非关联方',
    en: 'provider and buyer are not related parties',
  },
  service_is_compute: {
    article: '第六条',
    zh: '所购为智能算力服务',
    en: 'the service bought is intelligent compute',
  },
  platform_approved: {
    article: '第五条',
    zh: '经区科技主管部门评审通过',
    en: 'approved by the district science authority',
  },
  lead_unit: {
    article: '第七条',
    zh: '为市科技重大专项牵头单位',
    en: 'lead unit of the municipal major project',
  },
  not_government_invested: {
    article: '第八条',
    zh: '非政府投资项目',
    en: 'not a government-invested project',
  },
  demo_not_awarded_before: {
    article: '第八条',
    zh: '此前未获示范场景奖励',
    en: 'no demonstration award made before',
  },
  vendor_filed: {
    article: '第九条',
    zh: '云服务厂商经区科技主管部门备案',
    en: 'the cloud vendor is filed with the district science authority',
  },
  new_or_relocated: {
    article: '第十一条',
    zh: '新注册或新迁入南山',
    en: 'newly registered in or relocated to Nanshan',
  },
  team_recognised: { article: '第十一条', zh: '经认定', en: 'recognised by the district' },
  first_crossing: {
    article: '第十二条',
    zh: '首次突破该收入档次',
    en: 'first time revenue crossed this tier',
  },
  event_recognised: {
    article: '第十四条',
    zh: '经国家、省、市、区政府有关部门认定为重大科技创新活动',
    en: 'recognised as a major event by a national, provincial, municipal or district authority',
  },
  large_model_genai_team: { article: '第十一条', ...LARGE_MODEL_GENAI_ENTERPRISE },
  large_model_genai_growth: { article: '第十二条', ...LARGE_MODEL_GENAI_ENTERPRISE },
  large_model_genai_financing: { article: '第十三条', ...LARGE_MODEL_GENAI_ENTERPRISE },
  event_in_nanshan: { article: '第十四条', zh: '在南山区举办', en: 'held in Nanshan District' },
  event_large_model_genai_theme: {
    article: '第十四条',
    zh: '大模型和生成式人工智能主题活动',
    en: 'a large-model or generative-AI themed event',
  },
};

/** What a rate is applied to. */
export type BaseKind =
  | 'compute_spend'
  | 'city_grant'
  | 'total_investment'
  | 'service_spend'
  | 'interest_paid'
  | 'financing_raised'
  | 'pledge_interest';

const BASE_TEXTS: { readonly [B in BaseKind]: Texts } = {
  compute_spend: { zh: '实际发生的算力费用', en: 'the actual compute expense' },
  city_grant: { zh: '市级资助金额', en: 'the municipal grant' },
  total_investment: { zh: '项目总投入', en: 'the total project investment' },
  service_spend: { zh: 'AI 技术服务费用', en: 'the AI technical-service spend' },
  interest_paid: { zh: '已付贷款利息', en: 'the loan interest paid' },
  financing_raised: { zh: '创业融资额', en: 'the start-up financing raised' },
  pledge_interest: { zh: '知识产权质押融资利息', en: 'the IP-pledge loan interest paid' },
};

/** Which limit a cap step applies. */
export type CapKind =
  | 'art4_project'
  | 'art5_annual'
  | 'art6_annual'
  | 'art7_project'
  | 'art8_district_project'
  | 'art8_demo'
  | 'art9_annual'
  | 'art9_batch_share'
  | 'art11_enterprise'
  | 'art14_event';

const CAP_TEXTS: { readonly [C in CapKind]: Texts } = {
  art4_project: { zh: '单个项目资助上限（第四条）', en: 'per-project limit (Art. 4)' },
  art5_annual: { zh: '公共服务平台年度资助上限（第五条）', en: 'annual platform limit (Art. 5)' },
  art6_annual: { zh: '每家企业每年补贴上限（第六条）', en: 'annual limit per enterprise (Art. 6)' },
  art7_project: { zh: '每个项目资助上限（第七条）', en: 'per-project limit (Art. 7)' },
  art8_district_project: {
    zh: '区级项目每个项目资助上限（第八条）',
    en: 'district per-project limit (Art. 8)',
  },
  art8_demo: { zh: '示范场景一次性奖励上限（第八条）', en: 'one-time demonstration limit (Art. 8)' },
  art9_annual: { zh: '“AI+百业”年度资助上限（第九条）', en: "annual 'AI + every industry' limit (Art. 9)" },
  art9_batch_share: {
    zh: '本批次该领域支持比例对应金额（第九条，区科技创新局设定）',
    en: "the batch's share for this field (Art. 9, set by the bureau)",
  },
  art11_enterprise: { zh: '优质团队落户资金支持上限（第十一条）', en: 'limit for settling teams (Art. 11)' },
  art14_event: { zh: '每个活动补贴上限（第十四条）', en: 'per-event limit (Art. 14)' },
};

/** How an Art. 6 applicant showed it is a small or medium technology enterprise. */
export type SmeProof = 'tech_sme_registry' | 'classification' | 'declared' | 'none';

const SME_PROOF_TEXTS: { readonly [P in SmeProof]: Texts } = {
  tech_sme_registry: {
    zh: '已入库科技型中小企业（国科发政〔2017〕115号）',
    en: 'registered technology-based SME (国科发政〔2017〕115号)',
  },
  classification: {
    zh: '按《中小企业划型标准规定》划型',
    en: 'classified under the national SME classification rules',
  },
  declared: { zh: '申报主体声明并经核实为中小企业', en: 'declared (and verified) as an SME' },
  none: { zh: '无中小企业证明', en: 'no proof of SME status' },
};

export type SmeSize = 'large' | 'medium' | 'small' | 'micro';

const SIZE_TEXTS: { readonly [S in SmeSize]: Texts } = {
  large: { zh: '大型企业', en: 'large' },
  medium: { zh: '中型企业', en: 'medium' },
  small: { zh: '小型企业', en: 'small' },
  micro: { zh: '微型企业', en: 'micro' },
};

/** Arguments of each trace step. Type aliases (not interfaces) so they fit TraceStep's args record. */
export type StepArgs = {
  in_force: { date: string; from: string; to: string; ok: boolean };
  legal_status: { status: 'independent' | 'nbs_equivalent' | 'none'; ok: boolean };
  condition: { condition: ConditionCode; ok: boolean };
  sme_proof: { proof: SmeProof; ok: boolean };
  sme_classified: {
    industry: string;
    industryZh: string;
    size: SmeSize;
    employees: number;
    revenueFen: number;
    assetsFen: number;
  };
  requested: { requestedFen: number };
  rate_applied: {
    base: BaseKind;
    baseFen: number;
    rateBps: number;
    amountFen: number;
    paramFrom: string;
    setByBureau: boolean;
  };
  project_cap_exempt: Record<string, never>;
  actual_cost: { actualCostFen: number };
  cap_applied: {
    cap: CapKind;
    capFen: number;
    usedFen: number;
    leftFen: number;
    beforeFen: number;
    amountFen: number;
    paramFrom: string;
  };
  years_limit: { yearsFunded: number; maxYears: number; ok: boolean; paramFrom: string };
  fund_fit: {
    budgetFen: number;
    committedFen: number;
    reservedFen: number;
    availableFen: number;
    requestedFen: number;
    fitsFen: number;
  };
  revenue_tier: { revenueFen: number; thresholdFen: number; tierAwardFen: number; paramFrom: string };
  upgrade_difference: { tierAwardFen: number; paidFen: number; amountFen: number };
  rent_tier: {
    month: number;
    payBps: number;
    marketRentFen: number;
    rentDueFen: number;
    discountFen: number;
    paramFrom: string;
  };
  pool_charge: { cardHours: number; priceFen: number; chargeFen: number; paramFrom: string };
  /** A value from a published segment (or a what-if candidate) instead of the table's; `to` '' = open-ended. */
  param_override: {
    key: string;
    from: string;
    to: string;
    source: string;
    ref: string;
    kind: 'published' | 'what_if';
  };
  non_duplication: { candidate: string; amountFen: number; chosen: boolean; over: string };
  outcome: { eligible: boolean; amountFen: number };
};

export type StepCode = keyof StepArgs;

type Template<A> = { zh: (args: A) => string; en: (args: A) => string };

const okZh = (ok: boolean) => (ok ? '满足' : '不满足');
const okEn = (ok: boolean) => (ok ? 'met' : 'not met');

export const STEP_TEXTS: { readonly [C in StepCode]: Template<StepArgs[C]> } = {
  in_force: {
    zh: (a) => `决定日期 ${a.date} ${a.ok ? '在' : '不在'}有效期 ${a.from} 至 ${a.to} 内`,
    en: (a) =>
      `decision date ${a.date} is ${a.ok ? 'within' : 'outside'} the period in force, ${a.from} to ${a.to}`,
  },
  legal_status: {
    zh: (a) =>
      a.status === 'independent'
        ? '具备独立法人资格：满足'
        : a.status === 'nbs_equivalent'
          ? '按国家统计局规定可视同法人单位，不受独立法人条件限制：满足'
          : '独立法人或视同法人单位：不满足',
    en: (a) =>
      a.status === 'independent'
        ? 'independent legal person: met'
        : a.status === 'nbs_equivalent'
          ? 'treated as a legal-person unit under NBS rules, exempt from the legal-person condition: met'
          : 'independent legal person or NBS-equivalent unit: not met',
  },
  condition: {
    zh: (a) => `${CONDITIONS[a.condition].zh}：${okZh(a.ok)}`,
    en: (a) => `${CONDITIONS[a.condition].en}: ${okEn(a.ok)}`,
  },
  sme_proof: {
    zh: (a) => `中小科技企业（依据：${SME_PROOF_TEXTS[a.proof].zh}）：${okZh(a.ok)}`,
    en: (a) => `small or medium technology enterprise (proof: ${SME_PROOF_TEXTS[a.proof].en}): ${okEn(a.ok)}`,
  },
  sme_classified: {
    zh: (a) =>
      `行业 ${a.industryZh}（${a.industry}），从业人员 ${a.employees} 人，营业收入 ${formatMoney(a.revenueFen)}，资产总额 ${formatMoney(a.assetsFen)}：${SIZE_TEXTS[a.size].zh}`,
    en: (a) =>
      `industry ${a.industry}, ${a.employees} employees, revenue ${formatMoney(a.revenueFen)}, assets ${formatMoney(a.assetsFen)}: ${SIZE_TEXTS[a.size].en}`,
  },
  requested: {
    zh: (a) => `申请（拟资助）金额 ${formatMoney(a.requestedFen)}`,
    en: (a) => `requested (proposed) amount ${formatMoney(a.requestedFen)}`,
  },
  rate_applied: {
    zh: (a) =>
      `${BASE_TEXTS[a.base].zh} ${formatMoney(a.baseFen)} × ${formatBps(a.rateBps)}，向下取整到分：${formatMoney(a.amountFen)}（比例自 ${a.paramFrom} 起施行${a.setByBureau ? '，区科技创新局设定的默认值' : ''}）`,
    en: (a) =>
      `${BASE_TEXTS[a.base].en} ${formatMoney(a.baseFen)} × ${formatBps(a.rateBps)}, rounded down to the fen: ${formatMoney(a.amountFen)} (rate in force from ${a.paramFrom}${a.setByBureau ? ', a default set by the bureau' : ''})`,
  },
  actual_cost: {
    zh: (a) => `示范场景实际建设费用 ${formatMoney(a.actualCostFen)}：奖励不超过该费用`,
    en: (a) =>
      `actual construction cost of the scenario ${formatMoney(a.actualCostFen)}: the award does not exceed it`,
  },
  project_cap_exempt: {
    zh: () => '公共服务平台建设支持计划项目不受单个项目 1000 万元总量控制限制（第四条第（二）项）',
    en: () =>
      'public-service-platform projects are exempt from the 10,000,000-yuan per-project limit (Art. 4 (2))',
  },
  cap_applied: {
    zh: (a) =>
      `${CAP_TEXTS[a.cap].zh} ${formatMoney(a.capFen)}，已用 ${formatMoney(a.usedFen)}，剩余 ${formatMoney(a.leftFen)}：${formatMoney(a.beforeFen)} → ${formatMoney(a.amountFen)}${a.amountFen < a.beforeFen ? '（受此上限约束）' : ''}（上限自 ${a.paramFrom} 起施行）`,
    en: (a) =>
      `${CAP_TEXTS[a.cap].en} ${formatMoney(a.capFen)}, used ${formatMoney(a.usedFen)}, left ${formatMoney(a.leftFen)}: ${formatMoney(a.beforeFen)} → ${formatMoney(a.amountFen)}${a.amountFen < a.beforeFen ? ' (bound by this limit)' : ''} (limit in force from ${a.paramFrom})`,
  },
  years_limit: {
    zh: (a) =>
      `已连续资助 ${a.yearsFunded} 年，最长 ${a.maxYears} 年：${okZh(a.ok)}（自 ${a.paramFrom} 起施行）`,
    en: (a) =>
      `${a.yearsFunded} consecutive years funded so far, at most ${a.maxYears}: ${okEn(a.ok)} (in force from ${a.paramFrom})`,
  },
  fund_fit: {
    zh: (a) =>
      `分项资金总量 ${formatMoney(a.budgetFen)}，已承诺 ${formatMoney(a.committedFen)}，已预留 ${formatMoney(a.reservedFen)}，可用 ${formatMoney(a.availableFen)}；申请 ${formatMoney(a.requestedFen)}，可安排 ${formatMoney(a.fitsFen)}（第二条）`,
    en: (a) =>
      `sub-fund ${formatMoney(a.budgetFen)}, committed ${formatMoney(a.committedFen)}, reserved ${formatMoney(a.reservedFen)}, available ${formatMoney(a.availableFen)}; requested ${formatMoney(a.requestedFen)}, fits ${formatMoney(a.fitsFen)} (Art. 2)`,
  },
  revenue_tier: {
    zh: (a) =>
      `年度主营业务收入 ${formatMoney(a.revenueFen)} 突破 ${formatMoney(a.thresholdFen)}：该档奖励最高 ${formatMoney(a.tierAwardFen)}（自 ${a.paramFrom} 起施行）`,
    en: (a) =>
      `annual main-business revenue ${formatMoney(a.revenueFen)} exceeds ${formatMoney(a.thresholdFen)}: this tier pays at most ${formatMoney(a.tierAwardFen)} (in force from ${a.paramFrom})`,
  },
  upgrade_difference: {
    zh: (a) =>
      `晋级补差：该档 ${formatMoney(a.tierAwardFen)} − 已按第十二条发放 ${formatMoney(a.paidFen)} = ${formatMoney(a.amountFen)}`,
    en: (a) =>
      `pay the difference on promotion: tier ${formatMoney(a.tierAwardFen)} − already paid under Art. 12 ${formatMoney(a.paidFen)} = ${formatMoney(a.amountFen)}`,
  },
  rent_tier: {
    zh: (a) =>
      `租期第 ${a.month} 个月按市场租金的 ${formatBps(a.payBps)} 计租：市场月租 ${formatMoney(a.marketRentFen)}，应付 ${formatMoney(a.rentDueFen)}，优惠 ${formatMoney(a.discountFen)}（阶梯自 ${a.paramFrom} 起施行）`,
    en: (a) =>
      `tenancy month ${a.month} pays ${formatBps(a.payBps)} of market rent: market ${formatMoney(a.marketRentFen)} a month, due ${formatMoney(a.rentDueFen)}, discount ${formatMoney(a.discountFen)} (schedule in force from ${a.paramFrom})`,
  },
  pool_charge: {
    zh: (a) =>
      `专属算力池 ${a.cardHours} 卡时 × ${formatMoney(a.priceFen)}/卡时 = ${formatMoney(a.chargeFen)}（价格自 ${a.paramFrom} 起施行）`,
    en: (a) =>
      `compute pool ${a.cardHours} card-hours × ${formatMoney(a.priceFen)} per card-hour = ${formatMoney(a.chargeFen)} (price in force from ${a.paramFrom})`,
  },
  param_override: {
    zh: (a) =>
      `参数 ${a.key} 采用${a.kind === 'published' ? '区科技创新局发布的参数段' : '测算假设值（仅用于测算，不作决定）'}：${a.from} 至 ${a.to || '本措施有效期届满'}，来源：${a.source}${a.ref ? `（编号 ${a.ref}）` : ''}；取代内置值`,
    en: (a) =>
      `parameter ${a.key} takes ${a.kind === 'published' ? 'a segment published by the bureau' : 'a what-if value (for evaluation only, never decided on)'}: ${a.from} to ${a.to || 'the end of the measures'}, source: ${a.source}${a.ref ? ` (ref ${a.ref})` : ''}; replaces the built-in value`,
  },
  non_duplication: {
    zh: (a) =>
      a.chosen
        ? `从高不重复：选用 ${a.candidate}（${formatMoney(a.amountFen)}）`
        : `从高不重复：${a.candidate}（${formatMoney(a.amountFen)}）不重复适用，已选用 ${a.over}`,
    en: (a) =>
      a.chosen
        ? `highest applies, no duplication: ${a.candidate} (${formatMoney(a.amountFen)}) chosen`
        : `highest applies, no duplication: ${a.candidate} (${formatMoney(a.amountFen)}) excluded in favour of ${a.over}`,
  },
  outcome: {
    zh: (a) => (a.eligible ? `结论：可资助 ${formatMoney(a.amountFen)}` : '结论：不予资助'),
    en: (a) => (a.eligible ? `outcome: ${formatMoney(a.amountFen)} may be awarded` : 'outcome: no award'),
  },
};
