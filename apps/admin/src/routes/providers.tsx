import { Group, Stack, TextInput } from '@mantine/core';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PagedResults } from '../features/common/PagedResults';
import { PageHeader } from '../features/common/PageHeader';
import { UrlSelect } from '../features/common/UrlSelect';
import { PROVIDER_KINDS, PROVIDER_STATUSES } from '../features/providers/labels';
import { ProvidersTable } from '../features/providers/ProvidersTable';
import { oneOf, pageFrom, useDebouncedParam, useSearchState } from '../lib/use-search-state';

const PAGE_SIZE = 20;

/** Intelligent-computing centres (Art. 6) and cloud AI vendors (Art. 9): approval, filing, suspension, revocation. */
export function ProvidersRoute() {
  const { t } = useTranslation();
  const [params, update] = useSearchState();
  const status = oneOf(PROVIDER_STATUSES, params.get('status'));
  const kind = oneOf(PROVIDER_KINDS, params.get('kind'));
  const page = pageFrom(params.get('page'));
  const [search, setSearch] = useDebouncedParam('q', params, update, 300);

  const list = useQuery(
    trpc.admin.providers.list.queryOptions(
      {
        page,
        pageSize: PAGE_SIZE,
        ...(status ? { status } : {}),
        ...(kind ? { kind } : {}),
        ...(params.get('q') ? { search: params.get('q') ?? '' } : {}),
      },
      { placeholderData: keepPreviousData },
    ),
  );

  return (
    <Stack gap="lg">
      <PageHeader title={t('providers.title')} subtitle={t('providers.subtitle')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('enterprises.search')}
          placeholder={t('providers.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={100}
          w={{ base: '100%', sm: 320 }}
          data-testid="provider-search"
        />
        <UrlSelect
          name="status"
          label={t('providers.statusFilter')}
          options={PROVIDER_STATUSES}
          optionLabel={(s) => t(`providers.status.${s}`)}
          value={status}
          update={update}
          testId="provider-status-filter"
        />
        <UrlSelect
          name="kind"
          label={t('providers.kindFilter')}
          options={PROVIDER_KINDS}
          optionLabel={(k) => t(`providers.kind.${k}`)}
          value={kind}
          update={update}
          width={200}
          testId="provider-kind-filter"
        />
      </Group>
      <PagedResults
        query={list}
        page={page}
        pageSize={PAGE_SIZE}
        update={update}
        emptyText={t('providers.empty')}
        totalText={(count) => t('providers.total', { count })}
        testId="providers"
      >
        {(items) => <ProvidersTable items={items} />}
      </PagedResults>
    </Stack>
  );
}
