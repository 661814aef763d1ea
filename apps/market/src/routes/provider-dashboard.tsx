import {
  Alert,
  Anchor,
  Badge,
  Card,
  Grid,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProviderOrdersTable } from '../features/provider/ProviderOrdersTable';
import { ProviderStatusBadge } from '../features/provider/ProviderStatusBadge';
import { RequireProvider } from '../features/provider/RequireProvider';
import { RevenueCard } from '../features/provider/RevenueCard';
import type { ProviderOrder, ProviderProfile } from '../lib/api-types';

const PAGE_SIZE = 20;
const STATUSES = ['awaiting_payment', 'paid', 'cancelled', 'expired', 'failed', 'refunded'] as const;
type Status = (typeof STATUSES)[number];

function asStatus(value: string | null): Status | undefined {
  return STATUSES.find((s) => s === value);
}

function pageFrom(value: string | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/** The provider's day: status, orders to fulfil (mark delivered), all orders, revenue and subsidy receivable. */
export function ProviderDashboardRoute() {
  return <RequireProvider>{(p) => <ProviderDashboard provider={p} />}</RequireProvider>;
}

function ProviderDashboard({ provider }: { provider: ProviderProfile }) {
  const { t } = useTranslation();
  const { t: tu } = useTranslation('ui');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'all' ? 'all' : 'to_fulfil';
  const status = asStatus(params.get('status'));
  const page = pageFrom(params.get('page'));
  const orders = useQuery(
    trpc.providerOrders.list.queryOptions(
      { scope: tab, status: tab === 'all' ? status : undefined, page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  const toFulfil = useQuery(trpc.providerOrders.list.queryOptions({ scope: 'to_fulfil', pageSize: 1 }));
  const pages = orders.data ? Math.max(1, Math.ceil(orders.data.total / PAGE_SIZE)) : 1;
  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('providerDashboard.title')}</Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {provider.name} · {t(`provider.kind.${provider.kind}`)}
            </Text>
            <ProviderStatusBadge status={provider.status} size="sm" />
          </Group>
        </div>
        <Anchor component={Link} to="/provider/profile" size="sm">
          {t('provider.goProfile')} →
        </Anchor>
      </Group>
      {!provider.active ? (
        <Alert color="yellow" data-testid="provider-inactive">
          {t(`provider.statusNote.${provider.status}`)}
          {provider.filing.period !== 'in_force'
            ? ` ${t(`provider.periodNote.${provider.filing.period}`)}`
            : ''}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={12}>
          <Card data-testid="provider-orders">
            <Tabs
              value={tab}
              onChange={(v) => update({ tab: v === 'all' ? 'all' : null, page: null, status: null })}
            >
              <Tabs.List mb="md">
                <Tabs.Tab value="to_fulfil" data-testid="provider-orders-tab-to-fulfil">
                  <Group gap={6}>
                    {t('providerDashboard.toFulfil')}
                    {toFulfil.data && toFulfil.data.total > 0 ? (
                      <Badge size="sm" circle color="orange" data-testid="provider-to-fulfil-count">
                        {toFulfil.data.total}
                      </Badge>
                    ) : null}
                  </Group>
                </Tabs.Tab>
                <Tabs.Tab value="all" data-testid="provider-orders-tab-all">
                  {t('providerDashboard.allOrders')}
                </Tabs.Tab>
              </Tabs.List>
            </Tabs>
            {tab === 'all' ? (
              <Group mb="sm">
                <NativeSelect
                  size="xs"
                  label={t('providerDashboard.statusFilter')}
                  value={status ?? ''}
                  onChange={(e) => update({ status: e.currentTarget.value || null, page: null })}
                  data={[
                    { value: '', label: t('providerDashboard.allStatuses') },
                    ...STATUSES.map((s) => ({ value: s, label: tu(`status.${s}`) })),
                  ]}
                  data-testid="provider-orders-status-filter"
                />
              </Group>
            ) : null}
            <QueryState
              query={orders}
              isEmpty={(d) => d.items.length === 0}
              empty={
                <Text c="dimmed" ta="center" py="xl" data-testid="provider-orders-empty">
                  {tab === 'all' ? t('providerDashboard.allEmpty') : t('providerDashboard.ordersEmpty')}
                </Text>
              }
            >
              {(data) => <OrdersBlock items={data.items} busy={orders.isPlaceholderData} />}
            </QueryState>
            {pages > 1 ? (
              <Group justify="center" mt="md">
                <Pagination
                  total={pages}
                  value={Math.min(page, pages)}
                  onChange={(p) => update({ page: String(p) })}
                  data-testid="provider-orders-pagination"
                />
              </Group>
            ) : null}
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <RevenueCard />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function OrdersBlock({ items, busy }: { items: ProviderOrder[]; busy: boolean }) {
  return (
    <div style={{ opacity: busy ? 0.6 : 1 }} aria-busy={busy}>
      <ProviderOrdersTable orders={items} />
    </div>
  );
}
