import { Group, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../features/common/PageHeader';
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
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

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
        <Select
          label={t('providers.statusFilter')}
          data={[
            { value: 'all', label: t('common.all') },
            ...PROVIDER_STATUSES.map((s) => ({ value: s, label: t(`providers.status.${s}`) })),
          ]}
          value={status ?? 'all'}
          onChange={(v) => update({ status: v && v !== 'all' ? v : null, page: null })}
          allowDeselect={false}
          w={{ base: '100%', xs: 180 }}
          data-testid="provider-status-filter"
        />
        <Select
          label={t('providers.kindFilter')}
          data={[
            { value: 'all', label: t('common.all') },
            ...PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providers.kind.${k}`) })),
          ]}
          value={kind ?? 'all'}
          onChange={(v) => update({ kind: v && v !== 'all' ? v : null, page: null })}
          allowDeselect={false}
          w={{ base: '100%', xs: 200 }}
          data-testid="provider-kind-filter"
        />
      </Group>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Text c="dimmed" ta="center" py="xl" data-testid="providers-empty">
            {t('providers.empty')}
          </Text>
        }
        skeletonRows={8}
      >
        {(data) => (
          <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            <Text size="sm" c="dimmed" data-testid="providers-total">
              {t('providers.total', { count: data.total })}
            </Text>
            <ProvidersTable items={data.items} />
          </Stack>
        )}
      </QueryState>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(p) => update({ page: String(p) })}
            data-testid="providers-pagination"
          />
        </Group>
      ) : null}
    </Stack>
  );
}
