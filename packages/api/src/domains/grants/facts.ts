import type { Article, FinancingKind } from '@nanshan/rules';
import { z } from 'zod';

/**
 * The articles the grants module handles: every one the district reviews case by case (Arts. 5, 7, 8, 11, 12, 13,
 * 14), Art. 6's annual declaration for compute bought off the platform, and Art. 9 batch applications. Arts. 6 and 9
 * also run in the market at checkout; Art. 10 (the incubator) is not a grant.
 */
export const GRANT_ARTICLES = [
  'art5',
  'art6',
  'art7',
  'art8',
  'art9',
  'art11',
  'art12',
  'art13',
  'art14',
] as const;
export type GrantArticle = (typeof GRANT_ARTICLES)[number];

/** The article as the Chinese text numbers it (what the rules' history records and traces cite). */
export const ARTICLE_ZH: Readonly<Record<GrantArticle, Article>> = {
  art5: '第五条',
  art6: '第六条',
  art7: '第七条',
  art8: '第八条',
  art9: '第九条',
  art11: '第十一条',
  art12: '第十二条',
  art13: '第十三条',
  art14: '第十四条',
};

/**
 * Articles whose annual cap the market's instant subsidies also draw on: a grant under them shares the enterprise's
 * `subsidy_usage` row for its year (reserved on decision, granted on payment), so the database enforces one cap.
 * Art. 6: "每家企业每年最高补贴 100 万元" across vouchers and the declaration (DOMAIN-NOTES); Art. 9: "每年最高资助
 * 100 万元" across market purchases from filed vendors and batch awards.
 */
export const SHARED_CAP_ARTICLES: ReadonlySet<GrantArticle> = new Set(['art6', 'art9']);

/** Largest amount a form may state: 1,000,000,000,000 yuan. Far above any real figure, far below 2^53 fen in sums. */
export const MAX_FORM_FEN = 100_000_000_000_000;

const fen = z.number().int().min(0).max(MAX_FORM_FEN);
const positiveFen = z.number().int().min(1).max(MAX_FORM_FEN);
const isoDate = z.iso.date();

/** 第五条: a public-service platform approved by the district science authority after review. */
const art5Facts = z.object({
  article: z.literal('art5'),
  /** 经区科技主管部门评审通过 — the review notice is among the evidence. */
  approvedByBureau: z.boolean(),
});

/**
 * 第六条 annual declaration: compute bought in the previous year from a Shenzhen intelligent-computing centre outside
 * the platform's checkout. The centre must be one the platform knows (registered, with its validity period), so
 * "in Shenzhen" and "registered" come from the database, not from the form.
 */
const art6Facts = z.object({
  article: z.literal('art6'),
  providerId: z.uuid(),
  spendFen: positiveFen,
  serviceKind: z.enum(['compute', 'storage', 'network', 'security']),
  /** The buyer declares that buyer and centre have no common actual controller (practice, DOMAIN-NOTES). */
  notRelatedDeclared: z.boolean(),
  invoiceNumbers: z.array(z.string().trim().min(1).max(64)).min(1).max(50),
  periodFrom: isoDate,
  periodTo: isoDate,
});

/**
 * 第七条: lead unit of a project funded by the municipal major science and technology programme. `cityGrantFen` is the
 * municipal grant this application is for (a later application for the same project states its new grant, not a
 * running total); the rules pay at most 50% of it (see the rules' Art7Input).
 */
const art7Facts = z.object({
  article: z.literal('art7'),
  cityGrantFen: positiveFen,
  leadUnit: z.boolean(),
});

/**
 * 第八条: three tracks — municipal match, district-level project, demonstration scenario. `cityGrantFen` and
 * `totalInvestmentFen` are this application's own base (a later application for the same project states its new
 * grant or investment, not a running total).
 */
