import { type DbOrTx, schema } from '@nanshan/db';
import {
  type AwardCandidate,
  aiServicesSupport,
  applyHighestNoDuplication,
  CONDITIONS,
  type ConditionCode,
  consecutiveYearsFunded,
  coreTechSupport,
  eventSupport,
  financingSupport,
  formatMoney,
  type GrantRecord,
  grantedInYear,
  grantedToProject,
  growthAward,
  growthAwardsPaid,
  type ParamOverrides,
  plainTrace,
  platformSupport,
  quoteArt6,
  type RuleResult,
  scenarioSupport,
  type TraceStep,
  teamSupport,
} from '@nanshan/rules';
import { eq } from 'drizzle-orm';
import { shenzhenDate } from '../../clock';
import type { EnterpriseRow } from '../enterprises/membership';
import { applicantOf, art9FieldOf, providerRegisteredOn } from '../orders/purchase-quote';
import { loadPolicyOverrides } from '../parameters/policy-overrides';
import { ARTICLE_ZH, type GrantArticle, readStoredFacts, type StoredFacts } from './facts';
import { type GrantHistory, isMarketRecord, loadGrantHistory } from './history';
import { type ApplicationRow, AWARDED_STATES, type GrantStatus, OPEN_STATES } from './workflow';

/** What the proposal is computed for: a stored application, or one about to be stored (`id: null`). */
export interface ProposalSubject {
  id: string | null;
  article: GrantArticle;
  year: number;
  projectKey: string;
  requestedFen: number;
  facts: StoredFacts;
}

export function subjectOf(app: ApplicationRow): ProposalSubject {
  return {
    id: app.id,
    article: app.article as GrantArticle,
    year: app.year,
    projectKey: app.projectKey,
    requestedFen: app.requestedFen,
    facts: readStoredFacts(app.facts),
  };
}

/** A history record the proposal relied on, for the reviewer's screen. */
export interface CountedRecord {
  grantId: string;
  /** True for the market's instant subsidies (Arts. 6, 9), false for a grant application. */
  market: boolean;
  article: string;
  year: number;
  amountFen: number;
  status: GrantRecord['status'];
}

export type CandidateKind = 'already_funded' | 'pending' | 'declared_applied';

export interface NonDuplicationOutcome {
  /** What applies instead of this application (Art. 15), or null when this one applies. */
  excludedBy: { kind: CandidateKind; applicationId: string | null; label: string } | null;
  /** Open applications for the same project under other articles that this one outranks. */
  outranks: string[];
  /** Already funded for the project under other articles (decided or paid) or other measures (declared received). */
  alreadyFundedFen: number;
}

export interface Proposal {
  /** The proposed maximum: staff may approve this much or less, never more. */
  amountFen: number;
  eligible: boolean;
  /**
   * Rules reason codes (REASON_TEXTS) plus `enterprise_not_verified`, `non_duplication_excluded` and
   * `fact_not_declared` (an Art. 14 application stored before the form asked for a declaration).
   */
  reasons: string[];
  trace: TraceStep[];
  rulesetVersion: string;
  paramsHash: string;
  /** The article's amount before Art. 15 (bounded by the amount applied for). */
  standaloneFen: number;
  counted: CountedRecord[];
  nonDuplication: NonDuplicationOutcome;
}

const ARTICLE_EN: Readonly<Record<GrantArticle, string>> = {
  art5: 'Art. 5',
  art6: 'Art. 6',
  art7: 'Art. 7',
  art8: 'Art. 8',
  art9: 'Art. 9',
  art11: 'Art. 11',
  art12: 'Art. 12',
  art13: 'Art. 13',
  art14: 'Art. 14',
};

const STATUS_TEXT: Readonly<Record<GrantRecord['status'], { zh: string; en: string }>> = {
  reserved: { zh: '已预留', en: 'reserved' },
  approved: { zh: '已决定', en: 'decided' },
  paid: { zh: '已发放', en: 'paid' },
  voided: { zh: '已撤销', en: 'voided' },
  reversed: { zh: '已冲回', en: 'reversed' },
  rejected: { zh: '未通过', en: 'rejected' },
};

/** A step the platform adds to the rules' trace (same shape: data plus both texts). */
function platformStep(
  code: string,
  article: string,
  args: Record<string, string | number | boolean>,
  zh: string,
  en: string,
): TraceStep {
  return { code, article, args, zh, en };
}

