import { Group, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../features/common/PageHeader';
import { EnterprisesTable } from '../features/enterprises/EnterprisesTable';
import { DISTRICTS } from '../features/enterprises/labels';
import { oneOf, pageFrom, useDebouncedParam, useSearchState } from '../lib/use-search-state';

const PAGE_SIZE = 20;
const VERIFICATION_FILTERS = ['verified', 'unverified'] as const;

/** Every registered enterprise; verification, district, search and page live in the URL. */
export function EnterprisesRoute() {
  const { t } = useTranslation();
  const [params, update] = useSearchState();
  const verification = oneOf(VERIFICATION_FILTERS, params.get('verification'));
  const district = oneOf(DISTRICTS, params.get('district'));
  const page = pageFrom(params.get('page'));
  const [search, setSearch] = useDebouncedParam('q', params, update, 300);

  const list = useQuery(
    trpc.admin.enterprises.list.queryOptions(
      {
        page,
        pageSize: PAGE_SIZE,
        ...(verification ? { verification } : {}),
        ...(district ? { district } : {}),
        ...(params.get('q') ? { search: params.get('q') ?? '' } : {}),
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="lg">
      <PageHeader title={t('enterprises.title')} subtitle={t('enterprises.subtitle')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('enterprises.search')}
          placeholder={t('enterprises.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={100}
          w={{ base: '100%', sm: 320 }}
          data-testid="enterprise-search"
        />
        <Select
          label={t('enterprises.verificationFilter')}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'unverified', label: t('enterprises.unverified') },
            { value: 'verified', label: t('enterprises.verification.verified') },
          ]}
          value={verification ?? 'all'}
          onChange={(v) => update({ verification: v && v !== 'all' ? v : null, page: null })}
          allowDeselect={false}
          w={{ base: '100%', xs: 180 }}
          data-testid="enterprise-verification-filter"
        />
        <Select
          label={t('enterprises.districtFilter')}
          data={[
            { value: 'all', label: t('common.all') },
            ...DISTRICTS.map((d) => ({ value: d, label: t(`district.${d}`) })),
          ]}
          value={district ?? 'all'}
          onChange={(v) => update({ district: v && v !== 'all' ? v : null, page: null })}
          allowDeselect={false}
          w={{ base: '100%', xs: 180 }}
          data-testid="enterprise-district-filter"
        />
      </Group>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Text c="dimmed" ta="center" py="xl" data-testid="enterprises-empty">
            {t('enterprises.empty')}
          </Text>
        }
        skeletonRows={8}
      >
        {(data) => (
          <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            <Text size="sm" c="dimmed" data-testid="enterprises-total">
              {t('enterprises.total', { count: data.total })}
            </Text>
            <EnterprisesTable items={data.items} />
          </Stack>
        )}
      </QueryState>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(p) => update({ page: String(p) })}
            data-testid="enterprises-pagination"
          />
        </Group>
      ) : null}
    </Stack>
  );
}
