import { Anchor, Card, Group, Stack, Title } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FundSummaryCard } from '../features/fund/FundSummaryCard';
import { AdminOrdersTable } from '../features/orders/AdminOrdersTable';
import { WorkQueue } from '../features/overview/WorkQueue';

/** The landing page: what waits for staff, the fund's committed / reserved / left, and the latest orders. */
export function OverviewRoute() {
  const { t } = useTranslation();
  const latest = useQuery(trpc.admin.orders.list.queryOptions({ page: 1, pageSize: 10 }));
  return (
    <Stack gap="lg">
      <WorkQueue />
      <FundSummaryCard />
      <Card>
        <Stack>
          <Group justify="space-between">
            <Title order={3}>{t('orders.latest')}</Title>
            <Anchor component={Link} to="/orders" size="sm" data-testid="all-orders-link">
              {t('orders.all')}
            </Anchor>
          </Group>
          <QueryState query={latest} isEmpty={(d) => d.items.length === 0} skeletonRows={5}>
            {(data) => <AdminOrdersTable orders={data.items} />}
          </QueryState>
        </Stack>
      </Card>
    </Stack>
  );
}
