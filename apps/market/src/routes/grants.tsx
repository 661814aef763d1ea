import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApplicationsTable } from '../features/grants/ApplicationsTable';
import { NoticesCard } from '../features/grants/NoticesCard';

/** 资金申报: the enterprise's applications and the projects under public notice. */
export function GrantsRoute() {
  const { t } = useTranslation();
  const mine = useQuery(trpc.grants.mine.queryOptions());
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('grants.title')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('grants.subtitle')}
          </Text>
        </Stack>
        <Button component={Link} to="/grants/new" data-testid="grant-new">
          {t('grants.new')}
        </Button>
      </Group>
      <Title order={4}>{t('grants.mine')}</Title>
      <QueryState
        query={mine}
        isEmpty={(d) => d.length === 0}
        empty={
          <Text c="dimmed" data-testid="grants-empty">
            {t('grants.empty')}
          </Text>
        }
      >
        {(data) => <ApplicationsTable applications={data} />}
      </QueryState>
      <NoticesCard />
    </Stack>
  );
}
