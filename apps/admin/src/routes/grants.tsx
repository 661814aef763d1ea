import { Group, Pagination, Select, Stack, Text } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../features/common/PageHeader';
import { useArticleLabel } from '../features/common/use-article-label';
import { GrantQueueTable } from '../features/grants/GrantQueueTable';
import { GRANT_ARTICLES } from '../features/grants/labels';
import { GRANT_STATUSES } from '../features/grants/workflow';
import { oneOf, pageFrom, useSearchState } from '../lib/use-search-state';

const PAGE_SIZE = 20;

/** Grant applications (Arts. 5, 6 declaration, 7, 8, 9, 11–14) waiting for staff, oldest first. */
export function GrantsRoute() {
  const { t } = useTranslation();
  const articleLabel = useArticleLabel();
  const [params, update] = useSearchState();
  const status = oneOf(GRANT_STATUSES, params.get('status'));
  const article = oneOf(GRANT_ARTICLES, params.get('article'));
  const page = pageFrom(params.get('page'));
  const queue = useQuery(
    trpc.admin.grants.queue.queryOptions(
      { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}), ...(article ? { article } : {}) },
      { placeholderData: keepPreviousData },
    ),
  );
  const pages = queue.data ? Math.max(1, Math.ceil(queue.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="lg">
      <PageHeader title={t('grants.title')} subtitle={t('grants.subtitle')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('grants.statusFilter')}
          data={[
            { value: 'all', label: t('common.all') },
            ...GRANT_STATUSES.map((s) => ({ value: s, label: t(`grants.status.${s}`) })),
          ]}
          value={status ?? 'all'}
          onChange={(v) => update({ status: v && v !== 'all' ? v : null, page: null })}
          allowDeselect={false}
          w={{ base: '100%', xs: 200 }}
          data-testid="grant-status-filter"
        />
        <Select
          label={t('grants.articleFilter')}
          data={[
            { value: 'all', label: t('common.all') },
            ...GRANT_ARTICLES.map((a) => ({ value: a, label: articleLabel(a) })),
          ]}
          value={article ?? 'all'}
          onChange={(v) => update({ article: v && v !== 'all' ? v : null, page: null })}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
          data-testid="grant-article-filter"
        />
      </Group>
      <QueryState
        query={queue}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Text c="dimmed" ta="center" py="xl" data-testid="grants-empty">
            {t('grants.empty')}
          </Text>
        }
        skeletonRows={8}
      >
        {(data) => (
          <Stack gap="sm" style={{ opacity: queue.isPlaceholderData ? 0.6 : 1 }}>
            <Text size="sm" c="dimmed" data-testid="grants-total">
              {t('grants.total', { count: data.total })}
            </Text>
            <GrantQueueTable items={data.items} />
          </Stack>
        )}
      </QueryState>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(p) => update({ page: String(p) })}
            data-testid="grants-pagination"
          />
        </Group>
      ) : null}
    </Stack>
  );
}