function historyStep(record: GrantRecord): TraceStep {
  const market = isMarketRecord(record.grantId);
  const family = record.family as GrantArticle;
  const status = STATUS_TEXT[record.status];
  const where = market
    ? { zh: '平台购买时的即时补贴', en: 'subsidies at checkout on the platform' }
    : { zh: `申请 ${record.grantId.slice(0, 8)}`, en: `application ${record.grantId.slice(0, 8)}` };
  return platformStep(
    'history_counted',
    record.article,
    { grantId: record.grantId, year: record.year, amountFen: record.amountFen, status: record.status },
    `计入历史：${record.article} ${record.year} 年度 ${formatMoney(record.amountFen)}（${status.zh}，${where.zh}）`,
    `history counted: ${ARTICLE_EN[family] ?? family} ${record.year} ${formatMoney(record.amountFen)} (${status.en}, ${where.en})`,
  );
}

interface Standalone {
  result: RuleResult;
  /** The rules' amount bounded by the amount applied for. */
  amountFen: number;
  steps: TraceStep[];
  /** Reasons the platform adds to the rules' (`fact_not_declared`). */
  reasons: string[];
  counted: GrantRecord[];
}

/**
 * "大模型和生成式人工智能企业" (Arts. 11–13): the enterprise's AI activity, as its verified profile states it, is
 * large-model training or generative-AI applications (a change to it withdraws the verification).
 */
function largeModelOrGenerativeAi(enterprise: EnterpriseRow): boolean {
  return enterprise.aiActivity === 'llm_training' || enterprise.aiActivity === 'genai_application';
}

/** Art. 14 declarations an application stored before the form asked for them may lack, with the condition each states. */
const ART14_DECLARATIONS = {
  heldInNanshan: 'event_in_nanshan',
  largeModelOrGenerativeAiTheme: 'event_large_model_genai_theme',
} as const satisfies Record<string, ConditionCode>;

/** A declaration the application lacks: the rules treat it as not met, and the proposal says it was not declared. */
function notDeclaredStep(article: string, fact: keyof typeof ART14_DECLARATIONS): TraceStep {
  const condition = CONDITIONS[ART14_DECLARATIONS[fact]];
  return platformStep(
    'fact_not_declared',
    article,
    { fact },
    `申报未声明“${condition.zh}”，按不满足处理`,
    `the application does not declare "${condition.en}"; treated as not met`,
  );
}

async function providerRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(schema.providers).where(eq(schema.providers.id, id));
  return row;
}

/**
 * The article's own amount for the subject, from the rules package with every history input read from the database:
 * Art. 4 (what the project already received under this article — other articles are Art. 15's business, see
 * below), the annual caps and consecutive years of Arts. 5, 6 and 9, 晋级补差 for Art. 12, the per-project or
 * per-enterprise limits of Arts. 7, 8, 11 and 14. Then bounded by the amount applied for.
 */
