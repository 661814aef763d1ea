import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrdersTable } from '../features/orders/OrdersTable';
import { useMe } from '../features/session/use-me';
import { SubsidyCapCard } from '../features/subsidy/SubsidyCapCard';
import type { Me } from '../lib/api-types';
import { trpc } from '../lib/trpc';

type Enterprise = NonNullable<NonNullable<Me>['enterprise']>;

export function DashboardRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data?.user;
  const enterprise = me.data?.enterprise ?? null;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Button component={Link} to="/" variant="light">
          {t('dashboard.browse')}
        </Button>
      </Group>
      {user && user.role !== 'sme' ? (
        <Alert color="gray">{t('dashboard.notSme')}</Alert>
      ) : !enterprise ? (
        <Alert color="yellow" data-testid="no-enterprise">
          {t('dashboard.noEnterprise')}
        </Alert>
      ) : (
        <SmeDashboard enterprise={enterprise} />
      )}
    </Stack>
  );
}

function SmeDashboard({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const orders = useQuery(trpc.orders.mine.queryOptions());
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card data-testid="enterprise-card">
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('dashboard.enterprise')}
            </Text>
            <Group gap="xs">
              <Text fw={600}>{enterprise.name}</Text>
              {enterprise.verified ? (
                <Badge color="teal" variant="light">
                  {t('dashboard.verified')}
                </Badge>
              ) : (
                <Badge color="yellow" variant="light">
                  {t('dashboard.unverified')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t('dashboard.uscc')}
            </Text>
            <Text ff="monospace" size="sm">
              {enterprise.uscc}
            </Text>
            {!enterprise.verified ? (
              <Text size="sm" c="yellow.9">
                {t('dashboard.unverifiedNote')}
              </Text>
            ) : null}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <SubsidyCapCard />
      </Grid.Col>
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
