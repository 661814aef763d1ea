/**
 * 《中小企业划型标准规定》（工信部联企业〔2011〕300号）第四条 — the national SME classification, as data.
 *
 * Each row reads: "从业人员 X 人以下或营业收入 Y 万元以下的为中小微型企业。其中，从业人员 A 人及以上，且营业收入
 * B 万元及以上的为中型企业；……". So an enterprise is large when it is at or above EVERY upper limit of its row
 * ("以下" excludes the number, "及以上" includes it); otherwise it is medium when at or above every medium lower
 * limit, small when at or above every small lower limit, and micro otherwise (a micro firm needs to fall below only
 * one limit). Money limits are in fen; 1 万元 = 1,000,000 fen.
 */

import type { SmeSize } from '../messages';
import { assertFen, type Fen, yuan } from '../money';
import { step, type TraceStep } from '../trace';

export type SmeIndustry =
  | 'agriculture'
  | 'manufacturing'
  | 'construction'
  | 'wholesale'
  | 'retail'
  | 'transport'
  | 'warehousing'
  | 'postal'
  | 'accommodation'
  | 'catering'
  | 'info_transmission'
  | 'software_it'
  | 'real_estate'
  | 'property_management'
  | 'leasing_business'
  | 'research_tech'
  | 'other';

type Limits = Readonly<{ employees?: number; revenueFen?: Fen; assetsFen?: Fen }>;

export interface SmeRow {
  industry: SmeIndustry;
  nameZh: string;
  /** Clause of 第四条 of the 2011 standard. */
  clause: string;
  /** SME when below ANY of these (the row's upper limits). */
  smeBelow: Limits;
  /** Medium when at or above ALL of these. */
  medium: Limits;
  /** Small when at or above ALL of these. */
  small: Limits;
}

const wan = (n: number) => yuan(n * 10_000);

/**
 * Scientific research & technical services (research_tech) is not listed in the 2011 standard, so it takes the row
 * "（十六）其他未列明行业" (employees only), as the statistical classification (国统字〔2017〕213号) also does.
 */
export const SME_TABLE: readonly SmeRow[] = [
  {
    industry: 'agriculture',
    nameZh: '农、林、牧、渔业',
    clause: '（一）',
    smeBelow: { revenueFen: wan(20000) },
    medium: { revenueFen: wan(500) },
    small: { revenueFen: wan(50) },
  },
  {
    industry: 'manufacturing',
    nameZh: '工业',
    clause: '（二）',
    smeBelow: { employees: 1000, revenueFen: wan(40000) },
    medium: { employees: 300, revenueFen: wan(2000) },
    small: { employees: 20, revenueFen: wan(300) },
  },
  {
    industry: 'construction',
    nameZh: '建筑业',
    clause: '（三）',
    smeBelow: { revenueFen: wan(80000), assetsFen: wan(80000) },
    medium: { revenueFen: wan(6000), assetsFen: wan(5000) },
    small: { revenueFen: wan(300), assetsFen: wan(300) },
  },
  {
    industry: 'wholesale',
    nameZh: '批发业',
    clause: '（四）',
    smeBelow: { employees: 200, revenueFen: wan(40000) },
    medium: { employees: 20, revenueFen: wan(5000) },
    small: { employees: 5, revenueFen: wan(1000) },
  },
  {
    industry: 'retail',
    nameZh: '零售业',
    clause: '（五）',
    smeBelow: { employees: 300, revenueFen: wan(20000) },
    medium: { employees: 50, revenueFen: wan(500) },
    small: { employees: 10, revenueFen: wan(100) },
  },
  {
    industry: 'transport',
    nameZh: '交通运输业',
    clause: '（六）',
    smeBelow: { employees: 1000, revenueFen: wan(30000) },
    medium: { employees: 300, revenueFen: wan(3000) },
    small: { employees: 20, revenueFen: wan(200) },
  },
  {
    industry: 'warehousing',
    nameZh: '仓储业',
    clause: '（七）',
    smeBelow: { employees: 200, revenueFen: wan(30000) },
    medium: { employees: 100, revenueFen: wan(1000) },
    small: { employees: 20, revenueFen: wan(100) },
  },
  {
    industry: 'postal',
    nameZh: '邮政业',
    clause: '（八）',
    smeBelow: { employees: 1000, revenueFen: wan(30000) },
    medium: { employees: 300, revenueFen: wan(2000) },
    small: { employees: 20, revenueFen: wan(100) },
  },
  {
    industry: 'accommodation',
    nameZh: '住宿业',
    clause: '（九）',
    smeBelow: { employees: 300, revenueFen: wan(10000) },
    medium: { employees: 100, revenueFen: wan(2000) },
    small: { employees: 10, revenueFen: wan(100) },
  },
  {
    industry: 'catering',
    nameZh: '餐饮业',
    clause: '（十）',
    smeBelow: { employees: 300, revenueFen: wan(10000) },
    medium: { employees: 100, revenueFen: wan(2000) },
    small: { employees: 10, revenueFen: wan(100) },
  },
  {
    industry: 'info_transmission',
    nameZh: '信息传输业',
    clause: '（十一）',
    smeBelow: { employees: 2000, revenueFen: wan(100000) },
    medium: { employees: 100, revenueFen: wan(1000) },
    small: { employees: 10, revenueFen: wan(100) },
  },
  {
    industry: 'software_it',
    nameZh: '软件和信息技术服务业',
    clause: '（十二）',
    smeBelow: { employees: 300, revenueFen: wan(10000) },
    medium: { employees: 100, revenueFen: wan(1000) },
    small: { employees: 10, revenueFen: wan(50) },
  },
  {
    industry: 'real_estate',
    nameZh: '房地产开发经营',
    clause: '（十三）',
    smeBelow: { revenueFen: wan(200000), assetsFen: wan(10000) },
    medium: { revenueFen: wan(1000), assetsFen: wan(5000) },
    small: { revenueFen: wan(100), assetsFen: wan(2000) },
  },
  {
    industry: 'property_management',
    nameZh: '物业管理',
    clause: '（十四）',
    smeBelow: { employees: 1000, revenueFen: wan(5000) },
    medium: { employees: 300, revenueFen: wan(1000) },
    small: { employees: 100, revenueFen: wan(500) },
  },
  {
    industry: 'leasing_business',
    nameZh: '租赁和商务服务业',
    clause: '（十五）',
    smeBelow: { employees: 300, assetsFen: wan(120000) },
    medium: { employees: 100, assetsFen: wan(8000) },
    small: { employees: 10, assetsFen: wan(100) },
  },
  {
    industry: 'research_tech',
    nameZh: '科学研究和技术服务业（按其他未列明行业）',
    clause: '（十六）',
    smeBelow: { employees: 300 },
    medium: { employees: 100 },
    small: { employees: 10 },
  },
  {
    industry: 'other',
    nameZh: '其他未列明行业',
    clause: '（十六）',
    smeBelow: { employees: 300 },
    medium: { employees: 100 },
    small: { employees: 10 },
  },
];

