/**
 * 第三条 本措施适用于注册登记在南山区，且具备独立法人资格的人工智能企业、机构（以下合称企业）；注册登记在南山区且
 * 按国家统计局相关规定可视同法人单位的主体。
 * 第四条（一） 按国家统计局相关规定可视同法人单位的主体不受……“独立法人”资格条件限制。
 *
 * Art. 3: AI enterprises and institutions registered in Nanshan with independent legal-person status, and entities
 * registered in Nanshan that NBS rules treat as legal-person units. Art. 4 (1): the latter are exempt from the
 * independent-legal-person condition. Registration in Nanshan is required of both.
 */
import { condition, type Evaluation } from '../evaluation';
import type { Fen } from '../money';
import { sharedStep, type TraceStep } from '../trace';
import type { SmeIndustry } from './sme-classification';

const REGISTERED_IN_NANSHAN = condition('registered_in_nanshan', 'not_in_nanshan');

export type LegalStatus = 'independent' | 'nbs_equivalent' | 'none';

export const LEGAL_STATUSES: readonly LegalStatus[] = ['independent', 'nbs_equivalent', 'none'];

export interface Applicant {
  registeredInNanshan: boolean;
  legalStatus: LegalStatus;
  /** Declared (and verified by staff) as a small or medium enterprise; used for Art. 6 when no `sme` facts. */
  isSme?: boolean;
  /** Listed in the national 科技型中小企业 registry (国科发政〔2017〕115号). */
  techSmeRegistered?: boolean;
  /** Facts for classification under the 2011 SME standard. */
  sme?: { industry: SmeIndustry; employees: number; revenueFen: Fen; assetsFen: Fen };
}

const LEGAL_STATUS_STEPS: Readonly<Record<LegalStatus, TraceStep>> = {
  independent: sharedStep('legal_status', '第三条', { status: 'independent', ok: true }),
  nbs_equivalent: sharedStep('legal_status', '第四条', { status: 'nbs_equivalent', ok: true }),
  none: sharedStep('legal_status', '第三条', { status: 'none', ok: false }),
};

/** Arts. 3 and 4: who may apply at all. Any legal status other than the two Art. 3 names fails. */
export function checkApplicant(applicant: Applicant, evaluation: Evaluation): void {
  evaluation.check(REGISTERED_IN_NANSHAN, applicant.registeredInNanshan === true);
  const status = applicant.legalStatus;
  const ok = status === 'independent' || status === 'nbs_equivalent';
  evaluation.trace.push(LEGAL_STATUS_STEPS[ok ? status : 'none']);
  if (!ok) evaluation.fail('no_legal_status');
}
