import { Table, Text } from '@mantine/core';
import { DateTime, Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { FundSummary } from '../../lib/api-types';

/** Every budget change of the year: who, when, by how much and why (Art. 2). */
export function AdjustmentsTable({ adjustments }: { adjustments: FundSummary['adjustments'] }) {
  const { t } = useTranslation();
  if (adjustments.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="fund-adjustments-empty">
        {t('fund.adjustments.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="fund-adjustments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fund.adjustments.at')}</Table.Th>
            <Table.Th>{t('fund.adjustments.actor')}</Table.Th>
            <Table.Th ta="right">{t('fund.adjustments.delta')}</Table.Th>
            <Table.Th ta="right">{t('fund.adjustments.after')}</Table.Th>
            <Table.Th>{t('fund.adjustments.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {adjustments.map((a) => (
            <Table.Tr key={a.id} data-testid="fund-adjustment-row">
              <Table.Td>
                <DateTime value={a.at} size="sm" />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.actorName}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" c={a.deltaFen < 0 ? 'red.7' : 'teal.8'} component="span">
                  {a.deltaFen > 0 ? '+' : ''}
                  <Money fen={a.deltaFen} />
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={a.budgetAfterFen} size="sm" />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {a.reason}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
