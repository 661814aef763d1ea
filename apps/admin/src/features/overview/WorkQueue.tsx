import { Card, Loader, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function Tile({
  label,
  count,
  to,
  testId,
}: {
  label: ReactNode;
  count: number | undefined;
  to: string;
  testId: string;
}) {
  return (
    <UnstyledButton component={Link} to={to} data-testid={testId} data-count={count ?? ''}>
      <Card padding="md" h="100%">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          {count === undefined ? (
            <Loader size="xs" />
          ) : (
            <Text fz={28} fw={700} c={count > 0 ? 'nanshan.7' : 'dimmed'} lh={1}>
              {count}
            </Text>
          )}
        </Stack>
      </Card>
    </UnstyledButton>
  );
}

/** What waits for staff today: each tile counts the rows behind a filtered list and links to it. */
export function WorkQueue() {
  const { t } = useTranslation();
  const one = { page: 1, pageSize: 1 } as const;
  const enterprises = useQuery(
    trpc.admin.enterprises.list.queryOptions({ ...one, verification: 'unverified' }),
  );
  const providers = useQuery(trpc.admin.providers.list.queryOptions({ ...one, status: 'pending' }));
  const submitted = useQuery(trpc.admin.grants.queue.queryOptions({ ...one, status: 'submitted' }));
  const notice = useQuery(trpc.admin.grants.queue.queryOptions({ ...one, status: 'public_notice' }));
  const decided = useQuery(trpc.admin.grants.queue.queryOptions({ ...one, status: 'decided' }));
  return (
    <Stack gap="sm" data-testid="work-queue">
      <Title order={3}>{t('overview.todo')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        <Tile
          label={t('overview.unverifiedEnterprises')}
          count={enterprises.data?.total}
          to="/enterprises?verification=unverified"
          testId="todo-enterprises"
        />
        <Tile
          label={t('overview.pendingProviders')}
          count={providers.data?.total}
          to="/providers?status=pending"
          testId="todo-providers"
        />
        <Tile
          label={t('overview.newApplications')}
          count={submitted.data?.total}
          to="/grants?status=submitted"
          testId="todo-grants-submitted"
        />
        <Tile
          label={t('overview.onNotice')}
          count={notice.data?.total}
          to="/grants?status=public_notice"
          testId="todo-grants-notice"
        />
        <Tile
          label={t('overview.toDisburse')}
          count={decided.data?.total}
          to="/grants?status=decided"
          testId="todo-grants-decided"
        />
      </SimpleGrid>
    </Stack>
  );
}
