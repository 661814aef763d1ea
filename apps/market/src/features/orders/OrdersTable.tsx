import { Anchor, Button, Table, Text } from '@mantine/core';
import { DateTime, Money, StatusBadge } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrderListItem } from '../../lib/api-types';

export function OrdersTable({ orders }: { orders: OrderListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table data-testid="orders-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.columns.createdAt')}</Table.Th>
            <Table.Th>{t('orders.columns.offering')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.quantity')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.listPrice')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.subsidy')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.payable')}</Table.Th>
            <Table.Th>{t('orders.columns.status')}</Table.Th>
            <Table.Th aria-label={t('orders.receipt')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((o) => (
            <Table.Tr key={o.id} data-testid="order-row" data-order-id={o.id}>
              <Table.Td>
                <DateTime value={o.createdAt} size="sm" />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/orders/${o.id}`} size="sm" fw={600} data-testid="order-link">
                  {o.offeringTitle}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {o.providerName}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{o.quantity.toLocaleString()}</Table.Td>
              <Table.Td ta="right">
                <Money fen={o.listPriceFen} size="sm" />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={o.subsidyFen} size="sm" c="teal.8" />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={o.payableFen} size="sm" fw={600} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={o.status} data-testid="order-row-status" />
              </Table.Td>
              <Table.Td>
                {o.status === 'paid' || o.status === 'refunded' ? (
                  <Button
                    component={Link}
                    to={`/orders/${o.id}/receipt`}
                    size="compact-xs"
                    variant="subtle"
                    data-testid="receipt-link"
                  >
                    {t('orders.receipt')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