async function standaloneAward(
  db: DbOrTx,
  subject: ProposalSubject,
  enterprise: EnterpriseRow,
  history: GrantHistory,
  date: string,
  overrides: ParamOverrides,
): Promise<Standalone> {
  const applicant = applicantOf(enterprise);
  const { records } = history;
  const who = history.subject;
  const year = subject.year;
  const counted: GrantRecord[] = [];
  const count = <T extends { counted: GrantRecord[] }>(c: T): T => {
    counted.push(...c.counted);
    return c;
  };
  // Art. 4 for this article's line of the project. Awards under other articles for the same project are weighed
  // by Art. 15 (the higher applies, only the difference is paid), so counting them here too would subtract twice.
  const sameArticleOfProject = (filter: (r: GrantRecord) => boolean = () => true) =>
    count(
      grantedToProject(
        records.filter((r) => r.family === subject.article && filter(r)),
        { subject: who, project: subject.projectKey },
      ),
    ).totalFen;
  const projectGrantedFen = sameArticleOfProject();

  const f = subject.facts.articleFacts;
  const steps: TraceStep[] = [];
  const reasons: string[] = [];
  let result: RuleResult;
  switch (f.article) {
    case 'art5': {
      const years = count(consecutiveYearsFunded(records, { subject: who, family: 'art5', year }));
      result = platformSupport({
        date,
        applicant,
        overrides,
        approved: f.approvedByBureau,
        requestedFen: subject.requestedFen,
        yearsFunded: years.years,
        grantedThisYearFen: count(grantedInYear(records, { subject: who, family: 'art5', year })).totalFen,
      });
      break;
    }
    case 'art6': {
      const provider = await providerRow(db, f.providerId);
      result = quoteArt6({
        date,
        applicant,
        overrides,
        activity: enterprise.aiActivity as 'llm_training' | 'genai_application' | 'other',
        provider: {
          inShenzhen: provider?.inShenzhen === true,
          registered:
            provider?.kind === 'computing_centre' && providerRegisteredOn(provider, f.periodTo) === true,
        },
        spendFen: f.spendFen,
        // One cap per enterprise per spend year across the market's vouchers and declarations (DOMAIN-NOTES).
        grantedThisYearFen: count(grantedInYear(records, { subject: who, family: 'art6', year })).totalFen,
        relatedParty: !f.notRelatedDeclared,
        serviceKind: f.serviceKind,
        projectGrantedFen,
      });
      break;
    }
    case 'art7':
      result = coreTechSupport({
        date,
        applicant,
        overrides,
        cityGrantFen: f.cityGrantFen,
        leadUnit: f.leadUnit,
        projectGrantedFen,
        sameArticleGrantedFen: projectGrantedFen,
      });
      break;
    case 'art8': {
      const trackOf = new Map(
        history.applications.map((a) => {
          const facts = readStoredFacts(a.facts).articleFacts;
          return [a.id, facts.article === 'art8' ? facts.track : null];
        }),
      );
      const sameTrack = sameArticleOfProject((r) => trackOf.get(r.grantId) === f.track);
      const base = { date, applicant, overrides, projectGrantedFen, sameArticleGrantedFen: sameTrack };
      result =
        f.track === 'city_match'
          ? scenarioSupport({ ...base, track: 'city_match', cityGrantFen: f.cityGrantFen })
          : f.track === 'district'
            ? scenarioSupport({ ...base, track: 'district', totalInvestmentFen: f.totalInvestmentFen })
            : scenarioSupport({
                ...base,
                track: 'demo',
                actualCostFen: f.actualCostFen,
                governmentInvested: f.governmentInvested,
                // "一次性": a demonstration award already decided for the project, from the history.
                demoAwardedBefore: sameTrack > 0,
              });
      break;
    }
    case 'art9': {
      const vendor = await providerRow(db, f.vendorId);
      const years = count(consecutiveYearsFunded(records, { subject: who, family: 'art9', year }));
      result = aiServicesSupport({
        date,
        applicant,
        overrides,
        vendorFiled:
          vendor?.kind === 'cloud_vendor' && vendor.status === 'filed' && providerRegisteredOn(vendor, date),
        proposedFen: subject.requestedFen,
        grantedThisYearFen: count(grantedInYear(records, { subject: who, family: 'art9', year })).totalFen,
        consecutiveYearsFunded: years.years,
        field: art9FieldOf(enterprise),
        serviceSpendFen: f.serviceSpendFen,
        projectGrantedFen,
        relatedParty: !f.notRelatedDeclared,
      });
      break;
    }
    case 'art11':
      result = teamSupport({
        date,
        applicant,
        overrides,
        newOrRelocated: f.newOrRelocated,
        largeModelOrGenerativeAi: largeModelOrGenerativeAi(enterprise),
        recognised: f.recognised,
        requestedFen: subject.requestedFen,
        // The project key of Art. 11 is the enterprise itself: once per enterprise.
        sameArticleGrantedFen: projectGrantedFen,
        projectGrantedFen,
      });
      break;
    case 'art12':
      result = growthAward({
        date,
        applicant,
        overrides,
        largeModelOrGenerativeAi: largeModelOrGenerativeAi(enterprise),
        revenueFen: f.revenueFen,
        // 晋级补差: what Art. 12 already decided or paid, from the history.
        awardedFen: count(growthAwardsPaid(records, who)).totalFen,
        previousMaxRevenueFen: previousMaxRevenue(history, year),
        projectGrantedFen,
      });
      break;
    case 'art13':
      result = financingSupport({
        date,
        applicant,
        overrides,
        largeModelOrGenerativeAi: largeModelOrGenerativeAi(enterprise),
        kind: f.kind,
        baseFen: f.baseFen,
        projectGrantedFen,
      });
      break;
    case 'art14': {
      const declarations = Object.keys(ART14_DECLARATIONS) as (keyof typeof ART14_DECLARATIONS)[];
      const undeclared = declarations.filter((fact) => f[fact] === undefined);
      steps.push(...undeclared.map((fact) => notDeclaredStep(ARTICLE_ZH.art14, fact)));
      if (undeclared.length > 0) reasons.push('fact_not_declared');
      result = eventSupport({
        date,
        applicant,
        overrides,
        heldInNanshan: f.heldInNanshan === true,
        largeModelOrGenerativeAiTheme: f.largeModelOrGenerativeAiTheme === true,
        recognised: f.recognised,
        requestedFen: subject.requestedFen,
        sameArticleGrantedFen: projectGrantedFen,
        projectGrantedFen,
      });
      break;
    }
  }

  let amountFen = result.amountFen;
  if (amountFen > subject.requestedFen) {
    steps.push(
      platformStep(
        'requested_bound',
        ARTICLE_ZH[subject.article],
        { requestedFen: subject.requestedFen, beforeFen: amountFen },
        `以申请金额 ${formatMoney(subject.requestedFen)} 为限：${formatMoney(amountFen)} → ${formatMoney(subject.requestedFen)}`,
        `bounded by the amount applied for ${formatMoney(subject.requestedFen)}: ${formatMoney(amountFen)} → ${formatMoney(subject.requestedFen)}`,
      ),
    );
    amountFen = subject.requestedFen;
  }
  return { result, amountFen, steps, reasons, counted };
}

