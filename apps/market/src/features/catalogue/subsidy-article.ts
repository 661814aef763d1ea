import type { Offering } from '../../lib/api-types';
import type { MarketArticle } from '../subsidy/articles';

/**
 * Which article's subsidy can apply to an offering at all, as a hint in the catalogue: AI services from a cloud
 * vendor filed with the district (Art. 9), or intelligent compute from a computing platform (Art. 6; storage,
 * network and security services do not qualify). Whether this enterprise gets it, and how much, comes only from
 * the server's quote.
 */
export function subsidyArticleOf(
  offering: Pick<Offering, 'providerKind' | 'serviceKind'>,
): MarketArticle | null {
  if (offering.providerKind === 'cloud_vendor') return 'art9';
  return offering.serviceKind === 'compute' ? 'art6' : null;
}
