import { Button, Card, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { Money, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedResults } from '../features/common/PagedResults';
import { PageHeader } from '../features/common/PageHeader';
import { BatchesTable } from '../features/settlement/BatchesTable';
import { CreateBatchDialog } from '../features/settlement/CreateBatchDialog';
import { OwedTable } from '../features/settlement/OwedTable';
import { pageFrom, useSearchState } from '../lib/use-search-state';

const PAGE_SIZE = 20;

/** One figure of the owed screen's totals. */
function Total({
  label,
  fen,
  color,
  testId,
}: {
  label: string;
  fen: number;
  color?: string;
  testId?: string;
}) {
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Money fen={fen} fw={700} size="lg" c={color} data-testid={testId} />
    </Card>
  );
}

function OwedPanel() {
  const { t } = useTranslation();
  const owed = useQuery(trpc.admin.settlement.owed.queryOptions());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const providers = owed.data?.providers ?? [];
  const chosen = providers.filter((p) => selected.has(p.providerId) && p.netFen > 0);

  return (
    <QueryState
      query={owed}
      isEmpty={(d) => d.providers.length === 0}
      empty={
        <Text c="dimmed" ta="center" py="xl" data-testid="owed-empty">
          {t('settlement.nothingOwed')}
        </Text>
      }
    >
      {(data) => (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Total label={t('settlement.totalOwed')} fen={data.totalOwedFen} testId="owed-total" />
            <Total
              label={t('settlement.totalClawback')}
              fen={data.totalClawbackFen}
              color={data.totalClawbackFen < 0 ? 'red.7' : undefined}
            />
            <Total label={t('settlement.totalNet')} fen={data.totalNetFen} testId="owed-net-total" />
            <Total
              label={t('settlement.totalAwaitingDelivery')}
              fen={data.totalAwaitingDeliveryFen}
              color="dimmed"
              testId="owed-awaiting-delivery-total"
            />
          </SimpleGrid>
          {data.totalAwaitingDeliveryFen > 0 ? (
            <Text size="sm" c="dimmed" data-testid="owed-awaiting-delivery-hint">
              {t('settlement.awaitingDeliveryHint')}
            </Text>
          ) : null}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('settlement.selectHint')}
            </Text>
            <Button
              onClick={() => setConfirming(true)}
              disabled={chosen.length === 0}
              data-testid="settlement-create"
            >
              {t('settlement.create', { count: chosen.length })}
            </Button>
          </Group>
          <OwedTable
            providers={data.providers}
            selected={selected}
            onToggle={(id) =>
              setSelected((prev) => {
                const next = new Set(prev);
                if (next.has(id)) next.delete(id);
                else next.add(id);
                return next;
              })
            }
            onToggleAll={(all) =>
              setSelected(
                all
                  ? new Set(data.providers.filter((p) => p.netFen > 0).map((p) => p.providerId))
                  : new Set(),
              )
            }
          />
          <CreateBatchDialog opened={confirming} onClose={() => setConfirming(false)} providers={chosen} />
        </Stack>
      )}
    </QueryState>
  );
}

function BatchesPanel() {
  const { t } = useTranslation();
  const [params, update] = useSearchState();
  const page = pageFrom(params.get('page'));
  const batches = useQuery(
    trpc.admin.settlement.batches.queryOptions(
      { page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  return (
    <PagedResults
      query={batches}
      page={page}
      pageSize={PAGE_SIZE}
      update={update}
      emptyText={t('settlement.noBatches')}
      testId="batches"
    >
      {(items) => <BatchesTable items={items} />}
    </PagedResults>
  );
}

/** Settlement: the subsidies owed to providers from paid orders, paid out in batches with a bank reference. */
export function SettlementRoute() {
  const { t } = useTranslation();
  const [params, update] = useSearchState();
  const tab = params.get('tab') === 'batches' ? 'batches' : 'owed';
  return (
    <Stack gap="lg">
      <PageHeader title={t('settlement.title')} subtitle={t('settlement.subtitle')} />
      <Tabs
        value={tab}
        onChange={(v) => update({ tab: v === 'batches' ? 'batches' : null, page: null })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="owed" data-testid="settlement-tab-owed">
            {t('settlement.tabs.owed')}
          </Tabs.Tab>
          <Tabs.Tab value="batches" data-testid="settlement-tab-batches">
            {t('settlement.tabs.batches')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="owed" pt="md">
          <OwedPanel />
        </Tabs.Panel>
        <Tabs.Panel value="batches" pt="md">
          <BatchesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