/**
 * "首次突破" (Art. 12): the highest revenue of an earlier year that staff already accepted in an Art. 12 decision.
 * Revenue stated in applications that were never decided is not history.
 */
function previousMaxRevenue(history: GrantHistory, year: number): number | undefined {
  let max: number | undefined;
  for (const a of history.applications) {
    if (a.article !== 'art12' || a.year >= year || !AWARDED_STATES.includes(a.status as GrantStatus))
      continue;
    const facts = readStoredFacts(a.facts).articleFacts;
    if (facts.article === 'art12' && (max === undefined || facts.revenueFen > max)) max = facts.revenueFen;
  }
  return max;
}

interface Candidate extends AwardCandidate {
  kind: CandidateKind | 'self';
  applicationId: string | null;
}

/**
 * The proposal: the article's amount (above), then staff verification of the enterprise, then Art. 15 — "本措施与
 * 南山区其他同类扶持措施，由申报主体按照从高不重复原则选择适用". The candidates for the same project key are what the
 * project already received under other articles (decided or paid) and other measures (declared received), each open
 * application under another article (its own amount, computed the same way), and awards the applicant declares
 * applied for elsewhere. The highest applies:
 * - when another candidate is higher (or equal and earlier), this application gets nothing;
 * - when this one is highest, it pays only the difference to what the project already received, so the project ends
 *   up funded once, at the higher amount; open applications it outranks are then excluded in their turn.
 */
