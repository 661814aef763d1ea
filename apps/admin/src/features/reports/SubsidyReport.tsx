import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { formatFen, Money, QueryState, useLanguage } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SubsidyReport as Report, ReportGroupBy } from '../../lib/api-types';
import { oneOf, useSearchState } from '../../lib/use-search-state';
import { DownloadButton } from '../common/DownloadButton';
import { useArticleLabel } from '../common/use-article-label';
import { axisLabel } from '../fund/burn-down-data';

export const GROUPS: readonly ReportGroupBy[] = ['article', 'month', 'provider', 'enterprise'];
/** Providers and enterprises can be many: the chart shows the largest, the table all. */
const CHART_ROWS = 15;

function useRowLabel(groupBy: ReportGroupBy) {
  const articleLabel = useArticleLabel();
  const language = useLanguage();
  return (row: Report['rows'][number]) => {
    if (groupBy === 'article') return articleLabel(row.key);
    if (groupBy === 'month') {
      const [y, m] = row.key.split('-');
      return language === 'en' ? `${y}-${m}` : `${y}年${Number(m)}月`;
    }
    return row.label;
  };
}

/** Subsidies of a fund year from the ledger, grouped by article, month, provider or enterprise; chart, table, export. */
export function SubsidyReport({ years }: { years: number[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [params, update] = useSearchState();
  const groupBy = oneOf(GROUPS, params.get('groupBy')) ?? 'article';
  const asked = Number(params.get('year'));
  const year = years.includes(asked) ? asked : years[0];
  const report = useQuery(
    trpc.admin.reports.subsidies.queryOptions(
      { year: year ?? 2026, groupBy },
      { enabled: year !== undefined, placeholderData: keepPreviousData },
    ),
  );
  const rowLabel = useRowLabel(groupBy);
  const exportAs = (format: 'csv' | 'xlsx') => () =>
    queryClient.fetchQuery({
      ...trpc.admin.reports.export.queryOptions({ year: year ?? 2026, groupBy, format }),
      staleTime: 0,
    });

  return (
    <Card data-testid="subsidy-report">
      <Stack>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3}>{t('reports.subsidies')}</Title>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t('fund.year')}
              data={years.map(String)}
              value={year ? String(year) : null}
              onChange={(v) => update({ year: v })}
              allowDeselect={false}
              w={110}
              data-testid="report-year"
            />
            <SegmentedControl
              value={groupBy}
              onChange={(v) => update({ groupBy: v })}
              data={GROUPS.map((g) => ({ value: g, label: t(`reports.groupBy.${g}`) }))}
              data-testid="report-group-by"
            />
            <DownloadButton fetchFile={exportAs('csv')} data-testid="report-export-csv">
              {t('common.downloadCsv')}
            </DownloadButton>
            <DownloadButton fetchFile={exportAs('xlsx')} data-testid="report-export-xlsx">
              {t('common.downloadXlsx')}
            </DownloadButton>
          </Group>
        </Group>
        <QueryState query={report} skeletonRows={6}>
          {(data) => (
            <Stack gap="md" style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
              {data.rows.length === 0 || data.totals.orders === 0 ? (
                <Text c="dimmed" ta="center" py="lg" data-testid="report-empty">
                  {t('reports.empty')}
                </Text>
              ) : (
                <BarChart
                  h={300}
                  data={data.rows.slice(0, groupBy === 'month' ? 12 : CHART_ROWS).map((r) => ({
                    label: rowLabel(r),
                    net: r.netFen,
                    reversed: r.reversedFen,
                  }))}
                  dataKey="label"
                  series={[
                    { name: 'net', label: t('reports.columns.net'), color: 'nanshan.6' },
                    { name: 'reversed', label: t('reports.columns.reversed'), color: 'red.4' },
                  ]}
                  valueFormatter={(v) => formatFen(Math.trunc(v), language)}
                  yAxisProps={{ tickFormatter: (v: number) => axisLabel(Math.trunc(v), language), width: 80 }}
                  xAxisProps={{
                    interval: 0,
                    angle: groupBy === 'month' ? 0 : -20,
                    textAnchor: groupBy === 'month' ? 'middle' : 'end',
                    height: groupBy === 'month' ? 30 : 70,
                  }}
                  withLegend
                  data-testid="report-chart"
                />
              )}
              <Table.ScrollContainer minWidth={720}>
                <Table striped data-testid="report-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t(`reports.groupBy.${groupBy}`)}</Table.Th>
                      <Table.Th ta="right">{t('reports.columns.orders')}</Table.Th>
                      <Table.Th ta="right">{t('reports.columns.refunded')}</Table.Th>
                      <Table.Th ta="right">{t('reports.columns.granted')}</Table.Th>
                      <Table.Th ta="right">{t('reports.columns.reversed')}</Table.Th>
                      <Table.Th ta="right">{t('reports.columns.net')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.rows.map((r) => (
                      <Table.Tr key={r.key} data-testid="report-row" data-key={r.key}>
                        <Table.Td>
                          <Text size="sm">{rowLabel(r)}</Text>
                        </Table.Td>
                        <Table.Td ta="right">{r.orders}</Table.Td>
                        <Table.Td ta="right">{r.refundedOrders}</Table.Td>
                        <Table.Td ta="right">
                          <Money fen={r.grantedFen} size="sm" />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Money fen={r.reversedFen} size="sm" />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Money fen={r.netFen} size="sm" fw={600} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr data-testid="report-totals">
                      <Table.Th>{t('reports.total')}</Table.Th>
                      <Table.Th ta="right">{data.totals.orders}</Table.Th>
                      <Table.Th ta="right">{data.totals.refundedOrders}</Table.Th>
                      <Table.Th ta="right">
                        <Money fen={data.totals.grantedFen} size="sm" />
                      </Table.Th>
                      <Table.Th ta="right">
                        <Money fen={data.totals.reversedFen} size="sm" />
                      </Table.Th>
                      <Table.Th ta="right">
                        <Money fen={data.totals.netFen} size="sm" fw={700} data-testid="report-total-net" />
                      </Table.Th>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
