import { Card, Stack, Text } from '@mantine/core';
import { CapMeter, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asMarketArticle } from './articles';

/** The enterprise's annual caps for a year, one meter per article: used (paid), reserved (awaiting payment), left. */
export function SubsidyCapCard({ year }: { year?: number }) {
  const { t } = useTranslation();
  const summary = useQuery(trpc.subsidy.summary.queryOptions(year === undefined ? undefined : { year }));
  return (
    <Card data-testid="subsidy-cap-card">
      <QueryState query={summary}>
        {(data) => (
          <Stack gap="lg">
            {data.articles.map((a) => {
              const article = asMarketArticle(a.article);
              if (!article) return null;
              return (
                <Stack gap="sm" key={article} data-article={article}>
                  <CapMeter
                    title={t(`article.${article}.capTitle`, { year: data.year })}
                    capFen={a.capFen}
                    grantedFen={a.grantedFen}
                    reservedFen={a.reservedFen}
                    leftFen={a.leftFen}
                    // Art. 6 keeps the plain `cap-*` ids the end-to-end test reads; others are prefixed.
                    testIdPrefix={article === 'art6' ? 'cap' : `cap-${article}`}
                  />
                  <Text size="xs" c="dimmed">
                    {t(`article.${article}.capNote`)}
                  </Text>
                </Stack>
              );
            })}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
