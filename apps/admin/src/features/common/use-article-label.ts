import { useTranslation } from 'react-i18next';

export const ARTICLES = [
  'art5',
  'art6',
  'art7',
  'art8',
  'art9',
  'art10',
  'art11',
  'art12',
  'art13',
  'art14',
] as const;
export type ArticleCode = (typeof ARTICLES)[number];

export function isArticle(value: string | null | undefined): value is ArticleCode {
  return (ARTICLES as readonly (string | null | undefined)[]).includes(value);
}

/** "第六条 算力券" / "Art. 6 compute vouchers" for an article code; "—" when there is none. */
export function useArticleLabel(): (article: string | null | undefined) => string {
  const { t } = useTranslation();
  return (article) => (isArticle(article) ? t(`articles.${article}`) : (article ?? '—'));
}
