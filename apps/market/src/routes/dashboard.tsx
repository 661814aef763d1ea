import { Alert, Anchor, Button, Card, Grid, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VerificationBadge } from '../features/enterprise/VerificationBadge';
import { OrdersTable } from '../features/orders/OrdersTable';
import { useMe } from '../features/session/use-me';
import { StatementExport } from '../features/statements/StatementExport';
import { SubsidyCapCard } from '../features/subsidy/SubsidyCapCard';

// The chart library is large; it loads with the dashboard, not with the app.
const MonthlyGrantedChart = lazy(() =>
  import('../features/subsidy/MonthlyGrantedChart').then((m) => ({ default: m.MonthlyGrantedChart })),
);

/** The first year of the measures (in force from 2024-04-08) and so of any cap, chart or statement. */
const FIRST_YEAR = 2024;

export function DashboardRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data?.user;
  const enterprise = me.data?.enterprise ?? null;
  const isSme = user?.role === 'sme' && enterprise !== null;
  // The server's Shenzhen year is the current one (the browser's clock and zone may differ).
  const current = useQuery(trpc.subsidy.summary.queryOptions(undefined, { enabled: isSme }));
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const currentYear = current.data?.year;
  const year = chosenYear ?? currentYear;
  const years = currentYear
    ? Array.from({ length: currentYear - FIRST_YEAR + 1 }, (_, i) => currentYear - i)
    : [];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Group gap="sm">
          {isSme && years.length > 1 ? (
            <NativeSelect
              aria-label={t('subsidy.year')}
              leftSection={
                <Text size="xs" c="dimmed">
                  {t('subsidy.year')}
                </Text>
              }
              leftSectionWidth={56}
              value={String(year)}
              onChange={(e) => setChosenYear(Number(e.currentTarget.value))}
              data={years.map((y) => String(y))}
              data-testid="dashboard-year"
            />
          ) : null}
          <Button component={Link} to="/" variant="light">
            {t('dashboard.browse')}
          </Button>
        </Group>
      </Group>
      {user && user.role !== 'sme' ? (
        <Alert color="gray">
          <Stack gap="xs">
            {t('dashboard.notSme')}
            {user.role === 'provider' ? (
              <Button component={Link} to="/provider" size="xs" w="fit-content" variant="light">
                {t('dashboard.goProvider')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : !enterprise ? (
        <Alert color="yellow" data-testid="no-enterprise">
          <Stack gap="xs">
            {t('dashboard.noEnterprise')}
            <Button
              component={Link}
              to="/enterprise/register"
              size="xs"
              w="fit-content"
              data-testid="register-enterprise-link"
            >
              {t('dashboard.registerEnterprise')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <SmeDashboard year={year} />
      )}
    </Stack>
  );
}

function SmeDashboard({ year }: { year: number | undefined }) {
  const { t } = useTranslation();
  const profile = useQuery(trpc.enterprises.mine.queryOptions());
  const orders = useQuery(trpc.orders.mine.queryOptions());
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card data-testid="enterprise-card">
          <QueryState query={profile}>
            {(p) =>
              p ? (
                <Stack gap="xs">
                  <Text size="xs" c="dimmed">
                    {t('dashboard.enterprise')}
                  </Text>
                  <Group gap="xs">
                    <Text fw={600}>{p.name}</Text>
                    <VerificationBadge
                      status={p.verification.status}
                      data-testid="dashboard-verification-status"
                    />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('dashboard.uscc')}
                  </Text>
                  <Text ff="monospace" size="sm">
                    {p.uscc}
                  </Text>
                  {p.verification.status !== 'verified' ? (
                    <Text size="sm" c="yellow.9">
                      {t(`enterprise.verificationNote.${p.verification.status}`)}
                    </Text>
                  ) : null}
                  <Anchor component={Link} to="/enterprise" size="sm" data-testid="enterprise-profile-link">
                    {t('dashboard.profile')} →
                  </Anchor>
                </Stack>
              ) : null
            }
          </QueryState>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        {year ? <SubsidyCapCard year={year} /> : <SubsidyCapCard />}
      </Grid.Col>
      {year ? (
        <>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Suspense fallback={<Card h={320} data-testid="query-loading" aria-busy="true" />}>
              <MonthlyGrantedChart year={year} />
            </Suspense>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <StatementExport year={year} />
          </Grid.Col>
        </>
      ) : null}
      <Grid.Col span={12}>
        <Card>
          <Stack>
            <Group justify="space-between">
              <Title order={4}>{t('dashboard.recentOrders')}</Title>
              <Anchor component={Link} to="/orders" size="sm">
                {t('dashboard.allOrders')}
              </Anchor>
            </Group>
            <QueryState query={orders} isEmpty={(d) => d.length === 0}>
              {(data) => <OrdersTable orders={data.slice(0, 5)} />}
            </QueryState>
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
