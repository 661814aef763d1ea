import { Stack } from '@mantine/core';
import type { OrderStatus } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PagedResults } from '../features/common/PagedResults';
import { PageHeader } from '../features/common/PageHeader';
import { UrlSelect } from '../features/common/UrlSelect';
import { AdminOrdersTable } from '../features/orders/AdminOrdersTable';
import { oneOf, pageFrom, useSearchState } from '../lib/use-search-state';

const PAGE_SIZE = 20;
const STATUSES: readonly OrderStatus[] = [
  'awaiting_payment',
  'paid',
  'cancelled',
  'expired',
  'failed',
  'refunded',
];

/** Every order, newest first; status and page live in the URL. */
export function OrdersRoute() {
  const { t } = useTranslation();
  const { t: tUi } = useTranslation('ui');
  const [params, update] = useSearchState();
  const status = oneOf(STATUSES, params.get('status'));
  const page = pageFrom(params.get('page'));
  const list = useQuery(
    trpc.admin.orders.list.queryOptions(
      { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) },
      { placeholderData: keepPreviousData },
    ),
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('orders.title')}
        actions={
          <UrlSelect
            name="status"
            label={t('orders.statusFilter')}
            allLabel={t('orders.allStatuses')}
            options={STATUSES}
            optionLabel={(s) => tUi(`status.${s}`)}
            value={status}
            update={update}
            width={200}
            testId="admin-status-filter"
          />
        }
      />
      <PagedResults
        query={list}
        page={page}
        pageSize={PAGE_SIZE}
        update={update}
        emptyText={t('orders.empty')}
        totalText={(count) => t('orders.total', { count })}
        testId="admin-orders"
      >
        {(orders) => <AdminOrdersTable orders={orders} />}
      </PagedResults>
    </Stack>
  );
}
