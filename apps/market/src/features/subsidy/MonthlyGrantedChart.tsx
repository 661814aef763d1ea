import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { formatFen, QueryState, useLanguage } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

const SERIES_COLORS = { art6: 'nanshan.6', art9: 'teal.6' } as const;

/**
 * Subsidy granted per month of a year, stacked by article. Bar heights are integer fen from the server; axis ticks
 * are positions chosen by the chart, shown as whole yuan, and never used as amounts.
 */
export function MonthlyGrantedChart({ year }: { year: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const monthly = useQuery(trpc.subsidy.monthly.queryOptions({ year }));
  const tick = (value: number) =>
    Number.isFinite(value)
      ? new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN', { notation: 'compact' }).format(
          Math.trunc(value / 100),
        )
      : '';
  return (
    <Card data-testid="monthly-chart-card">
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('subsidy.monthlyTitle', { year })}</Title>
          <Text size="xs" c="dimmed">
            {t('subsidy.monthlyNote')}
          </Text>
        </div>
        <QueryState
          query={monthly}
          isEmpty={(d) => d.points.every((p) => p.grantedFen === 0)}
          empty={
            <Text c="dimmed" size="sm" ta="center" py="xl" data-testid="monthly-chart-empty">
              {t('subsidy.monthlyEmpty', { year })}
            </Text>
          }
          skeletonRows={5}
        >
          {(data) => (
            <BarChart
              h={240}
              data-testid="monthly-chart"
              data={data.points.map((p) => ({
                month: t('subsidy.month', { month: p.month }),
                art6: p.byArticle.art6,
                art9: p.byArticle.art9,
              }))}
              dataKey="month"
              type="stacked"
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              valueFormatter={(fen) => (Number.isSafeInteger(fen) ? formatFen(fen, language) : tick(fen))}
              yAxisProps={{ tickFormatter: tick, width: 56 }}
              yAxisLabel={t('subsidy.axisYuan')}
              series={[
                { name: 'art6', label: t('subsidy.series.art6'), color: SERIES_COLORS.art6 },
                { name: 'art9', label: t('subsidy.series.art9'), color: SERIES_COLORS.art9 },
              ]}
            />
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
