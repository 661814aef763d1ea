import { Table, Text } from '@mantine/core';
import { DateTime, Money, StatusBadge } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { AdminOrder } from '../../lib/api-types';

function articleKey(article: string | null): 'art6' | 'art9' | 'art10' | 'none' {
  return article === 'art6' || article === 'art9' || article === 'art10' ? article : 'none';
}

export function AdminOrdersTable({ orders }: { orders: AdminOrder[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped data-testid="admin-orders-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.columns.createdAt')}</Table.Th>
            <Table.Th>{t('orders.columns.enterprise')}</Table.Th>
            <Table.Th>{t('orders.columns.offering')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.quantity')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.listPrice')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.subsidy')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.payable')}</Table.Th>
            <Table.Th>{t('orders.columns.article')}</Table.Th>
            <Table.Th>{t('orders.columns.status')}</Table.Th>
            <Table.Th>{t('orders.columns.gateway')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((o) => (
            <Table.Tr key={o.id} data-testid="admin-order-row" data-order-id={o.id}>
              <Table.Td>
                <DateTime value={o.createdAt} size="sm" />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {o.enterpriseName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{o.offeringTitle}</Text>
                <Text size="xs" c="dimmed">
                  {o.providerName}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{o.quantity.toLocaleString()}</Table.Td>
              <Table.Td ta="right">
                <Money fen={o.listPriceFen} size="sm" />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={o.subsidyFen} size="sm" c="teal.8" data-testid="admin-order-subsidy" />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={o.payableFen} size="sm" />
              </Table.Td>
              <Table.Td>
                <Text size="xs">{t(`orders.article.${articleKey(o.article)}`)}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={o.status} data-testid="admin-order-status" />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t(`orders.gateway.${o.paymentGateway}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
