import { domainError } from '../../errors';
import type { GrantArticle } from './facts';

/**
 * Articles whose award belongs to the enterprise itself rather than to a project: Art. 11 (once per recognised
 * team) and Art. 12 (revenue tiers, paid by 晋级补差). Their key is the enterprise and the article.
 */
const ENTERPRISE_LEVEL: ReadonlySet<GrantArticle> = new Set(['art11', 'art12']);

/**
 * A contract, invoice, project or event number reduced to what identifies it: full-width forms folded (NFKC),
 * upper case, and only letters, digits and Chinese characters kept — so "HT-2025/001", "ht 2025 001" and
 * "ＨＴ２０２５００１" are one number.
 */
export function normaliseReference(reference: string): string {
  return reference
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z\p{Script=Han}]/gu, '');
}

/**
 * The duplicate key of Art. 4 (per-project cap) and Art. 15 (从高不重复): the enterprise's 统一社会信用代码 and the
 * normalised number the applicant gives (DOMAIN-NOTES: "(统一社会信用代码, contract or invoice number, …)"). It does
 * not contain the article, so the same project applied for under two articles collides — which is the point.
 */
export function projectKeyOf(uscc: string, article: GrantArticle, reference: string): string {
  if (ENTERPRISE_LEVEL.has(article)) return `${uscc}:${article}`;
  const normalised = normaliseReference(reference);
  if (normalised.length === 0) throw domainError('project_reference_required');
  return `${uscc}:${normalised}`;
}