const ROWS = new Map<string, SmeRow>(SME_TABLE.map((row) => [row.industry, row]));

export const SME_INDUSTRIES: readonly SmeIndustry[] = SME_TABLE.map((row) => row.industry);

export function isSmeIndustry(value: unknown): value is SmeIndustry {
  return typeof value === 'string' && ROWS.has(value);
}

export interface SmeFacts {
  industry: SmeIndustry;
  employees: number;
  revenueFen: Fen;
  assetsFen: Fen;
}

function atOrAboveAll(facts: SmeFacts, limits: Limits): boolean {
  return (
    (limits.employees === undefined || facts.employees >= limits.employees) &&
    (limits.revenueFen === undefined || facts.revenueFen >= limits.revenueFen) &&
    (limits.assetsFen === undefined || facts.assetsFen >= limits.assetsFen)
  );
}

/** The size class of an enterprise; throws on an unknown industry or malformed facts. */
export function smeSize(sme: SmeFacts): SmeSize {
  const row = ROWS.get(sme.industry);
  if (row === undefined) throw new RangeError(`unknown SME industry ${String(sme.industry)}`);
  if (!Number.isSafeInteger(sme.employees) || sme.employees < 0) {
    throw new RangeError(`employees must be a non-negative integer, got ${String(sme.employees)}`);
  }
  assertFen(sme.revenueFen, 'sme.revenueFen');
  assertFen(sme.assetsFen, 'sme.assetsFen');
  // Large only when at or above every upper limit: "below EITHER limit → SME".
  if (atOrAboveAll(sme, row.smeBelow)) return 'large';
  if (atOrAboveAll(sme, row.medium)) return 'medium';
  if (atOrAboveAll(sme, row.small)) return 'small';
  return 'micro';
}

/** The trace step recording a classification (cited to Art. 6, the article that asks for it). */
export function classificationStep(sme: SmeFacts, size: SmeSize): TraceStep {
  return step('sme_classified', '第六条', {
    industry: sme.industry,
    industryZh: ROWS.get(sme.industry)?.nameZh ?? '',
    size,
    employees: sme.employees,
    revenueFen: sme.revenueFen,
    assetsFen: sme.assetsFen,
  });
}

/** Classifies an enterprise by the 2011 standard; the trace names the industry row and the result. */
export function classifySme(sme: SmeFacts): { isSme: boolean; size: SmeSize; trace: TraceStep[] } {
  const size = smeSize(sme);
  return { isSme: size !== 'large', size, trace: [classificationStep(sme, size)] };
}
