import { type DbOrTx, schema } from '@nanshan/db';
import {
  aiServicesSupport,
  classifySme,
  plainTrace,
  quoteArt6,
  SME_TABLE,
  type SmeIndustry,
  type TraceStep,
} from '@nanshan/rules';
import { and, eq } from 'drizzle-orm';
import { shenzhenDate, shenzhenYear } from '../../clock';
import { activeTenancy, tenancyRent } from '../incubator/tenancy';
import { annualCapFen, applicantOf, art9FieldOf, type MarketArticle } from '../orders/purchase-quote';
import { consecutiveYearsFunded } from '../orders/usage-history';
import { loadPolicyOverrides } from '../parameters/policy-overrides';
import type { EnterpriseRow } from './membership';

/**
 * Steps that speak about the enterprise itself. The article functions evaluate a purchase; asked about the
 * enterprise alone (a registered Shenzhen centre, a filed vendor, a compute service, no spend yet) their steps about
 * the seller, the spend and the amount say nothing the applicant can act on, so they are left out.
 */
const ENTERPRISE_STEPS = new Set([
  'in_force',
  'legal_status',
  'sme_classified',
  'sme_proof',
  'years_limit',
  'rent_tier',
]);
const ENTERPRISE_CONDITIONS = new Set(['registered_in_nanshan', 'activity_eligible']);

function enterpriseSteps(trace: readonly TraceStep[]): TraceStep[] {
  return plainTrace(
    trace.filter(
      (s) =>
        ENTERPRISE_STEPS.has(s.code) ||
        (s.code === 'condition' && ENTERPRISE_CONDITIONS.has(String(s.args.condition))),
    ),
  );
}

type SmeProof = 'tech_sme_registry' | 'classification';

export interface ArticleEligibility {
  article: MarketArticle | 'art10';
  /** Whether a purchase under the article gets support now (staff verification included for Arts. 6 and 9). */
  eligible: boolean;
  /** Rules reason codes (REASON_TEXTS), plus `enterprise_not_verified` and `not_a_tenant` from the platform. */
  reasons: string[];
  trace: TraceStep[];
}

/**
 * What the rules package says about the enterprise on today's Shenzhen date: its SME classification (and which
 * proof Art. 6 relies on), and for each article the market uses whether it qualifies, why not, and the year's cap.
 * Reads only.
 */
export async function enterpriseEligibility(db: DbOrTx, enterprise: EnterpriseRow, now: Date) {
  const date = shenzhenDate(now);
  const year = shenzhenYear(now);
  const applicant = applicantOf(enterprise);
  const verified = enterprise.verifiedAt !== null;
  const overrides = await loadPolicyOverrides(db);
  const usage = await db
    .select()
    .from(schema.subsidyUsage)
    .where(and(eq(schema.subsidyUsage.enterpriseId, enterprise.id), eq(schema.subsidyUsage.year, year)));
  const capOf = (article: MarketArticle) => {
    const row = usage.find((u) => u.article === article);
    const capFen = row?.capFen ?? annualCapFen(article, date);
    const grantedFen = row?.grantedFen ?? 0;
    const reservedFen = row?.reservedFen ?? 0;
    return { capFen, grantedFen, reservedFen, leftFen: Math.max(0, capFen - grantedFen - reservedFen) };
  };
  const withVerification = (eligible: boolean, reasons: readonly string[]) => ({
    eligible: eligible && verified,
    reasons: verified ? [...reasons] : [...reasons, 'enterprise_not_verified'],
  });

  const industry = enterprise.industry as SmeIndustry;
  const sme = classifySme({
    industry,
    employees: enterprise.employees,
    revenueFen: enterprise.revenueFen,
    assetsFen: enterprise.assetsFen,
  });

  // Art. 6 — as for a compute service bought from a registered centre in Shenzhen, before any spend.
  const art6Cap = capOf('art6');
  const art6 = quoteArt6({
    date,
    applicant,
    activity: enterprise.aiActivity as 'llm_training' | 'genai_application' | 'other',
    provider: { inShenzhen: true, registered: true },
    relatedParty: false,
    serviceKind: 'compute',
    spendFen: 0,
    grantedThisYearFen: art6Cap.grantedFen + art6Cap.reservedFen,
    overrides,
  });
  const proof: SmeProof = enterprise.techSmeRegistered ? 'tech_sme_registry' : 'classification';
  const proofStep = art6.trace.filter((s) => s.code === 'sme_proof');

  // Art. 9 — as for AI services bought from a filed cloud vendor, before any spend.
  const art9Cap = capOf('art9');
  const art9Years = await consecutiveYearsFunded(db, enterprise.id, 'art9', year);
  const art9 = aiServicesSupport({
    date,
    applicant,
    vendorFiled: true,
    proposedFen: 0,
    grantedThisYearFen: art9Cap.grantedFen + art9Cap.reservedFen,
    consecutiveYearsFunded: art9Years,
    field: art9FieldOf(enterprise),
    serviceSpendFen: 0,
    overrides,
  });

  // Art. 10 — the incubator's compute pool is open to tenants; the month's rent tier is shown with it.
  const tenancy = await activeTenancy(db, enterprise.id, date);
  const rent = tenancy ? tenancyRent(enterprise, tenancy.tenancy, date, overrides) : undefined;

  const row = SME_TABLE.find((r) => r.industry === industry);
  return {
    date,
    year,
    verified,
    classification: {
      industry,
      industryZh: row?.nameZh ?? '',
      clause: row?.clause ?? '',
      size: sme.size,
      /** Small, medium or micro by the 2011 table (工信部联企业〔2011〕300号). */
      isSmeByTable: sme.isSme,
      techSmeRegistered: enterprise.techSmeRegistered,
      /** The proof Art. 6 relies on: the 科技型中小企业 registry first, else the classification table. */
      proof,
      qualifiesAsSme: enterprise.techSmeRegistered || sme.isSme,
      trace: plainTrace([...sme.trace, ...proofStep]),
    },
    articles: [
      {
        article: 'art6' as const,
        ...withVerification(art6.eligible, art6.reasons),
        trace: enterpriseSteps(art6.trace),
        cap: art6Cap,
      },
      {
        article: 'art9' as const,
        ...withVerification(art9.eligible, art9.reasons),
        trace: enterpriseSteps(art9.trace),
        cap: art9Cap,
        consecutiveYearsFunded: art9Years,
      },
      {
        article: 'art10' as const,
        // Pool purchases are priced by the pool, not subsidised, so they do not wait for verification.
        eligible: rent ? rent.eligible : false,
        reasons: rent ? [...rent.reasons] : ['not_a_tenant'],
        trace: rent ? enterpriseSteps(rent.trace) : [],
        tenancy: tenancy
          ? {
              spaceName: tenancy.space.name,
              unit: tenancy.tenancy.unit,
              startDate: tenancy.tenancy.startDate,
              endDate: tenancy.tenancy.endDate,
              month: rent?.month ?? 0,
              payBps: rent?.payBps ?? 10_000,
              marketRentFen: tenancy.tenancy.baseMonthlyRentFen,
              rentDueFen: rent?.rentDueFen ?? tenancy.tenancy.baseMonthlyRentFen,
            }
          : null,
      },
    ] as const,
  };
}

export type EnterpriseEligibility = Awaited<ReturnType<typeof enterpriseEligibility>>;
