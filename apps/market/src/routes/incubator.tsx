import { Button, Card, Collapse, Grid, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Money, QueryState, TraceList } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { bpsPercent, centiM2Text } from '../features/incubator/format';
import { PoolCard } from '../features/incubator/PoolCard';
import type { Incubator } from '../lib/api-types';

/** Art. 10 for a tenant: the lease, this month's rent after the tier discount, the year ahead, and the compute pool. */
export function IncubatorRoute() {
  const { t } = useTranslation();
  const incubator = useQuery(trpc.incubator.mine.queryOptions());
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('incubator.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('incubator.subtitle')}
        </Text>
      </div>
      <QueryState
        query={incubator}
        isEmpty={(d) => d === null}
        empty={
          <Card>
            <Text c="dimmed" ta="center" py="lg" data-testid="incubator-not-tenant">
              {t('incubator.notTenant')}
            </Text>
          </Card>
        }
        skeletonRows={8}
      >
        {(data) => (data ? <Tenancy data={data} /> : null)}
      </QueryState>
    </Stack>
  );
}

function Field({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" align="baseline" gap="md">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" ta="right" data-testid={testId}>
        {children}
      </Text>
    </Group>
  );
}

function Tenancy({ data }: { data: Incubator }) {
  const { t } = useTranslation();
  const [traceOpen, { toggle }] = useDisclosure(false);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card h="100%" data-testid="incubator-lease">
          <Stack gap="xs">
            <Title order={4}>{t('incubator.lease')}</Title>
            <Field label={t('incubator.space')}>{data.space.name}</Field>
            <Field label={t('incubator.address')}>{data.space.address}</Field>
            <Field label={t('incubator.unit')} testId="incubator-unit">
              {data.unit}
            </Field>
            <Field label={t('incubator.area')}>
              {t('incubator.areaValue', { area: centiM2Text(data.areaCentiM2) })}
            </Field>
            <Field label={t('incubator.startDate')}>{data.startDate}</Field>
            <Field label={t('incubator.baseRent')}>
              <Money fen={data.baseMonthlyRentFen} />
            </Field>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card h="100%" data-testid="incubator-rent">
          <Stack gap="sm">
            <Group justify="space-between" align="baseline">
              <Title order={4}>{t('incubator.rentTitle')}</Title>
              <Text size="sm" c="dimmed" data-testid="incubator-tenancy-month">
                {t('incubator.tenancyMonth', { month: data.current.tenancyMonth })}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('incubator.rentDue')}
                </Text>
                <Money fen={data.current.rentDueFen} size="xl" fw={700} data-testid="incubator-rent-due" />
              </Stack>
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('incubator.discount')}
                </Text>
                <Money
                  fen={data.current.discountFen}
                  size="xl"
                  fw={600}
                  c="teal.8"
                  data-testid="incubator-rent-discount"
                />
              </Stack>
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('incubator.baseRent')}
                </Text>
                <Money fen={data.baseMonthlyRentFen} size="xl" c="dimmed" />
              </Stack>
            </SimpleGrid>
            <Text size="sm" data-testid="incubator-pay-share" data-bps={data.current.payBps}>
              {t('incubator.payShare', { percent: bpsPercent(data.current.payBps) })}
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              onClick={toggle}
              aria-expanded={traceOpen}
              data-testid="incubator-rent-trace-toggle"
            >
              {traceOpen ? t('incubator.hideTrace') : t('incubator.showTrace')}
            </Button>
            <Collapse expanded={traceOpen}>
              <TraceList steps={data.current.trace} data-testid="incubator-rent-trace" />
            </Collapse>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card data-testid="incubator-schedule-card">
          <Stack gap="sm">
            <div>
              <Title order={4}>{t('incubator.scheduleTitle')}</Title>
              <Text size="xs" c="dimmed">
                {t('incubator.scheduleNote')}
              </Text>
            </div>
            <Table.ScrollContainer minWidth={420}>
              <Table data-testid="incubator-schedule" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('incubator.columns.month')}</Table.Th>
                    <Table.Th ta="right">{t('incubator.columns.tenancyMonth')}</Table.Th>
                    <Table.Th ta="right">{t('incubator.columns.payShare')}</Table.Th>
                    <Table.Th ta="right">{t('incubator.columns.rentDue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.schedule.map((row) => (
                    <Table.Tr key={row.month} data-testid="incubator-schedule-row" data-month={row.month}>
                      <Table.Td>{row.month}</Table.Td>
                      <Table.Td ta="right">{row.tenancyMonth}</Table.Td>
                      <Table.Td ta="right">{bpsPercent(row.payBps)}</Table.Td>
                      <Table.Td ta="right">
                        <Money fen={row.rentDueFen} fw={500} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Title order={4}>{t('incubator.poolsTitle')}</Title>
          {data.pools.length === 0 ? (
            <Text c="dimmed" size="sm" data-testid="incubator-no-pools">
              {t('incubator.poolsEmpty')}
            </Text>
          ) : (
            data.pools.map((pool) => <PoolCard key={pool.id} pool={pool} />)
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
