import { Group, Pagination, Select, Stack, Text, Title } from '@mantine/core';
import { type OrderStatus, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AdminOrdersTable } from '../features/orders/AdminOrdersTable';

const PAGE_SIZE = 20;
const STATUSES: OrderStatus[] = ['awaiting_payment', 'paid', 'cancelled', 'expired', 'failed', 'refunded'];

function statusFrom(value: string | null): OrderStatus | undefined {
  return STATUSES.find((s) => s === value);
}

function pageFrom(value: string | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/** Every order, newest first; status and page live in the URL. */
export function OrdersRoute() {
  const { t } = useTranslation();
  const { t: tUi } = useTranslation('ui');
  const [params, setParams] = useSearchParams();
  const status = statusFrom(params.get('status'));
  const page = pageFrom(params.get('page'));
  const list = useQuery(
    trpc.admin.orders.list.queryOptions(
      { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) },
      { placeholderData: keepPreviousData },
    ),
  );
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  function update(changes: Record<string, string | null>) {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('orders.title')}</Title>
        <Select
          label={t('orders.statusFilter')}
          data={[
            { value: 'all', label: t('orders.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: tUi(`status.${s}`) })),
          ]}
          value={status ?? 'all'}
          onChange={(v) => update({ status: v && v !== 'all' ? v : null, page: null })}
          allowDeselect={false}
          w={200}
          data-testid="admin-status-filter"
        />
      </Group>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Text c="dimmed" ta="center" py="xl" data-testid="admin-orders-empty">
            {t('orders.empty')}
          </Text>
        }
        skeletonRows={8}
      >
        {(data) => (
          <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            <Text size="sm" c="dimmed" data-testid="admin-orders-total">
              {t('orders.total', { count: data.total })}
            </Text>
            <AdminOrdersTable orders={data.items} />
          </Stack>
        )}
      </QueryState>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(p) => update({ page: String(p) })}
            data-testid="admin-orders-pagination"
          />
        </Group>
      ) : null}
    </Stack>
  );
}
