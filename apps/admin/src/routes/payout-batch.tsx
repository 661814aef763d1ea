import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime, Money, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DownloadButton } from '../features/common/DownloadButton';
import { Facts } from '../features/common/Facts';
import { PageHeader } from '../features/common/PageHeader';
import { useArticleLabel } from '../features/common/use-article-label';

/** One payout batch: per provider the orders paid and clawbacks netted, and the file for the bank. */
export function PayoutBatchRoute() {
  const { t } = useTranslation();
  const { batchId = '' } = useParams();
  const queryClient = useQueryClient();
  const articleLabel = useArticleLabel();
  const batch = useQuery(trpc.admin.settlement.batch.queryOptions({ id: batchId }));
  const exportAs = (format: 'csv' | 'xlsx') => () =>
    queryClient.fetchQuery({
      ...trpc.admin.settlement.exportBatch.queryOptions({ id: batchId, format }),
      staleTime: 0,
    });

  return (
    <QueryState query={batch} skeletonRows={8}>
      {(b) => (
        <Stack gap="lg">
          <PageHeader
            back={{ to: '/settlement?tab=batches', label: t('settlement.title') }}
            title={t('settlement.batchTitle', { reference: b.reference })}
            actions={
              <>
                <DownloadButton fetchFile={exportAs('csv')} data-testid="batch-export-csv">
                  {t('common.downloadCsv')}
                </DownloadButton>
                <DownloadButton fetchFile={exportAs('xlsx')} data-testid="batch-export-xlsx">
                  {t('common.downloadXlsx')}
                </DownloadButton>
              </>
            }
          />
          <Card>
            <Facts
              cols={4}
              items={[
                {
                  label: t('settlement.batchColumns.reference'),
                  value: (
                    <Text ff="monospace" inherit>
                      {b.reference}
                    </Text>
                  ),
                  testId: 'batch-reference',
                },
                {
                  label: t('settlement.batchColumns.createdAt'),
                  value: <DateTime value={b.createdAt} inherit />,
                },
                { label: t('settlement.batchColumns.createdBy'), value: b.createdByName },
                {
                  label: t('settlement.batchColumns.total'),
                  value: <Money fen={b.totalFen} fw={700} data-testid="batch-total" />,
                },
              ]}
            />
          </Card>
          {b.payees.map((p) => (
            <Card
              key={`${p.payeeType}-${p.payeeId}`}
              data-testid="batch-payee"
              data-payee-type={p.payeeType}
              data-payee-id={p.payeeId}
            >
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap">
                  <div>
                    <Title order={4}>{p.payeeName}</Title>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {t(`settlement.payeeType.${p.payeeType}`)} · {p.payeeUscc} · {p.payeeAccount}
                    </Text>
                  </div>
                  <Group gap="lg">
                    <Text size="sm">
                      {t('settlement.columns.owed')} <Money fen={p.paidFen} fw={600} />
                    </Text>
                    <Text size="sm">
                      {t('settlement.columns.clawback')} <Money fen={p.clawbackFen} fw={600} />
                    </Text>
                    <Text size="sm">
                      {t('settlement.columns.net')} <Money fen={p.netFen} fw={700} />
                    </Text>
                  </Group>
                </Group>
                <Table.ScrollContainer minWidth={720}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('settlement.lineColumns.paidAt')}</Table.Th>
                        <Table.Th>{t('settlement.lineColumns.enterprise')}</Table.Th>
                        <Table.Th>{t('settlement.lineColumns.offering')}</Table.Th>
                        <Table.Th>{t('settlement.lineColumns.article')}</Table.Th>
                        <Table.Th>{t('settlement.lineColumns.kind')}</Table.Th>
                        <Table.Th ta="right">{t('settlement.lineColumns.amount')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.lines.map((l) => (
                        <Table.Tr
                          key={`${l.kind}-${l.orderId ?? l.grantApplicationId}`}
                          data-testid="batch-line"
                          data-kind={l.kind}
                        >
                          <Table.Td>{l.paidAt ? <DateTime value={l.paidAt} size="sm" /> : '—'}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{l.enterpriseName}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{l.description}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{articleLabel(l.article)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{t(`settlement.kind.${l.kind}`)}</Text>
                          </Table.Td>
                          <Table.Td ta="right">
                            <Money fen={l.amountFen} size="sm" />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
