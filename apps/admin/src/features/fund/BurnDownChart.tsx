import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Alert, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatFen, Money, QueryState, useLanguage } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { axisLabel, burnDownRows } from './burn-down-data';

type Window = 'last30Days' | 'last90Days';

/** Art. 2 burn-down: budget, used and left over the year, and the day the fund runs out at the recent rate. */
export function BurnDownChart({ year }: { year: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [granularity, setGranularity] = useState<'day' | 'week'>('week');
  const [window, setWindow] = useState<Window>('last30Days');
  const burnDown = useQuery(
    trpc.admin.fund.burnDown.queryOptions({ year, granularity }, { placeholderData: keepPreviousData }),
  );

  return (
    <Card data-testid="burn-down">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>{t('fund.burnDown.title')}</Title>
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              value={granularity}
              onChange={(v) => setGranularity(v === 'day' ? 'day' : 'week')}
              data={[
                { value: 'day', label: t('fund.burnDown.day') },
                { value: 'week', label: t('fund.burnDown.week') },
              ]}
              data-testid="burn-down-granularity"
            />
            <SegmentedControl
              size="xs"
              value={window}
              onChange={(v) => setWindow(v === 'last90Days' ? 'last90Days' : 'last30Days')}
              data={[
                { value: 'last30Days', label: t('fund.burnDown.window30') },
                { value: 'last90Days', label: t('fund.burnDown.window90') },
              ]}
              data-testid="burn-down-window"
            />
          </Group>
        </Group>
        <QueryState query={burnDown} skeletonRows={6}>
          {(data) => {
            const runOut = data.forecast?.[window] ?? null;
            const rows = burnDownRows({
              points: data.points,
              year: data.year,
              granularity: data.granularity,
              runsOutOn: runOut?.runsOutOn ?? null,
            });
            return (
              <Stack gap="md" style={{ opacity: burnDown.isPlaceholderData ? 0.6 : 1 }}>
                {data.points.length === 0 ? (
                  <Text c="dimmed" ta="center" py="xl" data-testid="burn-down-empty">
                    {t('fund.burnDown.empty')}
                  </Text>
                ) : (
                  <LineChart
                    h={320}
                    data={rows}
                    dataKey="date"
                    withDots={false}
                    curveType="linear"
                    connectNulls
                    series={[
                      { name: 'budget', label: t('fund.budget'), color: 'gray.6' },
                      { name: 'used', label: t('fund.burnDown.used'), color: 'orange.6' },
                      { name: 'left', label: t('fund.left'), color: 'teal.6' },
                      {
                        name: 'forecast',
                        label: t('fund.burnDown.forecastLine'),
                        color: 'red.6',
                        strokeDasharray: '6 4',
                      },
                    ]}
                    referenceLines={
                      runOut?.runsOutOn && rows.some((r) => r.date === runOut.runsOutOn)
                        ? [
                            {
                              x: runOut.runsOutOn,
                              color: 'red.6',
                              label: t('fund.burnDown.runsOut'),
                              labelPosition: 'insideTopLeft',
                            },
                          ]
                        : []
                    }
                    valueFormatter={(v) => formatFen(Math.trunc(v), language)}
                    yAxisProps={{
                      tickFormatter: (v: number) => axisLabel(Math.trunc(v), language),
                      width: 80,
                    }}
                    xAxisProps={{ minTickGap: 24 }}
                    withLegend
                    legendProps={{ verticalAlign: 'bottom' }}
                    data-testid="burn-down-chart"
                  />
                )}
                {data.forecast ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="burn-down-forecast">
                    {(['last30Days', 'last90Days'] as const).map((w) => {
                      const f = data.forecast?.[w];
                      if (!f) return null;
                      return (
                        <Alert
                          key={w}
                          variant={w === window ? 'light' : 'outline'}
                          color={f.runsOutOn && f.runsOutOn <= `${data.year}-12-31` ? 'red' : 'teal'}
                          title={t(w === 'last30Days' ? 'fund.burnDown.window30' : 'fund.burnDown.window90')}
                          data-testid={`forecast-${w}`}
                        >
                          <Text size="sm">
                            {t('fund.burnDown.rate')} <Money fen={f.averageDailyUseFen} fw={600} />
                          </Text>
                          <Text size="sm" data-testid={`forecast-${w}-date`} data-date={f.runsOutOn ?? ''}>
                            {f.runsOutOn
                              ? t('fund.burnDown.runsOutOn', { date: f.runsOutOn })
                              : f.lastsBeyondHorizon
                                ? t('fund.burnDown.beyondHorizon')
                                : t('fund.burnDown.notUsed')}
                          </Text>
                        </Alert>
                      );
                    })}
                  </SimpleGrid>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('fund.burnDown.noForecast')}
                  </Text>
                )}
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
    </Card>
  );
}
