import { Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CapMeter, DateTime, Money, type OrderStatus, QueryState, StatusBadge } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchState } from '../../lib/use-search-state';
import { DownloadButton } from '../common/DownloadButton';
import { useArticleLabel } from '../common/use-article-label';

const ORDER_STATUSES: readonly OrderStatus[] = [
  'awaiting_payment',
  'paid',
  'cancelled',
  'expired',
  'failed',
  'refunded',
];

function asOrderStatus(value: string): OrderStatus | null {
  return ORDER_STATUSES.find((s) => s === value) ?? null;
}

/** An enterprise's year as staff see it: caps per article, subsidies by article and month, orders, the statement file. */
export function EnterpriseStatement({ years }: { years: number[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const articleLabel = useArticleLabel();
  const [params, update] = useSearchState();
  const enterpriseId = params.get('enterprise');
  const asked = Number(params.get('statementYear'));
  const year = years.includes(asked) ? asked : (years[0] ?? 2026);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const candidates = useQuery(
    trpc.admin.enterprises.list.queryOptions(
      { page: 1, pageSize: 20, ...(debounced ? { search: debounced } : {}) },
      { placeholderData: keepPreviousData },
    ),
  );
  const statement = useQuery(
    trpc.admin.reports.enterpriseStatement.queryOptions(
      { enterpriseId: enterpriseId ?? '', year },
      { enabled: Boolean(enterpriseId), placeholderData: keepPreviousData },
    ),
  );
  const options = (candidates.data?.items ?? []).map((e) => ({
    value: e.id,
    label: `${e.name} (${e.uscc})`,
  }));
  if (enterpriseId && statement.data && !options.some((o) => o.value === enterpriseId)) {
    options.unshift({
      value: enterpriseId,
      label: `${statement.data.enterprise.name} (${statement.data.enterprise.uscc})`,
    });
  }
  const download = (format: 'csv' | 'xlsx') => async () => {
    const result = await queryClient.fetchQuery({
      ...trpc.admin.reports.enterpriseStatement.queryOptions({
        enterpriseId: enterpriseId ?? '',
        year,
        format,
      }),
      staleTime: 0,
    });
    if (!result.file) throw new Error('no file');
    return result.file;
  };

  return (
    <Card data-testid="enterprise-statement">
      <Stack>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3}>{t('reports.statement.title')}</Title>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t('reports.statement.enterprise')}
              placeholder={t('enterprises.searchPlaceholder')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: o }) => o}
              data={options}
              value={enterpriseId}
              onChange={(v) => update({ enterprise: v })}
              nothingFoundMessage={t('enterprises.empty')}
              w={{ base: '100%', sm: 340 }}
              data-testid="statement-enterprise"
            />
            <Select
              label={t('fund.year')}
              data={years.map(String)}
              value={String(year)}
              onChange={(v) => update({ statementYear: v })}
              allowDeselect={false}
              w={110}
              data-testid="statement-year"
            />
            <DownloadButton
              fetchFile={download('csv')}
              disabled={!enterpriseId}
              data-testid="statement-download-csv"
            >
              {t('common.downloadCsv')}
            </DownloadButton>
            <DownloadButton
              fetchFile={download('xlsx')}
              disabled={!enterpriseId}
              data-testid="statement-download-xlsx"
            >
              {t('common.downloadXlsx')}
            </DownloadButton>
          </Group>
        </Group>
        {!enterpriseId ? (
          <Text c="dimmed" size="sm" data-testid="statement-pick">
            {t('reports.statement.pick')}
          </Text>
        ) : (
          <QueryState query={statement} skeletonRows={6}>
            {(s) => (
              <Stack gap="md" style={{ opacity: statement.isPlaceholderData ? 0.6 : 1 }}>
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  {s.caps.map((c) => (
                    <CapMeter
                      key={c.article}
                      title={articleLabel(c.article)}
                      capFen={c.capFen}
                      grantedFen={c.grantedFen}
                      reservedFen={c.reservedFen}
                      leftFen={c.leftFen}
                      testIdPrefix={`statement-cap-${c.article}`}
                    />
                  ))}
                </SimpleGrid>
                <Group gap="xl">
                  <Text size="sm">
                    {t('reports.columns.granted')} <Money fen={s.totals.grantedFen} fw={600} />
                  </Text>
                  <Text size="sm">
                    {t('reports.columns.reversed')} <Money fen={s.totals.reversedFen} fw={600} />
                  </Text>
                  <Text size="sm">
                    {t('reports.columns.net')}{' '}
                    <Money fen={s.totals.netFen} fw={700} data-testid="statement-net" />
                  </Text>
                </Group>
                <Table.ScrollContainer minWidth={900}>
                  <Table striped data-testid="statement-orders">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('orders.columns.createdAt')}</Table.Th>
                        <Table.Th>{t('orders.columns.offering')}</Table.Th>
                        <Table.Th>{t('orders.columns.article')}</Table.Th>
                        <Table.Th ta="right">{t('orders.columns.listPrice')}</Table.Th>
                        <Table.Th ta="right">{t('orders.columns.subsidy')}</Table.Th>
                        <Table.Th ta="right">{t('orders.columns.payable')}</Table.Th>
                        <Table.Th>{t('orders.columns.status')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {s.orders.length === 0 ? (
                        <Table.Tr>
                          <Table.Td colSpan={7}>
                            <Text c="dimmed" size="sm" ta="center">
                              {t('orders.empty')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ) : (
                        s.orders.map((o) => {
                          const status = asOrderStatus(o.status);
                          return (
                            <Table.Tr key={o.id} data-testid="statement-order">
                              <Table.Td>
                                <DateTime value={o.createdAt} size="sm" />
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm">{o.offeringTitle}</Text>
                                <Text size="xs" c="dimmed">
                                  {o.providerName}
                                </Text>
                              </Table.Td>
                              <Table.Td>
                                <Text size="xs">{articleLabel(o.article)}</Text>
                              </Table.Td>
                              <Table.Td ta="right">
                                <Money fen={o.listPriceFen} size="sm" />
                              </Table.Td>
                              <Table.Td ta="right">
                                <Money fen={o.subsidyFen} size="sm" c="teal.8" />
                              </Table.Td>
                              <Table.Td ta="right">
                                <Money fen={o.payableFen} size="sm" />
                              </Table.Td>
                              <Table.Td>
                                {status ? <StatusBadge status={status} size="sm" /> : o.status}
                              </Table.Td>
                            </Table.Tr>
                          );
                        })
                      )}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            )}
          </QueryState>
        )}
      </Stack>
    </Card>
  );
}
