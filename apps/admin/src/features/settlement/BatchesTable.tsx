import { Anchor, Table, Text } from '@mantine/core';
import { DateTime, Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PayoutBatchListItem } from '../../lib/api-types';

export function BatchesTable({ items }: { items: PayoutBatchListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="batches-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settlement.batchColumns.reference')}</Table.Th>
            <Table.Th>{t('settlement.batchColumns.createdAt')}</Table.Th>
            <Table.Th>{t('settlement.batchColumns.createdBy')}</Table.Th>
            <Table.Th ta="right">{t('settlement.batchColumns.payees')}</Table.Th>
            <Table.Th ta="right">{t('settlement.batchColumns.orders')}</Table.Th>
            <Table.Th ta="right">{t('settlement.batchColumns.grants')}</Table.Th>
            <Table.Th ta="right">{t('settlement.batchColumns.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={b.id} data-testid="batch-row" data-batch-id={b.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/settlement/batches/${b.id}`}
                  ff="monospace"
                  size="sm"
                  data-testid="batch-link"
                >
                  {b.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <DateTime value={b.createdAt} size="sm" />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{b.createdByName}</Text>
              </Table.Td>
              <Table.Td ta="right">{b.payeeCount}</Table.Td>
              <Table.Td ta="right">{b.orderCount}</Table.Td>
              <Table.Td ta="right">{b.grantCount}</Table.Td>
              <Table.Td ta="right">
                <Money fen={b.totalFen} size="sm" fw={600} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