export async function computeProposal(
  db: DbOrTx,
  input: { subject: ProposalSubject; enterprise: EnterpriseRow; now: Date; history?: GrantHistory },
): Promise<Proposal> {
  const { subject, enterprise } = input;
  const date = shenzhenDate(input.now);
  const history = input.history ?? (await loadGrantHistory(db, enterprise, subject.id));
  // The bureau's published segments in force on the decision date (e.g. Art. 13 shares) decide the amount.
  const overrides = await loadPolicyOverrides(db);
  const own = await standaloneAward(db, subject, enterprise, history, date, overrides);
  const article = ARTICLE_ZH[subject.article];
  const reasons: string[] = [...own.result.reasons, ...own.reasons];
  const after: TraceStep[] = [...own.steps];
  let amountFen = own.amountFen;

  // Staff verify a profile before any support is granted (as in the market): until then nothing is proposed.
  if (enterprise.verifiedAt === null) {
    reasons.push('enterprise_not_verified');
    after.push(
      platformStep(
        'enterprise_not_verified',
        article,
        {},
        '企业资料尚未经区科技创新局核验，核验前不予资助',
        'the enterprise profile is not yet verified by staff; nothing is proposed until it is',
      ),
    );
    amountFen = 0;
  }
  const standaloneFen = amountFen;

  const nonDuplication: NonDuplicationOutcome = { excludedBy: null, outranks: [], alreadyFundedFen: 0 };
  const others = history.applications.filter(
    (a) => a.projectKey === subject.projectKey && a.article !== subject.article,
  );
  const awardedElsewhere = others
    .filter((a) => AWARDED_STATES.includes(a.status as GrantStatus))
    .reduce((sum, a) => sum + (a.decidedFen ?? 0), 0);
  const declared = subject.facts.otherMeasureAwards;
  const declaredReceived = declared
    .filter((d) => d.status === 'received')
    .reduce((sum, d) => sum + d.amountFen, 0);
  nonDuplication.alreadyFundedFen = awardedElsewhere + declaredReceived;

  if (amountFen > 0) {
    const candidates: Candidate[] = [];
    if (nonDuplication.alreadyFundedFen > 0) {
      candidates.push({
        id: '本项目已获资助 / already funded',
        project: subject.projectKey,
        amountFen: nonDuplication.alreadyFundedFen,
        kind: 'already_funded',
        applicationId: null,
      });
    }
    for (const other of others.filter((a) => OPEN_STATES.includes(a.status as GrantStatus))) {
      const theirs = await standaloneAward(db, subjectOf(other), enterprise, history, date, overrides);
      if (theirs.amountFen === 0) continue;
      candidates.push({
        id: `${ARTICLE_ZH[other.article as GrantArticle]} 申报中 / pending ${other.id.slice(0, 8)}`,
        project: subject.projectKey,
        amountFen: theirs.amountFen,
        kind: 'pending',
        applicationId: other.id,
      });
    }
    declared.forEach((d, i) => {
      if (d.status !== 'applied') return;
      candidates.push({
        id: `其他措施 / other measure ${i + 1}「${d.measure}」`,
        project: subject.projectKey,
        amountFen: d.amountFen,
        kind: 'declared_applied',
        applicationId: null,
      });
    });
    if (candidates.length > 0) {
      const self: Candidate = {
        id: `本申请 / this application（${article}）`,
        project: subject.projectKey,
        amountFen,
        kind: 'self',
        applicationId: subject.id,
      };
      // This application is listed last: between equal amounts the earlier award or application keeps the project.
      const outcome = applyHighestNoDuplication([...candidates, self]);
      after.push(...outcome.trace);
      const winner = outcome.chosen[0]!;
      if (winner !== self) {
        nonDuplication.excludedBy = {
          kind: winner.kind as CandidateKind,
          applicationId: winner.applicationId,
          label: winner.id,
        };
        amountFen = 0;
      } else {
        nonDuplication.outranks = outcome.excluded
          .filter((e) => e.candidate.kind === 'pending')
          .map((e) => e.candidate.applicationId!);
        if (nonDuplication.alreadyFundedFen > 0) {
          const topUpFen = amountFen - nonDuplication.alreadyFundedFen;
          after.push(
            platformStep(
              'non_duplication_difference',
              '第十五条',
              { amountFen, alreadyFundedFen: nonDuplication.alreadyFundedFen, topUpFen },
              `从高不重复：本项目已获资助 ${formatMoney(nonDuplication.alreadyFundedFen)}，仅补足至较高者：${formatMoney(amountFen)} − ${formatMoney(nonDuplication.alreadyFundedFen)} = ${formatMoney(topUpFen)}`,
              `highest applies, no duplication: the project already received ${formatMoney(nonDuplication.alreadyFundedFen)}; only the difference to the higher amount is due: ${formatMoney(amountFen)} − ${formatMoney(nonDuplication.alreadyFundedFen)} = ${formatMoney(topUpFen)}`,
            ),
          );
          amountFen = topUpFen;
        }
      }
      if (amountFen === 0) reasons.push('non_duplication_excluded');
    }
  }

  after.push(
    platformStep(
      'proposal',
      article,
      { amountFen },
      `建议资助上限：${formatMoney(amountFen)}`,
      `proposed maximum: ${formatMoney(amountFen)}`,
    ),
  );
  const seen = new Set<string>();
  const counted = own.counted.filter((r) => !seen.has(r.grantId) && seen.add(r.grantId));
  return {
    amountFen,
    eligible: own.result.eligible && amountFen > 0,
    reasons,
    trace: [...counted.map(historyStep), ...plainTrace(own.result.trace), ...after],
    rulesetVersion: own.result.rulesetVersion,
    paramsHash: own.result.paramsHash,
    standaloneFen,
    counted: counted.map((r) => ({
      grantId: r.grantId,
      market: isMarketRecord(r.grantId),
      article: r.family,
      year: r.year,
      amountFen: r.amountFen,
      status: r.status,
    })),
    nonDuplication,
  };
}

/** Stores a proposal on the application (the columns the reviewer and the applicant read). */
export function proposalColumns(proposal: Proposal) {
  return {
    proposedFen: proposal.amountFen,
    proposalTrace: proposal.trace,
    rulesetVersion: proposal.rulesetVersion,
    paramsHash: proposal.paramsHash,
  };
}
