import type { GrantArticle } from '@nanshan/api/grant-facts';
import { zhCN } from '../../i18n/zh-CN';
import type { GrantEvidenceInput } from '../../lib/api-types';

export type EvidenceKind = GrantEvidenceInput['kind'];

/** The API's evidence kinds, in the order the labels list them (every kind must have a label: checked here). */
const LABELS: Record<EvidenceKind, string> = zhCN.grants.evidence.kinds;
export const EVIDENCE_KINDS = Object.keys(LABELS) as EvidenceKind[];

/** What a reviewer expects first under each article (DOMAIN-NOTES), preselected in the upload. */
export const USUAL_EVIDENCE: Record<GrantArticle, EvidenceKind> = {
  art5: 'recognition_notice',
  art6: 'invoice',
  art7: 'city_grant_notice',
  art8: 'city_grant_notice',
  art9: 'contract',
  art11: 'recognition_notice',
  art12: 'financial_statement',
  art13: 'financing_document',
  art14: 'recognition_notice',
};
