import { Alert, Group, Pagination, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CatalogueFilters } from '../features/catalogue/CatalogueFilters';
import { CatalogueTable } from '../features/catalogue/CatalogueTable';
import {
  type CatalogueQuery,
  catalogueListInput,
  readCatalogueQuery,
  writeCatalogueQuery,
} from '../features/catalogue/catalogue-query';
import { useMe } from '../features/session/use-me';

const PAGE_SIZE = 10;

/**
 * The public catalogue: search, filters, sort and page live in the URL so back/forward and shared links keep them.
 * A signed-in enterprise sees, per offering, its subsidy now and the price after it (from the server).
 */
export function CatalogueRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const query = readCatalogueQuery(params);
  const [draft, setDraft] = useState(query.search);
  // Back/forward can change the search in the URL; the box follows (our own debounced update already matches).
  const [seenSearch, setSeenSearch] = useState(query.search);
  if (query.search !== seenSearch) {
    setSeenSearch(query.search);
    if (draft.trim() !== query.search) setDraft(query.search);
  }
  // Two changes in one render (e.g. the category, then the sort) must both land: react-router's functional update
  // sees the parameters of the last render, so the latest written parameters are kept here.
  const latest = useRef(params);
  latest.current = params;
  const change = (changes: Partial<CatalogueQuery>) => {
    const next = writeCatalogueQuery(latest.current, changes);
    latest.current = next;
    setParams(next);
  };
  const applySearch = useDebouncedCallback((value: string) => change({ search: value.trim() }), 300);

  const isSme = me.data?.user.role === 'sme' && me.data.enterprise !== null;
  const list = useQuery(
    trpc.offerings.list.queryOptions(catalogueListInput(query, PAGE_SIZE, isSme), {
      // While the next page or filter loads, the previous rows stay, dimmed (and not clickable).
      placeholderData: keepPreviousData,
      enabled: !me.isPending,
    }),
  );
  // Rows are shown only for what the search box says now: while a new search is being typed, the old rows give way
  // to a skeleton, so nobody (and no test) clicks an offering from the previous results.
  const typing = draft.trim() !== query.search;
  const stale = list.isPlaceholderData;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('catalogue.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('catalogue.subtitle')}
        </Text>
      </div>
      {!me.isPending && !me.data ? (
        <Alert color="nanshan" variant="light">
          {t('catalogue.signInForSubsidy')}
        </Alert>
      ) : null}
      <TextInput
        label={t('catalogue.searchLabel')}
        placeholder={t('catalogue.searchPlaceholder')}
        value={draft}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          applySearch(e.currentTarget.value);
        }}
        type="search"
        data-testid="catalogue-search"
      />
      <CatalogueFilters query={query} canSortBySubsidy={isSme} onChange={change} />
      <QueryState
        query={typing || me.isPending ? { ...list, isPending: true } : list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Text c="dimmed" ta="center" py="xl" data-testid="catalogue-empty">
            {t('catalogue.empty')}
          </Text>
        }
        skeletonRows={6}
      >
        {(data) => (
          <Stack
            gap="sm"
            style={{ opacity: stale ? 0.55 : 1, pointerEvents: stale ? 'none' : undefined }}
            aria-busy={stale}
          >
            <Text size="sm" c="dimmed" data-testid="catalogue-total">
              {t('catalogue.total', { count: data.total })}
            </Text>
            <CatalogueTable offerings={data.items} showSubsidy={isSme} />
          </Stack>
        )}
      </QueryState>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={Math.min(query.page, pages)}
            onChange={(p) => change({ page: p })}
            data-testid="catalogue-pagination"
          />
        </Group>
      ) : null}
    </Stack>
  );
}
