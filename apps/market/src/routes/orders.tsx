import { Button, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrdersTable } from '../features/orders/OrdersTable';

export function OrdersRoute() {
  const { t } = useTranslation();
  const orders = useQuery(trpc.orders.mine.queryOptions());
  return (
    <Stack gap="lg">
      <Title order={2}>{t('orders.title')}</Title>
      <QueryState
        query={orders}
        isEmpty={(d) => d.length === 0}
        empty={
          <Stack align="center" py="xl" data-testid="orders-empty">
            <Text c="dimmed">{t('orders.empty')}</Text>
            <Button component={Link} to="/">
              {t('orders.browse')}
            </Button>
          </Stack>
        }
      >
        {(data) => <OrdersTable orders={data} />}
      </QueryState>
    </Stack>
  );
}