const art8Facts = z.discriminatedUnion('track', [
  z.object({ article: z.literal('art8'), track: z.literal('city_match'), cityGrantFen: positiveFen }),
  z.object({ article: z.literal('art8'), track: z.literal('district'), totalInvestmentFen: positiveFen }),
  z.object({
    article: z.literal('art8'),
    track: z.literal('demo'),
    actualCostFen: positiveFen,
    governmentInvested: z.boolean(),
  }),
]);

/**
 * 第九条: AI services of a cloud vendor filed with the district. Whether the vendor is filed and the field (from the
 * enterprise's industry, as in the market) come from the database; the amount applied for is the batch proposal.
 */
const art9Facts = z.object({
  article: z.literal('art9'),
  vendorId: z.uuid(),
  serviceSpendFen: positiveFen,
  notRelatedDeclared: z.boolean(),
});

/**
 * 第十一条: a newly registered or relocated large-model / generative-AI enterprise, recognised as a top team. For
 * Arts. 11–13, "大模型和生成式人工智能企业" is read from the enterprise's verified profile (its AI activity), not
 * asked again here.
 */
const art11Facts = z.object({
  article: z.literal('art11'),
  newOrRelocated: z.boolean(),
  recognised: z.boolean(),
});

/** 第十二条: annual main-business revenue of the application's year (audited statements among the evidence). */
const art12Facts = z.object({
  article: z.literal('art12'),
  revenueFen: fen,
});

/** 第十三条: loan interest, start-up financing or IP-pledge interest. */
const art13Facts = z.object({
  article: z.literal('art13'),
  kind: z.enum([
    'loan_interest',
    'startup_financing',
    'ip_pledge',
  ] as const satisfies readonly FinancingKind[]),
  baseFen: positiveFen,
});

/**
 * 第十四条: a major large-model / generative-AI event held in Nanshan, recognised by a national, provincial, municipal
 * or district authority. The two declarations came after applications were already stored: absent means not declared,
 * and the proposal says so and proposes nothing (the form always sends them).
 */
const art14Facts = z.object({
  article: z.literal('art14'),
  /** 在南山区举办. */
  heldInNanshan: z.boolean().optional(),
  /** 大模型和生成式人工智能主题活动. */
  largeModelOrGenerativeAiTheme: z.boolean().optional(),
  recognised: z.boolean(),
  recognisedBy: z.enum(['national', 'provincial', 'municipal', 'district']),
  eventDate: isoDate,
});

/** The facts each article needs, mirroring the rules package's inputs (history comes from the database). */
export const grantFacts = z.discriminatedUnion('article', [
  art5Facts,
  art6Facts,
  art7Facts,
  art8Facts,
  art9Facts,
  art11Facts,
  art12Facts,
  art13Facts,
  art14Facts,
]);
export type GrantFacts = z.infer<typeof grantFacts>;
export type FactsOf<A extends GrantArticle> = Extract<GrantFacts, { article: A }>;

/**
 * An award for the same project under another Nanshan measure, as the applicant declares it (Art. 15: "本措施与南山区
 * 其他同类扶持措施……从高不重复"). `received` counts as already funded; `applied` competes as a pending candidate.
 */
export const otherMeasureAward = z.object({
  measure: z.string().trim().min(1).max(200),
  amountFen: positiveFen,
  status: z.enum(['applied', 'received']),
});
export type OtherMeasureAward = z.infer<typeof otherMeasureAward>;

/** What `grant_applications.facts` holds: the article's facts and what the applicant declared with them. */
export interface StoredFacts {
  articleFacts: GrantFacts;
  /** The contract, invoice, project or event number the project key was derived from, as typed. */
  projectReference: string;
  evidenceDocumentIds: string[];
  otherMeasureAwards: OtherMeasureAward[];
}

const storedFacts = z.object({
  articleFacts: grantFacts,
  projectReference: z.string(),
  evidenceDocumentIds: z.array(z.string()),
  otherMeasureAwards: z.array(otherMeasureAward),
});

/** Reads the jsonb column back, typed; a row that does not parse is a bug, not user input. */
export function readStoredFacts(value: unknown): StoredFacts {
  return storedFacts.parse(value);
}
