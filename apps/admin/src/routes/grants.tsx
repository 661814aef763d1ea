import { Group, Stack } from '@mantine/core';
import { GRANT_STATUSES, useGrantStatusLabel } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PagedResults } from '../features/common/PagedResults';
import { PageHeader } from '../features/common/PageHeader';
import { UrlSelect } from '../features/common/UrlSelect';
import { useArticleLabel } from '../features/common/use-article-label';
import { GrantQueueTable } from '../features/grants/GrantQueueTable';
import { GRANT_ARTICLES } from '../features/grants/labels';
import { oneOf, pageFrom, useSearchState } from '../lib/use-search-state';

const PAGE_SIZE = 20;

/** Grant applications (Arts. 5, 6 declaration, 7, 8, 9, 11–14) waiting for staff, oldest first. */
export function GrantsRoute() {
  const { t } = useTranslation();
  const articleLabel = useArticleLabel();
  const statusLabel = useGrantStatusLabel('staff');
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

  return (
    <Stack gap="lg">
      <PageHeader title={t('grants.title')} subtitle={t('grants.subtitle')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <UrlSelect
          name="status"
          label={t('grants.statusFilter')}
          options={GRANT_STATUSES}
          optionLabel={statusLabel}
          value={status}
          update={update}
          width={200}
          testId="grant-status-filter"
        />
        <UrlSelect
          name="article"
          label={t('grants.articleFilter')}
          options={GRANT_ARTICLES}
          optionLabel={articleLabel}
          value={article}
          update={update}
          width={240}
          testId="grant-article-filter"
        />
      </Group>
      <PagedResults
        query={queue}
        page={page}
        pageSize={PAGE_SIZE}
        update={update}
        emptyText={t('grants.empty')}
        totalText={(count) => t('grants.total', { count })}
        testId="grants"
      >
        {(items) => <GrantQueueTable items={items} />}
      </PagedResults>
    </Stack>
  );
}
