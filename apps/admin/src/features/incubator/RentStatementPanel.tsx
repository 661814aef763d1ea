import { ActionIcon, Badge, Card, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { Money, QueryState, TraceList } from '@nanshan/ui';
import { queryClient, trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RentLine } from '../../lib/api-types';
import { shenzhenToday } from '../../lib/shenzhen-date';
import { useSearchState } from '../../lib/use-search-state';
import { DownloadButton } from '../common/DownloadButton';
import { ExpandToggle } from '../common/ExpandToggle';
import { useReasonText } from '../common/use-reason-text';
import { bpsText, centiM2Text, isMonth, shiftMonth } from './measures';

function TierText({ line }: { line: RentLine }) {
  const { t } = useTranslation();
  if (!line.tier) return <Text size="sm">{t('incubator.rent.noTier')}</Text>;
  return (
    <Text size="sm">
      {line.tier.toMonth === null
        ? t('incubator.rent.tierFrom', { from: line.tier.fromMonth })
        : t('incubator.rent.tierMonths', { from: line.tier.fromMonth, to: line.tier.toMonth })}
    </Text>
  );
}

function Total({ label, fen, testId }: { label: string; fen: number; testId: string }) {
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Money fen={fen} fw={700} size="lg" data-testid={testId} />
    </Card>
  );
}

/** Art. 10 rent statement for a month: every running lease with its tier discount, the rules' trace, totals, files. */
export function RentStatementPanel() {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const [params, update] = useSearchState();
  const asked = params.get('month');
  const month = isMonth(asked) ? asked : shenzhenToday().slice(0, 7);
  const statement = useQuery(
    trpc.admin.incubator.rent.statement.queryOptions({ month }, { placeholderData: keepPreviousData }),
  );
  const [open, setOpen] = useState<string | null>(null);
  const exportAs = (format: 'csv' | 'xlsx') => () =>
    queryClient.fetchQuery({
      ...trpc.admin.incubator.rent.export.queryOptions({ month, format }),
      staleTime: 0,
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="xs" align="flex-end">
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => update({ month: shiftMonth(month, -1) })}
            aria-label={t('incubator.rent.previous')}
            data-testid="rent-previous"
          >
            ‹
          </ActionIcon>
          <TextInput
            type="month"
            label={t('incubator.rent.month')}
            value={month}
            onChange={(e) => update({ month: isMonth(e.currentTarget.value) ? e.currentTarget.value : null })}
            w={170}
            data-testid="rent-month"
          />
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => update({ month: shiftMonth(month, 1) })}
            aria-label={t('incubator.rent.next')}
            data-testid="rent-next"
          >
            ›
          </ActionIcon>
        </Group>
        <Group gap="xs">
          <DownloadButton fetchFile={exportAs('csv')} data-testid="rent-export-csv">
            {t('common.downloadCsv')}
          </DownloadButton>
          <DownloadButton fetchFile={exportAs('xlsx')} data-testid="rent-export-xlsx">
            {t('common.downloadXlsx')}
          </DownloadButton>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('incubator.rent.note')}
      </Text>
      <QueryState query={statement} skeletonRows={6}>
        {(data) => (
          <Stack gap="md" style={{ opacity: statement.isPlaceholderData ? 0.6 : 1 }}>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Card padding="md">
                <Text size="xs" c="dimmed">
                  {t('incubator.rent.leases')}
                </Text>
                <Text fw={700} size="lg" data-testid="rent-count">
                  {data.totals.tenancies}
                </Text>
              </Card>
              <Total
                label={t('incubator.rent.baseTotal')}
                fen={data.totals.baseRentFen}
                testId="rent-base-total"
              />
              <Total
                label={t('incubator.rent.discountTotal')}
                fen={data.totals.discountFen}
                testId="rent-discount-total"
              />
              <Total
                label={t('incubator.rent.dueTotal')}
                fen={data.totals.rentDueFen}
                testId="rent-due-total"
              />
            </SimpleGrid>
            {data.lines.length === 0 ? (
              <Text c="dimmed" ta="center" py="lg" data-testid="rent-empty">
                {t('incubator.rent.empty')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={960}>
                <Table data-testid="rent-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('incubator.rent.enterprise')}</Table.Th>
                      <Table.Th>{t('incubator.rent.unit')}</Table.Th>
                      <Table.Th ta="right">{t('incubator.tenancies.area')}</Table.Th>
                      <Table.Th ta="right">{t('incubator.rent.tenancyMonth')}</Table.Th>
                      <Table.Th>{t('incubator.rent.tier')}</Table.Th>
                      <Table.Th ta="right">{t('incubator.rent.payShare')}</Table.Th>
                      <Table.Th ta="right">{t('incubator.rent.base')}</Table.Th>
                      <Table.Th ta="right">{t('incubator.rent.discount')}</Table.Th>
                      <Table.Th ta="right">{t('incubator.rent.due')}</Table.Th>
                      <Table.Th w={40} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.lines.map((line) => {
                      const expanded = open === line.tenancyId;
                      return (
                        <Fragment key={line.tenancyId}>
                          <Table.Tr data-testid="rent-row" data-unit={line.unit}>
                            <Table.Td>
                              <Text size="sm" fw={600}>
                                {line.enterprise.name}
                              </Text>
                              {line.reasons.map((r) => (
                                <Badge key={r} size="xs" color="yellow" variant="light" mr={4}>
                                  {reasonText(r)}
                                </Badge>
                              ))}
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{line.spaceName}</Text>
                              <Text size="xs" c="dimmed">
                                {line.unit}
                              </Text>
                            </Table.Td>
                            <Table.Td ta="right">{centiM2Text(line.areaCentiM2)}</Table.Td>
                            <Table.Td ta="right" data-testid="rent-tenancy-month">
                              {line.tenancyMonth}
                            </Table.Td>
                            <Table.Td>
                              <TierText line={line} />
                            </Table.Td>
                            <Table.Td ta="right" data-testid="rent-pay-share" data-bps={line.payBps}>
                              {bpsText(line.payBps)}
                            </Table.Td>
                            <Table.Td ta="right">
                              <Money fen={line.baseRentFen} size="sm" />
                            </Table.Td>
                            <Table.Td ta="right">
                              <Money fen={line.discountFen} size="sm" data-testid="rent-discount" />
                            </Table.Td>
                            <Table.Td ta="right">
                              <Money fen={line.rentDueFen} size="sm" fw={700} data-testid="rent-due" />
                            </Table.Td>
                            <Table.Td>
                              <ExpandToggle
                                expanded={expanded}
                                onToggle={() => setOpen(expanded ? null : line.tenancyId)}
                                label={t('incubator.rent.showTrace')}
                                data-testid="rent-trace-toggle"
                              />
                            </Table.Td>
                          </Table.Tr>
                          {expanded ? (
                            <Table.Tr>
                              <Table.Td colSpan={10} bg="var(--mantine-color-gray-0)">
                                <Stack gap={4}>
                                  <Text size="xs" c="dimmed">
                                    {t('incubator.rent.trace')} ·{' '}
                                    {t('incubator.rent.billedOn', { date: line.billedOn })}
                                  </Text>
                                  <TraceList steps={line.trace} data-testid="rent-trace" />
                                </Stack>
                              </Table.Td>
                            </Table.Tr>
                          ) : null}
                        </Fragment>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
