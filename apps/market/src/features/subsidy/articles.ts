import { useTranslation } from 'react-i18next';

/** The articles the market subsidises at checkout (Art. 6 compute, Art. 9 AI services, Art. 10 incubator pool). */
export type MarketArticle = 'art6' | 'art9' | 'art10';

export function asMarketArticle(value: string | null | undefined): MarketArticle | null {
  return value === 'art6' || value === 'art9' || value === 'art10' ? value : null;
}

/** "算力券补贴（第六条）" for an order or quote's article; a plain "补贴" when it has none. */
export function useSubsidyLabel(): (article: string | null | undefined) => string {
  const { t } = useTranslation();
  return (article) => {
    const known = asMarketArticle(article);
    return known ? t(`article.${known}.subsidy`) : t('article.other.subsidy');
  };
}
