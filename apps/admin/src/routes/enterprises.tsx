import { Group, Stack, TextInput } from '@mantine/core';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PagedResults } from '../features/common/PagedResults';
import { PageHeader } from '../features/common/PageHeader';
import { UrlSelect } from '../features/common/UrlSelect';
import { EnterprisesTable } from '../features/enterprises/EnterprisesTable';
import { DISTRICTS } from '../features/enterprises/labels';
import { oneOf, pageFrom, useDebouncedParam, useSearchState } from '../lib/use-search-state';

const PAGE_SIZE = 20;
const VERIFICATION_FILTERS = ['unverified', 'verified'] as const;

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
        <UrlSelect
          name="verification"
          label={t('enterprises.verificationFilter')}
          options={VERIFICATION_FILTERS}
          optionLabel={(v) =>
            v === 'verified' ? t('enterprises.verification.verified') : t('enterprises.unverified')
          }
          value={verification}
          update={update}
          testId="enterprise-verification-filter"
        />
        <UrlSelect
          name="district"
          label={t('enterprises.districtFilter')}
          options={DISTRICTS}
          optionLabel={(d) => t(`district.${d}`)}
          value={district}
          update={update}
          testId="enterprise-district-filter"
        />
      </Group>
      <PagedResults
        query={list}
        page={page}
        pageSize={PAGE_SIZE}
        update={update}
        emptyText={t('enterprises.empty')}
        totalText={(count) => t('enterprises.total', { count })}
        testId="enterprises"
      >
        {(items) => <EnterprisesTable items={items} />}
      </PagedResults>
    </Stack>
  );
}
