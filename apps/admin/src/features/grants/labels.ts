import type { GrantArticle } from '../../lib/api-types';

export const GRANT_ARTICLES: readonly GrantArticle[] = [
  'art5',
  'art6',
  'art7',
  'art8',
  'art9',
  'art11',
  'art12',
  'art13',
  'art14',
];

export { GRANT_STATUS_COLORS } from '@nanshan/ui';
