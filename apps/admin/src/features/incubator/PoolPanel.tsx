import { Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Money, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolUsage } from '../../lib/api-types';
import { useOptionalText } from '../common/use-optional-text';
import { CapacityDialog } from './CapacityDialog';

/** Share of the capacity as a bar width (a display proportion, never an amount). */
function share(units: number, capacity: number): number {
  return capacity > 0 ? Math.min(100, (units / capacity) * 100) : 0;
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value.toLocaleString()}
      </Text>
    </Stack>
  );
}

function PoolCard({ pool, onSetCapacity }: { pool: PoolUsage; onSetCapacity: () => void }) {
  const { t } = useTranslation();
  const optionalText = useOptionalText();
  const unit = optionalText(`incubator.units.${pool.unit}`) ?? pool.unit;
  return (
    <Card data-testid="pool-card" data-pool-id={pool.id}>
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Title order={3}>{pool.name}</Title>
            <Text size="sm" c="dimmed">
              {pool.gpuModel} · {unit}
            </Text>
          </Stack>
          <Button variant="light" onClick={onSetCapacity} data-testid="pool-set-capacity">
            {t('incubator.pool.setCapacity')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label={t('incubator.pool.capacity')} value={pool.capacityUnits} testId="pool-capacity" />
          <Figure label={t('incubator.pool.paid')} value={pool.paidUnits} testId="pool-paid" />
          <Figure label={t('incubator.pool.reserved')} value={pool.reservedUnits} testId="pool-reserved" />
          <Figure label={t('incubator.pool.left')} value={pool.leftUnits} testId="pool-left" />
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('incubator.pool.price')}
            </Text>
            {pool.unitPriceFen === null ? (
              <Text size="sm" c="dimmed">
                {t('incubator.pool.noPrice')}
              </Text>
            ) : (
              <Text size="sm">
                <Money fen={pool.unitPriceFen} fw={700} size="lg" data-testid="pool-price" />{' '}
                {t('incubator.pool.perUnit', { unit })}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        <Progress.Root size="xl" data-testid="pool-bar">
          <Progress.Section value={share(pool.paidUnits, pool.capacityUnits)} color="teal.6">
            <Progress.Label>{t('incubator.pool.paid')}</Progress.Label>
          </Progress.Section>
          <Progress.Section value={share(pool.reservedUnits, pool.capacityUnits)} color="yellow.5" />
        </Progress.Root>
        <Title order={4}>{t('incubator.pool.byTenant')}</Title>
        {pool.byTenant.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="pool-no-use">
            {t('incubator.pool.noUse')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="pool-tenants">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('incubator.pool.enterprise')}</Table.Th>
                  <Table.Th ta="right">
                    {t('incubator.pool.paid')} · {t('incubator.pool.units')}
                  </Table.Th>
                  <Table.Th ta="right">
                    {t('incubator.pool.paid')} · {t('incubator.pool.amount')}
                  </Table.Th>
                  <Table.Th ta="right">
                    {t('incubator.pool.reserved')} · {t('incubator.pool.units')}
                  </Table.Th>
                  <Table.Th ta="right">
                    {t('incubator.pool.reserved')} · {t('incubator.pool.amount')}
                  </Table.Th>
                  <Table.Th ta="right">{t('incubator.pool.orders')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pool.byTenant.map((u) => (
                  <Table.Tr
                    key={u.enterpriseId}
                    data-testid="pool-tenant-row"
                    data-enterprise-id={u.enterpriseId}
                  >
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {u.name}
                        </Text>
                        {u.tenant ? null : (
                          <Badge size="xs" color="gray" variant="light">
                            {t('incubator.pool.notTenant')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {u.uscc}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" data-testid="pool-tenant-paid-units">
                      {u.paid.units.toLocaleString()}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money fen={u.paid.amountFen} size="sm" />
                    </Table.Td>
                    <Table.Td ta="right" data-testid="pool-tenant-reserved-units">
                      {u.reserved.units.toLocaleString()}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money fen={u.reserved.amountFen} size="sm" />
                    </Table.Td>
                    <Table.Td ta="right">{u.paid.orders + u.reserved.orders}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

/** Art. 10: the dedicated compute pool(s): capacity and its use, by enterprise; staff set the capacity. */
export function PoolPanel() {
  const { t } = useTranslation();
  const usage = useQuery(trpc.admin.incubator.pool.usage.queryOptions());
  const [setting, setSetting] = useState<PoolUsage | null>(null);
  return (
    <>
      <QueryState
        query={usage}
        isEmpty={(d) => d.length === 0}
        empty={
          <Text c="dimmed" ta="center" py="xl" data-testid="pool-empty">
            {t('incubator.pool.empty')}
          </Text>
        }
      >
        {(pools) => (
          <Stack gap="lg">
            {pools.map((pool) => (
              <PoolCard key={pool.id} pool={pool} onSetCapacity={() => setSetting(pool)} />
            ))}
          </Stack>
        )}
      </QueryState>
      <CapacityDialog pool={setting} onClose={() => setSetting(null)} />
    </>
  );
}
