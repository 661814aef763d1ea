import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { downloadBase64File, ErrorNotice, Money, QueryState } from '@nanshan/ui';
import { queryClient, trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderRevenue } from '../../lib/api-types';

// The chart library loads with this card, not with the app.
const RevenueChart = lazy(() => import('./RevenueChart').then((m) => ({ default: m.RevenueChart })));

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700} component="div">
        {children}
      </Text>
    </Stack>
  );
}

/**
 * What the provider's paid orders brought in this year: revenue paid by buyers and the subsidy on them, per month
 * (chart and table, integer fen from the server); where the district stands with the provider (from the ledger); and
 * a month's statement as CSV.
 */
export function RevenueCard() {
  const { t } = useTranslation();
  const summary = useQuery(trpc.providerOrders.summary.queryOptions());
  return (
    <Card data-testid="provider-revenue">
      <QueryState query={summary} skeletonRows={6}>
        {(data) => (
          <Stack gap="md">
            <div>
              <Title order={3}>{t('providerDashboard.revenueTitle', { year: data.year })}</Title>
              <Text size="xs" c="dimmed">
                {t('providerDashboard.ordersNote')}
              </Text>
            </div>
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
              <Figure label={t('providerDashboard.yearRevenue')}>
                <Money fen={data.yearTotals.revenuePaidFen} data-testid="provider-year-revenue" />
              </Figure>
              <Figure label={t('providerDashboard.yearOrderSubsidy')}>
                <Money fen={data.yearTotals.subsidyFen} c="teal.8" data-testid="provider-year-subsidy" />
              </Figure>
              <Figure label={t('providerDashboard.yearOrders')}>
                {data.yearTotals.orders.toLocaleString()}
              </Figure>
            </SimpleGrid>
            <DistrictSettlement settlement={data.settlement} />
            {data.yearTotals.orders === 0 ? (
              <Text size="sm" c="dimmed" ta="center" py="md" data-testid="provider-revenue-empty">
                {t('providerDashboard.revenueEmpty', { year: data.year })}
              </Text>
            ) : (
              <>
                <Suspense fallback={<div style={{ height: 220 }} aria-busy="true" />}>
                  <RevenueChart months={data.months} />
                </Suspense>
                <Table.ScrollContainer minWidth={560}>
                  <Table data-testid="provider-revenue-table" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('providerDashboard.month')}</Table.Th>
                        <Table.Th ta="right">{t('providerDashboard.orders')}</Table.Th>
                        <Table.Th ta="right">{t('providerDashboard.listTotal')}</Table.Th>
                        <Table.Th ta="right">{t('providerDashboard.revenuePaid')}</Table.Th>
                        <Table.Th ta="right">{t('providerDashboard.orderSubsidy')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.months
                        .filter((m) => m.orders > 0)
                        .map((m) => (
                          <Table.Tr key={m.month} data-testid="provider-revenue-row" data-month={m.month}>
                            <Table.Td>{m.month}</Table.Td>
                            <Table.Td ta="right">{m.orders}</Table.Td>
                            <Table.Td ta="right">
                              <Money fen={m.listFen} />
                            </Table.Td>
                            <Table.Td ta="right">
                              <Money fen={m.revenuePaidFen} />
                            </Table.Td>
                            <Table.Td ta="right">
                              <Money fen={m.subsidyFen} c="teal.8" />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
            <MonthlyStatement year={data.year} months={data.months.map((m) => m.month)} />
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

/** What the district owes the provider now, paid and owed back, from the ledger (integer fen from the server). */
function DistrictSettlement({ settlement }: { settlement: ProviderRevenue['settlement'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="provider-settlement">
      <div>
        <Text fw={600}>{t('providerDashboard.districtSettlement.title')}</Text>
        <Text size="xs" c="dimmed">
          {t('providerDashboard.districtSettlement.note')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Figure label={t('providerDashboard.districtSettlement.due')}>
          <Money fen={settlement.dueFen} c="teal.8" data-testid="provider-settlement-due" />
        </Figure>
        <Figure label={t('providerDashboard.districtSettlement.awaitingDelivery')}>
          <Money fen={settlement.awaitingDeliveryFen} c="dimmed" data-testid="provider-settlement-awaiting" />
        </Figure>
        <Figure label={t('providerDashboard.districtSettlement.paidOut')}>
          <Money fen={settlement.paidOutFen} data-testid="provider-settlement-paid-out" />
        </Figure>
        <Figure label={t('providerDashboard.districtSettlement.clawback')}>
          <Money
            fen={settlement.clawbackFen}
            c={settlement.clawbackFen < 0 ? 'red.7' : undefined}
            data-testid="provider-settlement-clawback"
          />
        </Figure>
      </SimpleGrid>
    </Stack>
  );
}

function MonthlyStatement({ year, months }: { year: number; months: string[] }) {
  const { t } = useTranslation();
  // Default: this month when the year shown is this year, else the year's last month.
  const [month, setMonth] = useState(() => {
    const now = new Date();
    const current = `${year}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    return months.includes(current) ? current : (months.at(-1) ?? `${year}-12`);
  });
  const download = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery({ ...trpc.providerOrders.statementCsv.queryOptions({ month }), staleTime: 0 }),
    onSuccess: (file) => {
      downloadBase64File(file);
      notifications.show({ color: 'teal', message: t('statements.downloaded', { filename: file.filename }) });
    },
  });
  return (
    <Stack gap="xs" data-testid="provider-statement">
      <Text fw={600}>{t('providerDashboard.statementTitle')}</Text>
      <Text size="xs" c="dimmed">
        {t('providerDashboard.statementNote')}
      </Text>
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t('providerDashboard.statementMonth')}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          data={months}
          data-testid="provider-statement-month"
        />
        <Button
          variant="light"
          loading={download.isPending}
          onClick={() => download.mutate()}
          data-testid="provider-statement-csv"
        >
          {t('providerDashboard.statementCsv')}
        </Button>
      </Group>
      {download.isError ? (
        <ErrorNotice error={download.error} data-testid="provider-statement-error" />
      ) : null}
    </Stack>
  );
}
